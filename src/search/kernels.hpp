// Private: the per-instruction-set kernels behind exact search, and the table that selects them.
//
// Each level lives in its own .cpp whose functions carry __attribute__((target(...))), so the library
// is still built for baseline x86-64 and only calls a level after cpu_features says it may.
#pragma once

#include <cstddef>
#include <cstdint>

#include "skillmatch/core/cpu_features.hpp"

namespace skillmatch::detail {

/// scores[i] = dot(query, rows + i * dim) for i in [0, count). Rows are contiguous (stride = dim), any
/// alignment, any dim >= 1; never reads past rows + count * dim.
using DotRowsFn = void (*)(const float* query, const float* rows, std::size_t dim, std::size_t count,
                           float* scores);

/// scores (column-major, nrows x nq, leading dimension nrows) = rows (nrows x dim) * queries^T, i.e.
/// scores[j * nrows + i] = dot(query j, row i). Queries and rows are row-major with stride dim.
using GemmScoresFn = void (*)(const float* queries, std::size_t nq, const float* rows, std::size_t nrows,
                              std::size_t dim, float* scores);

/// Bit i (i < count <= 64) set iff scores[i] is not below `threshold` (>= it, or NaN): the rows that
/// may enter a top-k whose current k-th score is `threshold`. Bits >= count are zero.
using CandidatesFn = std::uint64_t (*)(const float* scores, std::size_t count, float threshold);

struct KernelTable {
  SimdLevel level;
  DotRowsFn dot_rows;
  CandidatesFn candidates;
  GemmScoresFn gemm_scores;  // nullptr: the batch falls back to dot_rows per query
};

void dot_rows_scalar(const float*, const float*, std::size_t, std::size_t, float*);
void dot_rows_avx2(const float*, const float*, std::size_t, std::size_t, float*);
void dot_rows_avx512(const float*, const float*, std::size_t, std::size_t, float*);
std::uint64_t candidates_scalar(const float*, std::size_t, float);
std::uint64_t candidates_avx2(const float*, std::size_t, float);
std::uint64_t candidates_avx512(const float*, std::size_t, float);
void gemm_scores_avx2(const float*, std::size_t, const float*, std::size_t, std::size_t, float*);
void gemm_scores_avx512(const float*, std::size_t, const float*, std::size_t, std::size_t, float*);

/// The table for `level` (the caller has checked the CPU supports it).
const KernelTable& kernels_for(SimdLevel level) noexcept;

/// The table for active_simd_level(). Throws as active_simd_level() does.
inline const KernelTable& active_kernels() { return kernels_for(active_simd_level()); }

}  // namespace skillmatch::detail
