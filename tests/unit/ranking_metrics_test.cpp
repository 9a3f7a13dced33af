// The ranking metrics of `skillmatch evaluate-matching` on hand-computed lists.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "cli/ranking_metrics.hpp"

using namespace skillmatch::cli;

TEST_CASE("recall@k, nDCG@k and reciprocal rank of one ranked list") {
  // Relevant at ranks 2 and 4, three relevant documents exist.
  std::vector<std::uint8_t> rel = {0, 1, 0, 1, 0};
  auto m = ranking_metrics(rel, 3, 10);
  CHECK(m.recall == doctest::Approx(2.0 / 3.0));
  CHECK(m.rr == doctest::Approx(0.5));
  const double dcg = 1 / std::log2(3.0) + 1 / std::log2(5.0);
  const double ideal = 1 + 1 / std::log2(3.0) + 1 / std::log2(4.0);
  CHECK(m.ndcg == doctest::Approx(dcg / ideal));
  // At k = 2 only the first hit counts, and recall divides by min(k, relevant).
  auto at2 = ranking_metrics(rel, 3, 2);
  CHECK(at2.recall == doctest::Approx(0.5));
  CHECK(at2.rr == doctest::Approx(0.5));  // the reciprocal rank is not cut at k
  // A perfect list scores 1 everywhere; an empty one 0.
  std::vector<std::uint8_t> perfect = {1, 1, 1, 0};
  auto p = ranking_metrics(perfect, 3, 10);
  CHECK(p.recall == doctest::Approx(1.0));
  CHECK(p.ndcg == doctest::Approx(1.0));
  CHECK(p.rr == doctest::Approx(1.0));
  auto none = ranking_metrics(std::vector<std::uint8_t>{0, 0}, 2, 10);
  CHECK(none.recall == 0);
  CHECK(none.ndcg == 0);
  CHECK(none.rr == 0);
  MeanMetrics mean;
  mean.add(p);
  mean.add(none);
  CHECK(mean.mean().rr == doctest::Approx(0.5));
  CHECK(mean.queries == 2);
}
