package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/readout/readout/text"
)

// labelPosts are the posts a transcript's role label names, by the
// speaker turnSpeaker reads it as when neither the document's title nor
// its text names the holder ("THE PRESIDENT:" in "The Inaugural Address",
// which names no president): "The President" holds the post "President".
var labelPosts = map[string]string{
	"The President":      "President",
	"The Vice President": "Vice President",
	"The First Lady":     "First Lady",
}

// holderReach bounds how far (in days) from a document's date another
// document naming a post's holder is evidence of who held it.
const holderReach = 14

// holding is one document's evidence of who held a post on a day: the
// person its title says issued it in that post ("Remarks by President
// Biden …"), by surname, with the fullest form of the name it gives.
type holding struct {
	day     time.Time
	surname string
	name    string
}

// NameHolders gives the turns a role label alone speaks ("THE
// PRESIDENT:" of a speech whose title and text name no president) the
// person the record's documents of the same site name as issuing them in
// that post, on the nearest day within holderReach days: on 2025-01-20
// the documents of whitehouse.gov are President Trump's, so "The
// Inaugural Address" is his. Only a document's title counts as evidence
// ("Remarks by President Biden …", not a foreign president its text
// quotes), and only a document of the same site (its URL's host, else its
// outlet), so that another site's upload does not decide. When the
// nearest day names two holders equally often, the turns keep the role.
// The President's label in a document whose title gives it to someone
// else ("Press Briefing by Press Secretary …") is the transcript's slip,
// not the President, and is left alone. Documents changed get the holder
// among their Speakers and a new Hash; it returns how many. Call it with
// the whole record before indexing it, and again after reading turns
// anew (Document.ReadTurns), which forgets the holders.
func NameHolders(docs []*Document) int {
	bySite := map[string]map[string][]holding{} // site → post → holdings
	for _, d := range docs {
		if d.Date.IsZero() {
			continue
		}
		sp, _ := issuer(d)
		post, ok := postOf(sp.Title)
		if !ok || sp.Name == "" {
			continue
		}
		if numbered(sp.Name) {
			continue // "Statement by the President Three Years After …"
		}
		h := holding{day: d.Date, surname: surname(sp.Name), name: sp.Name}
		for _, o := range d.Speakers {
			// "Biden" → "Joe Biden", the one the document titles so (not
			// Jill or Hunter Biden).
			if o.Title == post && len(o.Name) > len(h.name) && surname(o.Name) == h.surname {
				h.name = o.Name
			}
		}
		site := siteOf(d)
		if bySite[site] == nil {
			bySite[site] = map[string][]holding{}
		}
		bySite[site][post] = append(bySite[site][post], h)
	}
	for _, byPost := range bySite {
		for _, hs := range byPost {
			slices.SortFunc(hs, func(a, b holding) int { return a.day.Compare(b.day) })
		}
	}
	changed := 0
	for _, d := range docs {
		if nameHolder(d, bySite[siteOf(d)]) {
			changed++
		}
	}
	return changed
}

// numbered reports whether a name holds a number word, as a title's
// words read as a name may ("Three Years").
func numbered(name string) bool {
	for _, w := range strings.Fields(name) {
		if _, ok := text.NumberValue(strings.ToLower(w)); ok {
			return true
		}
	}
	return false
}

// postOf is the post of labelPosts a title names, exactly.
func postOf(title string) (string, bool) {
	for _, post := range labelPosts {
		if title == post {
			return post, true
		}
	}
	return "", false
}

// surname is the last word of a name, without a suffix ("Joseph R.
// Biden, Jr." → "Biden").
func surname(name string) string {
	name, _, _ = strings.Cut(name, ",")
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// siteOf is the host of a document's URL, else its outlet.
func siteOf(d *Document) string {
	if u, err := url.Parse(d.URL); err == nil && u.Host != "" {
		return strings.ToLower(u.Host)
	}
	return "outlet:" + d.Outlet
}

// nameHolder names the holders of d's turns that a role label alone
// speaks; it reports whether it named any.
func nameHolder(d *Document, byPost map[string][]holding) bool {
	if d.Date.IsZero() {
		return false
	}
	var turns []Turn
	for i, t := range d.Turns() {
		post, ok := labelPosts[t.Speaker.Name]
		if !ok || t.Speaker.Title != "" || post == "President" && titledToOther(d.Title) {
			continue
		}
		name := holderOn(byPost[post], d.Date)
		if name == "" {
			continue
		}
		if turns == nil {
			turns = slices.Clone(d.Turns())
		}
		turns[i].Speaker = Speaker{Name: name, Title: post}
		d.Speakers = withHolder(d.Speakers, turns[i].Speaker, t.Speaker.Name)
	}
	if turns == nil {
		return false
	}
	d.turns = turns
	h := sha256.New()
	h.Write([]byte(d.Hash))
	for _, s := range d.Speakers {
		h.Write([]byte("\x00" + s.Name + "\x00" + s.Title))
	}
	d.Hash = hex.EncodeToString(h.Sum(nil))
	return true
}

// titledToOther reports whether a title gives the document to someone
// other than the President ("Press Briefing by Press Secretary Jen Psaki",
// "Remarks by Vice President Harris …", "Press Gaggle by … on the
// President's Trip"): a "THE PRESIDENT:" label in it is the transcript's
// slip for its speaker, as the White House record's seven such documents
// show (Psaki's and Harris's words under the label).
func titledToOther(title string) bool {
	_, by, ok := strings.Cut(title, " by ")
	return ok && !presidentNamedRe.MatchString(strings.ReplaceAll(by, "Vice President", ""))
}

// presidentNamedRe matches a president named by title and name
// ("President Biden", not "the President’s Trip").
var presidentNamedRe = regexp.MustCompile(`\bPresident \p{Lu}`)

// withHolder puts the holder in the place of the role label among a
// document's speakers, or adds them.
func withHolder(speakers []Speaker, holder Speaker, label string) []Speaker {
	if slices.ContainsFunc(speakers, func(s Speaker) bool { return s.Name == holder.Name }) {
		return slices.DeleteFunc(speakers, func(s Speaker) bool { return s.Name == label })
	}
	if i := slices.IndexFunc(speakers, func(s Speaker) bool { return s.Name == label }); i >= 0 {
		speakers[i] = holder
		return speakers
	}
	return append(speakers, holder)
}

// holderOn is the person hs (sorted by day) name in the post on the
// nearest day to day within holderReach days, the most often named that
// day (by surname, in the fullest form given); "" when none is, or two
// are named equally often.
func holderOn(hs []holding, day time.Time) string {
	reach := holderReach * 24 * time.Hour
	best := reach + 1
	count := map[string]int{}
	full := map[string]string{}
	i, _ := slices.BinarySearchFunc(hs, day.Add(-reach), func(h holding, t time.Time) int { return h.day.Compare(t) })
	for ; i < len(hs) && !hs[i].day.After(day.Add(reach)); i++ {
		dist := hs[i].day.Sub(day).Abs()
		switch {
		case dist < best:
			best = dist
			clear(count)
			fallthrough
		case dist == best:
			count[hs[i].surname]++
			if n := hs[i].name; len(n) > len(full[hs[i].surname]) {
				full[hs[i].surname] = n
			}
		}
	}
	name, most, tie := "", 0, false
	for sur, c := range count {
		switch {
		case c > most:
			name, most, tie = full[sur], c, false
		case c == most:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return name
}
