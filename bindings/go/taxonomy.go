package skillmatch

/*
#include <stdlib.h>
#include "skillmatch/skillmatch.h"
*/
import "C"

import (
	"runtime"
	"sync"
	"unsafe"
)

// Taxonomy is an immutable skill taxonomy (with its resolver and similarity tables, built on first
// use). Safe for concurrent use. Engines made from it keep what they need, so it may be closed first.
type Taxonomy struct {
	mu sync.RWMutex // readers: calls; writer: Close
	h  *C.skm_taxonomy
}

// Concept is a taxonomy concept: its stable id, preferred label and kind ("technology", "skill"...).
type Concept struct {
	ID, Label, Kind string
}

// ScoredConcept is one item of Resolve (Score = confidence, Detail = the method such as "synonym")
// or Similar (Score = similarity, Detail = the concept's kind).
type ScoredConcept struct {
	ID, Label string
	Score     float64
	Detail    string
}

func newTaxonomy(h *C.skm_taxonomy) *Taxonomy {
	t := &Taxonomy{h: h}
	runtime.SetFinalizer(t, (*Taxonomy).Close)
	return t
}

// BundledTaxonomy is the taxonomy compiled into the library (O*NET, ESCO, Stack Overflow, Japanese labels).
func BundledTaxonomy() (*Taxonomy, error) {
	defer lockThread()()
	var h *C.skm_taxonomy
	if err := check(C.skm_taxonomy_bundled(&h)); err != nil {
		return nil, err
	}
	return newTaxonomy(h), nil
}

// LoadTaxonomy loads native-format taxonomy files (docs/taxonomy-format.md; a directory stands for
// its *.tsv). Errors name the file and line (ErrIO, ErrParse, ErrDuplicate, ErrNotFound, ErrCycle).
func LoadTaxonomy(paths ...string) (*Taxonomy, error) {
	n := len(paths)
	array := (*[1 << 20]*C.char)(C.calloc(C.size_t(n+1), C.size_t(unsafe.Sizeof((*C.char)(nil)))))[: n+1 : n+1]
	defer func() {
		for _, p := range array {
			free(p)
		}
		C.free(unsafe.Pointer(&array[0]))
	}()
	for i, p := range paths {
		c, err := cString(p, "paths["+itoa(i)+"]")
		if err != nil {
			return nil, err
		}
		array[i] = c
	}
	defer lockThread()()
	var h *C.skm_taxonomy
	if err := check(C.skm_taxonomy_load(&array[0], C.size_t(n), &h)); err != nil {
		return nil, err
	}
	return newTaxonomy(h), nil
}

// Close releases the taxonomy; later calls return ErrNullArgument. Safe to call twice and on nil.
func (t *Taxonomy) Close() error {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.h != nil {
		C.skm_taxonomy_free(t.h)
		t.h = nil
		runtime.SetFinalizer(t, nil)
	}
	return nil
}

// acquire returns the handle (nil when t is nil or closed: the library then reports NULL) and the
// function that releases the read lock.
func (t *Taxonomy) acquire() (*C.skm_taxonomy, func()) {
	if t == nil {
		return nil, func() {}
	}
	t.mu.RLock()
	return t.h, t.mu.RUnlock
}

// Size is the number of concepts.
func (t *Taxonomy) Size() (int, error) {
	h, release := t.acquire()
	defer release()
	defer lockThread()()
	var n C.size_t
	if err := check(C.skm_taxonomy_size(h, &n)); err != nil {
		return 0, err
	}
	return int(n), nil
}

// Concept looks a concept up by id (or alias id); ErrNotFound when there is none.
func (t *Taxonomy) Concept(id string) (Concept, error) {
	cid, err := cString(id, "id")
	if err != nil {
		return Concept{}, err
	}
	defer free(cid)
	h, release := t.acquire()
	defer release()
	defer lockThread()()
	var label, kind *C.char
	if err := check(C.skm_taxonomy_concept(h, cid, &label, &kind)); err != nil {
		return Concept{}, err
	}
	return Concept{ID: id, Label: goString(label), Kind: goString(kind)}, nil
}

