// Filter evaluation over 1M rows: the 4-clause filter from the design notes, and each clause type
// on its own. Reports rows/s and the column bytes read per second (compare with memory bandwidth).
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "skillmatch/filter.hpp"

namespace {

using namespace skillmatch;

constexpr std::size_t kRows = 1'000'000;

const AttributeColumns& columns() {
  static const AttributeColumns cols = [] {
    AttributeSchema s;
    s.add_jlpt();
    s.add_categorical("location");
    s.add_categorical("languages", true);
    s.add_numeric("salary_jpy");
    s.add_boolean("visa_refused");
    AttributeColumns c(s);
    c.resize(kRows);
    std::mt19937 rng(42);
    const char* cities[] = {"Tokyo", "Osaka", "remote", "Nagoya", "Fukuoka", "Sapporo", "Kyoto", "Yokohama"};
    const char* levels[] = {"N5", "N4", "N3", "N2", "N1"};
    const char* langs[] = {"ja", "en", "zh", "ko", "pt", "vi"};
    std::uniform_int_distribution<int> pct(0, 99);
    AttributeValues v;
    for (std::size_t r = 0; r < kRows; ++r) {
      v.clear();
      if (pct(rng) < 90) v.set_string("jlpt", levels[pct(rng) % 5]);
      if (pct(rng) < 95) v.set_string("location", cities[pct(rng) % 8]);
      for (int k = pct(rng) % 3; k >= 0; --k) v.add_string("languages", langs[pct(rng) % 6]);
      if (pct(rng) < 85) v.set_number("salary_jpy", 3e6 + 1e5 * pct(rng));
      if (pct(rng) < 70) v.set_bool("visa_refused", pct(rng) < 5);
      c.set_row(r, v);
    }
    return c;
  }();
  return cols;
}

void run(benchmark::State& state, const char* expr, double bytes_per_row) {
  const AttributeColumns& c = columns();
  CompiledFilter f = compile_filter(expr, c.schema());
  FilterScratch scratch;
  Bitmap out;
  for (auto _ : state) {
    evaluate(f, c, out, scratch);
    benchmark::DoNotOptimize(out.words().data());
  }
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(kRows) * static_cast<double>(state.iterations()),
                                                benchmark::Counter::kIsRate);
  state.counters["admitted"] = static_cast<double>(out.count());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes_per_row * kRows) * state.iterations());
}

// Bytes per row read: each column's values plus its missing bits (1/8 byte) per clause.
void BM_Filter4Clauses(benchmark::State& state) {
  run(state,
      "jlpt >= N3 and location in (\"Tokyo\", \"remote\") and salary_jpy <= 8000000 and not visa_refused",
      1 + 4 + 8 + 0.125 + 4 * 0.125);
}
void BM_FilterNumeric(benchmark::State& state) { run(state, "salary_jpy <= 8000000", 8.125); }
void BM_FilterOrdinal(benchmark::State& state) { run(state, "jlpt >= N3", 1.125); }
void BM_FilterCategoryIn(benchmark::State& state) { run(state, "location in (\"Tokyo\", \"remote\")", 4.125); }
void BM_FilterBoolean(benchmark::State& state) { run(state, "not visa_refused", 0.25); }
void BM_FilterMultiValued(benchmark::State& state) { run(state, "languages in (\"ja\", \"ko\")", 16.125); }

}  // namespace

BENCHMARK(BM_Filter4Clauses)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterNumeric)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterOrdinal)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterCategoryIn)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterBoolean)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterMultiValued)->Unit(benchmark::kMillisecond);
