// Eigen GEMM for exact_search_batch, AVX-512F code (see gemm_eigen.inc for how and why).
// The only source files that include Eigen in the library.
#define SKM_EIGEN_NS skm_eigen_avx512
#define SKM_GEMM_NAME gemm_scores_avx512
#define SKM_ISA_AVX512 1
#include "search/gemm_eigen.inc"
