package skillmatch_test

import (
	"encoding/json"
	"errors"
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	skillmatch "skillmatch/bindings/go"
)

const schema = `{"format": "skillmatch-attribute-schema", "version": 1, "side": "candidates", "attributes": {
  "jlpt": {"type": "ordinal", "values": ["N5", "N4", "N3", "N2", "N1"]}, "remote_ok": {"type": "boolean"}}}`

const candidates = `{"id": "c-py", "skills": ["Python", "Django", "PostgreSQL"], "attributes": {"jlpt": "N2", "remote_ok": true}}
{"id": "c-java", "skills": ["Java", "Spring"], "attributes": {"jlpt": "N4", "remote_ok": false}}
{"id": "c-ml", "skills": ["Python", "TensorFlow", "機械学習"], "attributes": {"jlpt": "N3", "remote_ok": true}}`

const job = `{"id": "j-1", "skills": [{"name": "python", "required": true}, "django", "postgres"]}`

func newEngine(t *testing.T) *skillmatch.Engine {
	t.Helper()
	e, err := skillmatch.NewEngine(&skillmatch.EngineOptions{CandidateSchema: schema, Dimension: 32, Threads: 2})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	if n, err := e.Upsert(skillmatch.Candidate, candidates); err != nil || n != 3 {
		t.Fatalf("Upsert = %d, %v; want 3, nil", n, err)
	}
	return e
}

// wantErr checks err is the library error of status `want` with a message containing `needle`.
func wantErr(t *testing.T, err error, want *skillmatch.Error, needle string) {
	t.Helper()
	var e *skillmatch.Error
	if !errors.As(err, &e) {
		t.Fatalf("want a *skillmatch.Error (%v), got %v", want.Status, err)
	}
	if !errors.Is(err, want) {
		t.Fatalf("want status %v, got %v", want.Status, err)
	}
	if !strings.Contains(e.Message, needle) {
		t.Fatalf("want a message containing %q, got %q", needle, e.Message)
	}
}

func TestTaxonomy(t *testing.T) {
	tax, err := skillmatch.BundledTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	defer tax.Close()
	if n, err := tax.Size(); err != nil || n < 10000 {
		t.Fatalf("Size = %d, %v", n, err)
	}
	c, err := tax.Concept("onet:tech:Python")
	if err != nil || c.Label != "Python" || c.Kind != "technology" {
		t.Fatalf("Concept = %+v, %v", c, err)
	}
	_, err = tax.Concept("no:such:id")
	wantErr(t, err, skillmatch.ErrNotFound, "no:such:id")
	r, err := tax.Resolve("nodejs", nil)
	if err != nil || len(r) == 0 || r[0].ID != "onet:tech:Node.js" {
		t.Fatalf("Resolve(nodejs) = %+v, %v", r, err)
	}
	r, err = tax.Resolve("Pyhton", &skillmatch.ResolveOptions{MaxResults: 3, MinConfidence: 0.5, Fuzzy: false})
	if err != nil || len(r) != 0 {
		t.Fatalf("Resolve(Pyhton) without fuzzy = %+v, %v", r, err)
	}
	s, err := tax.Similar("onet:tech:Python", 5)
	if err != nil || len(s) == 0 || len(s) > 5 {
		t.Fatalf("Similar = %+v, %v", s, err)
	}
	if v, err := tax.Similarity("onet:tech:Python", "onet:tech:Python"); err != nil || v != 1 {
		t.Fatalf("Similarity(a, a) = %v, %v", v, err)
	}
	_, err = tax.Similar("python", 0)
	wantErr(t, err, skillmatch.ErrInvalidArgument, "skm_taxonomy_similar: k must be >= 1")
	_, err = tax.Resolve("caf\xc3", nil)
	wantErr(t, err, skillmatch.ErrInvalidArgument, "not valid UTF-8")
	_, err = tax.Resolve("py\x00thon", nil)
	wantErr(t, err, skillmatch.ErrInvalidArgument, "NUL byte at offset 2")
	_, err = skillmatch.LoadTaxonomy("/no/such/taxonomy.tsv")
	wantErr(t, err, skillmatch.ErrIO, "/no/such/taxonomy.tsv")
	_, err = skillmatch.LoadTaxonomy()
	wantErr(t, err, skillmatch.ErrInvalidArgument, "path_count")

	tax.Close()
	tax.Close()
	_, err = tax.Size()
	wantErr(t, err, skillmatch.ErrNullArgument, "skm_taxonomy_size: taxonomy is NULL")
	var none *skillmatch.Taxonomy
	_, err = none.Resolve("python", nil)
	wantErr(t, err, skillmatch.ErrNullArgument, "taxonomy is NULL")
}

