package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/readout/readout/text"
)

// A transcript of remarks opens with where they were given, in short
// lines before the time they began:
//
//	Intel Ocotillo Campus
//	Chandler, Arizona
//
//	12:20 P.M. MST
//
// or, in the Vice President's transcripts, in lines marked with an
// asterisk and no time ("*Sofitel Manila", "*Manila, Philippines"). Venue
// reads those lines; they are no statement of anyone's, so an answer
// never quotes them, but they say where the statements below were made.

// maxVenueLines is how many lines a venue takes at most ("Grand Foyer",
// "The White House", "Washington, D.C.").
const maxVenueLines = 3

// maxVenueWords is how many words a venue's line holds at most ("Gaylord
// National Resort and Convention Center"); a longer line is prose.
const maxVenueWords = 10

// venueTimeRe is the time a transcript of remarks gives below its venue
// ("12:20 P.M. MST", "10:02 A.M. EDT", "1:29 P.M. EST").
var venueTimeRe = regexp.MustCompile(`^\d{1,2}:\d{2} ?[AaPp]\.? ?[Mm]\.?(?:\s+[A-Z]{2,5})?\s*$`)

// venueDateRe is a date in brackets that may stand between a venue and
// its time ("(June 1, 2021)": the day the remarks were given, when the
// transcript was published later).
var venueDateRe = regexp.MustCompile(`^\([^()]{4,40}\)$`)

// virtualRe matches a title of a meeting held by video ("Remarks by
// President Biden and President Xi … Before Virtual Meeting"): the venue
// its transcript gives is one side's room, not where the other spoke.
var virtualRe = regexp.MustCompile(`(?i)\b(?:virtual(?:ly)?|video|videoconference)\b`)

// Venue returns where the document's statements were made, as its text
// gives it at the top ("Intel Ocotillo Campus, Chandler, Arizona"), or ""
// when it gives none or its title says the meeting was held by video.
// The lines count only when a time follows them, or each is marked with
// an asterisk and a speaker's label follows; each is short, holds no
// sentence, no date and no speaker's label, and starts with a capital
// letter or a digit.
func (d *Document) Venue() string {
	if d == nil || virtualRe.MatchString(d.Title) {
		return ""
	}
	return venueOf(d.Text)
}

// venueOf reads the venue at the top of a document's text (Venue).
func venueOf(text string) string {
	var lines []string
	starred := true
	rest := text
	for len(lines) <= maxVenueLines {
		line, more, ok := nextLine(rest)
		if !ok {
			return ""
		}
		rest = more
		if line == "" {
			continue
		}
		if venueTimeRe.MatchString(line) {
			break
		}
		if venueDateRe.MatchString(line) || venueDateLineRe.MatchString(line) {
			continue // "(June 1, 2021)", "June 11, 2021": when, not where
		}
		star := strings.HasPrefix(line, "*")
		// The asterisks around a line ("*Via Teleconference *") mark it.
		line = strings.TrimSpace(strings.Trim(line, "* "))
		if !venueLine(line) {
			if starred && len(lines) > 0 && speakerLabelled(line) {
				break // "*Sofitel Manila", "*Manila, Philippines", then the remarks
			}
			return ""
		}
		starred = starred && star
		lines = append(lines, strings.TrimRight(venueTrailingDateRe.ReplaceAllString(line, ""), ", "))
	}
	if len(lines) == 0 || len(lines) > maxVenueLines {
		return ""
	}
	return strings.Join(lines, ", ")
}

// venueTrailingDateRe is a date a venue's line ends with ("Via Teleconference,
// March 14, 2023"), which says when, not where.
var venueTrailingDateRe = regexp.MustCompile(`,?\s*(?i:` + text.MonthPattern + `)\.? \d{1,2},? \d{4}$`)

// venueDateLineRe is a line that is a date ("June 11, 2021").
var venueDateLineRe = regexp.MustCompile(`^(?i:(?:` + text.WeekdayPattern + `),? )?(?i:` + text.MonthPattern + `)\.? \d{1,2}(?:,? \d{4})?$`)

// speakerLabelled reports whether a line opens with a speaker's label
// ("AMBASSADOR CARLSON: Wow."): the transcript under a venue.
func speakerLabelled(line string) bool {
	label, _, ok := text.LabelAt(line, 0)
	return ok && text.IsTurnLabel(label)
}

// nextLine returns the first line of s, trimmed, and the text after it;
// ok is false when s is empty.
func nextLine(s string) (line, rest string, ok bool) {
	if s == "" {
		return "", "", false
	}
	line, rest, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(line), rest, true
}

// venueLine reports whether a line may be a venue's: a few words opening
// with a capital letter or a digit ("1600 Pennsylvania Avenue"), no
// sentence's end, no speaker's label ("THE PRESIDENT:"), not all capitals
// (a heading such as "FACT SHEET").
func venueLine(line string) bool {
	if line == "" || len(strings.Fields(line)) > maxVenueWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	if strings.ContainsAny(line, ":;?!“”\"") || strings.HasSuffix(line, ".") && !strings.HasSuffix(line, "D.C.") {
		return false
	}
	return strings.ToUpper(line) != line
}
