#include "skillmatch/search/exact_search.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <string>

#include "search/kernels.hpp"
#include "skillmatch/error.hpp"

namespace skillmatch {
namespace {

constexpr float neg_inf = -std::numeric_limits<float>::infinity();
constexpr std::size_t word_rows = 64;          // rows per Bitmap word
constexpr std::size_t chunk_bytes = 256 << 10; // rows a thread claims at once (~256 KiB of vectors)
constexpr std::size_t batch_block_rows = 512;   // rows per GEMM block (x 128 queries = 256 KiB of scores, in L2)
constexpr std::size_t batch_query_group = 128;  // queries per GEMM: 128 ran ~25% faster than 64 at d = 128

constexpr bool heap_order(const Hit& a, const Hit& b) noexcept { return ranks_before(a, b); }

// A bounded heap of the best `cap` hits seen so far, worst on top, over caller-provided storage.
// `threshold` is the worst kept score once full (-inf before): a score below it can never enter, so the
// scan tests that one float and calls offer() only for candidates.
struct TopK {
  Hit* heap = nullptr;
  std::size_t cap = 0;
  std::size_t size = 0;
  float threshold = neg_inf;

  void reset(Hit* storage, std::size_t k) noexcept {
    heap = storage;
    cap = k;
    size = 0;
    threshold = neg_inf;
  }
  // Whether a score must go through offer(): false only when it certainly cannot enter (NaN goes in,
  // to be ranked as -inf).
  bool candidate(float score) const noexcept { return !(score < threshold); }

  void offer(std::uint32_t row, float score) noexcept {
    if (std::isnan(score)) score = neg_inf;
    const Hit h{row, score};
    if (size < cap) {
      heap[size++] = h;
      std::push_heap(heap, heap + size, heap_order);
      if (size == cap) threshold = heap[0].score;
      return;
    }
    if (!ranks_before(h, heap[0])) return;  // equal score but higher row than the worst kept
    std::pop_heap(heap, heap + size, heap_order);
    heap[size - 1] = h;
    std::push_heap(heap, heap + size, heap_order);
    threshold = heap[0].score;
  }
};

struct Scan {
  const VectorStore* store;  // rows are read through store->data() at each scan_range (it may move between guarded chunks)
  std::size_t dim;
  const std::uint64_t* filter;  // nullptr = all rows
  detail::DotRowsFn dot_rows;
  detail::CandidatesFn candidates;
};

// Low `count` bits set (count in [1, 64]).
inline std::uint64_t low_bits(std::size_t count) noexcept {
  return count >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << count) - 1;
}

// Offers scores[i] (row row0 + i) for every bit i of `mask`, the rows a SIMD compare found at or above
// the threshold. The threshold only rises while offering, so each is re-checked.
inline void offer_candidates(TopK& top, std::uint64_t mask, const float* scores, std::uint32_t row0) noexcept {
  for (; mask; mask &= mask - 1) {
    const auto i = static_cast<std::uint32_t>(std::countr_zero(mask));
    if (top.candidate(scores[i])) top.offer(row0 + i, scores[i]);
  }
}

// Scores rows [begin, end) (begin a multiple of 64) admitted by the filter into `top`.
void scan_range(const Scan& s, const float* query, std::size_t begin, std::size_t end, TopK& top) {
  alignas(64) float scores[word_rows];
  // When a row is smaller than a cache line, skipping rows saves no memory traffic: score whole words.
  const bool small_rows = s.dim * sizeof(float) < 64;
  const float* data = s.store->data();
  for (std::size_t base = begin; base < end; base += word_rows) {
    const std::uint64_t valid = low_bits(std::min(word_rows, end - base));
    const std::uint64_t word = s.filter ? s.filter[base / word_rows] & valid : valid;
    if (!word) continue;  // nothing admitted: these rows are never read
    const float* rows = data + base * s.dim;
    const auto row0 = static_cast<std::uint32_t>(base);
    if (word == valid || small_rows || std::popcount(word) >= 32) {
      // All or most rows admitted: one kernel call up to the last admitted row, keep admitted scores.
      const auto span = static_cast<std::size_t>(64 - std::countl_zero(word));
      s.dot_rows(query, rows, s.dim, span, scores);
      offer_candidates(top, s.candidates(scores, span, top.threshold) & word, scores, row0);
    } else {
      // Sparse: score each run of consecutive admitted rows, read nothing else.
      for (std::uint64_t w = word; w;) {
        const auto i = static_cast<std::size_t>(std::countr_zero(w));
        const auto run = static_cast<std::size_t>(std::countr_one(w >> i));
        s.dot_rows(query, rows + i * s.dim, s.dim, run, scores);
        offer_candidates(top, s.candidates(scores, run, top.threshold), scores,
                         row0 + static_cast<std::uint32_t>(i));
        w = i + run >= 64 ? 0 : w & ~low_bits(i + run);
      }
    }
  }
}

std::size_t resolve_threads(const ExactSearchOptions& o, const ThreadPool* pool) noexcept {
  if (!pool) return 1;
  return o.threads == 0 ? pool->size() : std::min(o.threads, pool->size());
}

// Holds a ScanGuard for one chunk (nothing without one); released on every path, exceptions too.
class ChunkHold {
 public:
  explicit ChunkHold(ScanGuard* g) : g_(g) {
    if (g_) g_->lock();
  }
  ~ChunkHold() {
    if (g_) g_->unlock();
  }
  ChunkHold(const ChunkHold&) = delete;
  ChunkHold& operator=(const ChunkHold&) = delete;

