package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// loadSample loads the bundled sample and indexes it by ID.
func loadSample(t *testing.T) map[string]*Document {
	t.Helper()
	docs, skipped, err := LoadFS(Sample(), SampleSource, LoadOptions{})
	if err != nil {
		t.Fatalf("LoadFS(Sample()): %v", err)
	}
	if len(skipped) != 0 {
		t.Fatalf("sample skipped files: %v", skipped)
	}
	byID := map[string]*Document{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	return byID
}

func TestSampleIDs(t *testing.T) {
	var names []string
	err := fs.WalkDir(Sample(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"000_796cebcc88a1bf3f.txt", "001_a5096ebbdc57aca1.txt", "002_69e751255ff0b80c.txt", "003_712cea4203d5c32e.txt", "004_ed5a135d6ad044a9.txt"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("Sample() files = %v, want %v", names, want)
	}
	for _, d := range loadSample(t) {
		if d.Source != SampleSource || d.Format != FormatText {
			t.Errorf("%s: Source %q Format %q", d.ID, d.Source, d.Format)
		}
	}
}

func TestSeedMetadata(t *testing.T) {
	docs := loadSample(t)
	tests := []struct {
		id       string
		title    string
		outlet   string
		date     string
		captured string
		speakers []Speaker
		absent   []string // must not be in Text
		present  []string // must be in Text
	}{
		{
			id:       "000_796cebcc88a1bf3f.txt",
			title:    "The United States has once again emphasized the importance of sending an international mission to Nagorno-Karabakh…",
			outlet:   "ARMENPRESS",
			date:     "2023-09-28",
			captured: "2023-10-19",
			speakers: []Speaker{{Name: "Matthew Miller", Title: "U.S. State Department spokesperson"}},
			absent:   []string{"date 2023-10-19"},
			present:  []string{"YEREVAN, SEPTEMBER 29, ARMENPRESS. The United States", "84,770 forcibly displaced persons"},
		},
		{
			id:       "001_a5096ebbdc57aca1.txt",
			title:    "U.S. 'Committed' to Armenian-Azerbaijan Peace And Negotiations — State Department",
			outlet:   "TURAN",
			speakers: []Speaker{{Name: "Ned Price", Title: "the Department's spokesperson"}},
			absent:   []string{"Leave a review", "Rasim Musabeyov", "Politics", "Aktau", "\n-\n"},
			present:  []string{"Alex Raufoglu\nWashington D.C.", "between Armenia and Azerbaijan.\""},
		},
		{
			id:       "002_69e751255ff0b80c.txt",
			title:    "A State Department spokesperson on Monday said the United States has called on Azerbaijan to pull back its troops…",
			date:     "2022-09-26",
			captured: "2022-09-27",
			speakers: []Speaker{
				{Name: "Ned Price", Title: "State Department spokesperson"},
				{Name: "Antony Blinken", Title: "Secretary of State"},
			},
			absent: []string{"date 2022-09-27"},
		},
		{
			id:    "003_712cea4203d5c32e.txt",
			title: "US Secretary of State Antony Blinken has stepped up diplomatic efforts aimed at resolving the conflict over…",
			speakers: []Speaker{
				{Name: "Matthew Miller", Title: "State Department spokesman"},
				{Name: "James O'Brien", Title: "Undersecretary of State for European and Eurasian Affairs"},
			},
		},
		{
			id:       "004_ed5a135d6ad044a9.txt",
			title:    "U.S. Secretary of State Antony Blinken facilitated a Nov. 7 meeting between Armenian Foreign Minister Ararat…",
			outlet:   "State Newswire",
			speakers: []Speaker{{Name: "Antony Blinken", Title: "U.S. Secretary of State"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			d := docs[tt.id]
			if d == nil {
				t.Fatalf("document %s not loaded", tt.id)
			}
			if d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			if len(d.Title) > maxTitleLen {
				t.Errorf("Title is %d bytes, over %d", len(d.Title), maxTitleLen)
			}
			if d.Outlet != tt.outlet {
				t.Errorf("Outlet = %q, want %q", d.Outlet, tt.outlet)
			}
			if got := d.DateString(); got != tt.date {
				t.Errorf("Date = %q, want %q", got, tt.date)
			}
			captured := ""
			if !d.Captured.IsZero() {
				captured = d.Captured.Format("2006-01-02")
			}
			if captured != tt.captured {
				t.Errorf("Captured = %q, want %q", captured, tt.captured)
			}
			if !reflect.DeepEqual(d.Speakers, tt.speakers) {
				t.Errorf("Speakers = %+v, want %+v", d.Speakers, tt.speakers)
			}
			for _, s := range tt.absent {
				if strings.Contains(d.Text, s) {
					t.Errorf("Text contains %q", s)
				}
			}
			for _, s := range tt.present {
				if !strings.Contains(d.Text, s) {
					t.Errorf("Text lacks %q", s)
				}
			}
			if d.Hash != d.ComputeHash() || len(d.Hash) != 64 {
				t.Errorf("Hash = %q, ComputeHash = %q", d.Hash, d.ComputeHash())
			}
			if d.SpeakerAt(10) != "" {
				t.Errorf("SpeakerAt on a news report = %q, want \"\"", d.SpeakerAt(10))
			}
		})
	}
}

func TestHashChangesWithMetadata(t *testing.T) {
	d := &Document{ID: "x.txt", Text: "Some text.", Title: "T"}
	h := d.ComputeHash()
	for name, mutate := range map[string]func(*Document){
		"text":    func(d *Document) { d.Text += " More." },
		"title":   func(d *Document) { d.Title = "U" },
		"outlet":  func(d *Document) { d.Outlet = "Example Wire" },
		"speaker": func(d *Document) { d.Speakers = []Speaker{{Name: "Jane Example"}} },
	} {
		c := *d
		mutate(&c)
		if c.ComputeHash() == h {
			t.Errorf("hash unchanged after changing %s", name)
		}
	}
	c := *d
	c.Source = "elsewhere"
	if c.ComputeHash() != h {
		t.Error("hash depends on Source")
	}
}

// A document read the same but attributed differently (a better turn
// parser) must be re-indexed, so its hash changes with its turns.
func TestHashChangesWithTurns(t *testing.T) {
	d := &Document{ID: "x.txt", Text: "MR. QUILLFEATHER: We welcome the talks.\nQ And the border?\nMR. QUILLFEATHER: No comment.\n"}
	turns := append([]Turn(nil), d.Turns()...)
	h := d.ComputeHash()
	for name, mutate := range map[string]func(*Turn){
		"speaker": func(t *Turn) { t.Speaker.Name = "Zara Example" },
		"title":   func(t *Turn) { t.Speaker.Title = "Spokesperson" },
		"role":    func(t *Turn) { t.Role = RoleReporter },
		"date":    func(t *Turn) { t.Date = time.Date(2031, 1, 2, 0, 0, 0, 0, time.UTC) },
	} {
		c := *d
		ts := append([]Turn(nil), turns...)
		mutate(&ts[0])
		if err := c.SetTurns(ts); err != nil {
			t.Fatal(err)
		}
		if c.ComputeHash() == h {
			t.Errorf("hash unchanged after changing a turn's %s", name)
		}
	}
}

func TestSeedsMatchSharedRecord(t *testing.T) {
	shared := filepath.Join(sharedDir, "corpus", "seeds")
	entries, err := os.ReadDir(shared)
	if err != nil {
		t.Skipf("shared seeds not available (%v): cannot compare the bundled copy", err)
	}
	for _, e := range entries {
		want, err := os.ReadFile(filepath.Join(shared, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got, err := fs.ReadFile(Sample(), e.Name())
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("bundled %s differs from the shared record (%v)", e.Name(), err)
		}
	}
}
