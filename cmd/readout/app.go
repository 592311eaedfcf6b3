package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/readout/readout/answer"
	"github.com/readout/readout/config"
	"github.com/readout/readout/corpus"
	"github.com/readout/readout/internal/datalock"
	"github.com/readout/readout/record"
	"github.com/readout/readout/retrieval"
	"github.com/readout/readout/retrieval/static"
	"github.com/readout/readout/telemetry"
)

// app is the core wired from the configuration: the same for every command.
type app struct {
	cfg  config.Config
	log  *slog.Logger
	idx  *retrieval.Index
	lib  *record.Library
	pipe *answer.Pipeline
	// lock is the data folder's lock; nil when this process only reads
	// the index as it is (unlocked says why).
	lock *datalock.Lock
	// unlocked says why the folder is not locked: another readout holds
	// it, or it cannot be written.
	unlocked string
	// damaged: the snapshot on disk was damaged and must be rebuilt.
	damaged bool
}

// lockMode says what a command does when another readout holds the data
// folder.
type lockMode int

const (
	// mustLock: the command writes the index (index, serve); it stops.
	mustLock lockMode = iota
	// mayRead: the command only needs to read (ask, chat, eval); it answers
	// from the index as it is, without updating it.
	mayRead
)

// loadConfig reads the config file and applies the command-line overrides.
func loadConfig(f *commonFlags) (config.Config, error) {
	if f.config == "" {
		f.config = config.Find(os.Getenv)
	}
	cfg, err := config.Load(f.config, os.Getenv)
	if err != nil {
		return config.Config{}, err
	}
	if len(f.corpus) > 0 {
		cfg.Corpus.Sources = append([]string(nil), f.corpus...)
	}
	if f.data != "" {
		cfg.DataDir = f.data
	}
	return cfg, cfg.Validate()
}

// newLogger logs to w: text on a terminal, JSON otherwise (or as configured).
func newLogger(w io.Writer, cfg config.Config, level slog.Level) *slog.Logger {
	format := cfg.Log.Format
	if format == "auto" {
		format = "json"
		if isTerminal(w) {
			format = "text"
		}
	}
	opts := &slog.HandlerOptions{Level: level, ReplaceAttr: durationsAsText}
	if format == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// durationsAsText logs a duration as Go writes it ("4ms", "1m30s"), not
// as a count of nanoseconds.
func durationsAsText(_ []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() == slog.KindDuration {
		a.Value = slog.StringValue(a.Value.Duration().String())
	}
	return a
}

// isTerminal says whether w (or the writer it wraps) is a terminal.
func isTerminal(w io.Writer) bool {
	if u, ok := w.(interface{ Unwrap() io.Writer }); ok {
		w = u.Unwrap()
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func configLevel(cfg config.Config) slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(cfg.Log.Level)); err != nil {
		return slog.LevelInfo
	}
	return l
}

// cliLevel keeps the command line quiet unless asked: warnings by default,
// info with -v, debug with -vv.
func cliLevel(v countFlag) slog.Level {
	switch {
	case v >= 2:
		return slog.LevelDebug
	case v == 1:
		return slog.LevelInfo
	default:
		return slog.LevelWarn
	}
}

// newEmbedder returns the configured embedder: the endpoint's model when
// model.embed_model is set, else the embedded one retrieval.builtin names.
func newEmbedder(cfg config.Config) (retrieval.Embedder, error) {
	if cfg.Model.EmbedModel == "" {
		hash := retrieval.NewBuiltinEmbedder(cfg.Retrieval.BuiltinDimensions)
		switch cfg.Retrieval.Builtin {
		case config.BuiltinStatic:
			return static.New()
		case config.BuiltinHybrid:
			return retrieval.NewHashStatic(cfg.Retrieval.BuiltinDimensions)
		}
		return hash, nil
	}
	return retrieval.NewOpenAIEmbedder(retrieval.OpenAIEmbedderConfig{
		BaseURL:    cfg.Model.BaseURL,
		APIKey:     cfg.Model.APIKey,
		Model:      cfg.Model.EmbedModel,
		BatchSize:  cfg.Model.EmbedBatchSize,
		Timeout:    cfg.Model.Timeout,
		Dimensions: cfg.Model.EmbedDimensions,
	})
}

// newChat returns the configured chat model, or nil for extractive answers.
func newChat(cfg config.Config, metrics *telemetry.Metrics) answer.ChatModel {
	if cfg.Model.ChatModel == "" {
		return nil
	}
	return answer.NewOpenAIChat(answer.OpenAIChatConfig{
		BaseURL:     cfg.Model.BaseURL,
		APIKey:      cfg.Model.APIKey,
		Model:       cfg.Model.ChatModel,
		Timeout:     cfg.Model.Timeout,
		MaxTokens:   cfg.Model.MaxTokens,
		Temperature: cfg.Model.Temperature,
		Metrics:     metrics,
	})
}

// changeOpts say how `readout index` may change the record.
type changeOpts struct {
	// rebuild embeds every document again (needed after changing the
	// embedder); the old snapshot stays until the new one replaces it.
	rebuild bool
	// force lets a refresh remove more of the record than the removal
	// guard allows.
	force bool
}

// openApp wires the core. The data folder is locked so that two processes
// never write one index.
func openApp(cfg config.Config, log *slog.Logger, change changeOpts, mode lockMode, metrics *telemetry.Metrics) (*app, error) {
	rebuild := change.rebuild
	emb, err := newEmbedder(cfg)
	if err != nil {
		return nil, err
	}
	opts := retrieval.IndexOptions{
		Chunk:     corpus.ChunkOptions{MaxBytes: cfg.Corpus.ChunkBytes, Overlap: cfg.Corpus.ChunkOverlap},
		BatchSize: cfg.Model.EmbedBatchSize,
		Logger:    log,
		Metrics:   metrics,
	}
	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return nil, dataFolderError(cfg.DataDir, err)
	}
	unlocked := ""
	lock, err := acquireLock(cfg.DataDir)
	if err != nil {
		var held *datalock.HeldError
		readOnly := cannotWrite(err)
		switch {
		case mode == mustLock || rebuild || !readOnly && !errors.As(err, &held):
			if readOnly {
				return nil, dataFolderError(cfg.DataDir, err)
			}
			return nil, err
		case readOnly:
			// A folder mounted read-only (a container's prebuilt index)
			// answers as it is; only index and serve need to write.
			unlocked = readOnlyFolder
			log.Info(unlocked+": answering from its index as it is, without updating it", "dir", cfg.DataDir, "error", err)
		default:
			// Said at info level: a question answered from the record as
			// it is needs no note on every run (ensureIndex warns when
			// sources named on the command line cannot be read in).
			unlocked = heldFolder
			log.Info(unlocked+": answering from its index as it is, without updating it", "pid", held.PID)
		}
	}
	// The old snapshot stays on disk, and answers other processes, until
	// a complete new one is renamed over it.
	idx, damaged, err := record.OpenIndex(cfg.DataDir, emb, opts, rebuild, lock != nil)
	if err != nil {
		lock.Release()
		return nil, err
	}
	lib := record.New(idx, record.Options{
		Sources: cfg.Corpus.Sources,
		Uploads: cfg.UploadsDir(),
		DataDir: cfg.DataDir,
		Load:    loadOptions(cfg),
		Fetch:   record.FetchOptions{AllowPrivate: cfg.Corpus.AllowPrivateURLs},
		Force:   change.force,
		Rebuild: rebuild,
		Logger:  log,
		Metrics: metrics,
	})
	pipe := &answer.Pipeline{Index: idx, Chat: newChat(cfg, metrics), Logger: log, Passages: cfg.Retrieval.Passages, Metrics: metrics}
	return &app{cfg: cfg, log: log, idx: idx, lib: lib, pipe: pipe, lock: lock, unlocked: unlocked, damaged: damaged}, nil
}

