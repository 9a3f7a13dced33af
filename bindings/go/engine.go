package skillmatch

/*
#include <stdlib.h>
#include "skillmatch/skillmatch.h"
*/
import "C"

import (
	"encoding/json"
	"runtime"
	"sync"
	"unsafe"
)

// Engine matches jobs and candidates: create it with NewEngine, add profiles with Upsert, query
// with Match; release with Close. Any number of goroutines may call it at once (matches run in
// parallel, also while others upsert); Close waits for calls in progress and makes later calls
// return ErrNullArgument.
type Engine struct {
	mu sync.RWMutex // readers: every call (the library itself synchronises them); writer: Close
	h  *C.skm_engine
}

// EngineOptions configure NewEngine; nil = all defaults (bundled taxonomy, learned 128-dimensional
// vectors, no attributes).
type EngineOptions struct {
	Taxonomy        *Taxonomy // nil = the bundled one
	JobSchema       string    // attribute schema JSON of jobs (docs/profiles.md); "" = none
	CandidateSchema string    // of candidates; filters of job queries use it
	ExternalVectors bool      // profiles carry "vector"; else vectors are learned at start-up (seconds)
	Dimension       int       // 0 = the default 128
	Threads         int       // worker threads; 0 = hardware threads
	MinConfidence   *float64  // nil = the default 0.6
}

// NewEngine creates an engine with empty indexes. Bad options or schemas give ErrInvalidArgument,
// ErrParse or ErrDuplicate with the library's message.
func NewEngine(opts *EngineOptions) (*Engine, error) {
	var o EngineOptions
	if opts != nil {
		o = *opts
	}
	if o.Dimension < 0 || o.Threads < 0 {
		return nil, bindingError(StatusInvalidArgument, "Dimension and Threads must not be negative")
	}
	var co C.skm_engine_options
	var taxonomyRelease = func() {}
	defer func() { taxonomyRelease() }()
	if o.Taxonomy != nil {
		var h *C.skm_taxonomy
		h, taxonomyRelease = o.Taxonomy.acquire()
		if h == nil {
			return nil, bindingError(StatusNullArgument, "EngineOptions.Taxonomy is closed")
		}
		co.taxonomy = h
	}
	var schemas [2]*C.char
	defer func() {
		free(schemas[0])
		free(schemas[1])
	}()
	for i, s := range []string{o.JobSchema, o.CandidateSchema} {
		if s == "" {
			continue
		}
		c, err := cString(s, []string{"JobSchema", "CandidateSchema"}[i])
		if err != nil {
			return nil, err
		}
		schemas[i] = c
	}
	defer lockThread()()
	taxonomy := co.taxonomy
	if err := check(C.skm_engine_options_init(&co, C.size_t(unsafe.Sizeof(co)))); err != nil {
		return nil, err
	}
	co.taxonomy = taxonomy
	co.job_schema_json = schemas[0]
	co.candidate_schema_json = schemas[1]
	if o.ExternalVectors {
		co.external_vectors = 1
	}
	if o.Dimension != 0 {
		co.dimension = C.size_t(o.Dimension)
	}
	co.threads = C.size_t(o.Threads)
	if o.MinConfidence != nil {
		co.min_confidence = C.double(*o.MinConfidence)
	}
	var h *C.skm_engine
	if err := check(C.skm_engine_create(&co, &h)); err != nil {
		return nil, err
	}
	e := &Engine{h: h}
	runtime.SetFinalizer(e, (*Engine).Close)
	return e, nil
}

