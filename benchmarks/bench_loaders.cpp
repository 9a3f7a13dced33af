// Loading the full upstream sources: load_onet (IT filter) + load_esco + load_stackoverflow + build().
// Needs the full raw data set, found at $SKILLMATCH_RAW_DATA or /work/shared/data/raw; the benchmark
// skips itself (SkipWithError) when it is absent. Counters report the resulting taxonomy's size.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "skillmatch/loaders.hpp"

namespace {

std::filesystem::path raw_data_dir() {
  if (const char* env = std::getenv("SKILLMATCH_RAW_DATA")) return env;
  return "/work/shared/data/raw";
}

void BM_LoadAllSources(benchmark::State& state) {
  const auto raw = raw_data_dir();
  if (!std::filesystem::exists(raw / "onet" / "Technology Skills.txt")) {
    state.SkipWithError("full raw data not found (set SKILLMATCH_RAW_DATA)");
    return;
  }
  skillmatch::OnetOptions onet;
  onet.occupations = skillmatch::it_occupation_codes();
  std::size_t concepts = 0, labels = 0, related = 0;
  for (auto _ : state) {
    skillmatch::TaxonomyBuilder builder;
    skillmatch::load_onet(builder, raw / "onet", onet);
    skillmatch::load_esco(builder, raw / "esco");
    skillmatch::load_stackoverflow(builder, raw / "stackexchange" / "stackoverflow_Tags.csv",
                                   raw / "stackexchange" / "stackoverflow_TagSynonyms.csv");
    auto taxonomy = builder.build();
    concepts = taxonomy->size();
    labels = taxonomy->all_labels().size();
    related = 0;
    for (skillmatch::ConceptIndex c = 0; c < taxonomy->size(); ++c) related += taxonomy->related(c).size();
    benchmark::DoNotOptimize(taxonomy);
  }
  state.counters["concepts"] = static_cast<double>(concepts);
  state.counters["labels"] = static_cast<double>(labels);
  state.counters["related"] = static_cast<double>(related);
}
BENCHMARK(BM_LoadAllSources)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
