package retrieval

import (
	"strings"
	"testing"
	"time"
)

func TestParsePeriod(t *testing.T) {
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	cases := []struct {
		in          string
		first, last string
		err         string
	}{
		{"2023", "2023-01-01", "2023-12-31", ""},
		{"2023-09", "2023-09-01", "2023-09-30", ""},
		{"2024-02", "2024-02-01", "2024-02-29", ""},
		{"2023-9-5", "2023-09-05", "2023-09-05", ""},
		{"2023-09-28", "2023-09-28", "2023-09-28", ""},
		{"2023-02-30", "", "", "that day does not exist: February 2023 has 28 days"},
		{"2023-13", "", "", "no month 13"},
		{"last week", "", "", "is not a date"},
	}
	for _, c := range cases {
		first, last, err := ParsePeriod(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || !first.Equal(day(c.first)) || !last.Equal(day(c.last)) {
			t.Errorf("%q: %v–%v %v; want %s–%s", c.in, first, last, err, c.first, c.last)
		}
	}
}
