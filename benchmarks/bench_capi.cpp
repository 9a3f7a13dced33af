// The cost of the C ABI: a top-10 match through skm_engine_match_* (options struct conversion,
// argument checks, the exception guard, a results handle, reading ids and scores back, freeing)
// against the same match through the C++ API, on the SAME engine and the same query, measured side
// by side in one loop so the ratio survives a noisy machine.
//
// The benchmark links the C ABI statically (libskillmatch_c.a), which is what lets both paths share
// one Engine object; through libskillmatch.so a call adds one PLT indirection (nanoseconds).
//
// Data: the bundled sample portal (data/sample: 2000 candidates, 300 jobs, their schemas), learned
// 128-dimensional vectors, 1 thread. Arg 0: the query is a stored job (match by id); arg 1: the query
// is the job's JSON text (parsed and resolved on every call, by both paths).
// Counter `capi_overhead_ratio` = median C ABI time / median C++ time, both measured as this thread's
// CPU time (the engine runs with 1 thread, on the caller), so that preemption on a busy machine does
// not land on one side; the two paths alternate which goes first.
#include <benchmark/benchmark.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "capi/capi_internal.hpp"
#include "skillmatch/skillmatch.h"

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void check(skm_status status) {
  if (status != SKM_OK) throw std::runtime_error(skm_last_error());
}

struct Portal {
  skm_engine* engine = nullptr;
  std::string first_job_json;
  Portal() {
    const std::string dir = std::string(SKILLMATCH_SOURCE_DIR) + "/data/sample/";
    const std::string cand_schema = slurp(dir + "candidates.schema.json");
    const std::string job_schema = slurp(dir + "jobs.schema.json");
    skm_engine_options o;
    check(skm_engine_options_init(&o, sizeof o));
    o.candidate_schema_json = cand_schema.c_str();
    o.job_schema_json = job_schema.c_str();
    o.threads = 1;
    check(skm_engine_create(&o, &engine));
    check(skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE, slurp(dir + "candidates.jsonl").c_str(), nullptr));
    const std::string jobs = slurp(dir + "jobs.jsonl");
    check(skm_engine_upsert_json(engine, SKM_SIDE_JOB, jobs.c_str(), nullptr));
    first_job_json = jobs.substr(0, jobs.find('\n'));
  }
};

const Portal& portal() {
  static const Portal p;
  return p;
}

double median(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

void BM_CApiVsCpp(benchmark::State& state) {
  const Portal& p = portal();
  const bool by_json = state.range(0) == 1;
  const skillmatch::Engine& engine = *p.engine->engine;  // the very engine behind the handle
  skm_match_options c_options;
  check(skm_match_options_init(&c_options, sizeof c_options));
  c_options.k = 10;
  c_options.threads = 1;
  skillmatch::MatchOptions cpp_options;
  cpp_options.k = 10;
  cpp_options.threads = 1;
  const std::string job_id = "J00001";

  std::vector<double> c_times, cpp_times;
  double checksum = 0;
  auto cpu_us = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) * 1e-3;
  };
  auto through_c = [&] {
    skm_results* r = nullptr;
    check(by_json ? skm_engine_match_json(p.engine, SKM_SIDE_JOB, p.first_job_json.c_str(), &c_options, &r)
                  : skm_engine_match_id(p.engine, SKM_SIDE_JOB, job_id.c_str(), &c_options, &r));
    std::size_t n = 0;
    check(skm_results_count(r, &n));
    for (std::size_t i = 0; i < n; ++i) {
      const char* id = nullptr;
      double score = 0;
      check(skm_results_id(r, i, &id));
      check(skm_results_score(r, i, &score));
      checksum += score + static_cast<double>(id[0]);
    }
    skm_results_free(r);
  };
  auto through_cpp = [&] {
    const skillmatch::MatchResults m =
        by_json ? engine.match(engine.parse_profile(p.first_job_json, "query"), skillmatch::Side::job, cpp_options)
                : engine.match_id(skillmatch::Side::job, job_id, cpp_options);
    for (const auto& match : m.matches) checksum += static_cast<double>(match.score) + static_cast<double>(match.id[0]);
  };
  bool c_first = true;
  for (auto _ : state) {
    for (int pass = 0; pass < 2; ++pass) {
      const bool c_now = (pass == 0) == c_first;
      const double t0 = cpu_us();
      if (c_now)
        through_c();
      else
        through_cpp();
      (c_now ? c_times : cpp_times).push_back(cpu_us() - t0);
    }
    c_first = !c_first;
    benchmark::DoNotOptimize(checksum);
  }
  const double c_median = median(c_times), cpp_median = median(cpp_times);
  state.counters["capi_us"] = c_median;
  state.counters["cpp_us"] = cpp_median;
  state.counters["capi_overhead_ratio"] = c_median / cpp_median;
  state.SetLabel(by_json ? "query as JSON text" : "stored query by id");
}
BENCHMARK(BM_CApiVsCpp)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond)->MinTime(1.0);

// JSONL ingest through the C ABI (issue 11): skm_engine_upsert_json with the sample's 2,000
// candidates replicated to 20k lines (ids suffixed), on an engine with 2 threads. Each round creates
// a fresh engine (not timed: it learns the skill vectors), then times one upsert_json of all lines:
// parse + resolve (on the calling thread), embed (on the engine's threads) and insert.
// Counters: profiles_per_s (median), rss_bytes_per_profile (the process's resident set growth over
// the upsert, divided by the profiles; includes the parsed profiles freed after).
long rss_kib() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

void BM_CApiIngestJsonl(benchmark::State& state) {
  const std::string dir = std::string(SKILLMATCH_SOURCE_DIR) + "/data/sample/";
  const std::string cand_schema = slurp(dir + "candidates.schema.json");
  std::vector<std::string> lines;
  {
    std::istringstream in(slurp(dir + "candidates.jsonl"));
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) lines.push_back(line);
  }
  const std::size_t n = 20000;
  std::string text;
  for (std::size_t i = 0; i < n; ++i) {
    std::string line = lines[i % lines.size()];
    line.insert(line.find("\", "), "-r" + std::to_string(i));  // end of the leading "id": "C00001"
    text += line;
    text += '\n';
  }
  std::vector<double> rates, rss;
  for (auto _ : state) {
    skm_engine_options o;
    check(skm_engine_options_init(&o, sizeof o));
    o.candidate_schema_json = cand_schema.c_str();
    o.threads = 2;
    skm_engine* engine = nullptr;
    check(skm_engine_create(&o, &engine));
    const long before = rss_kib();
    const auto t0 = std::chrono::steady_clock::now();
    std::size_t added = 0;
    check(skm_engine_upsert_json(engine, SKM_SIDE_CANDIDATE, text.c_str(), &added));
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    rss.push_back(double(rss_kib() - before) * 1024.0 / double(n));
    state.SetIterationTime(s);
    rates.push_back(double(added) / s);
    skm_engine_free(engine);
  }
  state.counters["profiles_per_s"] = median(rates);
  state.counters["rss_bytes_per_profile"] = median(rss);
}
BENCHMARK(BM_CApiIngestJsonl)->Iterations(3)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace
