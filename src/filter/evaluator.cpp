// Block evaluator: 64 rows at a time, each clause turning one block of its column into a word,
// the words combined by the postfix program. Loops over contiguous column values with a fixed trip
// count so the compiler vectorises them; no allocation per row or per block.
#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "filter/clause_eval.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>  // SSE2 is part of x86-64 itself: no CPU dispatch needed for it
#endif

namespace skillmatch {
namespace filter_detail {
namespace {

// Up to this many codes a single-valued categorical clause compares directly; beyond, a table.
constexpr std::size_t small_set = 8;
constexpr std::size_t no_table = ~std::size_t{0};

// 64 bytes of 0/1 -> 64 bits (byte j -> bit j). The multiply gathers the low bit of 8 bytes into
// the top byte without carries (each product term lands on a distinct bit).
static_assert(std::endian::native == std::endian::little, "pack64 assumes little-endian byte order");

inline std::uint64_t pack64(const std::uint8_t* bytes) noexcept {
  std::uint64_t word = 0;
  for (int k = 0; k < 8; ++k) {
    std::uint64_t x = 0;
    std::memcpy(&x, bytes + 8 * k, 8);
    word |= ((x * 0x0102040810204080ULL) >> 56) << (8 * k);
  }
  return word;
}

// bytes[j] = pred(j) for j < n (n == 64 except in the last block), zero beyond.
template <typename Pred>
inline std::uint64_t block_bits(std::size_t n, Pred pred) {
  alignas(64) std::uint8_t bytes[64];
  if (n == 64) {
    for (std::size_t j = 0; j < 64; ++j) bytes[j] = static_cast<std::uint8_t>(pred(j));
  } else {
    for (std::size_t j = 0; j < n; ++j) bytes[j] = static_cast<std::uint8_t>(pred(j));
    for (std::size_t j = n; j < 64; ++j) bytes[j] = 0;
  }
  return pack64(bytes);
}

struct Resolved {
  const std::uint32_t* codes;  // sorted codes of the clause's values present in the dictionary
  std::size_t count;
  const std::uint8_t* table;   // membership over [0, dictionary size]; nullptr when not built
  std::uint32_t table_last;    // dictionary size: codes are clamped to it (table[last] == 0)
};

#if defined(__SSE2__)
// Full blocks of 64 values: two doubles per compare, movemask straight to bits.
template <typename Cmp>
std::uint64_t sse2_numeric(const double* v, double x, Cmp cmp) noexcept {
  const __m128d xv = _mm_set1_pd(x);
  std::uint64_t bits = 0;
  for (unsigned j = 0; j < 64; j += 2) {
    const auto m = static_cast<unsigned>(_mm_movemask_pd(cmp(_mm_loadu_pd(v + j), xv)));
    bits |= std::uint64_t{m} << j;
  }
  return bits;
}
#endif

std::uint64_t numeric_word(const Clause& c, const double* v, std::size_t n) {
  const double x = c.number;
#if defined(__SSE2__)
  if (n == 64) {
    switch (c.op) {
      case NumericOp::eq: return sse2_numeric(v, x, [](__m128d a, __m128d b) { return _mm_cmpeq_pd(a, b); });
      case NumericOp::ne: return sse2_numeric(v, x, [](__m128d a, __m128d b) { return _mm_cmpneq_pd(a, b); });
      case NumericOp::lt: return sse2_numeric(v, x, [](__m128d a, __m128d b) { return _mm_cmplt_pd(a, b); });
      case NumericOp::le: return sse2_numeric(v, x, [](__m128d a, __m128d b) { return _mm_cmple_pd(a, b); });
      case NumericOp::gt: return sse2_numeric(v, x, [](__m128d a, __m128d b) { return _mm_cmpgt_pd(a, b); });
      case NumericOp::ge: return sse2_numeric(v, x, [](__m128d a, __m128d b) { return _mm_cmpge_pd(a, b); });
    }
  }
#endif
  switch (c.op) {
    case NumericOp::eq: return block_bits(n, [&](std::size_t j) { return v[j] == x; });
    case NumericOp::ne: return block_bits(n, [&](std::size_t j) { return v[j] != x; });
    case NumericOp::lt: return block_bits(n, [&](std::size_t j) { return v[j] < x; });
    case NumericOp::le: return block_bits(n, [&](std::size_t j) { return v[j] <= x; });
    case NumericOp::gt: return block_bits(n, [&](std::size_t j) { return v[j] > x; });
    case NumericOp::ge: return block_bits(n, [&](std::size_t j) { return v[j] >= x; });
  }
  return 0;
}

// Ordinal: rank in the clause's level set. A set that is one run of levels (every comparison) or
// the complement of one (!=) is a range test, which SSE2 does 16 ranks at a time.
std::uint64_t ordinal_word(std::uint64_t mask, const std::uint8_t* ranks, std::size_t n) {
  if (mask == 0) return 0;
#if defined(__SSE2__)
  if (n == 64) {
    auto is_run = [](std::uint64_t m) { return m != 0 && ((m >> std::countr_zero(m)) & ((m >> std::countr_zero(m)) + 1)) == 0; };
    const std::uint64_t below_top = mask >> 63 ? ~std::uint64_t{0} : (std::uint64_t{1} << (64 - std::countl_zero(mask))) - 1;
    bool complement = !is_run(mask);
    std::uint64_t run = complement ? below_top & ~mask : mask;
    if (is_run(run)) {
      // Ranks above the highest admitted level fail both forms, since complement is taken within
      // [0, top]; so the complement form needs `rank <= top` as well.
      const int lo = std::countr_zero(run);
      const int hi = 63 - std::countl_zero(run);
      const int top = 63 - std::countl_zero(mask);
      const __m128i lo_v = _mm_set1_epi8(static_cast<char>(lo));
      const __m128i span_v = _mm_set1_epi8(static_cast<char>(hi - lo));
      const __m128i top_v = _mm_set1_epi8(static_cast<char>(top));
      const __m128i zero = _mm_setzero_si128();
      std::uint64_t bits = 0;
      for (unsigned k = 0; k < 4; ++k) {
        const __m128i r = _mm_loadu_si128(reinterpret_cast<const __m128i*>(ranks + 16 * k));
        // (r - lo) as an unsigned byte <= hi - lo  <=>  lo <= r <= hi
        __m128i in_run = _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(r, lo_v), span_v), zero);
        if (complement) in_run = _mm_andnot_si128(in_run, _mm_cmpeq_epi8(_mm_subs_epu8(r, top_v), zero));
        bits |= std::uint64_t{static_cast<unsigned>(_mm_movemask_epi8(in_run)) & 0xFFFFu} << (16 * k);
      }
      return bits;
    }
  }
#endif
  return block_bits(n, [&](std::size_t j) { return (mask >> ranks[j]) & 1u; });
}

std::uint64_t category_word(const std::uint32_t* codes, const Resolved& r, std::size_t n) {
  if (r.count == 0) return 0;
  if (r.table) {
    const std::uint8_t* t = r.table;
    const std::uint32_t last = r.table_last;
    return block_bits(n, [&](std::size_t j) { return t[std::min(codes[j], last)]; });
  }
#if defined(__SSE2__)
  if (n == 64) {
    std::uint64_t bits = 0;
    for (unsigned j = 0; j < 64; j += 4) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(codes + j));
      __m128i hit = _mm_setzero_si128();
      for (std::size_t k = 0; k < r.count; ++k)
        hit = _mm_or_si128(hit, _mm_cmpeq_epi32(v, _mm_set1_epi32(static_cast<int>(r.codes[k]))));
      bits |= std::uint64_t{static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(hit)))} << j;
    }
    return bits;
  }