 private:
  ScanGuard* g_;
};

// Rows to search: the store's, or with a guard the filter's (the store, read under the guard only,
// may have grown since the filter was made).
std::size_t rows_to_search(const VectorStore& store, const ExactSearchOptions& o, const char* fn) {
  if (!o.guard) return store.size();
  ChunkHold hold(o.guard);
  if (o.filter->size() > store.size())
    fail(ErrorCode::invalid_argument, std::string(fn) + ": filter has " + std::to_string(o.filter->size()) +
                                          " bits but the store has only " + std::to_string(store.size()) + " rows");
  return o.filter->size();
}

void check_common(const VectorStore& store, const ExactSearchOptions& o, const char* fn) {
  if (o.k == 0) fail(ErrorCode::invalid_argument, std::string(fn) + ": k must be at least 1");
  if (o.guard) {
    if (!o.filter) fail(ErrorCode::invalid_argument, std::string(fn) + ": a guarded search needs a filter");
    return;  // the store's size may only be read under the guard (rows_to_search)
  }
  if (o.filter && o.filter->size() != store.size())
    fail(ErrorCode::invalid_argument, std::string(fn) + ": filter has " + std::to_string(o.filter->size()) +
                                          " bits but the store has " + std::to_string(store.size()) + " rows");
}

void check_query(std::span<const float> q, std::size_t dim, const char* fn, std::size_t index,
                 bool indexed) {
  bool ok = q.size() == dim;
  for (float x : q) ok &= std::isfinite(x);
  if (ok) return;  // build the message only on failure
  std::string what = fn;
  what += ": query";
  if (indexed) {
    what += ' ';
    what += std::to_string(index);
  }
  validate_vector(q, dim, what);
}

// Per calling thread, grows only: the heaps of every participant of the current search.
struct Workspace {
  std::vector<Hit> heaps;
  std::vector<TopK> tops;
  void prepare(std::size_t heap_count, std::size_t k) {
    if (heaps.size() < heap_count * k) heaps.resize(heap_count * k);
    if (tops.size() < heap_count) tops.resize(heap_count);
    for (std::size_t h = 0; h < heap_count; ++h) tops[h].reset(heaps.data() + h * k, k);
  }
};
thread_local Workspace t_workspace;

// Merges heaps tops[first + stride * slot] for slot in [0, slots) into out, best first, at most k.
void merge(const std::vector<TopK>& tops, std::size_t first, std::size_t stride, std::size_t slots,
           std::size_t k, std::vector<Hit>& out) {
  out.clear();
  for (std::size_t slot = 0; slot < slots; ++slot) {
    const TopK& t = tops[first + stride * slot];
    out.insert(out.end(), t.heap, t.heap + t.size);
  }
  if (out.size() > k) {
    std::nth_element(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k - 1), out.end(), heap_order);
    out.resize(k);
  }
  std::sort(out.begin(), out.end(), heap_order);
}

std::size_t ceil_div(std::size_t a, std::size_t b) noexcept { return (a + b - 1) / b; }

}  // namespace

void exact_search(const VectorStore& store, std::span<const float> query, const ExactSearchOptions& options,
                  ThreadPool* pool, std::vector<Hit>& out) {
  check_common(store, options, "exact_search");
  check_query(query, store.dim(), "exact_search", 0, false);
  const detail::KernelTable& kernels = detail::active_kernels();
  out.clear();
  const std::size_t n = rows_to_search(store, options, "exact_search");
  if (n == 0) return;
  const std::size_t k = std::min(options.k, n);
  const Scan scan{&store, store.dim(), options.filter ? options.filter->words().data() : nullptr,
                  kernels.dot_rows, kernels.candidates};

  // Chunks of whole Bitmap words, ~chunk_bytes each, but at least 4 per thread for balance.
  std::size_t threads = std::min(resolve_threads(options, pool), ceil_div(n, word_rows));
  std::size_t chunk = std::max<std::size_t>(1, chunk_bytes / (store.dim() * sizeof(float)));
  chunk = std::min(chunk, ceil_div(n, 4 * threads));
  chunk = ceil_div(chunk, word_rows) * word_rows;
  const std::size_t chunks = ceil_div(n, chunk);
  threads = std::min(threads, chunks);

  Workspace& ws = t_workspace;
  ws.prepare(threads, k);
  ScanGuard* guard = options.guard;
  if (threads <= 1 && !guard) {
    scan_range(scan, query.data(), 0, n, ws.tops[0]);
  } else if (threads <= 1) {
    // Guarded: one chunk per hold, so a writer waits for one chunk at most.
    const std::size_t guarded_chunk =
        ceil_div(std::max<std::size_t>(1, chunk_bytes / (store.dim() * sizeof(float))), word_rows) * word_rows;
    for (std::size_t b = 0; b < n; b += guarded_chunk) {
      ChunkHold hold(guard);
      scan_range(scan, query.data(), b, std::min(n, b + guarded_chunk), ws.tops[0]);
    }
  } else {
    TopK* tops = ws.tops.data();
    const float* q = query.data();
    pool->parallel_for(chunks, threads, [&](std::size_t c, std::size_t slot) {
      ChunkHold hold(guard);
      scan_range(scan, q, c * chunk, std::min(n, (c + 1) * chunk), tops[slot]);
    });
  }
  merge(ws.tops, 0, 1, threads, k, out);
}

