// Saved engines (Engine::save / Engine::open, docs/index-format.md) against a start from JSONL,
// measured side by side in one loop so the ratio survives a noisy machine.
//
// BM_IndexFile/N:<candidates>: each round (a) starts from JSONL as `skillmatch match` does: parse and
// resolve N candidate lines, build the engine (resolver, similarity, learned skill vectors), embed and
// index every profile; (b) saves that engine; (c) opens the saved file into a new engine (checksums
// verified; three opens per round). Counters are medians over the rounds, in seconds:
//   ingest_s, save_s, open_s, open_speedup = ingest_s / open_s, verify_s (index verify: checksums and a
//   full decode), bytes_per_profile (whole file / profiles) and profile_bytes (the same without the
//   fixed ~7.8 MB of learned skill vectors), file_mb.
// Data: the 2,000 sample candidates (data/sample/candidates.jsonl) replicated with new ids up to N.
// Sizes: N = 20k (seconds; the CI listing) and 200k; SKILLMATCH_BENCH_INDEX_1M=1 adds N = 1M (about a
// minute per round, one round).
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "skillmatch/engine.hpp"
#include "skillmatch/index_file.hpp"
#include "skillmatch/schema_io.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace {

using namespace skillmatch;
namespace fs = std::filesystem;

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// N candidate lines: the sample's, repeated with the id suffixed by the copy number.
fs::path candidates_file(std::size_t n, const fs::path& dir) {
  std::ifstream in(std::string(SKILLMATCH_SOURCE_DIR) + "/data/sample/candidates.jsonl");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  const fs::path path = dir / ("candidates_" + std::to_string(n) + ".jsonl");
  std::ofstream out(path);
  for (std::size_t i = 0; i < n; ++i) {
    std::string line = lines[i % lines.size()];
    if (i >= lines.size()) {
      const auto at = line.find("\", ");  // end of the leading "id": "C00001"
      line.insert(at, "-r" + std::to_string(i / lines.size()));
    }
    out << line << '\n';
  }
  return path;
}

std::unique_ptr<Engine> ingest(const fs::path& jsonl, const AttributeSchema& schema) {
  auto resolver = std::make_shared<const Resolver>(bundled_taxonomy());
  auto profiles = read_profiles_jsonl_file(jsonl.string(), *resolver);
  EngineOptions o;
  o.resolver = resolver;
  o.candidate_schema = schema;
  auto engine = std::make_unique<Engine>(std::move(o));
  engine->upsert_all(Side::candidate, profiles);
  return engine;
}

void BM_IndexFile(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const fs::path dir = fs::temp_directory_path() / ("skm_bench_index_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path jsonl = candidates_file(n, dir);
  const fs::path index = dir / "portal.skm";
  const AttributeSchema schema =
      read_attribute_schema_file(std::string(SKILLMATCH_SOURCE_DIR) + "/data/sample/candidates.schema.json");
  (void)bundled_taxonomy();  // loaded once per process either way: not part of either path
  std::vector<double> ingest_s, save_s, open_s, verify_s;
  std::uint64_t file_size = 0, embedding_size = 0;
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    auto engine = ingest(jsonl, schema);
    ingest_s.push_back(seconds_since(t0));
    t0 = std::chrono::steady_clock::now();
    engine->save(index);
    save_s.push_back(seconds_since(t0));
    engine.reset();
    for (int k = 0; k < 3; ++k) {  // opening is cheap next to ingest: three times per round
      t0 = std::chrono::steady_clock::now();
      auto opened = Engine::open(index);
      open_s.push_back(seconds_since(t0));
      if (opened->size(Side::candidate) != n) state.SkipWithError("opened engine has the wrong size");
    }
    t0 = std::chrono::steady_clock::now();
    auto info = verify_index_file(index);
    verify_s.push_back(seconds_since(t0));
    file_size = info.file_size;
    for (const auto& s : info.sections)
      if (s.name == "embedding") embedding_size = s.size;
  }
  state.counters["ingest_s"] = median(ingest_s);
  state.counters["save_s"] = median(save_s);
  state.counters["open_s"] = median(open_s);
  state.counters["verify_s"] = median(verify_s);
  state.counters["open_speedup"] = median(ingest_s) / median(open_s);
  state.counters["bytes_per_profile"] = double(file_size) / double(n);
  state.counters["profile_bytes"] = double(file_size - embedding_size) / double(n);
  state.counters["file_mb"] = double(file_size) / 1e6;
  fs::remove_all(dir);
}

BENCHMARK(BM_IndexFile)->Arg(20000)->Arg(200000)->Iterations(3)->Unit(benchmark::kSecond)->UseRealTime();

[[maybe_unused]] const bool large = [] {
  if (const char* v = std::getenv("SKILLMATCH_BENCH_INDEX_1M"); v && *v == '1')
    benchmark::RegisterBenchmark("BM_IndexFile", BM_IndexFile)->Arg(1000000)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
  return true;
}();

}  // namespace
