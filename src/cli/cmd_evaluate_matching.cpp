// skillmatch evaluate-matching: ranking quality of TF-IDF, the vector part, the coverage part and the
// hybrid score on the evaluation sets, dev and test side by side; --fit fits the score's weights and
// thresholds on dev (docs/matching.md#evaluation).
#include <chrono>
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/matching_evaluation.hpp"
#include "cli/similarity_settings.hpp"
#include "skillmatch/taxonomy_io.hpp"

#ifndef SKILLMATCH_SOURCE_DATA_DIR
#define SKILLMATCH_SOURCE_DATA_DIR "data"
#endif

namespace skillmatch::cli {
namespace {

struct Row {
  const char* name;
  BothDirections dev, test;
};

void print_rows(const std::string& set, const std::vector<Row>& rows) {
  std::printf("\n%s\n", set.c_str());
  std::printf("%-14s %-5s | job->candidates: R@10  nDCG@10 MRR   | candidate->jobs: R@10  nDCG@10 MRR\n", "ranker", "split");
  for (const auto& r : rows)
    for (const auto* split : {"dev", "test"}) {
      const BothDirections& m = split[0] == 'd' ? r.dev : r.test;
      std::printf("%-14s %-5s |                  %.3f %.3f   %.3f |                  %.3f %.3f   %.3f\n", r.name, split,
                  m.job_to_candidates.recall, m.job_to_candidates.ndcg, m.job_to_candidates.rr,
                  m.candidate_to_jobs.recall, m.candidate_to_jobs.ndcg, m.candidate_to_jobs.rr);
    }
}

// What a score means: the share of same-occupation pairs among the listed job -> candidate pairs
// whose hybrid score falls in each band, dev split.
void print_calibration(const EvalSet& set, const MatchOptions& options) {
  MatchOptions o = evaluation_options(options);
  o.filter = "split = \"dev\"";
  std::size_t n[10] = {}, rel[10] = {};
  for (const auto& r : set.engine->match_all(Side::job, o)) {
    if (set.split.at(r.query_id) != "dev") continue;
    for (const auto& m : r.matches) {
      int band = std::min(9, static_cast<int>(m.score * 10));
      ++n[band];
      rel[band] += set.occupation.at(m.id) == set.occupation.at(r.query_id);
    }
  }
  std::printf("  hybrid score band -> share of same-occupation pairs (dev, job->candidates top 200):");
  for (int b = 9; b >= 0; --b)
    if (n[b]) std::printf(" [%.1f,%.1f) %.2f (n=%zu);", b / 10.0, (b + 1) / 10.0, double(rel[b]) / double(n[b]), n[b]);
  std::printf("\n");
}

}  // namespace

int run_evaluate_matching(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch evaluate-matching [--set DIR]... [--fit] [--threads N] [--similarity NAME=VALUE]...\n"
        "Ranks every job of a split against its candidates and every candidate against its jobs with\n"
        "TF-IDF over the skill texts, the vector part alone, the coverage part alone and the hybrid\n"
        "score, and prints recall@10, nDCG@10 and MRR per direction for the dev and test splits.\n"
        "Sets: directories holding jobs.jsonl and candidates.jsonl annotated with _occupation and _split\n"
        "(default: benchmarks/quality/matching/onet and .../esco of the source tree; made by\n"
        "scripts/make_matching_eval.py). --fit first fits the score's weights and thresholds on dev\n"
        "(coordinate ascent, docs/matching.md#evaluation), prints them and evaluates with them.\n"
        "--similarity changes a SimilarityOptions field (as `pairs --set`) to try other tunings.");
    return 0;
  }
  auto dirs = args.take_all("set");
  const bool fit = args.take_flag("fit");
  const auto threads = static_cast<std::size_t>(args.take_int("threads", 0, 0, 1024));
  SimilarityOptions similarity;
  for (const std::string& setting : args.take_all("similarity")) apply_similarity_setting(similarity, setting);
  args.finish();
  if (dirs.empty())
    dirs = {SKILLMATCH_SOURCE_DATA_DIR "/../benchmarks/quality/matching/onet",
            SKILLMATCH_SOURCE_DATA_DIR "/../benchmarks/quality/matching/esco"};

  auto t0 = std::chrono::steady_clock::now();
  auto resolver = std::make_shared<const Resolver>(bundled_taxonomy());
  std::vector<EvalSet> sets;
  for (const auto& d : dirs) sets.push_back(load_eval_set(d, resolver, threads, similarity));
  std::vector<EvalSet*> ptrs;
  for (auto& s : sets) ptrs.push_back(&s);
  std::fprintf(stderr, "  loaded %zu sets in %.1f s\n", sets.size(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());

  MatchOptions hybrid;
  if (fit) {
    hybrid = fit_on_dev(ptrs, hybrid);
    std::printf("fitted on dev: weights vector %.3f required %.3f preferred %.3f preferences %.3f, "
                "similarity_floor %.2f, specificity %.2f\n",
                double(hybrid.weights.vector), double(hybrid.weights.required), double(hybrid.weights.preferred),
                double(hybrid.weights.preferences), double(hybrid.similarity_floor), double(hybrid.specificity));
  }
  MatchOptions vector_only = hybrid;
  vector_only.weights = {1, 0, 0, 0};
  MatchOptions coverage_only = hybrid;
  coverage_only.weights = {0, hybrid.weights.required, hybrid.weights.preferred, 0};
  if (coverage_only.weights.required + coverage_only.weights.preferred <= 0) coverage_only.weights = {0, 1, 1, 0};

  for (auto& set : sets) {
    std::vector<Row> rows;
    auto engine_row = [&](const char* name, const MatchOptions& o, bool whole_ranking) {
      MatchOptions e = evaluation_options(o);
      if (whole_ranking) e.k = e.rerank_depth = set.engine->size(Side::candidate) + set.engine->size(Side::job);
      Row r{name, {}, {}};
      r.dev = evaluate(set, "dev", engine_rankings(set, Side::job, "dev", e), engine_rankings(set, Side::candidate, "dev", e));
      r.test = evaluate(set, "test", engine_rankings(set, Side::job, "test", e), engine_rankings(set, Side::candidate, "test", e));
      rows.push_back(r);
    };
    Row tfidf{"TF-IDF", {}, {}};
    tfidf.dev = evaluate(set, "dev", tfidf_rankings(set, Side::job, "dev"), tfidf_rankings(set, Side::candidate, "dev"));
    tfidf.test = evaluate(set, "test", tfidf_rankings(set, Side::job, "test"), tfidf_rankings(set, Side::candidate, "test"));
    rows.push_back(tfidf);
    engine_row("vector only", vector_only, false);
    // Coverage alone is not limited to the vector's top 200: it ranks every document.
    engine_row("coverage only", coverage_only, true);
    engine_row("hybrid", hybrid, false);
    std::size_t dev_jobs = 0, dev_cands = 0;
    for (const auto& id : set.job_ids) dev_jobs += set.split.at(id) == "dev";
    for (const auto& id : set.candidate_ids) dev_cands += set.split.at(id) == "dev";
    print_rows(set.name + "  (dev " + std::to_string(dev_jobs) + " jobs / " + std::to_string(dev_cands) +
                   " candidates, test " + std::to_string(set.job_ids.size() - dev_jobs) + " / " +
                   std::to_string(set.candidate_ids.size() - dev_cands) + ")",
               rows);
    print_calibration(set, hybrid);
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace skillmatch::cli
