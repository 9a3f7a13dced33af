// Exact top-k search: every SIMD level, thread count and filter shape against a brute-force reference.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "skillmatch/core/cpu_features.hpp"
#include "skillmatch/error.hpp"
#include "skillmatch/search/exact_search.hpp"

using namespace skillmatch;

namespace {

// Switches the SIMD level for one scope and restores automatic selection afterwards.
struct LevelGuard {
  explicit LevelGuard(SimdLevel l) { set_simd_level(l); }
  ~LevelGuard() { reset_simd_level(); }
};

std::vector<SimdLevel> supported_levels() {
  std::vector<SimdLevel> out;
  for (SimdLevel l : {SimdLevel::scalar, SimdLevel::avx2, SimdLevel::avx512})
    if (simd_level_supported(l)) out.push_back(l);
  return out;
}

// Dyadic data (multiples of 1/8 in [-1, 1]): every dot product is exact in float whatever the order of
// summation, so all levels, the GEMM and the reference agree bit for bit and ties are frequent.
// Gaussian data: realistic rounding, compared with a tolerance.
enum class Data { dyadic, gaussian };

std::vector<float> random_values(std::size_t count, Data kind, std::mt19937& rng) {
  std::vector<float> v(count);
  std::uniform_int_distribution<int> small(-8, 8);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  for (auto& x : v) x = kind == Data::dyadic ? static_cast<float>(small(rng)) / 8.0f : normal(rng);
  return v;
}

VectorStore make_store(std::size_t n, std::size_t dim, Data kind, std::mt19937& rng) {
  VectorStore store(dim);
  auto values = random_values(n * dim, kind, rng);
  for (std::size_t r = 0; r < n; ++r) store.append({values.data() + r * dim, dim});
  return store;
}

struct RefHit {
  std::uint32_t row;
  double score;
};

std::vector<RefHit> reference_scores(const VectorStore& store, const float* q, const Bitmap* filter) {
  std::vector<RefHit> all;
  for (std::size_t r = 0; r < store.size(); ++r) {
    if (filter && !filter->test(r)) continue;
    double s = 0;
    auto row = store.row(r);
    for (std::size_t i = 0; i < store.dim(); ++i) s += static_cast<double>(q[i]) * row[i];
    all.push_back({static_cast<std::uint32_t>(r), s});
  }
  std::sort(all.begin(), all.end(), [](const RefHit& a, const RefHit& b) {
    return a.score > b.score || (a.score == b.score && a.row < b.row);
  });
  return all;
}

double tolerance(double ref) { return 1e-4 * std::max(1.0, std::abs(ref)); }

// Checks `got` against the brute-force ranking. Exact data: identical rows and scores. Otherwise each
// score within 1e-4 relative of the reference at that rank, and a row may differ from the reference only
// where the reference's scores are that close (a near-tie the float sum may order either way).
void check_hits(const std::vector<Hit>& got, const std::vector<RefHit>& ref, std::size_t k, Data kind,
                const Bitmap* filter) {
  const std::size_t expect = std::min(k, ref.size());
  REQUIRE(got.size() == expect);
  std::vector<double> score_of_row(filter ? filter->size() : 0, 0.0);
  for (std::size_t i = 0; i < expect; ++i) {
    if (kind == Data::dyadic) {
      CHECK(got[i].row == ref[i].row);
      CHECK(static_cast<double>(got[i].score) == ref[i].score);
      continue;
    }
    CHECK(std::abs(got[i].score - ref[i].score) <= tolerance(ref[i].score));
    if (got[i].row != ref[i].row) {
      auto it = std::find_if(ref.begin(), ref.end(), [&](const RefHit& h) { return h.row == got[i].row; });
      REQUIRE(it != ref.end());
      CHECK(std::abs(it->score - ref[i].score) <= 2 * tolerance(ref[i].score));
    }
  }
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (filter) CHECK(filter->test(got[i].row));
    if (i) CHECK(ranks_before(got[i - 1], got[i]));  // strictly ordered, so rows are unique
  }
}

Bitmap make_filter(std::size_t n, const std::string& shape, std::mt19937& rng) {
  Bitmap b(n, shape == "full");
  double p = shape == "sparse" ? 0.05 : shape == "dense" ? 0.7 : -1;
  if (p > 0) {
    std::bernoulli_distribution admit(p);
    for (std::size_t r = 0; r < n; ++r) b.assign(r, admit(rng));
  }
  if (shape == "clustered")  // whole zero words (skipped) next to whole full words
    for (std::size_t r = 0; r < n; ++r) b.assign(r, (r / 64) % 3 == 1 || r == n - 1);
  return b;
}

}  // namespace

