// The matching evaluation behind `skillmatch evaluate-matching`: evaluation sets with relevance
// labels (benchmarks/quality/matching/, made by scripts/make_matching_eval.py), rankers (TF-IDF over
// the skill texts as written; the engine's pipeline with any weights), metrics in both directions per
// split, and the fit of the score's weights and thresholds on the dev split.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/ranking_metrics.hpp"
#include "skillmatch/engine.hpp"

namespace skillmatch::cli {

/// One evaluation set: jobs.jsonl and candidates.jsonl of a directory, each profile annotated with
/// `_occupation` (relevance: same occupation) and `_split` ("dev" or "test"). The split is also stored
/// as the attribute `split` on both sides, so a query's documents are filtered to its split.
struct EvalSet {
  std::string name;
  std::unique_ptr<Engine> engine;
  std::unordered_map<std::string, std::string> occupation, split;  // by profile id (ids unique across sides)
  std::unordered_map<std::string, std::vector<std::string>> texts;  // skill texts as written, lower-cased
  std::vector<std::string> job_ids, candidate_ids;
};

/// Loads `dir`/jobs.jsonl and `dir`/candidates.jsonl with `resolver`. Errors: the loaders' errors
/// (with file and line), Error(invalid_argument) naming the line of a profile without `_occupation`
/// or with a `_split` other than dev/test.
EvalSet load_eval_set(const std::string& dir, std::shared_ptr<const Resolver> resolver, std::size_t threads,
                      const SimilarityOptions& similarity = {});

/// Ranked document ids per query (query id -> documents, best first).
using Rankings = std::unordered_map<std::string, std::vector<std::string>>;

/// The queries of `split` on `query_side` through the engine's pipeline with `options` (its filter is
/// replaced by the split filter).
Rankings engine_rankings(const EvalSet& set, Side query_side, const std::string& split, MatchOptions options);
/// TF-IDF cosine over the skill texts as written (one term per lower-cased text; idf over the split's
/// profiles), every document of the split ranked, ties by id.
Rankings tfidf_rankings(const EvalSet& set, Side query_side, const std::string& split);

struct BothDirections {
  RankingMetrics job_to_candidates, candidate_to_jobs;
};
/// Mean metrics at k = 10 of the split's queries that have a relevant document (distractor
/// candidates have none and are only documents).
BothDirections evaluate(const EvalSet& set, const std::string& split, const Rankings& job_queries,
                        const Rankings& candidate_queries);

/// The options under evaluation: the pipeline of `skillmatch match` at k = 10 (re-rank depth 200),
/// listing 200 so that reciprocal ranks beyond 10 count.
MatchOptions evaluation_options(const MatchOptions& base);

/// The fit objective: over the sets, the mean of recall@10 and nDCG@10 job -> candidates and MRR
/// candidate -> jobs on `split`.
double objective(const std::vector<EvalSet*>& sets, const std::string& split, const MatchOptions& options);

/// Coordinate ascent on the dev objective over: the share of the score given to skill coverage
/// (vs the vector), the must-have share of coverage, similarity_floor and specificity. The
/// preferences weight stays as given (the sets have no preferences). Prints each improvement to stderr.
MatchOptions fit_on_dev(const std::vector<EvalSet*>& sets, MatchOptions start);

}  // namespace skillmatch::cli
