// Scalar kernels (baseline x86-64; the compiler may use SSE2) and the dispatch table.
#include "search/kernels.hpp"

#include <cstdint>

namespace skillmatch::detail {

void dot_rows_scalar(const float* query, const float* rows, std::size_t dim, std::size_t count,
                     float* scores) {
  for (std::size_t r = 0; r < count; ++r) {
    const float* row = rows + r * dim;
    // Four partial sums: shorter dependency chains without -ffast-math reassociation.
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    std::size_t i = 0;
    for (; i + 4 <= dim; i += 4) {
      s0 += query[i] * row[i];
      s1 += query[i + 1] * row[i + 1];
      s2 += query[i + 2] * row[i + 2];
      s3 += query[i + 3] * row[i + 3];
    }
    for (; i < dim; ++i) s0 += query[i] * row[i];
    scores[r] = (s0 + s1) + (s2 + s3);
  }
}

std::uint64_t candidates_scalar(const float* scores, std::size_t count, float threshold) {
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < count; ++i) mask |= std::uint64_t{!(scores[i] < threshold)} << i;
  return mask;
}

const KernelTable& kernels_for(SimdLevel level) noexcept {
  static const KernelTable tables[] = {
      {SimdLevel::scalar, dot_rows_scalar, candidates_scalar, nullptr},
      {SimdLevel::avx2, dot_rows_avx2, candidates_avx2, gemm_scores_avx2},
      {SimdLevel::avx512, dot_rows_avx512, candidates_avx512, gemm_scores_avx512},
  };
  return tables[static_cast<int>(level)];
}

}  // namespace skillmatch::detail