#endif
  std::uint64_t bits = 0;
  for (std::size_t k = 0; k < r.count; ++k) {
    const std::uint32_t code = r.codes[k];
    bits |= block_bits(n, [&](std::size_t j) { return codes[j] == code; });
  }
  return bits;
}

std::uint64_t clause_word(const Clause& c, const Resolved& r, const AttributeColumns& cols, std::size_t wi,
                          std::size_t base, std::size_t n) {
  const std::uint64_t missing = cols.missing(c.attribute).words()[wi];
  std::uint64_t bits = 0;
  switch (c.kind) {
    case ClauseKind::presence:
      return c.negate ? missing : ~missing;
    case ClauseKind::numeric:
      bits = numeric_word(c, cols.numbers(c.attribute).data() + base, n);
      break;
    case ClauseKind::ordinal: {
      bits = ordinal_word(c.level_mask, cols.ranks(c.attribute).data() + base, n);
      break;
    }
    case ClauseKind::boolean:
      bits = cols.bools(c.attribute).words()[wi];
      if (!c.value) bits = ~bits;
      break;
    case ClauseKind::category:
      bits = category_word(cols.codes(c.attribute).data() + base, r, n);
      if (c.negate) bits = ~bits;
      break;
    case ClauseKind::multi_category: {
      if (r.count) {
        const std::uint8_t* t = r.table;
        const AttributeColumns::MultiColumn m = cols.multi_column(c.attribute);
        const std::size_t* begin = m.begin.data() + base;
        const std::uint32_t* count = m.count.data() + base;
        const std::uint32_t* pool = m.pool.data();
        for (std::size_t j = 0; j < n; ++j) {
          const std::uint32_t* codes = pool + begin[j];
          std::uint8_t hit = 0;
          for (std::uint32_t k = 0; k < count[j]; ++k) hit |= t[codes[k]];
          bits |= std::uint64_t{hit} << j;
        }
      }
      if (c.negate) bits = ~bits;
      break;
    }
  }
  return bits & ~missing;
}

}  // namespace
}  // namespace filter_detail

