// Binding overhead (../README.md): median time of one top-10 match through the Go client (the
// results are copied into Go values). Usage: bench_match_go <scenario dir> <iterations> <candidates>
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	skillmatch "skillmatch/bindings/go"
)

func main() {
	dir := os.Args[1]
	iterations, _ := strconv.Atoi(os.Args[2])
	limit, _ := strconv.Atoi(os.Args[3])
	read := func(name string) string {
		b, err := os.ReadFile(dir + "/" + name)
		if err != nil {
			panic(err)
		}
		return string(b)
	}
	engine, err := skillmatch.NewEngine(&skillmatch.EngineOptions{CandidateSchema: read("candidates.schema.json"), Threads: 1})
	if err != nil {
		panic(err)
	}
	defer engine.Close()
	lines := strings.Split(strings.TrimSpace(read("candidates.jsonl")), "\n")
	if len(lines) > limit {
		lines = lines[:limit]
	}
	if _, err := engine.Upsert(skillmatch.Candidate, strings.Join(lines, "\n")); err != nil {
		panic(err)
	}
	job := read("job.json")
	opts := &skillmatch.MatchOptions{K: 10}
	samples := make([]time.Duration, 0, iterations)
	checksum := 0.0
	for i := -iterations / 10; i < iterations; i++ {
		start := time.Now()
		r, err := engine.Match(skillmatch.Job, job, opts)
		if err != nil {
			panic(err)
		}
		for _, m := range r.Matches {
			checksum += m.Score + float64(m.ID[0])
		}
		if elapsed := time.Since(start); i >= 0 {
			samples = append(samples, elapsed)
		}
	}
	sort.Slice(samples, func(a, b int) bool { return samples[a] < samples[b] })
	fmt.Printf("go\t%.2f\t%.0f\n", float64(samples[iterations/2].Nanoseconds())/1000, checksum)
}
