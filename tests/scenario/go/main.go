// The cross-language scenario in Go (../README.md): prints `id<TAB>score` (6 decimals), best first.
// Usage: go run . [../scenario.conf]; cgo links libskillmatch (CGO_LDFLAGS, see docs/bindings.md).
package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	skillmatch "skillmatch/bindings/go"
)

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "scenario.go: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	confPath := "../scenario.conf"
	if len(os.Args) > 1 {
		confPath = os.Args[1]
	}
	f, err := os.Open(confPath)
	if err != nil {
		fail("%v", err)
	}
	conf := map[string]string{}
	scanner := bufio.NewScanner(f)
	for number := 1; scanner.Scan(); number++ {
		line := strings.TrimSpace(scanner.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			fail("%s:%d: expected key = value", confPath, number)
		}
		conf[strings.TrimSpace(key)] = strings.TrimSpace(value)
	}
	f.Close()
	base := filepath.Dir(confPath)
	text := func(key string) string {
		b, err := os.ReadFile(filepath.Join(base, conf[key]))
		if err != nil {
			fail("%v", err)
		}
		return string(b)
	}
	if conf["taxonomy"] != "bundled" {
		fail("only taxonomy = bundled is supported")
	}
	k, err := strconv.Atoi(conf["k"])
	if err != nil {
		fail("k: %v", err)
	}
	explain := conf["explain"] == "true"

	engine, err := skillmatch.NewEngine(&skillmatch.EngineOptions{CandidateSchema: text("candidate_schema")})
	if err != nil {
		fail("%v", err)
	}
	defer engine.Close()
	candidates := text("candidates")
	expected := 0
	for _, line := range strings.Split(candidates, "\n") {
		if strings.TrimSpace(line) != "" {
			expected++
		}
	}
	if added, err := engine.Upsert(skillmatch.Candidate, candidates); err != nil || added != expected {
		fail("%d candidates added, expected %d (%v)", added, expected, err)
	}
	results, err := engine.Match(skillmatch.Job, strings.TrimSpace(text("job")),
		&skillmatch.MatchOptions{K: k, Filter: conf["filter"], Explain: explain})
	if err != nil {
		fail("%v", err)
	}
	for _, m := range results.Matches {
		if explain {
			// The explanation must account for the score: its parts' contributions add up to it.
			total := 0.0
			for _, p := range m.Explanation.Parts {
				total += p.Contribution
			}
			if math.Abs(total-m.Score) > 1e-4 {
				fail("%s: parts add up to %v, score %v", m.ID, total, m.Score)
			}
		}
		// strconv rounds the double exactly, as C's printf does.
		fmt.Printf("%s\t%.6f\n", m.ID, m.Score)
	}
}
