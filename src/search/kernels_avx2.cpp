// AVX2 + FMA kernels. Only called after cpu_features() reports AVX2 and FMA.
#include <immintrin.h>

#include <cstdint>

#include "search/kernels.hpp"

#define SKM_TARGET __attribute__((target("avx2,fma")))

namespace skillmatch::detail {
namespace {

// Lane mask for the last dim % 8 components: lanes < n are all-ones.
SKM_TARGET inline __m256i tail_mask(std::size_t n) {
  const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(n)), lanes);
}

// Sums of four accumulators at once: returns [hsum(a), hsum(b), hsum(c), hsum(d)].
SKM_TARGET inline __m128 hsum4(__m256 a, __m256 b, __m256 c, __m256 d) {
  __m256 ab = _mm256_hadd_ps(a, b);    // a01 a23 b01 b23 | a45 a67 b45 b67
  __m256 cd = _mm256_hadd_ps(c, d);
  __m256 abcd = _mm256_hadd_ps(ab, cd);  // a0-3 b0-3 c0-3 d0-3 | a4-7 b4-7 c4-7 d4-7
  return _mm_add_ps(_mm256_castps256_ps128(abcd), _mm256_extractf128_ps(abcd, 1));
}

}  // namespace

SKM_TARGET void dot_rows_avx2(const float* query, const float* rows, std::size_t dim, std::size_t count,
                              float* scores) {
  const std::size_t full = dim & ~std::size_t{7};
  const std::size_t rest = dim - full;
  const __m256i mask = tail_mask(rest);
  std::size_t r = 0;
  // Four rows per pass: four independent FMA chains, and the query is loaded once for all four.
  for (; r + 4 <= count; r += 4) {
    const float* p0 = rows + r * dim;
    const float* p1 = p0 + dim;
    const float* p2 = p1 + dim;
    const float* p3 = p2 + dim;
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps(), a2 = _mm256_setzero_ps(),
           a3 = _mm256_setzero_ps();
    for (std::size_t i = 0; i < full; i += 8) {
      __m256 q = _mm256_loadu_ps(query + i);
      a0 = _mm256_fmadd_ps(q, _mm256_loadu_ps(p0 + i), a0);
      a1 = _mm256_fmadd_ps(q, _mm256_loadu_ps(p1 + i), a1);
      a2 = _mm256_fmadd_ps(q, _mm256_loadu_ps(p2 + i), a2);
      a3 = _mm256_fmadd_ps(q, _mm256_loadu_ps(p3 + i), a3);
    }
    if (rest) {
      __m256 q = _mm256_maskload_ps(query + full, mask);
      a0 = _mm256_fmadd_ps(q, _mm256_maskload_ps(p0 + full, mask), a0);
      a1 = _mm256_fmadd_ps(q, _mm256_maskload_ps(p1 + full, mask), a1);
      a2 = _mm256_fmadd_ps(q, _mm256_maskload_ps(p2 + full, mask), a2);
      a3 = _mm256_fmadd_ps(q, _mm256_maskload_ps(p3 + full, mask), a3);
    }
    _mm_storeu_ps(scores + r, hsum4(a0, a1, a2, a3));
  }
  for (; r < count; ++r) {
    const float* p = rows + r * dim;
    __m256 a = _mm256_setzero_ps();
    for (std::size_t i = 0; i < full; i += 8)
      a = _mm256_fmadd_ps(_mm256_loadu_ps(query + i), _mm256_loadu_ps(p + i), a);
    if (rest) a = _mm256_fmadd_ps(_mm256_maskload_ps(query + full, mask), _mm256_maskload_ps(p + full, mask), a);
    // Same reduction as the four-row path, so a row's score never depends on how rows were grouped
    // (filters and chunking change the grouping; results must not).
    scores[r] = _mm_cvtss_f32(hsum4(a, a, a, a));
  }
}

SKM_TARGET std::uint64_t candidates_avx2(const float* scores, std::size_t count, float threshold) {
  const __m256 t = _mm256_set1_ps(threshold);
  std::uint64_t mask = 0;
  std::size_t i = 0;
  for (; i + 8 <= count; i += 8) {
    // Not-less-than, unordered: NaN scores become candidates (offer() ranks them as -inf).
    const int m = _mm256_movemask_ps(_mm256_cmp_ps(_mm256_loadu_ps(scores + i), t, _CMP_NLT_UQ));
    mask |= static_cast<std::uint64_t>(static_cast<unsigned>(m)) << i;
  }
  for (; i < count; ++i) mask |= std::uint64_t{!(scores[i] < threshold)} << i;
  return mask;
}

}  // namespace skillmatch::detail
