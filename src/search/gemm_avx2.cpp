// Eigen GEMM for exact_search_batch, AVX2 + FMA code (see gemm_eigen.inc for how and why).
// The only source files that include Eigen in the library.
#define SKM_EIGEN_NS skm_eigen_avx2
#define SKM_GEMM_NAME gemm_scores_avx2
#define SKM_ISA_AVX512 0
#include "search/gemm_eigen.inc"
