// Resolver throughput on the bundled taxonomy: exact hits (every O*NET technology name as written),
// noisy terms (case, spacing, vendor dropped, full-width, typos: the fuzzy path), and the cost of
// building a Resolver and its lazy fuzzy index.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "skillmatch/resolver.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace {

using namespace skillmatch;

const Resolver& shared_resolver() {
  static const Resolver r(bundled_taxonomy());
  return r;
}

std::vector<std::string> onet_names() {
  const auto& t = shared_resolver().taxonomy();
  std::vector<std::string> names;
  for (ConceptIndex c = 0; c < t.size(); ++c)
    if (t.id(c).substr(0, 10) == "onet:tech:") names.emplace_back(t.preferred_label(c));
  return names;
}

std::vector<std::string> noisy_terms() {
  std::mt19937 rng(42);
  std::vector<std::string> out;
  for (std::string s : onet_names()) {
    switch (rng() % 5) {
      case 0: std::transform(s.begin(), s.end(), s.begin(), [](char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }); break;
      case 1: std::replace(s.begin(), s.end(), ' ', '-'); break;
      case 2: if (auto sp = s.find(' '); sp != std::string::npos) s = s.substr(sp + 1); break;  // first word dropped
      case 3: if (s.size() >= 8) std::swap(s[s.size() / 2], s[s.size() / 2 + 1]); break;          // a typo
      default: {  // full-width
        std::string w;
        for (char c : s) {
          const auto u = static_cast<unsigned char>(c);
          if (u >= 0x21 && u <= 0x7E) {
            const unsigned cp = 0xFF01 + (u - 0x21);
            w += static_cast<char>(0xE0 | (cp >> 12));
            w += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            w += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            w += c;
          }
        }
        s = w;
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

void run(benchmark::State& state, const std::vector<std::string>& terms) {
  const Resolver& r = shared_resolver();
  (void)r.resolve_best("Pyhton");  // build the lazy fuzzy index outside the timing
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    auto m = r.resolve_best(terms[i]);
    found += m.has_value();
    benchmark::DoNotOptimize(m);
    if (++i == terms.size()) i = 0;
  }
  state.counters["terms/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["resolved"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

void BM_ResolveExactHit(benchmark::State& state) {
  static const auto terms = onet_names();
  run(state, terms);
}
BENCHMARK(BM_ResolveExactHit);

void BM_ResolveNoisy(benchmark::State& state) {
  static const auto terms = noisy_terms();
  run(state, terms);
}
BENCHMARK(BM_ResolveNoisy);

void BM_ResolverConstruct(benchmark::State& state) {
  const auto taxonomy = bundled_taxonomy();
  for (auto _ : state) {
    Resolver r(taxonomy);
    benchmark::DoNotOptimize(r);
  }
  state.counters["keys"] = static_cast<double>(shared_resolver().key_count());
}
BENCHMARK(BM_ResolverConstruct)->Unit(benchmark::kMillisecond);

void BM_ResolverConstructWithFuzzyIndex(benchmark::State& state) {
  const auto taxonomy = bundled_taxonomy();
  for (auto _ : state) {
    Resolver r(taxonomy);
    benchmark::DoNotOptimize(r.resolve_best("Pyhton"));
  }
}
BENCHMARK(BM_ResolverConstructWithFuzzyIndex)->Unit(benchmark::kMillisecond);

}  // namespace
