// Internal: a dot product with eight partial sums (vectorisable without reassociation flags, and more
// accurate than one running sum). Symmetric bit for bit: dot8(a, b, n) == dot8(b, a, n).
#pragma once

#include <cstddef>

namespace skillmatch::detail {

inline float dot8(const float* a, const float* b, std::size_t n) noexcept {
  float partial[8] = {};
  std::size_t j = 0;
  for (; j + 8 <= n; j += 8)
    for (std::size_t lane = 0; lane < 8; ++lane) partial[lane] += a[j + lane] * b[j + lane];
  for (; j < n; ++j) partial[0] += a[j] * b[j];
  float sum = 0;
  for (float p : partial) sum += p;
  return sum;
}

}  // namespace skillmatch::detail
