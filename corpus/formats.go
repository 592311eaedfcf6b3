package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// fieldMap reads loosely typed metadata (YAML front matter, JSON records).
type fieldMap map[string]any

// str returns the first non-empty string among keys.
func (f fieldMap) str(keys ...string) string {
	for _, k := range keys {
		switch v := f[k].(type) {
		case string:
			if s := strings.TrimSpace(v); s != "" {
				return s
			}
		case float64:
			return strconv.FormatFloat(v, 'f', -1, 64)
		case int:
			return strconv.Itoa(v)
		case json.Number:
			return v.String()
		}
	}
	return ""
}

// date returns the first date among keys.
func (f fieldMap) date(keys ...string) time.Time {
	for _, k := range keys {
		switch v := f[k].(type) {
		case time.Time:
			return day(v.Year(), v.Month(), v.Day())
		case string:
			if t, ok := parseDate(v); ok {
				return t
			}
		}
	}
	return time.Time{}
}

// speakers reads a list of names or of {name, title} objects.
func (f fieldMap) speakers(keys ...string) []Speaker {
	for _, k := range keys {
		list, ok := f[k].([]any)
		if !ok {
			if s, ok := f[k].(string); ok && strings.TrimSpace(s) != "" {
				list = []any{}
				for _, p := range strings.Split(s, ",") {
					list = append(list, p)
				}
			} else {
				continue
			}
		}
		var out []Speaker
		for _, it := range list {
			switch v := it.(type) {
			case string:
				if n := strings.TrimSpace(v); n != "" {
					out = append(out, Speaker{Name: n})
				}
			case map[string]any:
				fm := fieldMap(v)
				if n := fm.str("name"); n != "" {
					out = append(out, Speaker{Name: n, Title: fm.str("title", "role")})
				}
			}
		}
		if out != nil {
			return out
		}
	}
	return nil
}

// meta reads the metadata fields shared by front matter and JSON records.
func (f fieldMap) meta() meta {
	m := meta{
		Title:    f.str("title", "headline"),
		Outlet:   f.str("outlet", "source", "publisher", "site"),
		URL:      f.str("url", "link", "canonical"),
		Category: f.str("category", "section"),
		Date:     f.date("date", "published", "published_at", "publishDate"),
		Captured: f.date("captured", "retrieved", "fetched"),
		Speakers: f.speakers("speakers", "speaker"),
	}
	if m.Category == "" {
		if l, ok := f["categories"].([]any); ok && len(l) > 0 {
			if s, ok := l[0].(string); ok {
				m.Category = s
			}
		}
	}
	return m
}

var (
	mdLinkRe     = regexp.MustCompile(`!?\[([^\]\n]*)\]\([^)\n]*\)`)
	mdRefDefRe   = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s+\S+`)
	mdEmphRe     = regexp.MustCompile(`(\*\*|__)([^\n]+?)(\*\*|__)`)
	mdStarRe     = regexp.MustCompile(`(^|[\s(])\*([^*\s][^*\n]*?)\*`)
	mdListRe     = regexp.MustCompile(`^\s{0,6}(?:[-*+]|\d{1,3}[.)])\s+`)
	mdHeadingRe  = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$`)
	mdRuleRe     = regexp.MustCompile(`^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$`)
	htmlCommentR = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// mdInline removes inline Markdown markup, keeping the words.
func mdInline(s string) string {
	s = mdLinkRe.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "!") {
			return ""
		}
		return mdLinkRe.ReplaceAllString(m, "$1")
	})
	s = mdEmphRe.ReplaceAllString(s, "$2")
	s = mdStarRe.ReplaceAllString(s, "$1$2")
	return strings.ReplaceAll(s, "`", "")
}

