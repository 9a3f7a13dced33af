// Exact top-10 search, skillmatch against FAISS IndexFlatIP (and an approximate hnswlib row), side by
// side and against the machine's limits (machine_limits.hpp), in one run. See benchmarks/README.md.
//
//   skillmatch_bench --benchmark_filter=Exact --benchmark_repetitions=3 --benchmark_format=json
//
// Row names: <Group>/<impl>/<mode>/<data>/N:<rows>/d:<dim>[/pct:<admitted %>]/threads:<t>
//   impl  skillmatch                  our exact_search / exact_search_batch (runtime SIMD dispatch)
//         skillmatch-simd:<level>     ours forced to one SIMD level
//         faiss-noavx-seqkernel       FAISS IndexFlatIP, nq < 20: FAISS's own per-vector kernel
//                                     (fvec_inner_product + heap), Debian build = baseline x86-64, no AVX
//         faiss-noavx-blas            FAISS IndexFlatIP, nq >= 20: sgemm from the BLAS it links (Debian:
//                                     netlib reference BLAS, baseline x86-64)
//         hnswlib-M16-efc200-ef64     hnswlib HNSW, approximate
//   mode  single (one query per call) | batch64 (64 queries per call)
//   data  uniform | clustered (256 centres) | profiles (skillmatch-embedded sample candidates)
//
// Fixed counter names (read them from --benchmark_format=json):
//   bw_fraction       single-query rows: bytes scanned per second / read bandwidth measured just before
//   flop_fraction     batch rows: FLOP/s (2·N·d per query) / peak FP32 FMA FLOP/s measured just before
//   speedup_vs_faiss  FAISS rows: FAISS time / skillmatch time on the same workload, both timed in the
//                     same loop, alternating, medians (so noise hits both alike)
//   recall_at_10      approximate rows: overlap with skillmatch's exact top-10
//   agree_at_10       FAISS rows: overlap of FAISS's top-10 with ours on the same query (a check that
//                     both did the same work; 1 unless scores tie in the last bits)
//   faiss_blas        FAISS rows: 1 if this row takes FAISS's BLAS path, 0 for its own kernel
//   faiss_baseline_x86_64  FAISS rows: 1 = the FAISS library was compiled without AVX (Debian package)
//
// SKILLMATCH_BENCH_QUICK=1 limits the sizes (N = 100k, d = 128) so `--benchmark_filter=Exact` runs in
// well under two minutes.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "machine_limits.hpp"
#include "skillmatch/core/bitmap.hpp"
#include "skillmatch/core/cpu_features.hpp"
#include "skillmatch/core/thread_pool.hpp"
#include "skillmatch/engine.hpp"
#include "skillmatch/profile_json.hpp"
#include "skillmatch/search/exact_search.hpp"
#include "skillmatch/search/vector_store.hpp"

#ifdef SKILLMATCH_HAVE_FAISS
#include <faiss/IndexFlat.h>
#include <faiss/impl/IDSelector.h>
#include <faiss/utils/distances.h>
#include <omp.h>
using faiss_idx = faiss::Index::idx_t;  // FAISS 1.7.3 spelling (later versions: faiss::idx_t)
#endif
#ifdef SKILLMATCH_HAVE_HNSWLIB
#include <hnswlib/hnswlib.h>
#endif