void evaluate(const CompiledFilter& filter, const AttributeColumns& columns, Bitmap& out, FilterScratch& scratch) {
  using namespace filter_detail;
  const Program& p = filter.program();
  check_columns(p, columns);
  const std::size_t nclauses = p.clauses.size();

  // Resolve categorical values to this column set's codes (its dictionaries, not the schema's).
  scratch.codes_.clear();
  scratch.tables_.clear();
  scratch.code_begin_.assign(nclauses + 1, 0);
  scratch.table_begin_.assign(nclauses, no_table);
  for (std::size_t i = 0; i < nclauses; ++i) {
    const Clause& c = p.clauses[i];
    scratch.code_begin_[i] = scratch.codes_.size();
    if (c.kind != ClauseKind::category && c.kind != ClauseKind::multi_category) continue;
    for (const auto& s : c.strings)
      if (std::uint32_t code = columns.code_of(c.attribute, s); code != AttributeColumns::no_code)
        scratch.codes_.push_back(code);
    auto first = scratch.codes_.begin() + static_cast<std::ptrdiff_t>(scratch.code_begin_[i]);
    std::sort(first, scratch.codes_.end());
    scratch.codes_.erase(std::unique(first, scratch.codes_.end()), scratch.codes_.end());
    std::size_t count = scratch.codes_.size() - scratch.code_begin_[i];
    if (count > 0 && (c.kind == ClauseKind::multi_category || count > small_set)) {
      scratch.table_begin_[i] = scratch.tables_.size();
      scratch.tables_.resize(scratch.tables_.size() + columns.dictionary_size(c.attribute) + 1, 0);
      for (std::size_t k = scratch.code_begin_[i]; k < scratch.codes_.size(); ++k)
        scratch.tables_[scratch.table_begin_[i] + scratch.codes_[k]] = 1;
    }
  }
  scratch.code_begin_[nclauses] = scratch.codes_.size();

  // Fixed-size views per clause, so the block loop touches no vector bookkeeping.
  constexpr std::size_t inline_clauses = 32;
  std::array<Resolved, inline_clauses> inline_resolved{};
  std::vector<Resolved> heap_resolved(nclauses > inline_clauses ? nclauses : 0);
  Resolved* resolved = nclauses > inline_clauses ? heap_resolved.data() : inline_resolved.data();
  for (std::size_t i = 0; i < nclauses; ++i) {
    const Clause& c = p.clauses[i];
    std::size_t b = scratch.code_begin_[i];
    resolved[i].codes = scratch.codes_.data() + b;
    resolved[i].count = scratch.code_begin_[i + 1] - b;
    bool has_table = scratch.table_begin_[i] != no_table;
    resolved[i].table = has_table ? scratch.tables_.data() + scratch.table_begin_[i] : nullptr;
    resolved[i].table_last =
        has_table ? static_cast<std::uint32_t>(columns.dictionary_size(c.attribute)) : 0;
  }

  const std::size_t rows = columns.size();
  out.resize(rows);
  std::span<std::uint64_t> words = out.words();
  std::array<std::uint64_t, max_stack> stack;
  for (std::size_t wi = 0; wi < words.size(); ++wi) {
    const std::size_t base = wi * 64;
    const std::size_t n = std::min<std::size_t>(64, rows - base);
    std::size_t sp = 0;
    for (const Op& op : p.ops) {
      switch (op.kind) {
        case OpKind::clause:
          stack[sp++] = clause_word(p.clauses[op.clause], resolved[op.clause], columns, wi, base, n);
          break;
        case OpKind::all: --sp; stack[sp - 1] &= stack[sp]; break;
        case OpKind::any: --sp; stack[sp - 1] |= stack[sp]; break;
        case OpKind::negate: stack[sp - 1] = ~stack[sp - 1]; break;
      }
    }
    words[wi] = n == 64 ? stack[0] : stack[0] & ((std::uint64_t{1} << n) - 1);
  }
}

void evaluate(const CompiledFilter& filter, const AttributeColumns& columns, Bitmap& out) {
  FilterScratch scratch;
  evaluate(filter, columns, out, scratch);
}

}  // namespace skillmatch
