// Ranking metrics of one query with binary relevance: recall@k, nDCG@k, reciprocal rank; and their
// means over queries. Used by `skillmatch evaluate-matching` (docs/matching.md#evaluation).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>

namespace skillmatch::cli {

struct RankingMetrics {
  double recall = 0;  // relevant documents in the top k / min(k, relevant documents)
  double ndcg = 0;    // DCG@k / ideal DCG@k, gain 1 per relevant document, discount log2(rank + 1)
  double rr = 0;      // 1 / rank of the first relevant document in the list, 0 when none is listed
};

/// The metrics of one ranked list. `relevant[i]` (0 or 1) says whether the document at rank i + 1 is
/// relevant; `relevant_total` is how many relevant documents exist (listed or not), > 0.
inline RankingMetrics ranking_metrics(std::span<const std::uint8_t> relevant, std::size_t relevant_total, std::size_t k) {
  RankingMetrics m;
  if (relevant_total == 0) return m;
  double dcg = 0, ideal = 0;
  std::size_t hits = 0;
  for (std::size_t i = 0; i < relevant.size(); ++i) {
    if (!relevant[i]) continue;
    if (m.rr == 0) m.rr = 1.0 / double(i + 1);
    if (i < k) {
      ++hits;
      dcg += 1.0 / std::log2(double(i + 2));
    }
  }
  for (std::size_t i = 0; i < std::min(k, relevant_total); ++i) ideal += 1.0 / std::log2(double(i + 2));
  m.recall = double(hits) / double(std::min(k, relevant_total));
  m.ndcg = dcg / ideal;
  return m;
}

/// Running mean of RankingMetrics over queries.
struct MeanMetrics {
  RankingMetrics sum;
  std::size_t queries = 0;
  void add(const RankingMetrics& m) {
    sum.recall += m.recall;
    sum.ndcg += m.ndcg;
    sum.rr += m.rr;
    ++queries;
  }
  RankingMetrics mean() const {
    if (queries == 0) return {};
    const double n = double(queries);
    return {sum.recall / n, sum.ndcg / n, sum.rr / n};
  }
};

}  // namespace skillmatch::cli