// Why a command reads the data folder without locking it (app.unlocked).
const (
	heldFolder     = "another readout holds the data folder"
	readOnlyFolder = "the data folder cannot be written"
)

// acquireLock locks the data folder (a variable so tests can make the
// folder read-only for a root user, who can write any folder).
var acquireLock = datalock.Acquire

// cannotWrite reports an error that says the data folder cannot be
// written: a read-only file system or no permission.
func cannotWrite(err error) bool {
	return errors.Is(err, syscall.EROFS) || errors.Is(err, fs.ErrPermission)
}

// dataFolderError says what is wrong with the data folder dir and what to
// do, for the errors a person can mend: a file in its place, a folder that
// cannot be written.
func dataFolderError(dir string, err error) error {
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Errorf("the data folder %s cannot be made: a file is in its place (%w); give a folder with --data or data_dir", dir, err)
	case cannotWrite(err):
		return fmt.Errorf("the data folder %s cannot be written (%w); index and serve write there: make it writable, or give another folder with --data or data_dir", dir, err)
	}
	return fmt.Errorf("create the data folder %s: %w", dir, err)
}

// ensureIndex builds the index when there is none yet, or brings it up to
// date with the sources when asked to. It reports what it does on w.
func (a *app) ensureIndex(ctx context.Context, w io.Writer, always bool) error {
	if a.lock == nil {
		if a.idx.Stats().Docs == 0 {
			todo := "wait for it, or use another --data folder"
			if a.unlocked == readOnlyFolder {
				todo = "run `readout index` where it can be written, or use another --data folder"
			}
			return fmt.Errorf("the index is not built yet and %s: %s", a.unlocked, todo)
		}
		if always {
			a.log.Warn(a.unlocked + ": answering from its record as it is, without reading the sources named with --corpus")
		}
		return nil
	}
	if !always && !a.damaged && a.idx.Stats().Docs > 0 {
		return nil
	}
	start := time.Now()
	progress, finish := newProgress(w)
	change, err := a.refresh(ctx, always, progress)
	finish(err == nil)
	if err != nil {
		return fmt.Errorf("index the record: %w", err)
	}
	if n := len(change.Stats.Added) + len(change.Stats.Changed) + len(change.Stats.Removed); n > 0 {
		fmt.Fprintf(w, "indexed the record: %s, %s (%s)\n",
			plural(a.idx.Stats().Docs, "document"), plural(a.idx.Stats().Chunks, "passage"), time.Since(start).Round(time.Millisecond))
	}
	if a.idx.Stats().Docs == 0 {
		return errors.New("the record is empty: no document could be read from the sources (run `readout index` to see why)")
	}
	return nil
}

// loadOptions are the configured limits on reading the sources.
func loadOptions(cfg config.Config) corpus.LoadOptions {
	return corpus.LoadOptions{
		MaxFileSize:    cfg.Corpus.MaxFileBytes,
		MaxTotalBytes:  cfg.Corpus.MaxTotalBytes,
		MaxDocuments:   cfg.Corpus.MaxDocuments,
		FollowSymlinks: cfg.Corpus.FollowSymlinks,
	}
}

// refresh updates the record; a damaged snapshot is rebuilt from the
// sources the folder was built from unless sources were named on the
// command line (named).
func (a *app) refresh(ctx context.Context, named bool, progress func(retrieval.Progress)) (*record.Change, error) {
	if a.damaged && !named {
		return a.lib.Repair(ctx, "cli", progress)
	}
	return a.lib.Refresh(ctx, "cli", progress)
}

// close releases the data folder.
func (a *app) close() {
	a.lock.Release()
}
