// Schemes, label twins and category stand-ins for SkillSimilarity (similarity_sources.hpp).
#include "taxonomy/similarity_sources.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "skillmatch/normalizer.hpp"

namespace skillmatch::detail {
std::string_view id_scheme(std::string_view id) noexcept {
  if (auto uri = id.find("://"); uri != std::string_view::npos) {
    auto slash = id.rfind('/');
    return slash > uri + 2 ? id.substr(0, slash) : id;
  }
  auto colon = id.find(':');
  return colon == std::string_view::npos ? std::string_view() : id.substr(0, colon);
}

std::vector<ConceptIndex> label_twin_representatives(const Taxonomy& taxonomy) {
  const std::size_t n = taxonomy.size();
  auto eligible = [&](ConceptIndex c) {
    const ConceptKind kind = taxonomy.kind(c);
    return kind != ConceptKind::category && kind != ConceptKind::occupation;
  };
  // Vendor words: a word that starts at least kVendorLabels technology names of one scheme ("Oracle
  // Java", "Oracle Database", ...) and hardly ever appears later in a name (so "Data" or "Network",
  // which start names but are ordinary words, are not vendors). A name without it is another way to
  // write it.
  constexpr std::size_t kVendorLabels = 10;
  std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> words;  // "scheme\tword" -> (first, later)
  auto first_word = [](const std::string& normalized) {
    auto space = normalized.find(' ');
    return space == std::string::npos ? std::string() : normalized.substr(0, space);
  };
  for (ConceptIndex c = 0; c < n; ++c) {
    if (!eligible(c) || taxonomy.kind(c) != ConceptKind::technology) continue;
    const std::string scheme(id_scheme(taxonomy.id(c)));
    const std::string text = normalize_text(taxonomy.preferred_label(c));
    std::size_t from = 0;
    for (bool first = true; from < text.size(); first = false) {
      std::size_t space = text.find(' ', from);
      if (space == std::string::npos) space = text.size();
      auto& counts = words[scheme + "\t" + text.substr(from, space - from)];
      ++(first ? counts.first : counts.second);
      from = space + 1;
    }
  }
  auto is_vendor = [&](const std::string& scheme, const std::string& word) {
    auto it = words.find(scheme + "\t" + word);
    return it != words.end() && it->second.first >= kVendorLabels && it->second.second * 10 <= it->second.first;
  };

  // Keys each concept is known by (its names) and keys it claims (its preferred name, with and
  // without a vendor word): c and d are twins when a key c claims is a name of d (or the reverse),
  // in different schemes, and the key names at most one concept per scheme.
  std::unordered_map<std::string, std::vector<ConceptIndex>> named;
  std::vector<std::vector<std::string>> claims(n);
  std::unordered_map<std::string, std::size_t> vendor_claims;  // key -> concepts claiming it without a vendor word
  for (ConceptIndex c = 0; c < n; ++c) {
    if (!eligible(c)) continue;
    const std::string scheme(id_scheme(taxonomy.id(c)));
    const std::string preferred = normalize_text(taxonomy.preferred_label(c));
    auto claim = [&](const std::string& key) {
      if (!key.empty()) claims[c].push_back(key);
    };
    // Only product names written as proper nouns ("Oracle Java", not the tag "git-bash") drop a vendor word.
    const std::string_view written = taxonomy.preferred_label(c);
    if (taxonomy.kind(c) == ConceptKind::technology && !written.empty() && written[0] >= 'A' && written[0] <= 'Z') {
      std::string w = first_word(preferred);
      if (!w.empty() && is_vendor(scheme, w)) {
        std::string rest = compact_key(preferred.substr(w.size() + 1));
        if (rest.size() >= 4) {
          claims[c].push_back("\v" + rest);  // marked: valid only if no other product claims it too
          ++vendor_claims[rest];
        }
      }
    }
    // Its name: the preferred label without a trailing qualifier ("Java (computer programming)").
    std::string name = preferred;
    if (auto open = name.rfind(" ("); open != std::string::npos && !name.empty() && name.back() == ')')
      name.resize(open);
    std::string key = compact_key(name);
    if (key.empty()) continue;
    claim(key);
    auto& list = named[key];
    if (std::find(list.begin(), list.end(), c) == list.end()) list.push_back(c);
  }
  std::vector<ConceptIndex> parent(n);
  for (ConceptIndex c = 0; c < n; ++c) parent[c] = c;
  auto find = [&](ConceptIndex c) {
    while (parent[c] != c) c = parent[c] = parent[parent[c]];
    return c;
  };
  for (ConceptIndex c = 0; c < n; ++c)
    for (const std::string& claimed : claims[c]) {
      const bool vendorless = claimed[0] == '\v';
      const std::string key = vendorless ? claimed.substr(1) : claimed;
      if (vendorless && vendor_claims[key] > 1) continue;  // "Adobe Analytics" and "Google Analytics"
      auto it = named.find(key);
      if (it == named.end()) continue;
      const auto& list = it->second;
      bool unambiguous = true;  // at most one concept per scheme has this name
      for (std::size_t i = 0; i < list.size() && unambiguous; ++i)
        for (std::size_t j = i + 1; j < list.size() && unambiguous; ++j)
          unambiguous = id_scheme(taxonomy.id(list[i])) != id_scheme(taxonomy.id(list[j]));
      if (!unambiguous) continue;
      for (ConceptIndex d : list) {
        if (d == c || id_scheme(taxonomy.id(d)) == id_scheme(taxonomy.id(c))) continue;
        // Without its vendor word a product is another product's or tag's name, not a field of
        // knowledge ("Oracle Database" is not the knowledge "database").
        if (vendorless && taxonomy.kind(d) != ConceptKind::technology) continue;
        parent[find(d)] = find(c);
      }
    }

  // The representative of a group: the member with the most evidence of its own (occupation and
  // association links, then corpus frequency and popularity), ties by smaller index.
  auto evidence = [&](ConceptIndex c) {
    double links = static_cast<double>(taxonomy.related(c).size() + taxonomy.related_in(c).size());
    const ConceptStats& s = taxonomy.stats(c);
    return links * 1e12 + (std::isfinite(s.frequency) ? s.frequency : 0) * 1e6 +
           (std::isfinite(s.popularity) ? std::min(s.popularity, 1e6) : 0);
  };
  std::vector<ConceptIndex> rep(n, no_concept);
  for (ConceptIndex c = 0; c < n; ++c) {
    const ConceptIndex root = find(c);
    ConceptIndex& best = rep[root];
    if (best == no_concept || evidence(c) > evidence(best) || (evidence(c) == evidence(best) && c < best)) best = c;
  }
  std::vector<ConceptIndex> out(n);
  for (ConceptIndex c = 0; c < n; ++c) out[c] = rep[find(c)];
  return out;
}

std::vector<ConceptIndex> category_stand_ins(const Taxonomy& taxonomy) {
  const std::size_t n = taxonomy.size();
  auto tokens = [](std::string_view label) {
    std::vector<std::string> out;
    const std::string text = normalize_text(label);
    std::size_t from = 0;
    while (from < text.size()) {
      std::size_t space = text.find(' ', from);
      if (space == std::string::npos) space = text.size();
      if (space > from) out.push_back(text.substr(from, space - from));
      from = space + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  std::vector<ConceptIndex> out(n);
  for (ConceptIndex c = 0; c < n; ++c) {
    out[c] = c;
    auto parents = taxonomy.broader(c);
    if (parents.empty() || taxonomy.kind(c) == ConceptKind::category) continue;
    const auto own = tokens(taxonomy.preferred_label(c));
    if (own.empty()) continue;
    for (ConceptIndex p : parents) {
      const auto theirs = tokens(taxonomy.preferred_label(p));
      if (std::includes(theirs.begin(), theirs.end(), own.begin(), own.end())) {
        out[c] = p;
        break;
      }
    }
  }
  return out;
}

}  // namespace skillmatch::detail
