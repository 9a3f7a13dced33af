// Exact search against the machine's limits: memory read bandwidth for the single-query scan, peak
// FP32 FMA throughput for the batch (GEMM) path.
//
//   skillmatch_bench --benchmark_filter='Bandwidth|PeakFma|Exact' --benchmark_repetitions=5
//                    --benchmark_report_aggregates_only=true
//
// Limits are measured in this process right before each search run (median of 3 passes) so the
// fractions compare like with like: the same thread count, on the same (noisy, shared) machine, moments apart.
#include <benchmark/benchmark.h>
// GCC 12 bug 105593: its AVX-512 intrinsics trip -W(maybe-)uninitialized when inlined.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#include <immintrin.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <random>
#include <thread>
#include <vector>

#include <time.h>

#include "skillmatch/core/bitmap.hpp"
#include "skillmatch/core/cpu_features.hpp"
#include "skillmatch/core/thread_pool.hpp"
#include "skillmatch/search/exact_search.hpp"

namespace {

using namespace skillmatch;

// Every limit and result is reported two ways. Wall clock (the `*_fraction` counters, as the task
// defines them) suffers when the shared machine gives our threads less than a full core; CPU time of the
// whole process (`*_fraction_cpu`: work per CPU-second of ours, over the limit's work per CPU-second)
// discounts that, so it shows what the code reaches while it actually runs.
struct Rate {
  double wall = 0;  // units per wall-clock second
  double cpu = 0;   // units per CPU-second of this process (all threads)
};

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

Rate median_of_3(Rate r[3]) {
  double w[3] = {r[0].wall, r[1].wall, r[2].wall}, c[3] = {r[0].cpu, r[1].cpu, r[2].cpu};
  std::sort(w, w + 3);
  std::sort(c, c + 3);
  return {w[1], c[1]};
}

// ---------------------------------------------------------------------------------------------------
// Memory read bandwidth: a streaming sum over 2 GiB (several times the last-level cache).

constexpr std::size_t bw_floats = (std::size_t{2} << 30) / sizeof(float);

const float* bandwidth_buffer() {
  static const float* buf = [] {
    auto* p = static_cast<float*>(::operator new[](bw_floats * sizeof(float), std::align_val_t{64}));
    for (std::size_t i = 0; i < bw_floats; ++i) p[i] = static_cast<float>(i & 1023) * 1e-3f;  // touch every page
    return p;
  }();
  return buf;
}

// Eight independent accumulators so the adds never limit the stream; 64-byte aligned loads.
__attribute__((target("avx512f"))) float stream_sum_avx512(const float* p, std::size_t n) {
  __m512 a[8];
  for (auto& x : a) x = _mm512_setzero_ps();
  for (std::size_t i = 0; i + 128 <= n; i += 128)
    for (int j = 0; j < 8; ++j) a[j] = _mm512_add_ps(a[j], _mm512_load_ps(p + i + 16 * j));
  for (int j = 1; j < 8; ++j) a[0] = _mm512_add_ps(a[0], a[j]);
  return _mm512_reduce_add_ps(a[0]);
}
__attribute__((target("avx2"))) float stream_sum_avx2(const float* p, std::size_t n) {
  __m256 a[8];
  for (auto& x : a) x = _mm256_setzero_ps();
  for (std::size_t i = 0; i + 64 <= n; i += 64)
    for (int j = 0; j < 8; ++j) a[j] = _mm256_add_ps(a[j], _mm256_load_ps(p + i + 8 * j));
  for (int j = 1; j < 8; ++j) a[0] = _mm256_add_ps(a[0], a[j]);
  alignas(32) float t[8];
  _mm256_store_ps(t, a[0]);
  return t[0] + t[1] + t[2] + t[3] + t[4] + t[5] + t[6] + t[7];
}
float stream_sum(const float* p, std::size_t n) {
  if (cpu_features().avx512f) return stream_sum_avx512(p, n);
  if (cpu_features().avx2_fma) return stream_sum_avx2(p, n);
  float s[8] = {};
  for (std::size_t i = 0; i + 8 <= n; i += 8)
    for (int j = 0; j < 8; ++j) s[j] += p[i + j];
  return s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6] + s[7];
}

