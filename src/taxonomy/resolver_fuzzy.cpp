// The Resolver's typo fallback: bounded optimal-string-alignment distance and a symmetric-delete index.
#include <algorithm>
#include <array>

#include "taxonomy/resolver_internal.hpp"

namespace skillmatch::detail {
namespace {

constexpr int kIndexDeletions = 2;

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// FNV-1a of `prefix` without the bytes at `skip1` and `skip2` (npos = none): the hash of one
// deletion variant, computed without building the string.
std::uint64_t variant_hash(std::string_view prefix, std::size_t skip1, std::size_t skip2) {
  std::uint64_t h = 1469598103934665603ull;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (k == skip1 || k == skip2) continue;
    h ^= static_cast<unsigned char>(prefix[k]);
    h *= 1099511628211ull;
  }
  return h;
}

// Hashes of every variant of the key's prefix with up to `deletions` bytes removed, deduplicated.
void deletion_hashes(std::string_view key, int deletions, std::vector<std::uint64_t>& out) {
  out.clear();
  const std::string_view prefix = key.substr(0, FuzzyIndex::prefix_length);
  constexpr std::size_t none = std::string_view::npos;
  out.push_back(variant_hash(prefix, none, none));
  if (deletions >= 1)
    for (std::size_t i = 0; i < prefix.size(); ++i) out.push_back(variant_hash(prefix, i, none));
  if (deletions >= 2)
    for (std::size_t i = 0; i < prefix.size(); ++i)
      for (std::size_t j = i + 1; j < prefix.size(); ++j) out.push_back(variant_hash(prefix, i, j));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

}  // namespace

int osa_distance(std::string_view a, std::string_view b, int bound) {
  const auto la = a.size(), lb = b.size();
  if ((la > lb ? la - lb : lb - la) > static_cast<std::size_t>(bound)) return bound + 1;
  thread_local std::vector<int> rows;
  rows.assign(3 * (lb + 1), 0);
  int* prev2 = rows.data();
  int* prev = prev2 + (lb + 1);
  int* cur = prev + (lb + 1);
  for (std::size_t j = 0; j <= lb; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= la; ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (std::size_t j = 1; j <= lb; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, prev2[j - 2] + 1);
      cur[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > bound) return bound + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[lb], bound + 1);
}

void FuzzyIndex::build(std::span<const std::string_view> keys) {
  entries_.clear();
  std::vector<std::uint64_t> hashes;
  for (std::size_t id = 0; id < keys.size(); ++id) {
    const std::string_view key = keys[id];
    // Reworded keys (0x01 + stems) are bags of stems, not text anyone types: no typo search there.
    if (key.size() < min_key_length || !is_ascii(key) || key[0] == '\x01') continue;
    deletion_hashes(key, kIndexDeletions, hashes);
    for (std::uint64_t h : hashes)
      entries_.push_back({h, static_cast<std::uint32_t>(id), static_cast<std::uint32_t>(key.size())});
  }
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.hash != b.hash ? a.hash < b.hash : a.key < b.key; });
  entries_.shrink_to_fit();
}

void FuzzyIndex::find(std::string_view query, int max_distance, std::span<const std::string_view> keys,
                      std::vector<std::pair<std::uint32_t, int>>& out) const {
  thread_local std::vector<std::uint64_t> hashes;
  thread_local std::vector<std::uint32_t> candidates;
  deletion_hashes(query, std::min(max_distance, kIndexDeletions), hashes);
  candidates.clear();
  const std::size_t min_length = query.size() > static_cast<std::size_t>(max_distance) ? query.size() - max_distance : 0;
  const std::size_t max_length = query.size() + static_cast<std::size_t>(max_distance);
  for (std::uint64_t h : hashes) {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), h,
                               [](const Entry& e, std::uint64_t value) { return e.hash < value; });
    for (; it != entries_.end() && it->hash == h; ++it)
      if (it->length >= min_length && it->length <= max_length) candidates.push_back(it->key);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (std::uint32_t id : candidates) {
    const int d = osa_distance(query, keys[id], max_distance);
    if (d <= max_distance) out.emplace_back(id, d);
  }
}

}  // namespace skillmatch::detail