namespace {

using namespace skillmatch;
using namespace skillmatch::bench;

bool quick_mode() {
  const char* q = std::getenv("SKILLMATCH_BENCH_QUICK");
  return q != nullptr && *q != '\0' && std::string_view(q) != "0";
}

ThreadPool& pool() {
  static ThreadPool p(2);
  return p;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double seconds_between(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// ---------------------------------------------------------------------------------------------------
// Deterministic data: xorshift64* streams seeded per 4096-row chunk, so generation is parallel and the
// result does not depend on the thread count.

struct Rng {
  std::uint64_t s;
  explicit Rng(std::uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ull + 0x2545F4914F6CDD1Dull) {
    if (s == 0) s = 1;
    for (int i = 0; i < 4; ++i) next();
  }
  std::uint64_t next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 2685821657736338717ull;
  }
  float uniform01() { return static_cast<float>(next() >> 40) * (1.0f / 16777216.0f); }
  float uniform() { return 2.0f * uniform01() - 1.0f; }  // [-1, 1)
  // Approximately standard normal: Irwin–Hall sum of 4 uniforms, rescaled (fast; tails don't matter here).
  float normal() { return (uniform01() + uniform01() + uniform01() + uniform01() - 2.0f) * 1.7320508f; }
};

void normalise(float* v, std::size_t d) {
  double s = 0;
  for (std::size_t i = 0; i < d; ++i) s += double(v[i]) * double(v[i]);
  const float inv = s > 0 ? static_cast<float>(1.0 / std::sqrt(s)) : 0.0f;
  for (std::size_t i = 0; i < d; ++i) v[i] *= inv;
}

enum class Kind { uniform, clustered, profiles };

const char* name_of(Kind k) {
  switch (k) {
    case Kind::uniform: return "uniform";
    case Kind::clustered: return "clustered";
    case Kind::profiles: return "profiles";
  }
  return "?";
}

constexpr std::size_t n_centres = 256;
constexpr std::size_t n_queries = 64;

std::vector<float> centres(std::size_t d) {
  std::vector<float> c(n_centres * d);
  Rng rng(777);
  for (auto& x : c) x = rng.normal();
  for (std::size_t i = 0; i < n_centres; ++i) normalise(c.data() + i * d, d);
  return c;
}

// Rows [first, first + count) of a synthetic set into `out`, each normalised. Clustered rows are a random
// centre plus Gaussian noise of norm ~0.6 (cosine to the centre ~0.85).
void synthesize(Kind kind, std::size_t d, std::uint64_t seed, std::size_t first, std::size_t count,
                const std::vector<float>& cs, float* out) {
  Rng rng(seed ^ (first * 0x100000001B3ull));
  const float sigma = 0.6f / std::sqrt(static_cast<float>(d));
  for (std::size_t r = 0; r < count; ++r) {
    float* v = out + r * d;
    if (kind == Kind::uniform) {
      for (std::size_t i = 0; i < d; ++i) v[i] = rng.uniform();
    } else {
      const float* c = cs.data() + (rng.next() % n_centres) * d;
      for (std::size_t i = 0; i < d; ++i) v[i] = c[i] + sigma * rng.normal();
    }
    normalise(v, d);
  }
}

// The bundled sample: 2,000 candidates embedded by an Engine with default options (learned skill
// vectors, d = 128), replicated to `n` rows with small deterministic perturbations (noise of norm 0.1,
// renormalised; the first 2,000 rows are the embeddings themselves). Queries: the sample jobs embedded.
void embedded_profiles(std::size_t n, std::vector<float>& rows, std::vector<float>& queries, std::size_t& d) {
  Engine engine{EngineOptions{}};
  d = engine.dimension();
  const std::string dir = std::string(SKILLMATCH_SOURCE_DIR) + "/data/sample/";
  ProfileParseOptions parse;
  parse.skip_bad_lines = true;
  auto embed_all = [&](const std::string& file) {
    std::vector<float> out;
    for (const Profile& p : read_profiles_jsonl_file(dir + file, engine.resolver(), parse)) {
      try {
        auto v = engine.embed(p);
        out.insert(out.end(), v.begin(), v.end());
      } catch (const Error&) {
        // A profile none of whose skills resolved has no vector; it is not part of the data set.
      }
    }
    return out;
  };
  const std::vector<float> base = embed_all("candidates.jsonl");
  const std::vector<float> jobs = embed_all("jobs.jsonl");
  const std::size_t nb = base.size() / d, nj = jobs.size() / d;
  if (nb == 0 || nj == 0) throw std::runtime_error("no embeddable sample profiles");
  rows.resize(n * d);
  Rng rng(4242);
  const float sigma = 0.1f / std::sqrt(static_cast<float>(d));
  for (std::size_t r = 0; r < n; ++r) {
    float* v = rows.data() + r * d;
    std::copy_n(base.data() + (r % nb) * d, d, v);
    if (r >= nb) {
      for (std::size_t i = 0; i < d; ++i) v[i] += sigma * rng.normal();
      normalise(v, d);
    }
  }
  queries.resize(n_queries * d);
  for (std::size_t q = 0; q < n_queries; ++q) std::copy_n(jobs.data() + (q % nj) * d, d, queries.data() + q * d);
}

// One data set, its queries and the peers' copies of it. Only one lives at a time (1M x 384 is 1.5 GB,
// FAISS keeps its own copy): asking for another shape frees the current one first.
struct Dataset {
  Kind kind;
  std::size_t n, d;
  VectorStore store;
  std::vector<float> queries;  // n_queries x d
  std::vector<std::vector<Hit>> truth;  // our exact top-10 per query, computed on demand
#ifdef SKILLMATCH_HAVE_FAISS
  std::unique_ptr<faiss::IndexFlatIP> faiss;
#endif
#ifdef SKILLMATCH_HAVE_HNSWLIB
  std::unique_ptr<hnswlib::InnerProductSpace> hnsw_space;
  std::unique_ptr<hnswlib::HierarchicalNSW<float>> hnsw;
  double hnsw_build_s = 0;
#endif
  Dataset(Kind k, std::size_t rows, std::size_t dim) : kind(k), n(rows), d(dim), store(dim) {}

  std::span<const float> query(std::size_t i) const { return {queries.data() + (i % n_queries) * d, d}; }

  const std::vector<std::vector<Hit>>& exact_truth() {
    if (truth.empty()) exact_search_batch(store, queries.data(), n_queries, {10, nullptr, 0}, &pool(), truth);
    return truth;
  }

#ifdef SKILLMATCH_HAVE_FAISS
  faiss::IndexFlatIP& faiss_index() {
    if (!faiss) {
      faiss = std::make_unique<faiss::IndexFlatIP>(static_cast<faiss_idx>(d));
      faiss->add(static_cast<faiss_idx>(n), store.data());
    }
    return *faiss;
  }
#endif
};

Dataset& dataset(Kind kind, std::size_t n, std::size_t d) {
  static std::unique_ptr<Dataset> current;
  if (current && current->kind == kind && current->n == n && current->d == d) return *current;
  current.reset();  // free before building the next one
  auto ds = std::make_unique<Dataset>(kind, n, d);
  std::vector<float> rows;
  if (kind == Kind::profiles) {
    std::size_t dim = 0;
    embedded_profiles(n, rows, ds->queries, dim);
    if (dim != d) throw std::runtime_error("the engine's embedding dimension differs from the registered d");
  } else {
    const auto cs = centres(d);
    rows.resize(n * d);
    constexpr std::size_t chunk = 4096;
    pool().parallel_for((n + chunk - 1) / chunk, 0, [&](std::size_t c, std::size_t) {
      const std::size_t first = c * chunk;
      synthesize(kind, d, 1, first, std::min(chunk, n - first), cs, rows.data() + first * d);
    });
    ds->queries.resize(n_queries * d);
    synthesize(kind, d, 2, 0, n_queries, cs, ds->queries.data());
  }
  ds->store.reserve(n);
  for (std::size_t r = 0; r < n; ++r) ds->store.append({rows.data() + r * d, d});
  current = std::move(ds);
  return *current;
}

struct Workload {
  Kind kind;
  std::size_t n, d, threads;
};

std::string row_name(const char* group, const char* impl, const char* mode, const Workload& w,
                     const std::string& extra = "") {
  return std::string(group) + "/" + impl + "/" + mode + "/" + name_of(w.kind) + "/N:" + std::to_string(w.n) +
         "/d:" + std::to_string(w.d) + extra + "/threads:" + std::to_string(w.threads);
}

double bytes_scanned(const Dataset& ds) { return double(ds.n) * double(ds.d) * double(sizeof(float)); }
double flops_batch(const Dataset& ds) { return 2.0 * double(ds.n) * double(ds.d) * double(n_queries); }

bool peak_available() { return cpu_features().avx512f || cpu_features().avx2_fma; }
// The FMA peak of the widest level the kernels use here.
Rate peak_for(std::size_t threads) {
  return measured_peak_flops(threads, active_simd_level() == SimdLevel::avx512);
}

// `cpu_seconds_per_call` (CPU time of the whole process per call; 0 = unknown) adds bw_fraction_cpu: work
// per CPU-second over the limit's work per CPU-second, which discounts the time the shared machine gave
// our threads to someone else (bw_fraction, wall clock, does not).
void set_bw_counters(benchmark::State& state, double bytes_per_call, double seconds_per_call, std::size_t threads,
                     double cpu_seconds_per_call = 0) {
  const Rate bw = measured_bandwidth(threads);
  state.counters["bw_fraction"] = bytes_per_call / seconds_per_call / bw.wall;
  if (cpu_seconds_per_call > 0) state.counters["bw_fraction_cpu"] = bytes_per_call / cpu_seconds_per_call / bw.cpu;
  state.counters["bw_limit_GBps"] = bw.wall * 1e-9;
  state.counters["scan_GBps"] = bytes_per_call / seconds_per_call * 1e-9;
}

// ---------------------------------------------------------------------------------------------------
// skillmatch rows

void ours_single(benchmark::State& state, Workload w, int simd) {
  if (simd >= 0 && !simd_level_supported(static_cast<SimdLevel>(simd))) {
    state.SkipWithError("CPU lacks this SIMD level");
    return;
  }
  Dataset& ds = dataset(w.kind, w.n, w.d);
  if (simd >= 0) set_simd_level(static_cast<SimdLevel>(simd));
  std::vector<Hit> out;
  std::size_t q = 0;
  const double c0 = process_cpu_seconds();
  const auto t0 = std::chrono::steady_clock::now();
  for (auto _ : state) {
    exact_search(ds.store, ds.query(q++), {10, nullptr, w.threads}, &pool(), out);
    benchmark::DoNotOptimize(out.data());
  }
  const double wall = seconds_between(t0, std::chrono::steady_clock::now());
  const double cpu = process_cpu_seconds() - c0;
  if (simd >= 0) reset_simd_level();
  const double iters = double(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes_scanned(ds) * iters));
  set_bw_counters(state, bytes_scanned(ds), wall / iters, w.threads, cpu / iters);
  state.counters["cpu_per_wall"] = cpu / wall;  // < threads: the shared machine gave us less than asked
}

void ours_batch(benchmark::State& state, Workload w) {
  if (!peak_available()) {
    state.SkipWithError("no AVX2/AVX-512: no FMA peak to compare with");
    return;
  }
  Dataset& ds = dataset(w.kind, w.n, w.d);
  std::vector<std::vector<Hit>> out;
  const double c0 = process_cpu_seconds();
  const auto t0 = std::chrono::steady_clock::now();
  for (auto _ : state) {
    exact_search_batch(ds.store, ds.queries.data(), n_queries, {10, nullptr, w.threads}, &pool(), out);
    benchmark::DoNotOptimize(out.data());
  }
  const double sec = seconds_between(t0, std::chrono::steady_clock::now()) / double(state.iterations());
  const double cpu = (process_cpu_seconds() - c0) / double(state.iterations());
  const Rate peak = peak_for(w.threads);
  state.counters["gflops"] = flops_batch(ds) / sec * 1e-9;
  state.counters["flop_fraction"] = flops_batch(ds) / sec / peak.wall;
  state.counters["flop_fraction_cpu"] = flops_batch(ds) / cpu / peak.cpu;  // discounts CPU lent to others
  state.counters["cpu_per_wall"] = cpu / sec;
  state.counters["peak_gflops"] = peak.wall * 1e-9;
  state.counters["queries_per_s"] = double(n_queries) / sec;
}

// Args: percent admitted (uniformly random rows).
Bitmap admitted(std::size_t n, int pct) {
  Bitmap b(n);
  Rng rng(7);
  for (std::size_t r = 0; r < n; ++r) b.assign(r, rng.next() % 100 < static_cast<std::uint64_t>(pct));
  return b;
}

void ours_filtered(benchmark::State& state, Workload w, int pct) {
  Dataset& ds = dataset(w.kind, w.n, w.d);
  const Bitmap filter = admitted(ds.n, pct);
  std::vector<Hit> out;
  std::size_t q = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (auto _ : state) {
    exact_search(ds.store, ds.query(q++), {10, &filter, w.threads}, &pool(), out);
    benchmark::DoNotOptimize(out.data());
  }
  const double sec = seconds_between(t0, std::chrono::steady_clock::now()) / double(state.iterations());
  const double admitted_bytes = double(filter.count()) * double(ds.d) * sizeof(float);
  const Rate bw = measured_bandwidth(w.threads);
  // Bytes of the admitted rows only: at 10-50% random admission nearly every cache line is still read.
  state.counters["admitted_bw_fraction"] = admitted_bytes / sec / bw.wall;
  state.counters["full_bw_fraction"] = bytes_scanned(ds) / sec / bw.wall;
}

// ---------------------------------------------------------------------------------------------------
// FAISS rows: each iteration times FAISS, then our call on the same query/queries; the row's time is
// FAISS's, speedup_vs_faiss the ratio of the two medians.

#ifdef SKILLMATCH_HAVE_FAISS
double overlap_at_10(const std::vector<Hit>& ours, const faiss_idx* labels) {
  std::unordered_set<std::uint32_t> mine;
  for (const Hit& h : ours) mine.insert(h.row);
  std::size_t same = 0;
  for (int i = 0; i < 10; ++i) same += labels[i] >= 0 && mine.count(static_cast<std::uint32_t>(labels[i])) ? 1 : 0;
  return double(same) / 10.0;
}

void faiss_common_counters(benchmark::State& state, bool blas, const std::vector<double>& faiss_s,
                           const std::vector<double>& ours_s) {
  state.counters["speedup_vs_faiss"] = median(faiss_s) / median(ours_s);
  state.counters["faiss_ms"] = median(faiss_s) * 1e3;
  state.counters["skillmatch_ms"] = median(ours_s) * 1e3;
  state.counters["faiss_blas"] = blas ? 1 : 0;
  state.counters["faiss_baseline_x86_64"] = 1;
}

void faiss_single(benchmark::State& state, Workload w, int pct) {
  Dataset& ds = dataset(w.kind, w.n, w.d);
  faiss::IndexFlatIP& index = ds.faiss_index();
  omp_set_num_threads(static_cast<int>(w.threads));
  const Bitmap filter = pct > 0 ? admitted(ds.n, pct) : Bitmap(0);
  // Our Bitmap words are little-endian uint64: byte i holds rows 8i..8i+7, lowest bit first, which is
  // exactly IDSelectorBitmap's layout.
  const auto words = filter.words();
  faiss::IDSelectorBitmap selector(words.size() * sizeof(std::uint64_t), reinterpret_cast<const std::uint8_t*>(words.data()));
  faiss::SearchParameters params;
  params.sel = &selector;
  const faiss::SearchParameters* p = pct > 0 ? &params : nullptr;
  ExactSearchOptions opts{10, pct > 0 ? &filter : nullptr, w.threads};
  std::vector<float> dist(10);
  std::vector<faiss_idx> labels(10);
  std::vector<Hit> out;
  std::vector<double> faiss_s, ours_s;
  double agree = 0;
  std::size_t q = 0;
  for (auto _ : state) {
    const auto query = ds.query(q++);
    const auto t0 = std::chrono::steady_clock::now();
    index.search(1, query.data(), 10, dist.data(), labels.data(), p);
    const auto t1 = std::chrono::steady_clock::now();
    exact_search(ds.store, query, opts, &pool(), out);
    const auto t2 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(labels.data());
    benchmark::DoNotOptimize(out.data());
    faiss_s.push_back(seconds_between(t0, t1));
    ours_s.push_back(seconds_between(t1, t2));
    agree += overlap_at_10(out, labels.data());
    state.SetIterationTime(faiss_s.back());
  }
  omp_set_num_threads(static_cast<int>(pool().size()));
  faiss_common_counters(state, false, faiss_s, ours_s);
  state.counters["agree_at_10"] = agree / double(state.iterations());
  if (pct == 0) set_bw_counters(state, bytes_scanned(ds), median(faiss_s), w.threads);
}

void faiss_batch(benchmark::State& state, Workload w) {
  Dataset& ds = dataset(w.kind, w.n, w.d);
  faiss::IndexFlatIP& index = ds.faiss_index();
  omp_set_num_threads(static_cast<int>(w.threads));
  std::vector<float> dist(n_queries * 10);
  std::vector<faiss_idx> labels(n_queries * 10);
  std::vector<std::vector<Hit>> out;
  std::vector<double> faiss_s, ours_s;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    index.search(static_cast<faiss_idx>(n_queries), ds.queries.data(), 10, dist.data(), labels.data());
    const auto t1 = std::chrono::steady_clock::now();
    exact_search_batch(ds.store, ds.queries.data(), n_queries, {10, nullptr, w.threads}, &pool(), out);
    const auto t2 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(labels.data());
    benchmark::DoNotOptimize(out.data());
    faiss_s.push_back(seconds_between(t0, t1));
    ours_s.push_back(seconds_between(t1, t2));
    state.SetIterationTime(faiss_s.back());
  }
  omp_set_num_threads(static_cast<int>(pool().size()));
  faiss_common_counters(state, true, faiss_s, ours_s);
  double agree = 0;
  for (std::size_t q = 0; q < n_queries; ++q) agree += overlap_at_10(out[q], labels.data() + q * 10);
  state.counters["agree_at_10"] = agree / double(n_queries);
  state.counters["gflops"] = flops_batch(ds) / median(faiss_s) * 1e-9;
  if (peak_available()) state.counters["flop_fraction"] = flops_batch(ds) / median(faiss_s) / peak_for(w.threads).wall;
}
#endif