TEST_CASE("exact_search equals a brute-force reference (dims, k, filters, threads, SIMD levels)") {
  ThreadPool pool(3);
  std::mt19937 rng(42);
  const std::size_t n = 300;  // not a multiple of 64: exercises the partial last word
  for (Data kind : {Data::dyadic, Data::gaussian}) {
    for (std::size_t dim : {1u, 3u, 8u, 15u, 16u, 17u, 64u, 100u, 128u, 384u}) {
      VectorStore store = make_store(n, dim, kind, rng);
      auto query = random_values(dim, kind, rng);
      for (const std::string shape : {"none", "empty", "full", "sparse", "dense", "clustered"}) {
        Bitmap filter = make_filter(n, shape, rng);
        const Bitmap* f = shape == "none" ? nullptr : &filter;
        auto ref = reference_scores(store, query.data(), f);
        for (SimdLevel level : supported_levels()) {
          LevelGuard guard(level);
          for (std::size_t threads : {1u, 3u}) {
            for (std::size_t k : {std::size_t{1}, std::size_t{10}, n, n + 7}) {
              CAPTURE(dim);
              CAPTURE(shape);
              CAPTURE(to_string(level));
              CAPTURE(threads);
              CAPTURE(k);
              CAPTURE(kind == Data::dyadic);
              std::vector<Hit> out;
              exact_search(store, query, {k, f, threads}, &pool, out);
              check_hits(out, ref, k, kind, f);
            }
          }
        }
      }
    }
  }
}

TEST_CASE("exact_search on a larger store: many chunks per thread, results independent of thread count") {
  ThreadPool pool(4);
  std::mt19937 rng(7);
  VectorStore store = make_store(20000, 17, Data::dyadic, rng);
  auto query = random_values(17, Data::dyadic, rng);
  Bitmap filter = make_filter(store.size(), "sparse", rng);
  for (const Bitmap* f : std::vector<const Bitmap*>{nullptr, &filter}) {
    auto ref = reference_scores(store, query.data(), f);
    for (SimdLevel level : supported_levels()) {
      LevelGuard guard(level);
      std::vector<Hit> one, many;
      exact_search(store, query, {25, f, 1}, &pool, one);
      exact_search(store, query, {25, f, 0}, &pool, many);
      check_hits(one, ref, 25, Data::dyadic, f);
      CHECK(one == many);
    }
  }
}

TEST_CASE("ties rank by lower row, at every level and thread count") {
  ThreadPool pool(2);
  VectorStore store(5);
  const std::vector<float> v{0.5f, -1, 2, 0, 1};
  for (int r = 0; r < 1000; ++r) store.append(v);
  store.set(700, std::vector<float>{1, -2, 4, 0, 2});  // 2v: the single best row
  for (SimdLevel level : supported_levels()) {
    LevelGuard guard(level);
    for (std::size_t threads : {1u, 2u}) {
      std::vector<Hit> out;
      exact_search(store, v, {4, nullptr, threads}, &pool, out);
      REQUIRE(out.size() == 4);
      CHECK(out[0].row == 700);
      CHECK(out[1].row == 0);
      CHECK(out[2].row == 1);
      CHECK(out[3].row == 2);
      CHECK(out[0].score == 12.5f);
      CHECK(out[3].score == 6.25f);
    }
  }
}

TEST_CASE("exact_search_batch equals exact_search for every query") {
  ThreadPool pool(3);
  std::mt19937 rng(11);
  for (std::size_t dim : {1u, 15u, 64u, 100u}) {
    VectorStore store = make_store(1500, dim, Data::dyadic, rng);
    const std::size_t nq = 7;
    auto queries = random_values(nq * dim, Data::dyadic, rng);
    Bitmap sparse = make_filter(store.size(), "sparse", rng);
    Bitmap clustered = make_filter(store.size(), "clustered", rng);
    for (const Bitmap* f : std::vector<const Bitmap*>{nullptr, &sparse, &clustered}) {
      for (SimdLevel level : supported_levels()) {
        LevelGuard guard(level);
        for (std::size_t threads : {1u, 3u}) {
          for (std::size_t k : {std::size_t{1}, std::size_t{10}, std::size_t{2000}}) {
            CAPTURE(dim);
            CAPTURE(to_string(level));
            CAPTURE(threads);
            CAPTURE(k);
            std::vector<std::vector<Hit>> batch;
            exact_search_batch(store, queries.data(), nq, {k, f, threads}, &pool, batch);
            REQUIRE(batch.size() == nq);
            for (std::size_t j = 0; j < nq; ++j) {
              std::vector<Hit> single;
              exact_search(store, {queries.data() + j * dim, dim}, {k, f, threads}, &pool, single);
              CHECK(batch[j] == single);
              check_hits(batch[j], reference_scores(store, queries.data() + j * dim, f), k, Data::dyadic, f);
            }
          }
        }
      }
    }
  }
}

