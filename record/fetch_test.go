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
	} {
		if got := publicAddr(netip.MustParseAddr(addr)); got != want {
			t.Errorf("publicAddr(%s) = %v, want %v", addr, got, want)
		}
	}
}
