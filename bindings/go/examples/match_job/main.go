// Worked example (docs/bindings.md): the best candidates for one job, with what met each skill.
// Run from bindings/go (CGO_LDFLAGS pointing at libskillmatch.so, see docs/bindings.md):
//
//	go run ./examples/match_job ../../data/sample
package main

import (
	"errors"
	"fmt"
	"os"

	skillmatch "skillmatch/bindings/go"
)

func main() {
	data := "../../data/sample"
	if len(os.Args) > 1 {
		data = os.Args[1]
	}
	schema, err := os.ReadFile(data + "/candidates.schema.json")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	candidates, err := os.ReadFile(data + "/candidates.jsonl")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	// Bundled taxonomy, learned vectors.
	engine, err := skillmatch.NewEngine(&skillmatch.EngineOptions{CandidateSchema: string(schema)})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer engine.Close()
	if _, err := engine.Upsert(skillmatch.Candidate, string(candidates)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	job := map[string]any{
		"id":    "J-demo",
		"title": "Machine learning engineer",
		"skills": []any{
			map[string]any{"name": "Python", "required": true, "years": 2},
			map[string]any{"name": "機械学習", "required": true}, // Japanese labels resolve too
			"TensorFlow",
			"Docker",
			map[string]any{"name": "AWS", "weight": 0.5},
		},
	}
	results, err := engine.MatchValue(skillmatch.Job, job, &skillmatch.MatchOptions{
		K: 5, Filter: "jlpt >= N4 and not visa_refused", Explain: true})
	if errors.Is(err, skillmatch.ErrParse) { // e.g. a typo in the filter: the message has the position
		fmt.Fprintln(os.Stderr, "bad query:", err)
		os.Exit(1)
	} else if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	total, _ := engine.Size(skillmatch.Candidate)
	fmt.Printf("%d of %d candidates passed the filter\n", results.Admitted, total)
	for _, m := range results.Matches {
		fmt.Printf("%s  %.3f", m.ID, m.Score)
		for _, name := range []string{"vector", "required", "preferred", "preferences"} {
			if part, ok := m.Explanation.Parts[name]; ok {
				fmt.Printf("  %s=%.3f", name, part.Contribution)
			}
		}
		fmt.Println()
		for _, r := range m.Explanation.Requirements {
			by := "nothing"
			if r.MatchedBy != nil {
				by = fmt.Sprintf("%s (similarity %.2f)", r.MatchedBy.Skill, r.Similarity)
			}
			fmt.Printf("    %-12s met by %s\n", r.Skill, by)
		}
		if len(m.Explanation.MissingRequired) > 0 {
			fmt.Printf("    missing must-haves: %v\n", m.Explanation.MissingRequired)
		}
	}
}
