// AVX-512F kernels. Only called after cpu_features() reports AVX-512F (and AVX2 + FMA).
// GCC 12 bug 105593: its own AVX-512 intrinsics (_mm_undefined_ps self-initialisation) trip
// -W(maybe-)uninitialized when inlined. Must precede <immintrin.h>; never popped (end of file).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#include <immintrin.h>

#include <cstdint>

#include "search/kernels.hpp"

#define SKM_TARGET __attribute__((target("avx512f,avx2,fma")))

namespace skillmatch::detail {

SKM_TARGET void dot_rows_avx512(const float* query, const float* rows, std::size_t dim, std::size_t count,
                                float* scores) {
  const std::size_t full = dim & ~std::size_t{15};
  const std::size_t rest = dim - full;
  const __mmask16 mask = static_cast<__mmask16>((1u << rest) - 1u);
  std::size_t r = 0;
  // Four rows per pass: four independent FMA chains sharing one query load. Masked loads of the tail
  // never touch memory past the row, so rows need no padding.
  for (; r + 4 <= count; r += 4) {
    const float* p0 = rows + r * dim;
    const float* p1 = p0 + dim;
    const float* p2 = p1 + dim;
    const float* p3 = p2 + dim;
    __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps(), a2 = _mm512_setzero_ps(),
           a3 = _mm512_setzero_ps();
    for (std::size_t i = 0; i < full; i += 16) {
      __m512 q = _mm512_loadu_ps(query + i);
      a0 = _mm512_fmadd_ps(q, _mm512_loadu_ps(p0 + i), a0);
      a1 = _mm512_fmadd_ps(q, _mm512_loadu_ps(p1 + i), a1);
      a2 = _mm512_fmadd_ps(q, _mm512_loadu_ps(p2 + i), a2);
      a3 = _mm512_fmadd_ps(q, _mm512_loadu_ps(p3 + i), a3);
    }
    if (rest) {
      __m512 q = _mm512_maskz_loadu_ps(mask, query + full);
      a0 = _mm512_fmadd_ps(q, _mm512_maskz_loadu_ps(mask, p0 + full), a0);
      a1 = _mm512_fmadd_ps(q, _mm512_maskz_loadu_ps(mask, p1 + full), a1);
      a2 = _mm512_fmadd_ps(q, _mm512_maskz_loadu_ps(mask, p2 + full), a2);
      a3 = _mm512_fmadd_ps(q, _mm512_maskz_loadu_ps(mask, p3 + full), a3);
    }
    scores[r] = _mm512_reduce_add_ps(a0);
    scores[r + 1] = _mm512_reduce_add_ps(a1);
    scores[r + 2] = _mm512_reduce_add_ps(a2);
    scores[r + 3] = _mm512_reduce_add_ps(a3);
  }
  for (; r < count; ++r) {
    const float* p = rows + r * dim;
    __m512 a = _mm512_setzero_ps();
    for (std::size_t i = 0; i < full; i += 16)
      a = _mm512_fmadd_ps(_mm512_loadu_ps(query + i), _mm512_loadu_ps(p + i), a);
    if (rest) a = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(mask, query + full), _mm512_maskz_loadu_ps(mask, p + full), a);
    scores[r] = _mm512_reduce_add_ps(a);
  }
}

SKM_TARGET std::uint64_t candidates_avx512(const float* scores, std::size_t count, float threshold) {
  const __m512 t = _mm512_set1_ps(threshold);
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < count; i += 16) {
    const std::size_t n = count - i < 16 ? count - i : 16;
    const auto lanes = static_cast<__mmask16>((1u << n) - 1u);
    // Not-less-than, unordered: NaN scores become candidates (offer() ranks them as -inf).
    const __mmask16 m = _mm512_mask_cmp_ps_mask(lanes, _mm512_maskz_loadu_ps(lanes, scores + i), t, _CMP_NLT_UQ);
    mask |= static_cast<std::uint64_t>(m) << i;
  }
  return mask;
}

}  // namespace skillmatch::detail