// ---------------------------------------------------------------------------------------------------
// hnswlib: approximate, one query per call on one thread; recall against our exact top-10; the graph is
// built once per data set (2 threads) and its build time reported as a counter.

#ifdef SKILLMATCH_HAVE_HNSWLIB
constexpr std::size_t hnsw_m = 16, hnsw_ef_construction = 200, hnsw_ef = 64;

void hnsw_single(benchmark::State& state, Workload w) {
  Dataset& ds = dataset(w.kind, w.n, w.d);
  if (!ds.hnsw) {
    ds.hnsw_space = std::make_unique<hnswlib::InnerProductSpace>(ds.d);
    ds.hnsw = std::make_unique<hnswlib::HierarchicalNSW<float>>(ds.hnsw_space.get(), ds.n, hnsw_m, hnsw_ef_construction, 100);
    const auto t0 = std::chrono::steady_clock::now();
    pool().parallel_for(ds.n, 2, [&](std::size_t r, std::size_t) { ds.hnsw->addPoint(ds.store.row(r).data(), r); });
    ds.hnsw_build_s = seconds_between(t0, std::chrono::steady_clock::now());
  }
  ds.hnsw->setEf(hnsw_ef);
  const auto& truth = ds.exact_truth();
  double recall = 0;
  for (std::size_t q = 0; q < n_queries; ++q) {
    auto found = ds.hnsw->searchKnn(ds.query(q).data(), 10);
    std::unordered_set<std::uint32_t> exact;
    for (const Hit& h : truth[q]) exact.insert(h.row);
    std::size_t same = 0;
    for (; !found.empty(); found.pop()) same += exact.count(static_cast<std::uint32_t>(found.top().second));
    recall += double(same) / 10.0;
  }
  std::size_t q = 0;
  std::vector<double> hnsw_s, exact_s;
  std::vector<Hit> out;
  for (auto _ : state) {
    const auto query = ds.query(q++);
    const auto t0 = std::chrono::steady_clock::now();
    auto found = ds.hnsw->searchKnn(query.data(), 10);
    const auto t1 = std::chrono::steady_clock::now();
    exact_search(ds.store, query, {10, nullptr, 1}, &pool(), out);
    const auto t2 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(found);
    benchmark::DoNotOptimize(out.data());
    hnsw_s.push_back(seconds_between(t0, t1));
    exact_s.push_back(seconds_between(t1, t2));
    state.SetIterationTime(hnsw_s.back());
  }
  state.counters["recall_at_10"] = recall / double(n_queries);
  state.counters["build_s"] = ds.hnsw_build_s;
  state.counters["build_threads"] = 2;
  state.counters["speedup_vs_skillmatch_exact"] = median(exact_s) / median(hnsw_s);
}
#endif

