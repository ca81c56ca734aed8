package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestREADMEWalkThrough runs every sh block of the README's section
// "Explore the MFA API with curl" in one bash session against a fresh
// sandbox with the command's defaults, and checks each block's output
// against the json or text block that follows it. In an expected string,
// "…" matches anything; numbers match any number; the README's
// http://127.0.0.1:8484 stands for the sandbox's URL.
func TestREADMEWalkThrough(t *testing.T) {
	for _, tool := range []string{"bash", "curl", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := readmeBlocks(t, string(readme), "## Explore the MFA API with curl")

	// MFAPUSH_README_DOMAIN runs the walk-through against a sandbox of
	// one's own, e.g. "go run . sandbox" (fresh: the walk-through enrolls
	// alice).
	domain := os.Getenv("MFAPUSH_README_DOMAIN")
	ownSandbox := domain == ""
	if ownSandbox {
		// The README waits 5 s between polls, as a person must against
		// Auth0's spacing; the test's own sandbox does not enforce it, so
		// the waits are skipped instead of slept.
		opts := DefaultOptions()
		opts.MinPollInterval = 0
		opts.PhoneKeys = reusedKeys
		s, err := Start("", opts)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		domain = s.URL
	}

	var script strings.Builder
	script.WriteString("set -euo pipefail\n")
	if ownSandbox {
		script.WriteString("sleep() { :; }\n")
	}
	var runs []int // index into blocks of each sh block run
	for i, b := range blocks {
		if b.lang != "sh" || strings.Contains(b.text, "go run . sandbox") {
			continue
		}
		fmt.Fprintf(&script, "echo '@@block %d@@'\n", len(runs))
		for _, line := range strings.Split(b.text, "\n") {
			if !strings.HasPrefix(line, "export AUTH0_DOMAIN=") { // the test's sandbox has its own URL
				script.WriteString(line + "\n")
			}
		}
		runs = append(runs, i)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-c", script.String())
	cmd.Env = append(os.Environ(), "AUTH0_DOMAIN="+domain)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	outputs := regexp.MustCompile(`(?m)^@@block \d+@@\n`).Split(string(out), -1)[1:]
	if err != nil {
		t.Fatalf("the walk-through failed in block %d: %v\n%s", len(outputs)-1, err, stderr.String())
	}
	if len(outputs) != len(runs) {
		t.Fatalf("%d outputs for %d blocks", len(outputs), len(runs))
	}
	checked := 0
	for n, i := range runs {
		if i+1 >= len(blocks) || blocks[i+1].lang == "sh" {
			continue
		}
		want := strings.ReplaceAll(blocks[i+1].text, "http://127.0.0.1:8484", domain)
		want = strings.ReplaceAll(want, "http%3A%2F%2F127.0.0.1%3A8484", strings.ReplaceAll(strings.ReplaceAll(domain, ":", "%3A"), "/", "%2F"))
		got := outputs[n]
		checked++
		if blocks[i+1].lang == "text" {
			if strings.TrimSpace(got) != strings.TrimSpace(want) {
				t.Errorf("block %d: got %q, want %q", n, got, want)
			}
			continue
		}
		var w, g any
		if err := json.Unmarshal([]byte(want), &w); err != nil {
			t.Fatalf("block %d: the README's expected answer is not JSON: %v", n, err)
		}
		if err := json.Unmarshal([]byte(got), &g); err != nil {
			t.Errorf("block %d: the answer is not one JSON document: %v", n, err)
			continue
		}
		if err := matchJSON("", w, g); err != nil {
			t.Errorf("block %d: %v", n, err)
		}
	}
	if checked < 12 {
		t.Errorf("only %d answers checked", checked)
	}
}

type mdBlock struct{ lang, text string }

func readmeBlocks(t *testing.T, readme, heading string) []mdBlock {
	t.Helper()
	_, section, ok := strings.Cut(readme, heading+"\n")
	if !ok {
		t.Fatalf("the README has no %q", heading)
	}
	if next := strings.Index(section, "\n## "); next >= 0 {
		section = section[:next]
	}
	var blocks []mdBlock
	for _, m := range regexp.MustCompile("(?ms)^```(\\w*)\n(.*?)^```$").FindAllStringSubmatch(section, -1) {
		blocks = append(blocks, mdBlock{lang: m[1], text: m[2]})
	}
	return blocks
}

func matchJSON(path string, want, got any) error {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			return fmt.Errorf("%s: got %v, want an object with the keys of %v", path, got, w)
		}
		for k, v := range w {
			if err := matchJSON(path+"."+k, v, g[k]); err != nil {
				return err
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Errorf("%s: got %v, want %d elements", path, got, len(w))
		}
		for i := range w {
			if err := matchJSON(fmt.Sprintf("%s[%d]", path, i), w[i], g[i]); err != nil {
				return err
			}
		}
	case string:
		g, ok := got.(string)
		prefix, suffix, wild := strings.Cut(w, "…")
		if !ok || (!wild && g != w) || (wild && !(strings.HasPrefix(g, prefix) && strings.HasSuffix(g, suffix))) {
			return fmt.Errorf("%s: got %v, want %q", path, got, w)
		}
	case float64:
		if _, ok := got.(float64); !ok {
			return fmt.Errorf("%s: got %v, want a number", path, got)
		}
	default:
		if got != want {
			return fmt.Errorf("%s: got %v, want %v", path, got, want)
		}
	}
	return nil
}
