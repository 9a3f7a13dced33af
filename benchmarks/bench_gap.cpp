// The gap report at portal scale: 10,000 jobs × 100,000 candidates (the target: ≤ 30 s on
// 2 cores). Profiles are the bundled sample's (real posting skill lists, resume-like candidates),
// each copy with two extra random real technologies so that the distinct concepts grow with the size
// as on a real portal. Measured side by side in one loop: compute_gap (per-requirement bitmaps, pools,
// near-qualified, areas) and the exposure pass (top-10 by the engine of at most 1,000 jobs spread
// evenly, as `skillmatch report` does by default).
// Counters: gap_s, exposure_s, report_s (medians), rss_mb (resident set after the run), bitmaps_mb
// (the requirement bitmaps' size), requirements (distinct job concepts), held (distinct candidate
// concepts).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <set>

#include "skillmatch/engine.hpp"
#include "skillmatch/gap.hpp"
#include "skillmatch/schema_io.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace {

using namespace skillmatch;

double rss_mb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

std::unique_ptr<Engine> portal(std::size_t n_jobs, std::size_t n_cands) {
  auto resolver = std::make_shared<const Resolver>(bundled_taxonomy());
  const std::string dir = SKILLMATCH_SOURCE_DIR "/data/sample/";
  auto jobs = read_profiles_jsonl_file(dir + "jobs.jsonl", *resolver);
  auto cands = read_profiles_jsonl_file(dir + "candidates.jsonl", *resolver);
  EngineOptions eo;
  eo.resolver = resolver;
  eo.job_schema = read_attribute_schema_file(dir + "jobs.schema.json");
  eo.candidate_schema = read_attribute_schema_file(dir + "candidates.schema.json");
  auto engine = std::make_unique<Engine>(std::move(eo));
  const Taxonomy& t = engine->taxonomy();
  std::vector<ConceptIndex> techs;
  for (ConceptIndex c = 0; c < t.size(); ++c)
    if (t.kind(c) == ConceptKind::technology && t.stats(c).frequency >= 3) techs.push_back(c);
  std::mt19937 rng(13);
  auto grow = [&](const std::vector<Profile>& base, std::size_t n, const char* prefix, bool job) {
    std::vector<Profile> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      Profile p = base[i % base.size()];
      p.id = prefix + std::to_string(i);
      for (int e = 0; e < 2; ++e) {
        ProfileSkill s;
        s.concept_index = techs[rng() % techs.size()];
        s.text = std::string(t.preferred_label(s.concept_index));
        s.required = job && e == 0 && rng() % 2;
        p.add_skill(s);
      }
      out.push_back(std::move(p));
    }
    return out;
  };
  engine->upsert_all(Side::job, grow(jobs, n_jobs, "J", true));
  engine->upsert_all(Side::candidate, grow(cands, n_cands, "C", false));
  return engine;
}

void BM_GapReport(benchmark::State& state) {
  const auto n_jobs = static_cast<std::size_t>(state.range(0));
  const auto n_cands = static_cast<std::size_t>(state.range(1));
  static std::unique_ptr<Engine> engine;
  static std::pair<std::size_t, std::size_t> built{0, 0};
  if (built != std::pair{n_jobs, n_cands}) engine = portal(n_jobs, n_cands), built = {n_jobs, n_cands};
  GapOptions go;
  go.threads = 2;
  ExposureOptions eo;
  eo.attributes = {"degree"};
  eo.match.k = 10;
  eo.match.threads = 2;
  eo.threads = 2;
  eo.max_jobs = 1000;  // as `skillmatch report` (--exposure-jobs)
  std::vector<double> gap_s, exposure_s;
  std::size_t requirements = 0;
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    auto gap = compute_gap(*engine, go);
    auto t1 = std::chrono::steady_clock::now();
    auto ex = compute_exposure(*engine, eo);
    auto t2 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(gap);
    benchmark::DoNotOptimize(ex);
    requirements = gap.skills.size();
    gap_s.push_back(std::chrono::duration<double>(t1 - t0).count());
    exposure_s.push_back(std::chrono::duration<double>(t2 - t1).count());
    state.SetIterationTime(gap_s.back() + exposure_s.back());
  }
  std::set<ConceptIndex> held;
  {
    auto v = engine->index(Side::candidate).read();
    v.for_each_concept([&](ConceptIndex c, std::span<const std::uint32_t> rows) {
      if (!rows.empty()) held.insert(c);
    });
  }
  state.counters["gap_s"] = median(gap_s);
  state.counters["exposure_s"] = median(exposure_s);
  state.counters["report_s"] = median(gap_s) + median(exposure_s);
  state.counters["rss_mb"] = rss_mb();
  state.counters["bitmaps_mb"] = static_cast<double>(requirements) * static_cast<double>((n_cands + 63) / 64 * 8) / 1e6;
  state.counters["requirements"] = static_cast<double>(requirements);
  state.counters["held"] = static_cast<double>(held.size());
}
BENCHMARK(BM_GapReport)->Args({300, 2000})->Args({10000, 100000})->UseManualTime()->Iterations(3)->Unit(benchmark::kSecond);

}  // namespace
