// SkillSimilarity on the bundled taxonomy: similarity() calls per second on random pairs (all concepts,
// and O*NET technologies only, which carry the hierarchy and occupation data), construction time,
// and the time to build every neighbour list.
#include <benchmark/benchmark.h>

#include <random>
#include <string_view>
#include <utility>
#include <vector>

#include "skillmatch/similarity.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace {

using namespace skillmatch;

const SkillSimilarity& shared_similarity() {
  static const SkillSimilarity sim(bundled_taxonomy());
  return sim;
}

std::vector<std::pair<ConceptIndex, ConceptIndex>> random_pairs(bool technologies_only, std::size_t count) {
  const Taxonomy& taxonomy = *bundled_taxonomy();
  std::vector<ConceptIndex> pool;
  for (ConceptIndex c = 0; c < taxonomy.size(); ++c)
    if (!technologies_only || taxonomy.id(c).starts_with("onet:tech:")) pool.push_back(c);
  std::mt19937_64 rng(12345);
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
  std::vector<std::pair<ConceptIndex, ConceptIndex>> pairs(count);
  for (auto& p : pairs) p = {pool[pick(rng)], pool[pick(rng)]};
  return pairs;
}

void run_pairs(benchmark::State& state, bool technologies_only) {
  const SkillSimilarity& sim = shared_similarity();
  const auto pairs = random_pairs(technologies_only, 1 << 16);
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& [a, b] = pairs[i++ & (pairs.size() - 1)];
    benchmark::DoNotOptimize(sim.similarity(a, b));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_SimilarityRandomPairs(benchmark::State& state) { run_pairs(state, false); }
void BM_SimilarityRandomTechnologyPairs(benchmark::State& state) { run_pairs(state, true); }

void BM_SimilarityConstruction(benchmark::State& state) {
  auto taxonomy = bundled_taxonomy();
  for (auto _ : state) {
    SkillSimilarity sim(taxonomy);
    benchmark::DoNotOptimize(&sim);
  }
  state.counters["concepts"] = static_cast<double>(taxonomy->size());
}

// Construction plus every neighbour list (neighbour_count 32); subtract the construction time above.
void BM_SimilarityConstructionWithNeighbours(benchmark::State& state) {
  auto taxonomy = bundled_taxonomy();
  SimilarityOptions options;
  options.precompute_neighbours = true;
  for (auto _ : state) {
    SkillSimilarity sim(taxonomy, options);
    benchmark::DoNotOptimize(&sim);
  }
  state.counters["concepts"] = static_cast<double>(taxonomy->size());
}

}  // namespace

BENCHMARK(BM_SimilarityRandomPairs);
BENCHMARK(BM_SimilarityRandomTechnologyPairs);
BENCHMARK(BM_SimilarityConstruction)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SimilarityConstructionWithNeighbours)->Unit(benchmark::kMillisecond)->Iterations(3);
