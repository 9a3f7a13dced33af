// The machine's own limits, measured in-process so every benchmark can report the fraction of them it
// reaches: sustained memory read bandwidth (a streaming sum over 2 GiB) and peak FP32 FMA throughput
// (register-resident FMA chains). Shared by bench_limits.cpp (the limit rows themselves) and
// bench_exact_suite.cpp (bw_fraction / flop_fraction of every exact-search row).
//
// Limits are measured right before each search run (median of 3 passes) so the fractions compare like
// with like: the same thread count, on the same (noisy, shared) machine, moments apart.
#pragma once

#include <benchmark/benchmark.h>
// GCC 12 bug 105593: its AVX-512 intrinsics trip -W(maybe-)uninitialized when inlined.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#include <immintrin.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <new>
#include <thread>
#include <vector>

#include <time.h>

#include "skillmatch/core/cpu_features.hpp"

namespace skillmatch::bench {

// Every limit and result is reported two ways. Wall clock (the `*_fraction` counters, as the task
// defines them) suffers when the shared machine gives our threads less than a full core; CPU time of the
// whole process (`*_fraction_cpu`: work per CPU-second of ours, over the limit's work per CPU-second)
// discounts that, so it shows what the code reaches while it actually runs.
struct Rate {
  double wall = 0;  // units per wall-clock second
  double cpu = 0;   // units per CPU-second of this process (all threads)
};

inline double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

inline Rate median_of_3(Rate r[3]) {
  double w[3] = {r[0].wall, r[1].wall, r[2].wall}, c[3] = {r[0].cpu, r[1].cpu, r[2].cpu};
  std::sort(w, w + 3);
  std::sort(c, c + 3);
  return {w[1], c[1]};
}

// ---------------------------------------------------------------------------------------------------
// Memory read bandwidth: a streaming sum over 2 GiB (several times the last-level cache).

constexpr std::size_t bw_floats = (std::size_t{2} << 30) / sizeof(float);

inline const float* bandwidth_buffer() {
  static const float* buf = [] {
    auto* p = static_cast<float*>(::operator new[](bw_floats * sizeof(float), std::align_val_t{64}));
    for (std::size_t i = 0; i < bw_floats; ++i) p[i] = static_cast<float>(i & 1023) * 1e-3f;  // touch every page
    return p;
  }();
  return buf;
}

// Eight independent accumulators so the adds never limit the stream; 64-byte aligned loads.
__attribute__((target("avx512f"))) inline float stream_sum_avx512(const float* p, std::size_t n) {
  __m512 a[8];
  for (auto& x : a) x = _mm512_setzero_ps();
  for (std::size_t i = 0; i + 128 <= n; i += 128)
    for (int j = 0; j < 8; ++j) a[j] = _mm512_add_ps(a[j], _mm512_load_ps(p + i + 16 * j));
  for (int j = 1; j < 8; ++j) a[0] = _mm512_add_ps(a[0], a[j]);
  return _mm512_reduce_add_ps(a[0]);
}
__attribute__((target("avx2"))) inline float stream_sum_avx2(const float* p, std::size_t n) {
  __m256 a[8];
  for (auto& x : a) x = _mm256_setzero_ps();
  for (std::size_t i = 0; i + 64 <= n; i += 64)
    for (int j = 0; j < 8; ++j) a[j] = _mm256_add_ps(a[j], _mm256_load_ps(p + i + 8 * j));
  for (int j = 1; j < 8; ++j) a[0] = _mm256_add_ps(a[0], a[j]);
  alignas(32) float t[8];
  _mm256_store_ps(t, a[0]);
  return t[0] + t[1] + t[2] + t[3] + t[4] + t[5] + t[6] + t[7];
}
inline float stream_sum(const float* p, std::size_t n) {
  if (cpu_features().avx512f) return stream_sum_avx512(p, n);
  if (cpu_features().avx2_fma) return stream_sum_avx2(p, n);
  float s[8] = {};
  for (std::size_t i = 0; i + 8 <= n; i += 8)
    for (int j = 0; j < 8; ++j) s[j] += p[i + j];
  return s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6] + s[7];
}

// Bytes/s of `threads` threads each summing its slice of the buffer.
inline Rate stream_once(std::size_t threads) {
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
inline Rate measured_bandwidth(std::size_t threads) {
  Rate r[3];
  for (Rate& x : r) x = stream_once(threads);
  return median_of_3(r);
}

// ---------------------------------------------------------------------------------------------------
// Peak FP32 FMA throughput: 12 independent register-resident chains (more than latency x ports).

// Chains must exceed FMA latency x ports (4 x 2): 24 zmm chains (+2 constants) fit in AVX-512's 32
// registers, 14 ymm chains in AVX2's 16. (12 chains measured ~25% below the 24-chain figure here.)
constexpr int chains_avx512 = 24, chains_avx2 = 14;

__attribute__((target("avx512f"), noinline)) inline float fma_chains_avx512(std::int64_t iters) {
  __m512 a[chains_avx512];
  for (int j = 0; j < chains_avx512; ++j) a[j] = _mm512_set1_ps(static_cast<float>(j));
  const __m512 m = _mm512_set1_ps(0.999999f), c = _mm512_set1_ps(1e-6f);
  for (std::int64_t i = 0; i < iters; ++i)
#pragma GCC unroll 32  // fully: the chains must live in registers
    for (int j = 0; j < chains_avx512; ++j) a[j] = _mm512_fmadd_ps(a[j], m, c);
  for (int j = 1; j < chains_avx512; ++j) a[0] = _mm512_add_ps(a[0], a[j]);
  return _mm512_reduce_add_ps(a[0]);
}
__attribute__((target("avx2,fma"), noinline)) inline float fma_chains_avx2(std::int64_t iters) {
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

inline double flops_per_call(bool avx512) {
  return double(fma_iters) * (avx512 ? chains_avx512 * 16 : chains_avx2 * 8) * 2;
}

// Peak flop/s for `threads` threads at the given width, median of 3, measured right before each run.
inline Rate measured_peak_flops(std::size_t threads, bool avx512) {
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

}  // namespace skillmatch::bench