void exact_search_batch(const VectorStore& store, const float* queries, std::size_t nq,
                        const ExactSearchOptions& options, ThreadPool* pool, std::vector<std::vector<Hit>>& out) {
  check_common(store, options, "exact_search_batch");
  if (nq && !queries) fail(ErrorCode::invalid_argument, "exact_search_batch: queries is null");
  const std::size_t dim = store.dim();
  for (std::size_t j = 0; j < nq; ++j) check_query({queries + j * dim, dim}, dim, "exact_search_batch", j, true);
  const detail::KernelTable& kernels = detail::active_kernels();
  out.resize(nq);
  for (auto& o : out) o.clear();
  const std::size_t n = nq ? rows_to_search(store, options, "exact_search_batch") : 0;
  if (n == 0 || nq == 0) return;
  const std::size_t k = std::min(options.k, n);
  // Queries go in groups: a group's score block (group x batch_block_rows floats) stays in L2, and the
  // heaps stay bounded; each group still reads each row once per 128 queries, which is compute-bound.
  const std::size_t blocks = ceil_div(n, batch_block_rows);
  const std::size_t threads = std::min(resolve_threads(options, pool), blocks);
  const std::uint64_t* filter = options.filter ? options.filter->words().data() : nullptr;
  ScanGuard* guard = options.guard;
  const float* data = guard ? nullptr : store.data();
  Workspace& ws = t_workspace;
  for (std::size_t g = 0; g < nq; g += batch_query_group) {
    const std::size_t group = std::min(batch_query_group, nq - g);
    const float* gq = queries + g * dim;
    ws.prepare(threads * group, k);  // heap of query j in slot s: tops[s * group + j]
    TopK* tops = ws.tops.data();

    auto body = [&](std::size_t b, std::size_t slot) {
      const std::size_t base = b * batch_block_rows;
      const std::size_t count = std::min(batch_block_rows, n - base);
      const std::size_t words = ceil_div(count, word_rows);
      if (filter) {
        bool any = false;
        for (std::size_t w = 0; w < words; ++w) any |= filter[base / word_rows + w] != 0;
        if (!any) return;  // no admitted row in this block: skip its GEMM
      }
      thread_local std::vector<float> t_scores;  // per executing thread, grows only
      if (t_scores.size() < group * count) t_scores.resize(group * batch_block_rows);
      float* scores = t_scores.data();
      const float* rows = data ? data + base * dim : nullptr;
      if (guard) {
        // Copy the block under the guard, multiply without it: the writer waits for a copy of
        // 512 rows, not for the matrix product.
        thread_local std::vector<float> t_block;
        if (t_block.size() < batch_block_rows * dim) t_block.resize(batch_block_rows * dim);
        {
          ChunkHold hold(guard);
          const float* src = store.data() + base * dim;
          std::copy(src, src + count * dim, t_block.data());
        }
        rows = t_block.data();
      }
      if (kernels.gemm_scores) {
        kernels.gemm_scores(gq, group, rows, count, dim, scores);
      } else {
        for (std::size_t j = 0; j < group; ++j) kernels.dot_rows(gq + j * dim, rows, dim, count, scores + j * count);
      }
      for (std::size_t j = 0; j < group; ++j) {
        TopK& top = tops[slot * group + j];
        const float* s = scores + j * count;
        for (std::size_t w = 0; w < words; ++w) {
          const std::size_t off = w * word_rows;
          const std::uint64_t valid = low_bits(std::min(word_rows, count - off));
          const std::uint64_t word = filter ? filter[(base + off) / word_rows] & valid : valid;
          if (!word) continue;
          const std::uint64_t mask = kernels.candidates(s + off, std::min(word_rows, count - off), top.threshold);
          offer_candidates(top, mask & word, s + off, static_cast<std::uint32_t>(base + off));
        }
      }
    };
    if (threads <= 1) {
      for (std::size_t b = 0; b < blocks; ++b) body(b, 0);
    } else {
      pool->parallel_for(blocks, threads, body);
    }
    for (std::size_t j = 0; j < group; ++j) merge(ws.tops, j, group, threads, k, out[g + j]);
  }
}

}  // namespace skillmatch
