// Package telemetry holds readout's Prometheus metrics and the HTTP endpoint
// that serves them beside /healthz and /readyz. It is a leaf: the core and
// the adapters record into it; it imports none of them.
package telemetry

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// Metrics are the counters and histograms readout exports. A nil *Metrics
// records nothing, so packages can take one optionally.
type Metrics struct {
	Registry *prometheus.Registry

	Interactions   *prometheus.CounterVec   // command, outcome
	AckLatency     prometheus.Histogram     // seconds from receipt to acknowledgement
	Retrieval      prometheus.Histogram     // seconds per search
	ModelLatency   *prometheus.HistogramVec // kind (chat, embed), seconds per call
	ModelTokens    *prometheus.CounterVec   // kind (prompt, completion)
	Answers        *prometheus.CounterVec   // mode
	Quotes         *prometheus.CounterVec   // result (posted, verified, repaired, unquoted)
	Refreshes      *prometheus.CounterVec   // outcome
	RefreshSeconds prometheus.Histogram
	IndexDocs      prometheus.Gauge
	IndexChunks    prometheus.Gauge
	Errors         *prometheus.CounterVec   // kind
	Queued         *prometheus.GaugeVec     // lane: questions waiting for a slot
	QueueWaits     *prometheus.HistogramVec // lane: seconds from arrival to a slot
	Refusals       *prometheus.CounterVec   // reason: questions not taken, and why
}

// New registers readout's metrics (and the Go and process collectors) in a
// registry of their own.
func New() *Metrics {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m := &Metrics{
		Registry: reg,
		Interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "readout_interactions_total", Help: "Discord interactions and messages handled, by command and outcome.",
		}, []string{"command", "outcome"}),
		AckLatency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "readout_ack_latency_seconds", Help: "Time from receiving an interaction to acknowledging it.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2, 3, 5},
		}),
		Retrieval: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "readout_retrieval_seconds", Help: "Time to retrieve the passages for one question.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14),
		}),
		ModelLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "readout_model_seconds", Help: "Time per call to the model server, by kind (chat, embed).",
			Buckets: prometheus.ExponentialBuckets(0.01, 2, 14),
		}, []string{"kind"}),
		ModelTokens: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "readout_model_tokens_total", Help: "Tokens reported by the model server, by kind (prompt, completion).",
		}, []string{"kind"}),
		Answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "readout_answers_total", Help: "Answers given, by mode (generated, extractive, declined).",
		}, []string{"mode"}),
		Quotes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "readout_quotations_total", Help: "Quotations in answers, by result (posted, verified, repaired, unquoted).",
		}, []string{"result"}),
		Refreshes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "readout_refreshes_total", Help: "Changes of the record (refresh, add, remove), by outcome.",
		}, []string{"outcome"}),
		RefreshSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "readout_refresh_seconds", Help: "Duration of changes of the record.",
			Buckets: prometheus.ExponentialBuckets(0.05, 2, 14),
		}),
		IndexDocs:   prometheus.NewGauge(prometheus.GaugeOpts{Name: "readout_index_documents", Help: "Documents in the live index."}),
		IndexChunks: prometheus.NewGauge(prometheus.GaugeOpts{Name: "readout_index_chunks", Help: "Passages in the live index."}),
		Errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "readout_errors_total", Help: "Errors by kind.",
		}, []string{"kind"}),
		Queued: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "readout_queue_length", Help: "Questions waiting for an answer slot, by lane (model, quick).",
		}, []string{"lane"}),
		// From a few milliseconds (a slot free at once) to the 15 minutes
		// an interaction token lives.
		QueueWaits: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "readout_queue_wait_seconds", Help: "Time from a question's arrival to its answer slot, by lane (model, quick).",
			Buckets: []float64{.01, .05, .25, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 900},
		}, []string{"lane"}),
		Refusals: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "readout_refusals_total", Help: "Questions refused, by reason (rate, user_share, queue_full, invalid).",
		}, []string{"reason"}),
	}
	reg.MustRegister(m.Interactions, m.AckLatency, m.Retrieval, m.ModelLatency, m.ModelTokens, m.Answers,
		m.Quotes, m.Refreshes, m.RefreshSeconds, m.IndexDocs, m.IndexChunks, m.Errors,
		m.Queued, m.QueueWaits, m.Refusals)
	return m
}

// Interaction counts one handled interaction.
func (m *Metrics) Interaction(command, outcome string) {
	if m != nil {
		m.Interactions.WithLabelValues(command, outcome).Inc()
	}
}

// Ack records an acknowledgement latency in seconds.
func (m *Metrics) Ack(seconds float64) {
	if m != nil {
		m.AckLatency.Observe(seconds)
	}
}

// Error counts an error of a kind ("model", "discord", "index", ...).
func (m *Metrics) Error(kind string) {
	if m != nil {
		m.Errors.WithLabelValues(kind).Inc()
	}
}

// QueueLength sets how many questions wait in a lane.
func (m *Metrics) QueueLength(lane string, n int) {
	if m != nil {
		m.Queued.WithLabelValues(lane).Set(float64(n))
	}
}

// QueueWait records how long a question waited for its slot in a lane.
func (m *Metrics) QueueWait(lane string, seconds float64) {
	if m != nil {
		m.QueueWaits.WithLabelValues(lane).Observe(seconds)
	}
}

// Refusal counts a question not taken, by reason.
func (m *Metrics) Refusal(reason string) {
	if m != nil {
		m.Refusals.WithLabelValues(reason).Inc()
	}
}
