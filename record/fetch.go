package record

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"regexp"
	"strings"
	"syscall"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/readout/readout/corpus"
)

// FetchOptions limits what AddURL fetches.
type FetchOptions struct {
	// AllowPrivate permits loopback, private and link-local addresses
	// (off: only public addresses, checked at every connection, so neither
	// a redirect nor a DNS answer can lead inside the network).
	AllowPrivate bool
	// MaxBytes is the largest page taken (default 5 MiB).
	MaxBytes int64
	// Timeout bounds the whole fetch (default 20 s).
	Timeout time.Duration
	// Client, when set, is used as is (tests); its transport is trusted.
	Client *http.Client

	// isPublic replaces publicAddr in tests, so a test server on one
	// loopback address can stand for a public host while another loopback
	// address stays private.
	isPublic func(netip.Addr) bool
}

const maxRedirects = 5

// fetchClient builds the client that enforces the address rules.
func (o FetchOptions) client() *http.Client {
	if o.Client != nil {
		return o.Client
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, Control: func(network, address string, _ syscall.RawConn) error {
		if o.AllowPrivate {
			return nil
		}
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		ip, err := netip.ParseAddr(host)
		if err != nil {
			return fmt.Errorf("unexpected address %q", address)
		}
		public := publicAddr
		if o.isPublic != nil {
			public = o.isPublic
		}
		if !public(ip) {
			return fmt.Errorf("%s is a private, loopback or reserved address", ip)
		}
		return nil
	}}
	return &http.Client{
		Transport: &http.Transport{
			DialContext:           dialer.DialContext,
			TLSHandshakeTimeout:   10 * time.Second,
			ResponseHeaderTimeout: 15 * time.Second,
			MaxIdleConns:          2,
			IdleConnTimeout:       30 * time.Second,
		},
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			return checkURL(req.URL)
		},
	}
}

// notPublic are the special-purpose blocks (IANA's IPv4 and IPv6
// special-purpose address registries) that netip's predicates leave
// "global unicast" but that are no public web server: 0.0.0.0/8 (Linux
// connects 0.x.y.z to the machine itself), shared (CGNAT), benchmarking,
// documentation and reserved space, and the IPv6 blocks that embed an
// IPv4 address a gateway would reach for us (NAT64, 6to4, Teredo).
var notPublic = func() []netip.Prefix {
	var out []netip.Prefix
	for _, p := range []string{
		"0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24",
		"198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4",
		"64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
		"2002::/16", "fec0::/10",
	} {
		out = append(out, netip.MustParsePrefix(p))
	}
	return out
}()

// publicAddr reports whether ip is a routable public address.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || !ip.IsGlobalUnicast() || ip.IsPrivate() || ip.IsLoopback() ||
		ip.IsLinkLocalUnicast() || ip.IsUnspecified() {
		return false
	}
	for _, p := range notPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

func checkURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return inputErrorf("only http and https links can be added, not %q", u.Scheme+":")
	}
	if u.Host == "" {
		return inputErrorf("the link has no host")
	}
	if u.User != nil {
		return inputErrorf("links with a user name or password are not accepted")
	}
	return nil
}

// AddURL fetches a page (http or https only, public addresses unless the
// options allow private ones, size and time limited) and adds it like
// AddFile, as a Markdown document whose front matter keeps the page's URL.
func (l *Library) AddURL(ctx context.Context, rawURL, by string) (string, *Change, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return "", nil, inputErrorf("%q is not a link", rawURL)
	}
	if err := checkURL(u); err != nil {
		return "", nil, err
	}
	body, mediaType, final, err := l.fetch(ctx, u)
	if err != nil {
		return "", nil, err
	}
	ext := ".html"
	switch mediaType {
	case "text/plain":
		ext = ".txt"
	case "text/markdown":
		ext = ".md"
	case "application/json":
		ext = ".json"
	}
	base := nameFromURL(final, ext)
	parsed, err := corpus.Parse(base, body)
	if err != nil {
		return "", nil, inputErrorf("the page at %s could not be read as a document: %v", final, err)
	}
	d := parsed[0]
	front := map[string]string{"title": d.Title, "url": d.URL, "outlet": d.Outlet}
	if front["url"] == "" {
		front["url"] = final.String()
	}
	if front["outlet"] == "" {
		front["outlet"] = final.Hostname()
	}
	if !d.Date.IsZero() {
		front["date"] = d.Date.Format("2006-01-02")
	}
	for k, v := range front {
		if v == "" {
			delete(front, k)
		}
	}
	fm, err := yaml.Marshal(front)
	if err != nil {
		return "", nil, fmt.Errorf("encode front matter: %w", err)
	}
	md := "---\n" + string(fm) + "---\n\n" + d.Text + "\n"
	return l.AddFile(ctx, strings.TrimSuffix(base, ext)+".md", []byte(md), by)
}

func (l *Library) fetch(ctx context.Context, u *url.URL) ([]byte, string, *url.URL, error) {
	o := l.opts.Fetch
	max := o.MaxBytes
	if max <= 0 {
		max = 5 << 20
	}
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = 20 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", nil, inputErrorf("%q is not a link", u)
	}
	req.Header.Set("User-Agent", "readout (+document fetch for a Discord record bot)")
	req.Header.Set("Accept", "text/html, text/plain;q=0.9, text/markdown;q=0.9, application/json;q=0.5")
	resp, err := o.client().Do(req)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return nil, "", nil, ie
		}
		if ctx.Err() != nil {
			return nil, "", nil, inputErrorf("%s did not answer within %s", u.Host, timeout)
		}
		return nil, "", nil, inputErrorf("could not fetch %s: %v", u.Redacted(), err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", nil, inputErrorf("%s answered %s", u.Redacted(), resp.Status)
	}
	mediaType, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch mediaType {
	case "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/json", "":
	default:
		return nil, "", nil, inputErrorf("%s is %s, not a page or text document", u.Redacted(), mediaType)
	}
	if resp.ContentLength > max {
		return nil, "", nil, inputErrorf("the page is %d bytes; at most %d are taken", resp.ContentLength, max)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, "", nil, inputErrorf("reading %s failed: %v", u.Redacted(), err)
	}
	if int64(len(body)) > max {
		return nil, "", nil, inputErrorf("the page is larger than %d bytes, the most that is taken", max)
	}
	return body, mediaType, resp.Request.URL, nil
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// nameFromURL makes a safe file name from a URL's host and last path part.
func nameFromURL(u *url.URL, ext string) string {
	last := strings.TrimSuffix(path.Base(u.Path), path.Ext(u.Path))
	if last == "." || last == "/" || last == "" {
		last = "index"
	}
	name := unsafeName.ReplaceAllString(u.Hostname()+"_"+last, "-")
	name = strings.Trim(name, ".-")
	if len(name) > 100 {
		name = name[:100]
	}
	return name + ext
}
