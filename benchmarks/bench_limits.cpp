// The machine's limits as benchmark rows: memory read bandwidth (1 and 2 threads) and peak FP32 FMA
// throughput (AVX2 and AVX-512, 1 and 2 threads). The measurement code lives in machine_limits.hpp,
// shared with the exact-search suite (bench_exact_suite.cpp), which reports bw_fraction / flop_fraction.
//
//   skillmatch_bench --benchmark_filter='Bandwidth|PeakFma'
#include "machine_limits.hpp"

namespace {

using namespace skillmatch;
using namespace skillmatch::bench;

void BM_MemoryBandwidth(benchmark::State& state) {
  const float* buf = bandwidth_buffer();
  const auto threads = static_cast<std::size_t>(state.threads());
  const std::size_t slice = bw_floats / threads;
  const float* mine = buf + static_cast<std::size_t>(state.thread_index()) * slice;
  for (auto _ : state) benchmark::DoNotOptimize(stream_sum(mine, slice));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(slice * sizeof(float)));
}
BENCHMARK(BM_MemoryBandwidth)->Threads(1)->Threads(2)->UseRealTime()->Unit(benchmark::kMillisecond);

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

}  // namespace
