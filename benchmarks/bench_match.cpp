// End-to-end hybrid match (filter + vector scan + re-rank + explanation) against the raw vector scan
// of the same index, measured side by side in one loop so the ratio survives a noisy machine.
//
// Counter `cost_vs_raw_scan` = median hybrid time / median raw-scan time (same rows, 1 thread).
// musts_filter:1 adds required_as_filter (the raw scan stays unfiltered: the cost of the must-have check).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>

#include "skillmatch/engine.hpp"
#include "skillmatch/search/exact_search.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace {

using namespace skillmatch;

constexpr std::size_t kDim = 128;

struct Portal {
  std::unique_ptr<Engine> engine;
  std::vector<Profile> jobs;
};

// N candidates with clustered unit vectors, 8 skills drawn from real O*NET technologies and four
// attributes; a few jobs alike. Built once per size.
const Portal& portal(std::size_t n) {
  static std::map<std::size_t, Portal> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return it->second;
  Portal p;
  EngineOptions o;
  o.external_vectors = true;
  o.dimension = kDim;
  o.threads = 1;
  o.candidate_schema.add_jlpt("jlpt");
  o.candidate_schema.add_categorical("city");
  o.candidate_schema.add_numeric("salary");
  o.candidate_schema.add_boolean("visa_refused");
  p.engine = std::make_unique<Engine>(std::move(o));
  const Taxonomy& t = p.engine->taxonomy();
  std::vector<ConceptIndex> techs;
  for (ConceptIndex c = 0; c < t.size(); ++c)
    if (t.kind(c) == ConceptKind::technology && t.stats(c).frequency >= 3) techs.push_back(c);
  std::mt19937 rng(11);
  std::normal_distribution<float> g;
  std::vector<std::vector<float>> centres(64, std::vector<float>(kDim));
  for (auto& c : centres)
    for (auto& x : c) x = g(rng);
  auto make = [&](const std::string& id, bool job) {
    Profile q;
    q.id = id;
    const auto& centre = centres[rng() % centres.size()];
    q.vector.resize(kDim);
    for (std::size_t i = 0; i < kDim; ++i) q.vector[i] = centre[i] + 0.7f * g(rng);
    for (int s = 0; s < 8; ++s) {
      ProfileSkill k;
      k.concept_index = techs[rng() % techs.size()];
      k.text = std::string(t.preferred_label(k.concept_index));
      k.required = job && s < 3;
      q.add_skill(k);
    }
    if (!job) {
      const char* levels[] = {"N5", "N4", "N3", "N2", "N1"};
      const char* cities[] = {"Lahore", "Karachi", "Islamabad", "Tokyo"};
      if (rng() % 2) q.attributes.set_string("jlpt", levels[rng() % 5]);
      q.attributes.set_string("city", cities[rng() % 4]);
      q.attributes.set_number("salary", 3e6 + double(rng() % 60) * 1e5);
      q.attributes.set_bool("visa_refused", rng() % 20 == 0);
    }
    return q;
  };
  std::vector<Profile> cands;
  cands.reserve(n);
  for (std::size_t i = 0; i < n; ++i) cands.push_back(make("C" + std::to_string(i), false));
  p.engine->upsert_all(Side::candidate, cands);
  for (int j = 0; j < 16; ++j) p.jobs.push_back(make("J" + std::to_string(j), true));
  return cache.emplace(n, std::move(p)).first->second;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

void BM_HybridMatchVsRawScan(benchmark::State& state) {
  const Portal& p = portal(static_cast<std::size_t>(state.range(0)));
  const bool explain = state.range(1) != 0;
  MatchOptions o;
  o.required_as_filter = state.range(2) != 0;  // each must-have tested once per distinct concept of the rows
  o.k = 10;
  o.threads = 1;
  o.explain = explain;
  o.filter = "jlpt >= N4 and not visa_refused and salary <= 8000000";
  std::vector<Hit> hits;
  ExactSearchOptions raw;
  raw.k = 10;
  raw.threads = 1;
  std::vector<double> hybrid_s, raw_s;
  std::size_t q = 0;
  for (auto _ : state) {
    const Profile& job = p.jobs[q++ % p.jobs.size()];
    auto t0 = std::chrono::steady_clock::now();
    auto r = p.engine->match(job, Side::job, o);
    auto t1 = std::chrono::steady_clock::now();
    {
      auto view = p.engine->index(Side::candidate).read();
      exact_search(view.vectors(), p.engine->embed(job), raw, nullptr, hits);
    }
    auto t2 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(hits);
    hybrid_s.push_back(std::chrono::duration<double>(t1 - t0).count());
    raw_s.push_back(std::chrono::duration<double>(t2 - t1).count());
    state.SetIterationTime(hybrid_s.back());
  }
  state.counters["hybrid_ms"] = median(hybrid_s) * 1e3;
  state.counters["raw_scan_ms"] = median(raw_s) * 1e3;
  state.counters["cost_vs_raw_scan"] = median(hybrid_s) / median(raw_s);
}
BENCHMARK(BM_HybridMatchVsRawScan)
    ->ArgNames({"rows", "explain", "musts_filter"})
    ->Args({100000, 0, 0})
    ->Args({100000, 1, 0})
    ->Args({100000, 0, 1})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);

}  // namespace
