// Loading the bundled default taxonomy: parsing the embedded native-format files and building the
// frozen Taxonomy (what bundled_taxonomy() does once per process), and the same plus the Resolver.
#include <benchmark/benchmark.h>

#include "skillmatch/resolver.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace {

using namespace skillmatch;

void BM_LoadBundledTaxonomy(benchmark::State& state) {
  std::size_t concepts = 0;
  for (auto _ : state) {
    TaxonomyBuilder builder;
    add_bundled_taxonomy(builder);
    auto t = builder.build();
    concepts = t->size();
    benchmark::DoNotOptimize(t);
  }
  state.counters["concepts"] = static_cast<double>(concepts);
}
BENCHMARK(BM_LoadBundledTaxonomy)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LoadBundledTaxonomyAndResolver(benchmark::State& state) {
  for (auto _ : state) {
    TaxonomyBuilder builder;
    add_bundled_taxonomy(builder);
    Resolver resolver(builder.build());
    benchmark::DoNotOptimize(resolver);
  }
}
BENCHMARK(BM_LoadBundledTaxonomyAndResolver)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
