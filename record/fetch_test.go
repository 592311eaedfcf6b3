package record

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// TestAddURLRedirectToPrivateAddressRefused: a public page that redirects
// inside the network is refused at the redirect, because every connection
// is checked, not only the first URL.
func TestAddURLRedirectToPrivateAddressRefused(t *testing.T) {
	// The "inside" server listens on another loopback address.
	l, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	inside := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(statement))
	}))
	inside.Listener.Close()
	inside.Listener = l
	inside.Start()
	t.Cleanup(inside.Close)
	outside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, inside.URL+"/secret.txt", http.StatusFound)
	}))
	t.Cleanup(outside.Close)

	lib, _, _ := newLibrary(t)
	// 127.0.0.1 stands for the public internet; 127.0.0.2 stays private.
	lib.opts.Fetch = FetchOptions{isPublic: func(ip netip.Addr) bool { return ip == netip.MustParseAddr("127.0.0.1") }}
	_, _, err = lib.AddURL(context.Background(), outside.URL+"/page", "m")
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "127.0.0.2 is a private, loopback or reserved address") {
		t.Fatalf("redirect inside the network: %v", err)
	}
	if n := len(lib.DocumentIDs()); n != 0 {
		t.Fatalf("the record changed: %d documents", n)
	}
}

// TestAddURLZeroNetworkIsTheMachine: Linux connects 0.x.y.z to the
// machine itself, so a link to http://0.0.0.1:port reaches a service
// listening on this machine; it is refused like 127.0.0.1, with the
// default address rules.
func TestAddURLZeroNetworkIsTheMachine(t *testing.T) {
	local := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(statement))
	}))
	t.Cleanup(local.Close)
	_, port, err := net.SplitHostPort(local.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	lib, _, _ := newLibrary(t)
	for _, host := range []string{"0.0.0.1", "0.1.2.3"} {
		_, _, err := lib.AddURL(context.Background(), "http://"+host+":"+port+"/secret.txt", "m")
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), "private, loopback or reserved") {
			t.Errorf("%s: %v, want the address refused", host, err)
		}
	}
	if n := len(lib.DocumentIDs()); n != 0 {
		t.Fatalf("the record changed: %d documents", n)
	}
}

func TestAddURLLimits(t *testing.T) {
	stall := make(chan struct{})
	t.Cleanup(func() { close(stall) })
	mux := http.NewServeMux()
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select { // never answers until the client gives up
		case <-r.Context().Done():
		case <-stall:
		}
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain") // no Content-Length
		chunk := []byte(strings.Repeat("word ", 1000))
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	lib, _, _ := newLibrary(t)
	lib.opts.Fetch = FetchOptions{AllowPrivate: true, MaxBytes: 64 << 10, Timeout: 300 * time.Millisecond}
	tests := []struct{ name, url, want string }{
		{"time limit", srv.URL + "/slow", "did not answer within"},
		{"size limit without Content-Length", srv.URL + "/endless", "larger than"},
		{"DNS failure", "http://readout-test.invalid/page", "could not fetch"},
		{"file scheme", "file:///etc/passwd", "only http and https"},
		{"javascript scheme", "javascript:alert(1)", "only http and https"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, _, err := lib.AddURL(context.Background(), tt.url, "m")
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("AddURL(%s) = %v, want an InputError saying %q", tt.url, err, tt.want)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %s: the limits did not bound it", d)
			}
		})
	}
}

func TestPublicAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"93.184.215.14": true, "2606:2800:21f:cb07:6820:80da:af6b:8b2c": true,
		"127.0.0.1": false, "::1": false, "::ffff:127.0.0.1": false, "0.0.0.0": false, "::": false,
		"10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false, "100.64.0.1": false,
		"169.254.169.254": false, "fe80::1": false, "fc00::1": false, "224.0.0.1": false, "255.255.255.255": false,
		// Linux connects 0.x.y.z to the machine itself.
		"0.0.0.1": false, "0.1.2.3": false,
		// Reserved, benchmarking and documentation space.
		"240.0.0.1": false, "198.18.0.1": false, "192.0.0.8": false, "192.0.2.1": false, "203.0.113.9": false,
		// IPv6 that embeds an IPv4 address a gateway reaches: NAT64, 6to4, Teredo.
		"64:ff9b::7f00:1": false, "2002:7f00:1::1": false, "2001::1": false, "fec0::1": false, "2001:db8::1": false,
		// Public neighbours of those blocks stay public.
		"1.1.1.1": true, "198.20.0.1": true, "2001:4860:4860::8888": true, "2003::1": true,
	} {
		if got := publicAddr(netip.MustParseAddr(addr)); got != want {
			t.Errorf("publicAddr(%s) = %v, want %v", addr, got, want)
		}
	}
}