// Close releases the engine and its indexes (results already returned stay valid). It waits for
// calls in progress; later calls return ErrNullArgument. Safe to call twice and on nil.
func (e *Engine) Close() error {
	if e == nil {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.h != nil {
		C.skm_engine_free(e.h)
		e.h = nil
		runtime.SetFinalizer(e, nil)
	}
	return nil
}

func (e *Engine) acquire() (*C.skm_engine, func()) {
	if e == nil {
		return nil, func() {}
	}
	e.mu.RLock()
	return e.h, e.mu.RUnlock
}

// Dimension is the vector length of the engine's profiles.
func (e *Engine) Dimension() (int, error) {
	h, release := e.acquire()
	defer release()
	defer lockThread()()
	var n C.size_t
	if err := check(C.skm_engine_dimension(h, &n)); err != nil {
		return 0, err
	}
	return int(n), nil
}

// Taxonomy is a new handle on the engine's taxonomy (Close it when done).
func (e *Engine) Taxonomy() (*Taxonomy, error) {
	h, release := e.acquire()
	defer release()
	defer lockThread()()
	var t *C.skm_taxonomy
	if err := check(C.skm_engine_taxonomy(h, &t)); err != nil {
		return nil, err
	}
	return newTaxonomy(t), nil
}

// Size is the number of live profiles on side.
func (e *Engine) Size(side Side) (int, error) {
	h, release := e.acquire()
	defer release()
	defer lockThread()()
	var n C.size_t
	if err := check(C.skm_engine_size(h, C.int(side), &n)); err != nil {
		return 0, err
	}
	return int(n), nil
}

// Upsert adds or replaces profiles on side from JSON text: one object or JSONL (docs/profiles.md).
// It returns how many were added or replaced, also on error. Every line is parsed before anything
// is added (an ErrParse adds nothing); an error while adding stops there, earlier ones stay.
func (e *Engine) Upsert(side Side, jsonText string) (int, error) {
	text, err := cString(jsonText, "profiles")
	if err != nil {
		return 0, err
	}
	defer free(text)
	h, release := e.acquire()
	defer release()
	defer lockThread()()
	var added C.size_t
	err = check(C.skm_engine_upsert_json(h, C.int(side), text, &added))
	return int(added), err
}

// UpsertValues marshals each value (a struct or map shaped as docs/profiles.md) and upserts them.
func (e *Engine) UpsertValues(side Side, profiles ...any) (int, error) {
	var buf []byte
	for i, p := range profiles {
		line, err := json.Marshal(p)
		if err != nil {
			return 0, bindingError(StatusInvalidArgument, "profiles["+itoa(i)+"]: "+err.Error())
		}
		if i > 0 {
			buf = append(buf, '\n')
		}
		buf = append(buf, line...)
	}
	return e.Upsert(side, string(buf))
}

// Remove removes the profile with this id from side; true when it was there.
func (e *Engine) Remove(side Side, id string) (bool, error) {
	cid, err := cString(id, "id")
	if err != nil {
		return false, err
	}
	defer free(cid)
	h, release := e.acquire()
	defer release()
	defer lockThread()()
	var removed C.int
	if err := check(C.skm_engine_remove(h, C.int(side), cid, &removed)); err != nil {
		return false, err
	}
	return removed != 0, nil
}

// MatchOptions tune a query. Pass nil for the defaults (k = 10, no filter, no explanations); a
// non-nil MatchOptions is taken as written: K = 0 is the library's ErrInvalidArgument. The pointer
// fields are optional: nil keeps the library's default.
type MatchOptions struct {
	K                 int    // results per query, 1..MaxK
	Filter            string // filter expression over the other side's attributes (docs/filters.md); "" = none
	Explain           bool   // keep explanations
	RequiredAsFilter  bool   // drop documents that miss a must-have
	MustThreshold     *float64
	SimilarityFloor   *float64
	Specificity       *float64
	WeightVector      *float64
	WeightRequired    *float64
	WeightPreferred   *float64
	WeightPreferences *float64
	Preferences       []Preference // soft preferences
	RerankDepth       int          // 0 = max(10 k, 200)
	Threads           int          // 0 = the engine's pool
}

// Preference is a soft preference: documents satisfying Expression score higher, by Weight (> 0).
type Preference struct {
	Expression string
	Weight     float64
}

// Float returns a pointer to v, for the optional fields of MatchOptions and EngineOptions.
func Float(v float64) *float64 { return &v }

// cOptions is a filled skm_match_options and the C memory it points to (free with release).
type cOptions struct {
	o       C.skm_match_options
	strings []*C.char
	prefs   *C.skm_preference
}

func (c *cOptions) release() {
	for _, s := range c.strings {
		free(s)
	}
	if c.prefs != nil {
		C.free(unsafe.Pointer(c.prefs))
	}
}

func (c *cOptions) str(s, what string) (*C.char, error) {
	p, err := cString(s, what)
	if err == nil {
		c.strings = append(c.strings, p)
	}
	return p, err
}

// matchOptions converts opts; the caller holds its thread (for the init call's error) and must
// call release.
func matchOptions(opts *MatchOptions) (*cOptions, error) {
	c := &cOptions{}
	if err := check(C.skm_match_options_init(&c.o, C.size_t(unsafe.Sizeof(c.o)))); err != nil {
		return c, err
	}
	if opts == nil {
		return c, nil
	}
	if opts.K < 0 || opts.RerankDepth < 0 || opts.Threads < 0 {
		return c, bindingError(StatusInvalidArgument, "K, RerankDepth and Threads must not be negative")
	}
	c.o.k = C.size_t(opts.K)
	if opts.Filter != "" {
		f, err := c.str(opts.Filter, "filter")
		if err != nil {
			return c, err
		}
		c.o.filter = f
	}
	if opts.Explain {
		c.o.explain = 1
	}
	if opts.RequiredAsFilter {
		c.o.required_as_filter = 1
	}
	for _, f := range []struct {
		v   *float64
		dst *C.double
	}{{opts.MustThreshold, &c.o.must_threshold}, {opts.SimilarityFloor, &c.o.similarity_floor},
		{opts.Specificity, &c.o.specificity}, {opts.WeightVector, &c.o.weight_vector},
		{opts.WeightRequired, &c.o.weight_required}, {opts.WeightPreferred, &c.o.weight_preferred},
		{opts.WeightPreferences, &c.o.weight_preferences}} {
		if f.v != nil {
			*f.dst = C.double(*f.v)
		}
	}
	if n := len(opts.Preferences); n > 0 {
		c.prefs = (*C.skm_preference)(C.calloc(C.size_t(n), C.size_t(unsafe.Sizeof(C.skm_preference{}))))
		array := unsafe.Slice(c.prefs, n)
		for i, p := range opts.Preferences {
			expr, err := c.str(p.Expression, "preferences["+itoa(i)+"]")
			if err != nil {
				return c, err
			}
			array[i].expression = expr
			array[i].weight = C.double(p.Weight)
		}
		c.o.preferences = c.prefs
		c.o.preference_count = C.size_t(n)
	}
	c.o.rerank_depth = C.size_t(opts.RerankDepth)
	c.o.threads = C.size_t(opts.Threads)
	return c, nil
}

// Match gives the best documents of the other side for a query profile of side, given as JSON
// text (docs/profiles.md) and not stored. Errors: ErrParse (the JSON, the filter, with the
// position), ErrNotFound (an attribute the filter names), ErrInvalidArgument (K = 0...).
func (e *Engine) Match(side Side, profileJSON string, opts *MatchOptions) (*Results, error) {
	query, err := cString(profileJSON, "query")
	if err != nil {
		return nil, err
	}
	defer free(query)
	h, release := e.acquire()
	defer release()
	defer lockThread()()
	c, err := matchOptions(opts)
	defer c.release()
	if err != nil {
		return nil, err
	}
	var out *C.skm_results
	if err := check(C.skm_engine_match_json(h, C.int(side), query, &c.o, &out)); err != nil {
		return nil, err
	}
	return consumeResults(out, c.o.explain != 0)
}

// MatchValue marshals the query (a struct or map shaped as docs/profiles.md) and matches it.
func (e *Engine) MatchValue(side Side, profile any, opts *MatchOptions) (*Results, error) {
	text, err := json.Marshal(profile)
	if err != nil {
		return nil, bindingError(StatusInvalidArgument, "query: "+err.Error())
	}
	return e.Match(side, string(text), opts)
}

// MatchID matches the profile stored on side under id; ErrNotFound for an unknown id.
func (e *Engine) MatchID(side Side, id string, opts *MatchOptions) (*Results, error) {
	cid, err := cString(id, "id")
	if err != nil {
		return nil, err
	}
	defer free(cid)
	h, release := e.acquire()
	defer release()
	defer lockThread()()
	c, err := matchOptions(opts)
	defer c.release()
	if err != nil {
		return nil, err
	}
	var out *C.skm_results
	if err := check(C.skm_engine_match_id(h, C.int(side), cid, &c.o, &out)); err != nil {
		return nil, err
	}
	return consumeResults(out, c.o.explain != 0)
}

// MatchAll matches every stored profile of side against the other side (batched), in row order.
func (e *Engine) MatchAll(side Side, opts *MatchOptions) ([]*Results, error) {
	h, release := e.acquire()
	defer release()
	defer lockThread()()
	c, err := matchOptions(opts)
	defer c.release()
	if err != nil {
		return nil, err
	}
	var batch *C.skm_batch
	if err := check(C.skm_engine_match_all(h, C.int(side), &c.o, &batch)); err != nil {
		return nil, err
	}
	defer C.skm_batch_free(batch)
	var n C.size_t
	if err := check(C.skm_batch_count(batch, &n)); err != nil {
		return nil, err
	}
	all := make([]*Results, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		var one *C.skm_results
		if err := check(C.skm_batch_get(batch, i, &one)); err != nil {
			return nil, err
		}
		r, err := consumeResults(one, c.o.explain != 0)
		if err != nil {
			return nil, err
		}
		all = append(all, r)
	}
	return all, nil
}
