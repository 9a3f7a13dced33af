// skillmatch/search/exact_search.hpp — exact top-k inner-product search over a VectorStore.
//
// A query is scored against every admitted row (dot product, float32); the k best are returned, best
// first. Order is deterministic: higher score first, ties broken by lower row number. Results do not
// depend on the thread count. Scores of different SIMD levels (and of the batch, which uses a GEMM) may
// differ in the last bits because the sums are added in a different order; the chosen rows differ only
// where scores are that close.
//
// How it runs: the rows are cut into chunks aligned to 64 rows (one Bitmap word) that threads of the
// pool claim dynamically. Each thread keeps one bounded heap of its k best and a threshold (its current
// k-th score). The SIMD kernel (selected by active_simd_level()) scores up to 64 rows into a buffer in
// L1, a SIMD compare against the threshold turns them into a 64-bit candidate mask, and only those rows
// touch the heap, so the scan stays memory-bound. A filter is applied inside the scan: zero Bitmap words
// are skipped without reading their rows, sparse words score only runs of admitted rows. The
// per-thread heaps are merged exactly at the end.
//
// Scores that overflow float are ranked as ±Inf; a NaN score (Inf - Inf) ranks as -Inf.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "skillmatch/core/bitmap.hpp"
#include "skillmatch/core/thread_pool.hpp"
#include "skillmatch/search/vector_store.hpp"

namespace skillmatch {

struct Hit {
  std::uint32_t row = 0;
  float score = 0;
  friend bool operator==(const Hit&, const Hit&) = default;
};

/// The result order: true if a ranks before b (higher score, then lower row).
constexpr bool ranks_before(const Hit& a, const Hit& b) noexcept {
  return a.score > b.score || (a.score == b.score && a.row < b.row);
}

/// Lets a search run over a store that a writer changes between chunks (ProfileIndex): the search
/// calls lock() before it reads any row of a chunk and unlock() after, and holds it at no other
/// time, so a writer waits at most for one chunk (~256 KiB of vectors) instead of a whole search.
/// Between chunks the store may grow or move (rows added after the search started are not scanned:
/// the filter's size sets the rows); a row changed between chunks is scanned as it is then.
struct ScanGuard {
  virtual void lock() = 0;
  virtual void unlock() noexcept = 0;

 protected:
  ~ScanGuard() = default;
};

struct ExactSearchOptions {
  /// How many hits to return (fewer if fewer rows are admitted). Must be >= 1.
  std::size_t k = 10;
  /// Only rows whose bit is set are considered; nullptr = all rows. Its size() must equal the store's.
  /// Borrowed for the duration of the call.
  const Bitmap* filter = nullptr;
  /// Threads to use: 0 = the pool's size; capped at the pool's size; 1 (or no pool) = calling thread only.
  std::size_t threads = 0;
  /// Null = the caller keeps the store unchanged for the whole call. Non-null: the store is read
  /// only inside guard->lock()/unlock() pairs (see ScanGuard); `filter` is then required, its size()
  /// is the number of rows searched and may be smaller than the store's (never larger).
  ScanGuard* guard = nullptr;
};

/// Exact top-k of `query` against `store`, written to `out` (cleared first; its capacity is reused, so
/// repeated calls with the same k and thread count do not allocate). `pool` may be nullptr.
/// Throws Error(invalid_argument) if k == 0 or the filter's size differs from store.size();
/// Error(dimension_mismatch) if query.size() != store.dim(); Error(invalid_value) if the query holds a NaN
/// or Inf (naming the component); Error(invalid_argument) from active_simd_level() on a bad SKILLMATCH_SIMD.
/// Thread-safety: any number of concurrent calls on the same store/pool are safe (the store must not be
/// mutated meanwhile). The pool may be shared with other work.
void exact_search(const VectorStore& store, std::span<const float> query, const ExactSearchOptions& options,
                  ThreadPool* pool, std::vector<Hit>& out);

/// Exact top-k for `nq` queries at once (`queries`: nq x store.dim() floats, row-major). out[j] receives
/// query j's hits exactly as exact_search would rank them (scores may differ in the last bits: they come
/// from a GEMM). Queries go in groups of 128 and rows in blocks of 512: for each block the scores of the
/// group are one matrix product (Eigen, AVX2/AVX-512 code chosen by active_simd_level(); the scalar level
/// loops the scalar kernel), then each query's admitted rows feed its heap (blocks whose filter words are
/// all zero are skipped). Reads each row once per 128 queries instead of once per query, so it is
/// compute-bound rather than memory-bound.
/// Memory: per thread, 128 x min(k, size()) hits plus a 128 x 512 float score block. Errors as exact_search; a bad
/// query is named by its index ("query 3, component 7 is NaN"). nq == 0 clears out.
/// Thread-safety: as exact_search.
void exact_search_batch(const VectorStore& store, const float* queries, std::size_t nq,
                        const ExactSearchOptions& options, ThreadPool* pool, std::vector<std::vector<Hit>>& out);

}  // namespace skillmatch