// ---------------------------------------------------------------------------------------------------
// Registration, grouped by data set so each one is built once (rows run in registration order).

// No per-row MinTime (it would become part of the name); pass --benchmark_min_time instead.
void add_real(benchmark::internal::Benchmark* b) { b->UseRealTime()->Unit(benchmark::kMillisecond); }
void add_manual(benchmark::internal::Benchmark* b) { b->UseManualTime()->Unit(benchmark::kMillisecond); }

void register_workload(Kind kind, std::size_t n, std::size_t d) {
  for (std::size_t threads : {1, 2}) {
    const Workload w{kind, n, d, threads};
    add_real(benchmark::RegisterBenchmark(row_name("Exact", "skillmatch", "single", w).c_str(),
                                          [w](benchmark::State& s) { ours_single(s, w, -1); }));
  }
  for (std::size_t threads : {1, 2}) {
    const Workload w{kind, n, d, threads};
    add_real(benchmark::RegisterBenchmark(row_name("Exact", "skillmatch", "batch64", w).c_str(),
                                          [w](benchmark::State& s) { ours_batch(s, w); }));
  }
#ifdef SKILLMATCH_HAVE_FAISS
  for (std::size_t threads : {1, 2}) {
    const Workload w{kind, n, d, threads};
    add_manual(benchmark::RegisterBenchmark(row_name("Exact", "faiss-noavx-seqkernel", "single", w).c_str(),
                                            [w](benchmark::State& s) { faiss_single(s, w, 0); }));
  }
  // FAISS's batch path is the linked BLAS's sgemm, single-threaded netlib reference BLAS on Debian:
  // 20-40x slower than our batch here, so at 1M rows it runs only for uniform d = 128, one thread, one
  // iteration (each takes seconds).
  if (n <= 100'000) {
    for (std::size_t threads : {1, 2}) {
      const Workload w{kind, n, d, threads};
      add_manual(benchmark::RegisterBenchmark(row_name("Exact", "faiss-noavx-blas", "batch64", w).c_str(),
                                              [w](benchmark::State& s) { faiss_batch(s, w); }));
    }
  } else if (d == 128 && kind == Kind::uniform) {
    const Workload w{kind, n, d, 1};
    benchmark::RegisterBenchmark(row_name("Exact", "faiss-noavx-blas", "batch64", w).c_str(),
                                 [w](benchmark::State& s) { faiss_batch(s, w); })
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->Iterations(1);
  }
#endif
}