// parseMarkdown reads Markdown with optional YAML front matter. The body is
// turned into plain text (one paragraph per line) so quotations can be
// matched word for word; the first level-one heading is the title when the
// front matter has none.
func parseMarkdown(id, data string) (*Document, error) {
	data = strings.ReplaceAll(strings.TrimPrefix(data, "\uFEFF"), "\r\n", "\n")
	var m meta
	if strings.HasPrefix(data, "---\n") {
		rest := data[4:]
		end := -1
		for _, delim := range []string{"\n---\n", "\n...\n"} {
			if i := strings.Index(rest, delim); i >= 0 && (end < 0 || i < end) {
				end = i
			}
		}
		if end < 0 && (strings.HasSuffix(rest, "\n---") || strings.HasSuffix(rest, "\n...")) {
			end = len(rest) - 4
		}
		if end >= 0 {
			var fm map[string]any
			if err := yaml.Unmarshal([]byte(rest[:end]), &fm); err != nil {
				return nil, fmt.Errorf("front matter: %w", err)
			}
			m = fieldMap(fm).meta()
			data = rest[min(len(rest), end+5):]
		}
	}
	data = htmlCommentR.ReplaceAllString(data, "")
	var out []string
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, mdInline(strings.Join(para, " ")), "")
			para = para[:0]
		}
	}
	fence := false
	listItem := map[int]bool{} // indexes in out that are list items
	for _, line := range strings.Split(data, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			flush()
			fence = !fence
			continue
		}
		if fence {
			out = append(out, line)
			continue
		}
		switch {
		case trimmed == "":
			flush()
		case mdRuleRe.MatchString(line), mdRefDefRe.MatchString(line):
			flush()
		case mdHeadingRe.MatchString(line):
			flush()
			h := mdHeadingRe.FindStringSubmatch(line)
			text := mdInline(h[2])
			if m.Title == "" && h[1] == "#" {
				m.Title = text
			}
			out = append(out, text, "")
		case mdListRe.MatchString(line):
			// One item per line, no blank line between items.
			flush()
			if n := len(out); n > 0 && out[n-1] == "" && n >= 2 && listItem[n-2] {
				out = out[:n-1]
			}
			out = append(out, mdInline(mdListRe.ReplaceAllString(line, "")), "")
			listItem[len(out)-2] = true
		case strings.HasPrefix(trimmed, ">"):
			para = append(para, strings.TrimSpace(strings.TrimLeft(trimmed, "> ")))
		default:
			para = append(para, trimmed)
		}
	}
	flush()
	return build(id, FormatMarkdown, strings.Join(out, "\n"), m)
}

// skipElements hold page chrome or code, never the report.
var skipElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Form: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Iframe: true, atom.Button: true, atom.Select: true, atom.Head: true, atom.Object: true,
	atom.Canvas: true, atom.Dialog: true, atom.Menu: true,
}

// blockElements end a paragraph.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Pre: true,
	atom.Tr: true, atom.Table: true, atom.Hr: true, atom.Figure: true, atom.Figcaption: true,
	atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Address: true, atom.Body: true,
	atom.Td: true, atom.Th: true,
}

// attr returns an attribute's value.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// textOf returns the collapsed text inside n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// htmlText renders n's readable text with a blank line between blocks.
func htmlText(root *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.TextNode:
			if pre {
				b.WriteString(n.Data)
				return
			}
			s := strings.Join(strings.Fields(n.Data), " ")
			if s == "" {
				if n.Data != "" {
					b.WriteByte(' ')
				}
				return
			}
			if n.Data[0] == ' ' || n.Data[0] == '\n' || n.Data[0] == '\t' {
				b.WriteByte(' ')
			}
			b.WriteString(s)
			if last := n.Data[len(n.Data)-1]; last == ' ' || last == '\n' || last == '\t' {
				b.WriteByte(' ')
			}
			return
		case html.ElementNode:
			if skipElements[n.DataAtom] || attr(n, "hidden") != "" || attr(n, "aria-hidden") == "true" {
				return
			}
			if n.DataAtom == atom.Br {
				b.WriteByte('\n')
				return
			}
		}
		block := n.Type == html.ElementNode && blockElements[n.DataAtom]
		if block {
			b.WriteString("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre || n.DataAtom == atom.Pre)
		}
		if block {
			b.WriteString("\n\n")
		}
	}
	walk(root, false)
	// Lines carry the indentation of the markup: trim both ends.
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