// ResolveOptions tune Resolve; the zero value is not the default: use DefaultResolveOptions.
type ResolveOptions struct {
	MaxResults    int     // at most this many readings (default 5)
	MinConfidence float64 // readings below this are dropped (default 0.5)
	Fuzzy         bool    // allow the bounded typo fallback (default true)
}

// DefaultResolveOptions are the library's defaults.
func DefaultResolveOptions() ResolveOptions {
	return ResolveOptions{MaxResults: 5, MinConfidence: 0.5, Fuzzy: true}
}

// Resolve reads free skill text ("nodejs", "MS Excel", "機械学習", "Pyhton"), best first; an empty
// slice when the text names nothing known. opts nil = DefaultResolveOptions().
func (t *Taxonomy) Resolve(text string, opts *ResolveOptions) ([]ScoredConcept, error) {
	o := DefaultResolveOptions()
	if opts != nil {
		o = *opts
	}
	if o.MaxResults < 0 {
		return nil, bindingError(StatusInvalidArgument, "MaxResults must not be negative, got "+itoa(o.MaxResults))
	}
	ctext, err := cString(text, "text")
	if err != nil {
		return nil, err
	}
	defer free(ctext)
	h, release := t.acquire()
	defer release()
	defer lockThread()()
	var co C.skm_resolve_options
	if err := check(C.skm_resolve_options_init(&co, C.size_t(unsafe.Sizeof(co)))); err != nil {
		return nil, err
	}
	co.max_results = C.size_t(o.MaxResults)
	co.min_confidence = C.double(o.MinConfidence)
	co.fuzzy = 0
	if o.Fuzzy {
		co.fuzzy = 1
	}
	var list *C.skm_concept_list
	if err := check(C.skm_taxonomy_resolve(h, ctext, &co, &list)); err != nil {
		return nil, err
	}
	return consumeList(list)
}

// Similar gives the concepts most similar to a concept id or free text, best first, at most k
// (k = 0 is the library's ErrInvalidArgument).
func (t *Taxonomy) Similar(term string, k int) ([]ScoredConcept, error) {
	if k < 0 {
		return nil, bindingError(StatusInvalidArgument, "k must not be negative, got "+itoa(k))
	}
	cterm, err := cString(term, "term")
	if err != nil {
		return nil, err
	}
	defer free(cterm)
	h, release := t.acquire()
	defer release()
	defer lockThread()()
	var list *C.skm_concept_list
	if err := check(C.skm_taxonomy_similar(h, cterm, C.size_t(k), &list)); err != nil {
		return nil, err
	}
	return consumeList(list)
}

// Similarity is sim(a, b) in [0, 1] of two concept ids (1 for the same concept).
func (t *Taxonomy) Similarity(idA, idB string) (float64, error) {
	a, err := cString(idA, "idA")
	if err != nil {
		return 0, err
	}
	defer free(a)
	b, err := cString(idB, "idB")
	if err != nil {
		return 0, err
	}
	defer free(b)
	h, release := t.acquire()
	defer release()
	defer lockThread()()
	var value C.double
	if err := check(C.skm_taxonomy_similarity(h, a, b, &value)); err != nil {
		return 0, err
	}
	return float64(value), nil
}

// consumeList copies a concept list into Go values and frees it. The caller holds its thread.
func consumeList(list *C.skm_concept_list) ([]ScoredConcept, error) {
	defer C.skm_concept_list_free(list)
	var n C.size_t
	if err := check(C.skm_concept_list_count(list, &n)); err != nil {
		return nil, err
	}
	items := make([]ScoredConcept, 0, int(n))
	for i := C.size_t(0); i < n; i++ {
		var id, label, detail *C.char
		var score C.double
		if err := check(C.skm_concept_list_get(list, i, &id, &label, &score, &detail)); err != nil {
			return nil, err
		}
		items = append(items, ScoredConcept{goString(id), goString(label), float64(score), goString(detail)})
	}
	return items, nil
}