// Bytes/s of `threads` threads each summing its slice of the buffer.
Rate stream_once(std::size_t threads) {
  const float* buf = bandwidth_buffer();
  const std::size_t slice = bw_floats / threads;
  std::vector<float> sums(threads);
  const double c0 = process_cpu_seconds();
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::jthread> ts;
  for (std::size_t t = 0; t < threads; ++t)
    ts.emplace_back([&, t] { sums[t] = stream_sum(buf + t * slice, slice); });
  ts.clear();
  double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double cpu = process_cpu_seconds() - c0;
  benchmark::DoNotOptimize(sums.data());
  const auto bytes = static_cast<double>(slice * threads * sizeof(float));
  return {bytes / sec, bytes / cpu};
}

// Median of 3 passes, measured right before each search benchmark run, so the fraction compares
// with the machine's state of that moment (it is shared and noisy).
Rate measured_bandwidth(std::size_t threads) {
  Rate r[3];
  for (Rate& x : r) x = stream_once(threads);
  return median_of_3(r);
}

void BM_MemoryBandwidth(benchmark::State& state) {
  const float* buf = bandwidth_buffer();
  const auto threads = static_cast<std::size_t>(state.threads());
  const std::size_t slice = bw_floats / threads;
  const float* mine = buf + static_cast<std::size_t>(state.thread_index()) * slice;
  for (auto _ : state) benchmark::DoNotOptimize(stream_sum(mine, slice));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(slice * sizeof(float)));
}
BENCHMARK(BM_MemoryBandwidth)->Threads(1)->Threads(2)->UseRealTime()->Unit(benchmark::kMillisecond);

// ---------------------------------------------------------------------------------------------------
// Peak FP32 FMA throughput: 12 independent register-resident chains (more than latency x ports).

// Chains must exceed FMA latency x ports (4 x 2): 24 zmm chains (+2 constants) fit in AVX-512's 32
// registers, 14 ymm chains in AVX2's 16. (12 chains measured ~25% below the 24-chain figure here.)
constexpr int chains_avx512 = 24, chains_avx2 = 14;

__attribute__((target("avx512f"), noinline)) float fma_chains_avx512(std::int64_t iters) {
  __m512 a[chains_avx512];
  for (int j = 0; j < chains_avx512; ++j) a[j] = _mm512_set1_ps(static_cast<float>(j));
  const __m512 m = _mm512_set1_ps(0.999999f), c = _mm512_set1_ps(1e-6f);
  for (std::int64_t i = 0; i < iters; ++i)
#pragma GCC unroll 32  // fully: the chains must live in registers
    for (int j = 0; j < chains_avx512; ++j) a[j] = _mm512_fmadd_ps(a[j], m, c);
  for (int j = 1; j < chains_avx512; ++j) a[0] = _mm512_add_ps(a[0], a[j]);
  return _mm512_reduce_add_ps(a[0]);
}
__attribute__((target("avx2,fma"), noinline)) float fma_chains_avx2(std::int64_t iters) {
  __m256 a[chains_avx2];
  for (int j = 0; j < chains_avx2; ++j) a[j] = _mm256_set1_ps(static_cast<float>(j));
  const __m256 m = _mm256_set1_ps(0.999999f), c = _mm256_set1_ps(1e-6f);
  for (std::int64_t i = 0; i < iters; ++i)
#pragma GCC unroll 32
    for (int j = 0; j < chains_avx2; ++j) a[j] = _mm256_fmadd_ps(a[j], m, c);
  for (int j = 1; j < chains_avx2; ++j) a[0] = _mm256_add_ps(a[0], a[j]);
  alignas(32) float t[8];
  _mm256_store_ps(t, a[0]);
  return t[0] + t[7];
}