func TestMatch(t *testing.T) {
	e := newEngine(t)
	if n, err := e.Size(skillmatch.Candidate); err != nil || n != 3 {
		t.Fatalf("Size = %d, %v", n, err)
	}
	if d, err := e.Dimension(); err != nil || d != 32 {
		t.Fatalf("Dimension = %d, %v", d, err)
	}
	r, err := e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: 3, Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	if r.QueryID != "j-1" || len(r.Matches) != 3 || r.Matches[0].ID != "c-py" {
		t.Fatalf("results = %+v", r)
	}
	for i, m := range r.Matches {
		if i > 0 && m.Score > r.Matches[i-1].Score {
			t.Fatalf("not best first: %+v", r.Matches)
		}
		total := 0.0
		for _, p := range m.Explanation.Parts {
			total += p.Contribution
		}
		if math.Abs(total-m.Score) > 1e-6 {
			t.Fatalf("%s: parts add up to %v, score %v", m.ID, total, m.Score)
		}
	}
	if req := r.Matches[0].Explanation.Requirements; len(req) != 3 || req[0].Skill != "python" || !req[0].Required {
		t.Fatalf("requirements = %+v", req)
	}

	f, err := e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: 10, Filter: "jlpt >= N3 and remote_ok"})
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, m := range f.Matches {
		ids = append(ids, m.ID)
		if m.Explanation != nil {
			t.Fatal("explanation without Explain")
		}
	}
	sort.Strings(ids)
	if f.Admitted != 2 || strings.Join(ids, ",") != "c-ml,c-py" {
		t.Fatalf("filtered = %+v", f)
	}

	d, err := e.Match(skillmatch.Job, job, nil)
	if err != nil || len(d.Matches) != 3 {
		t.Fatalf("defaults: %+v, %v", d, err)
	}

	v, err := e.MatchValue(skillmatch.Job, map[string]any{"id": "j-2", "skills": []string{"java"}}, &skillmatch.MatchOptions{
		K: 1, Explain: true, WeightVector: skillmatch.Float(1), WeightRequired: skillmatch.Float(0),
		WeightPreferred: skillmatch.Float(0), WeightPreferences: skillmatch.Float(0),
		Preferences: []skillmatch.Preference{{Expression: "remote_ok = true", Weight: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	if p := v.Matches[0].Explanation.Parts["vector"]; math.Abs(p.Weight-1) > 1e-9 || math.Abs(p.Value-v.Matches[0].Score) > 1e-6 {
		t.Fatalf("vector-only weights: %+v, score %v", p, v.Matches[0].Score)
	}
	if pr := v.Matches[0].Explanation.Preferences; len(pr) != 1 || pr[0].Expression != "remote_ok = true" {
		t.Fatalf("preferences = %+v", pr)
	}
}

func TestStoredAndBatch(t *testing.T) {
	e := newEngine(t)
	if n, err := e.UpsertValues(skillmatch.Job, json.RawMessage(job)); err != nil || n != 1 {
		t.Fatalf("UpsertValues = %d, %v", n, err)
	}
	r, err := e.MatchID(skillmatch.Job, "j-1", &skillmatch.MatchOptions{K: 1})
	if err != nil || len(r.Matches) != 1 || r.Matches[0].ID != "c-py" {
		t.Fatalf("MatchID = %+v, %v", r, err)
	}
	_, err = e.MatchID(skillmatch.Job, "nope", nil)
	wantErr(t, err, skillmatch.ErrNotFound, "nope")
	all, err := e.MatchAll(skillmatch.Job, &skillmatch.MatchOptions{K: 2})
	if err != nil || len(all) != 1 || len(all[0].Matches) != 2 {
		t.Fatalf("MatchAll = %+v, %v", all, err)
	}
	if gone, err := e.Remove(skillmatch.Job, "j-1"); err != nil || !gone {
		t.Fatalf("Remove = %v, %v", gone, err)
	}
	if gone, err := e.Remove(skillmatch.Job, "j-1"); err != nil || gone {
		t.Fatalf("Remove again = %v, %v", gone, err)
	}
}

func TestBadInput(t *testing.T) {
	e := newEngine(t)
	_, err := e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: 0})
	wantErr(t, err, skillmatch.ErrInvalidArgument, "options->k is 0")
	_, err = e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: skillmatch.MaxK + 1})
	wantErr(t, err, skillmatch.ErrInvalidArgument, "expected 1..1000000")
	_, err = e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: -1})
	wantErr(t, err, skillmatch.ErrInvalidArgument, "must not be negative")
	_, err = e.Match(skillmatch.Job, "{\"id\": \"x\xc0\", \"skills\": [\"python\"]}", nil)
	wantErr(t, err, skillmatch.ErrInvalidArgument, "not valid UTF-8")
	_, err = e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: 3, Filter: "jlpt = \"\xff\""})
	wantErr(t, err, skillmatch.ErrInvalidArgument, "not valid UTF-8")
	_, err = e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: 3, Filter: "jlpt >= N3\x00 or 1"})
	wantErr(t, err, skillmatch.ErrInvalidArgument, "filter contains a NUL byte")
	_, err = e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: 3, Filter: "jlpt >>= N3"})
	wantErr(t, err, skillmatch.ErrParse, "position")
	_, err = e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: 3, Filter: "salary > 3"})
	wantErr(t, err, skillmatch.ErrNotFound, "salary")
	_, err = e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: 3, WeightVector: skillmatch.Float(-1)})
	wantErr(t, err, skillmatch.ErrInvalidArgument, "skm_engine_match_json")
	_, err = e.Match(skillmatch.Job, "", nil)
	wantErr(t, err, skillmatch.ErrParse, "skm_engine_match_json")
	_, err = e.Match(skillmatch.Side(7), job, nil)
	wantErr(t, err, skillmatch.ErrInvalidArgument, "side")
	n, err := e.Upsert(skillmatch.Candidate, "{\"id\": \"ok\", \"skills\": [\"go\"]}\n{broken")
	wantErr(t, err, skillmatch.ErrParse, "json:2")
	if size, _ := e.Size(skillmatch.Candidate); n != 0 || size != 3 {
		t.Fatalf("a parse error added %d (size %d)", n, size)
	}
	_, err = skillmatch.NewEngine(&skillmatch.EngineOptions{MinConfidence: skillmatch.Float(2)})
	wantErr(t, err, skillmatch.ErrInvalidArgument, "min_confidence")
	_, err = skillmatch.NewEngine(&skillmatch.EngineOptions{CandidateSchema: "{not json"})
	wantErr(t, err, skillmatch.ErrParse, "skm_engine_create")
}