TEST_CASE("exact_search_batch with more queries than one GEMM group (128)") {
  ThreadPool pool(2);
  std::mt19937 rng(3);
  VectorStore store = make_store(700, 8, Data::dyadic, rng);
  const std::size_t nq = 300;
  auto queries = random_values(nq * 8, Data::dyadic, rng);
  for (SimdLevel level : supported_levels()) {
    LevelGuard guard(level);
    std::vector<std::vector<Hit>> batch;
    exact_search_batch(store, queries.data(), nq, {5, nullptr, 2}, &pool, batch);
    REQUIRE(batch.size() == nq);
    for (std::size_t j = 0; j < nq; ++j)
      check_hits(batch[j], reference_scores(store, queries.data() + j * 8, nullptr), 5, Data::dyadic, nullptr);
  }
}

TEST_CASE("exact_search_batch with realistic data stays within tolerance of the reference") {
  ThreadPool pool(2);
  std::mt19937 rng(5);
  VectorStore store = make_store(3000, 128, Data::gaussian, rng);
  const std::size_t nq = 64;
  auto queries = random_values(nq * 128, Data::gaussian, rng);
  for (SimdLevel level : supported_levels()) {
    LevelGuard guard(level);
    std::vector<std::vector<Hit>> batch;
    exact_search_batch(store, queries.data(), nq, {10, nullptr, 2}, &pool, batch);
    for (std::size_t j = 0; j < nq; ++j)
      check_hits(batch[j], reference_scores(store, queries.data() + j * 128, nullptr), 10, Data::gaussian, nullptr);
  }
}

TEST_CASE("exact_search edge cases: empty store, no pool, reused output, overflowing scores") {
  VectorStore empty(4);
  std::vector<Hit> out{{1, 2.0f}};
  exact_search(empty, std::vector<float>{1, 2, 3, 4}, {}, nullptr, out);
  CHECK(out.empty());
  std::vector<std::vector<Hit>> batch{{{1, 2.0f}}};
  exact_search_batch(empty, nullptr, 0, {}, nullptr, batch);
  CHECK(batch.empty());

  // Finite vectors whose products overflow: +Inf ranks first, Inf - Inf = NaN ranks as -Inf (last).
  VectorStore big(2);
  big.append(std::vector<float>{1, 1});       // row 0: 2e30
  big.append(std::vector<float>{1e30f, -1e30f});  // row 1: inf - inf = NaN
  big.append(std::vector<float>{1e30f, 1e30f});   // row 2: +inf
  big.append(std::vector<float>{-1, -1});     // row 3: -2e30
  for (SimdLevel level : supported_levels()) {
    LevelGuard guard(level);
    exact_search(big, std::vector<float>{1e30f, 1e30f}, {10, nullptr, 1}, nullptr, out);
    REQUIRE(out.size() == 4);
    CHECK(out[0].row == 2);
    CHECK(std::isinf(out[0].score));
    CHECK(out[1].row == 0);
    CHECK(out[2].row == 3);
    CHECK(out[3].row == 1);
    CHECK(out[3].score == -std::numeric_limits<float>::infinity());
  }
}