constexpr std::int64_t fma_iters = 1 << 22;

double flops_per_call(bool avx512) {
  return double(fma_iters) * (avx512 ? chains_avx512 * 16 : chains_avx2 * 8) * 2;
}

// Peak flop/s for `threads` threads at the given width, median of 3, measured right before each run.
Rate measured_peak_flops(std::size_t threads, bool avx512) {
  Rate r[3];
  for (Rate& rate : r) {
    const double c0 = process_cpu_seconds();
    auto t0 = std::chrono::steady_clock::now();
    std::vector<float> sink(threads);
    {
      std::vector<std::jthread> ts;
      for (std::size_t t = 0; t < threads; ++t)
        ts.emplace_back([&, t] { sink[t] = avx512 ? fma_chains_avx512(fma_iters) : fma_chains_avx2(fma_iters); });
    }
    double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = process_cpu_seconds() - c0;
    benchmark::DoNotOptimize(sink.data());
    const double flops = flops_per_call(avx512) * double(threads);
    rate = {flops / sec, flops / cpu};
  }
  return median_of_3(r);
}

void BM_PeakFma(benchmark::State& state) {
  const bool avx512 = state.range(0) == 512;
  if (avx512 ? !cpu_features().avx512f : !cpu_features().avx2_fma) {
    state.SkipWithError("CPU lacks this instruction set");
    return;
  }
  for (auto _ : state) {
    std::int64_t iters = fma_iters;
    benchmark::DoNotOptimize(iters);  // an opaque input: the (pure) call cannot be hoisted out of the loop
    benchmark::DoNotOptimize(avx512 ? fma_chains_avx512(iters) : fma_chains_avx2(iters));
  }
  state.counters["gflops"] =
      benchmark::Counter(flops_per_call(avx512) * 1e-9 * double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_PeakFma)->Arg(256)->Arg(512)->Threads(1)->Threads(2)->UseRealTime()->Unit(benchmark::kMillisecond);

// ---------------------------------------------------------------------------------------------------
// Exact search on 1M x 128 float32 (deterministic synthetic data, 512 MiB).

constexpr std::size_t rows = 1'000'000, dim = 128;

const VectorStore& store() {
  static const VectorStore s = [] {
    VectorStore v(dim);
    v.reserve(rows);
    std::mt19937 rng(20261127);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> row(dim);
    for (std::size_t r = 0; r < rows; ++r) {
      for (auto& x : row) x = normal(rng);
      v.append(row);
    }
    return v;
  }();
  return s;
}

std::vector<float> queries(std::size_t nq) {
  std::mt19937 rng(99);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  std::vector<float> q(nq * dim);
  for (auto& x : q) x = normal(rng);
  return q;
}

ThreadPool& pool() {
  static ThreadPool p(2);
  return p;
}

Bitmap admitted(double fraction) {
  Bitmap b(rows);
  std::mt19937 rng(7);
  std::bernoulli_distribution admit(fraction);
  for (std::size_t r = 0; r < rows; ++r) b.assign(r, admit(rng));
  return b;
}

// Args: threads, SIMD level (0 scalar, 1 avx2, 2 avx512).
void BM_ExactTop10(benchmark::State& state) {
  const auto threads = static_cast<std::size_t>(state.range(0));
  const auto level = static_cast<SimdLevel>(state.range(1));
  if (!simd_level_supported(level)) {
    state.SkipWithError("CPU lacks this SIMD level");
    return;
  }
  const VectorStore& s = store();
  const Rate bw = measured_bandwidth(threads);
  set_simd_level(level);
  auto q = queries(1);
  std::vector<Hit> out;
  const double c0 = process_cpu_seconds();
  for (auto _ : state) {
    exact_search(s, q, {10, nullptr, threads}, &pool(), out);
    benchmark::DoNotOptimize(out.data());
  }
  const double cpu = process_cpu_seconds() - c0;
  reset_simd_level();
  const double bytes = double(rows * dim * sizeof(float)) * double(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["bw_fraction"] = benchmark::Counter(bytes / bw.wall, benchmark::Counter::kIsRate);
  state.counters["bw_fraction_cpu"] = bytes / cpu / bw.cpu;
  state.counters["bw_limit_GBps"] = bw.wall * 1e-9;
  state.counters["bw_limit_GB_per_cpu_s"] = bw.cpu * 1e-9;
}
BENCHMARK(BM_ExactTop10)
    ->ArgNames({"threads", "simd"})
    ->Args({1, 2})
    ->Args({2, 2})
    ->Args({1, 1})
    ->Args({2, 1})
    ->Args({1, 0})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// Args: threads, percent admitted. bw_fraction counts the bytes of admitted rows only (the rows a filter
// lets through); at 50% random admission the scan still reads nearly every cache line.
void BM_ExactTop10Filtered(benchmark::State& state) {
  const auto threads = static_cast<std::size_t>(state.range(0));
  const double fraction = double(state.range(1)) / 100.0;
  const VectorStore& s = store();
  const Bitmap filter = admitted(fraction);
  const Rate bw = measured_bandwidth(threads);
  auto q = queries(1);
  std::vector<Hit> out;
  const double c0 = process_cpu_seconds();
  for (auto _ : state) {
    exact_search(s, q, {10, &filter, threads}, &pool(), out);
    benchmark::DoNotOptimize(out.data());
  }
  const double cpu = process_cpu_seconds() - c0;
  const double bytes = double(filter.count() * dim * sizeof(float)) * double(state.iterations());
  state.counters["admitted_bw_fraction"] = benchmark::Counter(bytes / bw.wall, benchmark::Counter::kIsRate);
  state.counters["admitted_bw_fraction_cpu"] = bytes / cpu / bw.cpu;
  state.counters["full_scans_per_s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExactTop10Filtered)
    ->ArgNames({"threads", "pct"})
    ->Args({1, 10})
    ->Args({1, 50})
    ->Args({2, 10})
    ->Args({2, 50})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// Args: threads. 64 queries x 1M rows, top-10 each, through the GEMM path.
void BM_ExactBatch64(benchmark::State& state) {
  const auto threads = static_cast<std::size_t>(state.range(0));
  const std::size_t nq = 64;
  const VectorStore& s = store();
  const bool avx512 = active_simd_level() == SimdLevel::avx512;
  if (!avx512 && active_simd_level() != SimdLevel::avx2) {
    state.SkipWithError("no AVX2/AVX-512: no FMA peak to compare with");
    return;
  }
  const Rate peak = measured_peak_flops(threads, avx512);
  auto q = queries(nq);
  std::vector<std::vector<Hit>> out;
  const double c0 = process_cpu_seconds();
  for (auto _ : state) {
    exact_search_batch(s, q.data(), nq, {10, nullptr, threads}, &pool(), out);
    benchmark::DoNotOptimize(out.data());
  }
  const double cpu = process_cpu_seconds() - c0;
  const double flops = 2.0 * double(rows) * double(dim) * double(nq) * double(state.iterations());
  state.counters["gflops"] = benchmark::Counter(flops * 1e-9, benchmark::Counter::kIsRate);
  state.counters["flop_fraction"] = benchmark::Counter(flops / peak.wall, benchmark::Counter::kIsRate);
  state.counters["flop_fraction_cpu"] = flops / cpu / peak.cpu;
  state.counters["peak_gflops"] = peak.wall * 1e-9;
  state.counters["peak_gflops_per_cpu_s"] = peak.cpu * 1e-9;
  state.counters["gflops_per_cpu_s"] = flops / cpu * 1e-9;
}
BENCHMARK(BM_ExactBatch64)->ArgName("threads")->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
