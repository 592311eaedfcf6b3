package main

import (
	"bufio"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// dockerfile is the parsed Dockerfile: instructions per stage.
type dockerStage struct {
	from, name string
	lines      []string // instructions with continuations joined
}

func parseDockerfile(t *testing.T) []dockerStage {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var stages []dockerStage
	var cur strings.Builder
	flush := func() {
		line := strings.TrimSpace(cur.String())
		cur.Reset()
		if line == "" {
			return
		}
		fields := strings.Fields(line)
		if strings.EqualFold(fields[0], "FROM") {
			st := dockerStage{from: fields[1]}
			if len(fields) == 4 && strings.EqualFold(fields[2], "AS") {
				st.name = fields[3]
			}
			stages = append(stages, st)
			return
		}
		if len(stages) == 0 {
			t.Fatalf("instruction before FROM: %s", line)
		}
		stages[len(stages)-1].lines = append(stages[len(stages)-1].lines, line)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(l, "#") || l == "" {
			if cur.Len() == 0 {
				continue
			}
			if l == "" {
				flush()
			}
			continue
		}
		if strings.HasSuffix(l, "\\") {
			cur.WriteString(strings.TrimSuffix(l, "\\") + " ")
			continue
		}
		cur.WriteString(l)
		flush()
	}
	flush()
	return stages
}

func instr(st dockerStage, name string) []string {
	var out []string
	for _, l := range st.lines {
		if f := strings.Fields(l); strings.EqualFold(f[0], name) {
			out = append(out, strings.TrimSpace(l[len(f[0]):]))
		}
	}
	return out
}

// The image: a Go build stage with CGO_ENABLED=0, then a minimal runtime
// that runs as a non-root user, keeps the data folder as a volume, checks
// its health and starts readout. There is no Docker engine here, so the
// test builds the same binary with the same flags and checks it is static.
func TestDockerfile(t *testing.T) {
	stages := parseDockerfile(t)
	if len(stages) < 2 {
		t.Fatalf("want a multi-stage build, got %d stages", len(stages))
	}
	build, final := stages[0], stages[len(stages)-1]
	if !strings.HasPrefix(build.from, "golang:") {
		t.Errorf("build stage is %s, want a golang image", build.from)
	}
	var buildCmd string
	for _, r := range instr(build, "RUN") {
		if strings.Contains(r, "go build") {
			buildCmd = r
		}
	}
	if !strings.Contains(buildCmd, "CGO_ENABLED=0") || !strings.Contains(buildCmd, "./cmd/readout") {
		t.Fatalf("build stage does not build ./cmd/readout with CGO_ENABLED=0: %q", buildCmd)
	}
	if strings.HasPrefix(final.from, "golang:") || !strings.Contains(final.from, "distroless") && !strings.Contains(final.from, "scratch") && !strings.Contains(final.from, "alpine") {
		t.Errorf("runtime stage %s is not minimal", final.from)
	}
	users := instr(final, "USER")
	if len(users) == 0 {
		t.Fatal("runtime stage has no USER")
	}
	if u := strings.Split(users[len(users)-1], ":")[0]; u == "0" || u == "root" {
		t.Errorf("runtime runs as root: USER %s", users[len(users)-1])
	}
	if v := instr(final, "VOLUME"); len(v) == 0 || !strings.Contains(v[0], "/data") {
		t.Errorf("no /data volume: %v", v)
	}
	if e := instr(final, "ENV"); !strings.Contains(strings.Join(e, " "), "READOUT_DATA=/data") {
		t.Errorf("READOUT_DATA not pointed at the volume: %v", e)
	}
	if h := instr(final, "HEALTHCHECK"); len(h) == 0 || !strings.Contains(h[0], "readout") || !strings.Contains(h[0], "health") {
		t.Errorf("HEALTHCHECK missing or not using readout health: %v", h)
	}
	if ep := instr(final, "ENTRYPOINT"); len(ep) == 0 || !strings.Contains(ep[0], "/usr/local/bin/readout") {
		t.Errorf("ENTRYPOINT does not run readout: %v", ep)
	}
	if cmd := instr(final, "CMD"); len(cmd) == 0 || !strings.Contains(cmd[0], "serve") {
		t.Errorf("CMD does not serve: %v", cmd)
	}
	copied := strings.Join(instr(final, "COPY"), "\n")
	if !strings.Contains(copied, "--from="+build.name) || !strings.Contains(copied, "/usr/local/bin/readout") {
		t.Errorf("runtime does not copy the binary from the build stage: %s", copied)
	}

	if testing.Short() {
		t.Skip("building the image's binary: skipped with -short")
	}
	// Build what the Dockerfile builds, with its flags.
	flags := regexp.MustCompile(`go build (.*) -o \S+ \./cmd/readout`).FindStringSubmatch(buildCmd)
	if flags == nil {
		t.Fatalf("cannot read the build flags from %q", buildCmd)
	}
	args := strings.ReplaceAll(flags[1], "${VERSION}", "test")
	out := filepath.Join(t.TempDir(), "readout")
	cmd := exec.Command("sh", "-c", "go build "+args+" -o "+out+" ./cmd/readout")
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	bin, err := elf.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer bin.Close()
	for _, p := range bin.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the binary is dynamically linked: the distroless static image cannot run it")
		}
	}
	v, err := exec.Command(out, "version").Output()
	if err != nil || !strings.Contains(string(v), "readout test") {
		t.Errorf("version: %q %v", v, err)
	}
	// The sample record is baked in: the binary answers with no files around it.
	ask := exec.Command(out, "ask", "--data", t.TempDir(), crossedQuestion)
	ask.Dir = t.TempDir()
	ask.Env = []string{"HOME=" + t.TempDir()}
	if b, err := ask.Output(); err != nil || !strings.Contains(string(b), "84,770") {
		t.Errorf("the image's binary does not answer from the baked-in sample: %v\n%s", err, b)
	}
}