TEST_CASE("bad input is rejected with errors naming what and where") {
  VectorStore store(3);
  store.append(std::vector<float>{1, 2, 3});
  store.append(std::vector<float>{4, 5, 6});
  auto code_and_message = [](auto&& f) -> std::pair<ErrorCode, std::string> {
    try {
      f();
    } catch (const Error& e) {
      return {e.code(), e.what()};
    }
    FAIL("no Error thrown");
    return {};
  };
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();

  auto [c1, m1] = code_and_message([&] { store.append(std::vector<float>{1, nan, 3}); });
  CHECK(c1 == ErrorCode::invalid_value);
  CHECK(m1.find("row 2") != std::string::npos);
  CHECK(m1.find("component 1 is NaN") != std::string::npos);
  CHECK(store.size() == 2);  // unchanged

  auto [c2, m2] = code_and_message([&] { store.append(std::vector<float>{1, 2, -inf}); });
  CHECK(c2 == ErrorCode::invalid_value);
  CHECK(m2.find("component 2 is -Inf") != std::string::npos);

  auto [c3, m3] = code_and_message([&] { store.append(std::vector<float>{1, 2}); });
  CHECK(c3 == ErrorCode::dimension_mismatch);
  CHECK(m3.find("row 2 has 2 components, expected dimension 3") != std::string::npos);

  auto [c4, m4] = code_and_message([&] { store.set(1, std::vector<float>{inf, 0, 0}); });
  CHECK(c4 == ErrorCode::invalid_value);
  CHECK(m4.find("set: row 1, component 0 is +Inf") != std::string::npos);
  CHECK(store.row(1)[0] == 4.0f);  // old value kept

  auto [c5, m5] = code_and_message([&] { store.set(2, std::vector<float>{0, 0, 0}); });
  CHECK(c5 == ErrorCode::invalid_argument);
  CHECK(m5.find("row 2 out of range") != std::string::npos);

  CHECK_THROWS_AS(VectorStore(0), Error);

  std::vector<Hit> out;
  auto [c6, m6] = code_and_message([&] { exact_search(store, std::vector<float>{1, 2}, {}, nullptr, out); });
  CHECK(c6 == ErrorCode::dimension_mismatch);
  CHECK(m6.find("exact_search: query has 2 components") != std::string::npos);

  auto [c7, m7] = code_and_message([&] { exact_search(store, std::vector<float>{0, 0, nan}, {}, nullptr, out); });
  CHECK(c7 == ErrorCode::invalid_value);
  CHECK(m7.find("query, component 2 is NaN") != std::string::npos);

  auto [c8, m8] = code_and_message([&] { exact_search(store, std::vector<float>{0, 0, 1}, {0}, nullptr, out); });
  CHECK(c8 == ErrorCode::invalid_argument);
  CHECK(m8.find("k must be at least 1") != std::string::npos);

  Bitmap wrong(5, true);
  auto [c9, m9] = code_and_message([&] { exact_search(store, std::vector<float>{0, 0, 1}, {1, &wrong}, nullptr, out); });
  CHECK(c9 == ErrorCode::invalid_argument);
  CHECK(m9.find("filter has 5 bits but the store has 2 rows") != std::string::npos);

  const std::vector<float> queries{1, 2, 3, 4, inf, 6};
  std::vector<std::vector<Hit>> batch;
  auto [c10, m10] = code_and_message([&] { exact_search_batch(store, queries.data(), 2, {}, nullptr, batch); });
  CHECK(c10 == ErrorCode::invalid_value);
  CHECK(m10.find("exact_search_batch: query 1, component 1 is +Inf") != std::string::npos);
}

TEST_CASE("VectorStore: aligned contiguous rows, copies are deep") {
  VectorStore s(3);
  s.reserve(100);
  CHECK(s.capacity() >= 100);
  for (int r = 0; r < 50; ++r) CHECK(s.append(std::vector<float>{float(r), 1, 2}) == std::uint32_t(r));
  CHECK(reinterpret_cast<std::uintptr_t>(s.data()) % VectorStore::alignment == 0);
  CHECK(s.data()[3 * 17] == 17.0f);
  VectorStore copy = s;
  copy.set(0, std::vector<float>{9, 9, 9});
  CHECK(s.row(0)[0] == 0.0f);
  CHECK(copy.row(0)[0] == 9.0f);
  for (int r = 50; r < 5000; ++r) s.append(std::vector<float>{float(r), 1, 2});  // grows past reserve
  CHECK(s.row(4999)[0] == 4999.0f);
  CHECK(s.row(49)[0] == 49.0f);
}

TEST_CASE("a row's score is bit-identical whatever the filter and thread count") {
  ThreadPool pool(3);
  std::mt19937 rng(23);
  VectorStore store = make_store(1000, 100, Data::gaussian, rng);
  auto query = random_values(100, Data::gaussian, rng);
  Bitmap sparse = make_filter(store.size(), "sparse", rng);
  Bitmap dense = make_filter(store.size(), "dense", rng);
  for (SimdLevel level : supported_levels()) {
    LevelGuard guard(level);
    std::vector<Hit> all;
    exact_search(store, query, {store.size(), nullptr, 1}, &pool, all);
    std::vector<float> score_of(store.size());
    for (const Hit& h : all) score_of[h.row] = h.score;
    for (const Bitmap* f : std::vector<const Bitmap*>{&sparse, &dense}) {
      for (std::size_t threads : {1u, 3u}) {
        std::vector<Hit> some;
        exact_search(store, query, {store.size(), f, threads}, &pool, some);
        REQUIRE(some.size() == f->count());
        for (const Hit& h : some) CHECK(h.score == score_of[h.row]);
      }
    }
  }
}
