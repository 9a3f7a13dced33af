package skillmatch

/*
#include "skillmatch/skillmatch.h"
*/
import "C"

import "encoding/json"

// Results are the best matches of one query, best first (ties by id), copied out of the library
// when the query returns: plain values, no Close, valid after the engine is closed.
type Results struct {
	QueryID  string  // the query profile's id
	Admitted int     // documents that passed the filters, before top-k
	Matches  []Match // at most k
}

// Match is one result: the document's id, its score in [0, 1] and, when the query asked for
// Explain, the explanation (docs/matching.md).
type Match struct {
	ID          string
	Score       float64
	Explanation *Explanation
}

// Explanation is the library's explanation of one score (docs/matching.md); Raw holds the JSON text.
type Explanation struct {
	Parts           map[string]Part   `json:"parts"`
	Requirements    []Requirement     `json:"requirements"`
	MissingRequired []string          `json:"missing_required"`
	Preferences     []PreferenceMatch `json:"preferences"`
	Filter          *FilterOutcome    `json:"filter"`
	Raw             json.RawMessage   `json:"-"`
}

// Part is one part of a score; the contributions of the parts add up to the score.
type Part struct {
	Value        float64 `json:"value"`
	Weight       float64 `json:"weight"`
	Contribution float64 `json:"contribution"`
}

// Requirement is how one skill of the job fared against the candidate's skills.
type Requirement struct {
	Skill        string     `json:"skill"`
	Concept      string     `json:"concept"`
	Label        string     `json:"label"`
	Required     bool       `json:"required"`
	Weight       float64    `json:"weight"`
	MatchedBy    *MatchedBy `json:"matched_by"`
	Similarity   float64    `json:"similarity"`
	Met          bool       `json:"met"`
	LevelFactor  float64    `json:"level_factor"`
	Credit       float64    `json:"credit"`
	Contribution float64    `json:"contribution"`
}

// MatchedBy is the candidate's skill that met a requirement best.
type MatchedBy struct {
	Skill   string `json:"skill"`
	Concept string `json:"concept"`
	Label   string `json:"label"`
}

// PreferenceMatch is the outcome of one soft preference.
type PreferenceMatch struct {
	Expression   string  `json:"expression"`
	Weight       float64 `json:"weight"`
	Passed       bool    `json:"passed"`
	Contribution float64 `json:"contribution"`
}

// FilterOutcome is whether the document passed the query's filter, clause by clause.
type FilterOutcome struct {
	Passed  bool              `json:"passed"`
	Clauses []json.RawMessage `json:"clauses"`
}

// consumeResults copies a results handle into Go values and frees it. The caller holds its thread.
func consumeResults(h *C.skm_results, explain bool) (*Results, error) {
	defer C.skm_results_free(h)
	var count, admitted C.size_t
	var query *C.char
	if err := check(C.skm_results_count(h, &count)); err != nil {
		return nil, err
	}
	if err := check(C.skm_results_admitted(h, &admitted)); err != nil {
		return nil, err
	}
	if err := check(C.skm_results_query_id(h, &query)); err != nil {
		return nil, err
	}
	r := &Results{QueryID: goString(query), Admitted: int(admitted), Matches: make([]Match, int(count))}
	for i := C.size_t(0); i < count; i++ {
		var id *C.char
		var score C.double
		if err := check(C.skm_results_id(h, i, &id)); err != nil {
			return nil, err
		}
		if err := check(C.skm_results_score(h, i, &score)); err != nil {
			return nil, err
		}
		m := &r.Matches[i]
		m.ID, m.Score = goString(id), float64(score)
		if explain {
			var text *C.char
			if err := check(C.skm_results_explanation_json(h, i, &text)); err != nil {
				return nil, err
			}
			raw := []byte(goString(text))
			m.Explanation = &Explanation{}
			if err := json.Unmarshal(raw, m.Explanation); err != nil {
				return nil, bindingError(StatusInternal, "explanation JSON of "+m.ID+": "+err.Error())
			}
			m.Explanation.Raw = raw
		}
	}
	return r, nil
}