// docker-compose.yml: readout beside Ollama, the models named in one place
// and pulled on first start, volumes for the index and the models.
func TestCompose(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Services map[string]struct {
			Image       string            `yaml:"image"`
			Build       any               `yaml:"build"`
			Environment map[string]string `yaml:"environment"`
			Volumes     []string          `yaml:"volumes"`
			DependsOn   map[string]struct {
				Condition string `yaml:"condition"`
			} `yaml:"depends_on"`
			Entrypoint []string `yaml:"entrypoint"`
		} `yaml:"services"`
		Volumes map[string]any `yaml:"volumes"`
	}
	if err := yaml.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	r, ok := c.Services["readout"]
	if !ok || r.Build == nil {
		t.Fatal("no readout service built from this folder")
	}
	if r.Environment["OPENAI_BASE_URL"] != "http://ollama:11434/v1" {
		t.Errorf("readout is not wired to Ollama: %v", r.Environment)
	}
	chat, embed := r.Environment["READOUT_CHAT_MODEL"], r.Environment["READOUT_EMBED_MODEL"]
	if chat == "" || embed == "" {
		t.Fatalf("models not configured: %v", r.Environment)
	}
	pull, ok := c.Services["ollama-pull"]
	if !ok || pull.Environment["READOUT_CHAT_MODEL"] != chat || pull.Environment["READOUT_EMBED_MODEL"] != embed {
		t.Errorf("the pull step does not pull the same models (named once): %+v", pull.Environment)
	}
	if !strings.Contains(strings.Join(pull.Entrypoint, " "), "ollama pull") {
		t.Errorf("the one-shot service does not pull: %v", pull.Entrypoint)
	}
	if r.DependsOn["ollama-pull"].Condition != "service_completed_successfully" {
		t.Errorf("readout does not wait for the models: %+v", r.DependsOn)
	}
	if !strings.Contains(strings.Join(r.Volumes, " "), ":/data") || !strings.Contains(strings.Join(c.Services["ollama"].Volumes, " "), "/root/.ollama") {
		t.Errorf("volumes for the index and the models missing")
	}
	if len(c.Volumes) < 2 {
		t.Errorf("named volumes: %v", c.Volumes)
	}
}
