// Internal: the simplest skill-text lookup — a label equal to the text up to ASCII case and surrounding
// spaces. A baseline for tests and benchmarks (and a fallback), not the Resolver: no Unicode folding,
// punctuation or fuzzy matching.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch::detail {

class ExactLabelLookup {
 public:
  /// Indexes every label of `taxonomy`. When several concepts share a label, a preferred label wins over
  /// an alternative or abbreviation, which wins over a hidden one; then the lower concept index.
  /// The taxonomy is not referenced afterwards. Thread-safe to call concurrently once built.
  explicit ExactLabelLookup(const Taxonomy& taxonomy);
  std::optional<ConceptIndex> operator()(std::string_view text) const;
  std::size_t size() const noexcept { return index_.size(); }

 private:
  struct Entry {
    ConceptIndex concept_index;
    int rank;
  };
  std::unordered_map<std::string, Entry> index_;
};

/// ASCII lower case with leading/trailing spaces removed; other bytes unchanged.
std::string fold_ascii(std::string_view text);

}  // namespace skillmatch::detail
