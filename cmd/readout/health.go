package main

import (
	"context"
	"fmt"

	"net/http"
	"time"
)

// cmdHealth asks a running readout's health endpoint whether it is alive:
// the container HEALTHCHECK, where the image has no shell or curl.
func cmdHealth(ctx context.Context, f *commonFlags, pos []string, s streams) error {
	if len(pos) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q: name the endpoint with --url", pos[0])}
	}
	stdout := s.stdout
	url := &f.url
	ctx, cancel := context.WithTimeout(ctx, 4*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		return usageError{fmt.Sprintf("bad --url: %v", err)}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("not healthy: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("not healthy: %s answered %s", *url, resp.Status)
	}
	fmt.Fprintln(stdout, "healthy")
	return nil
}