void register_filtered(std::size_t n) {
  for (int pct : {10, 50})
    for (std::size_t threads : {1, 2}) {
      const Workload w{Kind::uniform, n, 128, threads};
      const std::string extra = "/pct:" + std::to_string(pct);
      add_real(benchmark::RegisterBenchmark(row_name("ExactFiltered", "skillmatch", "single", w, extra).c_str(),
                                            [w, pct](benchmark::State& s) { ours_filtered(s, w, pct); }));
#ifdef SKILLMATCH_HAVE_FAISS
      add_manual(
          benchmark::RegisterBenchmark(row_name("ExactFiltered", "faiss-noavx-seqkernel", "single", w, extra).c_str(),
                                       [w, pct](benchmark::State& s) { faiss_single(s, w, pct); }));
#endif
    }
}

void register_simd_levels(std::size_t n) {
  for (int level : {1, 0}) {
    const Workload w{Kind::uniform, n, 128, 1};
    const std::string impl = std::string("skillmatch-simd:") + std::string(to_string(static_cast<SimdLevel>(level)));
    add_real(benchmark::RegisterBenchmark(row_name("Exact", impl.c_str(), "single", w).c_str(),
                                          [w, level](benchmark::State& s) { ours_single(s, w, level); }));
  }
}

void register_hnsw([[maybe_unused]] std::size_t n) {
#ifdef SKILLMATCH_HAVE_HNSWLIB
  const Workload w{Kind::clustered, n, 128, 1};
  add_manual(benchmark::RegisterBenchmark(row_name("Approx", "hnswlib-M16-efc200-ef64", "single", w).c_str(),
                                          [w](benchmark::State& s) { hnsw_single(s, w); }));
#endif
}

[[maybe_unused]] const bool registered = [] {
  const bool quick = quick_mode();
  const std::size_t small = 100'000, large = 1'000'000;
  // Profiles first (d = 128: the engine's default embedding dimension).
  register_workload(Kind::profiles, small, 128);
  register_workload(Kind::uniform, small, 128);
  register_workload(Kind::clustered, small, 128);
  if (quick) {
    register_filtered(small);
    register_hnsw(20'000);
    return true;
  }
  register_hnsw(small);
  register_workload(Kind::uniform, large, 128);
  register_filtered(large);
  register_simd_levels(large);
  register_workload(Kind::clustered, large, 128);
  for (std::size_t n : {small, large})
    for (Kind k : {Kind::uniform, Kind::clustered}) register_workload(k, n, 384);
  return true;
}();

}  // namespace
