// SkillEmbedding::learn on the bundled taxonomy + skill2vec postings (d = 128, 256) and embed_profile.
//   build/benchmarks/skillmatch_bench --benchmark_filter=Embed
#include <benchmark/benchmark.h>

#include <vector>

#include "embed/exact_label_lookup.hpp"
#include "skillmatch/embedder.hpp"
#include "skillmatch/postings.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace {

using namespace skillmatch;

const PostingCorpus& bundled_corpus() {
  static const PostingCorpus corpus = [] {
    const detail::ExactLabelLookup lookup(*bundled_taxonomy());
    return read_bundled_postings([&](std::string_view text) { return lookup(text); });
  }();
  return corpus;
}

void BM_EmbedLearnBundled(benchmark::State& state) {
  auto taxonomy = bundled_taxonomy();
  const auto& corpus = bundled_corpus();
  EmbeddingOptions options;
  options.dimension = static_cast<std::size_t>(state.range(0));
  std::size_t vectors = 0;
  for (auto _ : state) {
    SkillEmbedding e = SkillEmbedding::learn(taxonomy, corpus.postings, options);
    vectors = e.vector_count();
    benchmark::DoNotOptimize(e.data().data());
  }
  state.counters["concepts"] = static_cast<double>(taxonomy->size());
  state.counters["with_vector"] = static_cast<double>(vectors);
  state.counters["postings"] = static_cast<double>(corpus.postings.size());
}
BENCHMARK(BM_EmbedLearnBundled)->Arg(128)->Arg(256)->Unit(benchmark::kMillisecond)->Iterations(3);

// Profiles of `skills` skills drawn from the postings (real skill mixes), embedded one after another.
void BM_EmbedProfile(benchmark::State& state) {
  static const SkillEmbedding embedding = SkillEmbedding::learn(bundled_taxonomy(), bundled_corpus().postings);
  const auto& postings = bundled_corpus().postings;
  std::vector<std::vector<WeightedConcept>> profiles;
  for (const auto& p : postings) {
    if (p.size() < 2) continue;
    std::vector<WeightedConcept> profile;
    for (std::size_t i = 0; i < p.size() && profile.size() < static_cast<std::size_t>(state.range(0)); ++i)
      profile.push_back({p[i], 1.0f + 0.25f * static_cast<float>(i % 3)});
    profiles.push_back(std::move(profile));
  }
  std::vector<float> out(embedding.dimension());
  std::size_t next = 0, skills = 0;
  for (auto _ : state) {
    const auto& profile = profiles[next];
    next = next + 1 == profiles.size() ? 0 : next + 1;
    benchmark::DoNotOptimize(embed_profile(embedding, profile, out));
    benchmark::ClobberMemory();
    skills += profile.size();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["skills_per_profile"] =
      benchmark::Counter(static_cast<double>(skills) / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_EmbedProfile)->Arg(8)->Arg(32);

}  // namespace
