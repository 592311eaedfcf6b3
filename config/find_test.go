package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSearchPaths(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want []string
	}{
		{map[string]string{"XDG_CONFIG_HOME": "/x", "HOME": "/h"}, []string{"readout.yaml", "config.yaml", "/x/readout/config.yaml"}},
		{map[string]string{"HOME": "/h"}, []string{"readout.yaml", "config.yaml", "/h/.config/readout/config.yaml"}},
		{map[string]string{"XDG_CONFIG_HOME": "relative", "HOME": "/h"}, []string{"readout.yaml", "config.yaml", "/h/.config/readout/config.yaml"}},
		{map[string]string{}, []string{"readout.yaml", "config.yaml"}},
	}
	for _, c := range cases {
		if got := SearchPaths(func(k string) string { return c.env[k] }); !reflect.DeepEqual(got, c.want) {
			t.Errorf("SearchPaths(%v) = %v, want %v", c.env, got, c.want)
		}
	}
}

// A bad value from the environment is blamed on the variable, not on the
// file, which is fine.
func TestEnvironmentIsNamed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(path, []byte("data_dir: d\n"), 0o600)
	env := map[string]string{"OPENAI_BASE_URL": "notaurl"}
	_, err := Load(path, func(k string) string { return env[k] })
	if err == nil || !strings.HasPrefix(err.Error(), "environment: OPENAI_BASE_URL (model.base_url): ") {
		t.Errorf("error = %v", err)
	}
	env["READOUT_CHAT_MODEL"] = "m"
	env["OPENAI_BASE_URL"] = "http://localhost:11434/v1"
	cfg, err := Load(path, func(k string) string { return env[k] })
	if err != nil || cfg.Source("model.chat_model") != "READOUT_CHAT_MODEL (model.chat_model)" || cfg.Source("data_dir") != "data_dir" {
		t.Errorf("Source: %v %q %q", err, cfg.Source("model.chat_model"), cfg.Source("data_dir"))
	}
}