// parseHTML reads an HTML page: metadata from the head (Open Graph, article
// tags, canonical link), text from <article> or <main> (else <body>) without
// navigation, headers, footers, scripts and forms.
func parseHTML(id string, data []byte) (*Document, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("html: %w", err)
	}
	var m meta
	var titleTag, ogTitle, h1, timeDate string
	var article, mainEl, body *html.Node
	metaDates := map[string]string{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if titleTag == "" {
					titleTag = textOf(n)
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title", "twitter:title":
					if ogTitle == "" {
						ogTitle = val
					}
				case "og:site_name", "application-name":
					if m.Outlet == "" {
						m.Outlet = val
					}
				case "og:url":
					if m.URL == "" {
						m.URL = val
					}
				case "article:section":
					m.Category = val
				case "article:published_time", "og:published_time", "og:article:published_time",
					"datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
					"citation_publication_date", "parsely-pub-date", "sailthru.date", "article.published":
					if _, ok := metaDates[key]; !ok {
						metaDates[key] = val
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && attr(n, "href") != "" {
					m.URL = attr(n, "href") // canonical wins over og:url
				}
			case atom.Time:
				if timeDate == "" {
					timeDate = attr(n, "datetime")
					if timeDate == "" {
						timeDate = textOf(n)
					}
				}
			case atom.H1:
				if h1 == "" {
					h1 = textOf(n)
				}
			case atom.Article:
				if article == nil {
					article = n
				}
			case atom.Main:
				if mainEl == nil {
					mainEl = n
				}
			case atom.Body:
				body = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	switch {
	case ogTitle != "":
		m.Title = ogTitle
	case titleTag != "":
		m.Title = titleTag
	default:
		m.Title = h1
	}
	for _, k := range []string{"article:published_time", "og:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "citation_publication_date", "parsely-pub-date", "sailthru.date", "article.published"} {
		if t, ok := parseDate(metaDates[k]); ok {
			m.Date = t
			break
		}
	}
	if m.Date.IsZero() {
		if t, ok := parseDate(timeDate); ok {
			m.Date = t
		}
	}
	root := article
	if root == nil {
		root = mainEl
	}
	if root == nil {
		root = body
	}
	if root == nil {
		root = doc
	}
	return build(id, FormatHTML, htmlText(root), m)
}

// recordDoc builds the document of one JSON record.
func recordDoc(fileID, recID, format string, rec map[string]any) (*Document, error) {
	f := fieldMap(rec)
	text := f.str("text", "body", "content")
	if strings.TrimSpace(text) == "" {
		return nil, &RecordError{ID: fileID + "#" + recID, Err: fmt.Errorf("no text field: %w", ErrEmpty)}
	}
	d, err := build(fileID+"#"+recID, format, text, f.meta())
	if err != nil {
		return nil, &RecordError{ID: fileID + "#" + recID, Err: err}
	}
	return d, nil
}

// recordID is a record's own id, or fallback (its line or position).
func recordID(rec map[string]any, fallback int) string {
	if id := fieldMap(rec).str("id"); id != "" {
		return id
	}
	return strconv.Itoa(fallback)
}

// parseJSON reads one JSON object or an array of objects.
func parseJSON(id string, data []byte) ([]*Document, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("parse %s: json: %w", id, err)
	}
	var recs []any
	switch t := v.(type) {
	case map[string]any:
		recs = []any{t}
	case []any:
		recs = t
	default:
		return nil, fmt.Errorf("parse %s: json: want an object or an array of objects", id)
	}
	var docs []*Document
	var errs []error
	seen := map[string]bool{}
	for i, r := range recs {
		rec, ok := r.(map[string]any)
		if !ok {
			errs = append(errs, &RecordError{ID: fmt.Sprintf("%s#%d", id, i+1), Err: errors.New("not a JSON object")})
			continue
		}
		rid := recordID(rec, i+1)
		if seen[rid] {
			errs = append(errs, &RecordError{ID: id + "#" + rid, Err: errors.New("duplicate record id")})
			continue
		}
		seen[rid] = true
		d, err := recordDoc(id, rid, FormatJSON, rec)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("parse %s: no records: %w", id, ErrEmpty)
	}
	return docs, errors.Join(errs...)
}

// parseJSONL reads one JSON object per line; blank lines are ignored and a
// bad line becomes a RecordError named by its line number.
func parseJSONL(id string, data []byte) ([]*Document, error) {
	var docs []*Document
	var errs []error
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), len(data)+1)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var rec map[string]any
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		if err := dec.Decode(&rec); err != nil || rec == nil {
			if err == nil {
				err = errors.New("not a JSON object")
			}
			errs = append(errs, &RecordError{ID: fmt.Sprintf("%s#%d", id, n), Err: fmt.Errorf("line %d: %w", n, err)})
			continue
		}
		rid := recordID(rec, n)
		if seen[rid] {
			errs = append(errs, &RecordError{ID: id + "#" + rid, Err: fmt.Errorf("line %d: duplicate record id", n)})
			continue
		}
		seen[rid] = true
		d, err := recordDoc(id, rid, FormatJSONL, rec)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("parse %s: %w", id, err))
	}
	if len(docs) == 0 && len(errs) == 0 {
		return nil, fmt.Errorf("parse %s: no records: %w", id, ErrEmpty)
	}
	return docs, errors.Join(errs...)
}