func TestClosedEngine(t *testing.T) {
	e := newEngine(t)
	r, err := e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: 2})
	if err != nil {
		t.Fatal(err)
	}
	tax, err := e.Taxonomy()
	if err != nil {
		t.Fatal(err)
	}
	defer tax.Close()
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	e.Close()
	if len(r.Matches) != 2 || r.Matches[0].ID != "c-py" {
		t.Fatal("results changed after Close")
	}
	if c, err := tax.Concept("onet:tech:Python"); err != nil || c.Label != "Python" {
		t.Fatalf("the engine's taxonomy after Close: %+v, %v", c, err)
	}
	_, err = e.Match(skillmatch.Job, job, nil)
	wantErr(t, err, skillmatch.ErrNullArgument, "skm_engine_match_json: engine is NULL")
	_, err = e.Upsert(skillmatch.Candidate, candidates)
	wantErr(t, err, skillmatch.ErrNullArgument, "engine is NULL")
	var none *skillmatch.Engine
	_, err = none.Size(skillmatch.Job)
	wantErr(t, err, skillmatch.ErrNullArgument, "skm_engine_size: engine is NULL")
	closed, _ := skillmatch.BundledTaxonomy()
	closed.Close()
	_, err = skillmatch.NewEngine(&skillmatch.EngineOptions{Taxonomy: closed})
	wantErr(t, err, skillmatch.ErrNullArgument, "Taxonomy is closed")
}

// Goroutines match at once while one upserts and removes, and the errors each gets are its own
// (skm_last_error is per thread: the binding pins the goroutine's thread for call + message).
// Close waits for the calls in progress.
func TestGoroutines(t *testing.T) {
	e := newEngine(t)
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 60; i++ {
				if g%2 == 0 {
					r, err := e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: 3})
					if err != nil || len(r.Matches) == 0 || r.Matches[0].ID != "c-py" {
						errs <- "match: " + err.Error()
						return
					}
				} else {
					attr := "attr_" + strconv.Itoa(g)
					_, err := e.Match(skillmatch.Job, job, &skillmatch.MatchOptions{K: 3, Filter: attr + " > 1"})
					var se *skillmatch.Error
					if !errors.As(err, &se) || !errors.Is(err, skillmatch.ErrNotFound) || !strings.Contains(se.Message, attr) {
						errs <- "wrong error for goroutine " + strconv.Itoa(g) + ": " + err.Error()
						return
					}
				}
			}
		}(g)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 30; i++ {
			id := "w" + strconv.Itoa(i)
			if _, err := e.Upsert(skillmatch.Candidate, `{"id": "`+id+`", "skills": ["Rust"]}`); err != nil {
				errs <- err.Error()
				return
			}
			if _, err := e.Remove(skillmatch.Candidate, id); err != nil {
				errs <- err.Error()
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	for msg := range errs {
		t.Error(msg)
	}

	// Close while matches run: they finish or get ErrNullArgument, never crash.
	var started sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		started.Add(1)
		go func() {
			defer wg.Done()
			started.Done()
			for i := 0; i < 50; i++ {
				if _, err := e.Match(skillmatch.Job, job, nil); err != nil && !errors.Is(err, skillmatch.ErrNullArgument) {
					t.Error(err)
					return
				}
			}
		}()
	}
	started.Wait()
	e.Close()
	wg.Wait()
}

// A forgotten Close is caught by the finalizer (the safety net); this exercises it under the
// sanitizers rather than proving the free, which the C side's tests cover.
func TestFinalizer(t *testing.T) {
	for i := 0; i < 3; i++ {
		tax, err := skillmatch.BundledTaxonomy()
		if err != nil {
			t.Fatal(err)
		}
		_ = tax
	}
	runtime.GC()
	runtime.GC()
}
