// Occupation crosswalk by title (occupation_crosswalk.hpp).
#include "taxonomy/occupation_crosswalk.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "skillmatch/normalizer.hpp"
#include "taxonomy/similarity_sources.hpp"

namespace skillmatch::detail {

std::vector<std::pair<ConceptIndex, ConceptIndex>> occupation_crosswalk(const Taxonomy& taxonomy) {
  const std::size_t n = taxonomy.size();
  // "scheme\ttitle" -> the occupations of that scheme with that title (any label kind).
  std::unordered_map<std::string, std::vector<ConceptIndex>> titled;
  std::vector<std::string> schemes;  // distinct schemes of occupations
  std::vector<std::uint32_t> scheme_of(n, 0);
  for (ConceptIndex c = 0; c < n; ++c) {
    if (taxonomy.kind(c) != ConceptKind::occupation) continue;
    const std::string scheme(id_scheme(taxonomy.id(c)));
    auto at = std::find(schemes.begin(), schemes.end(), scheme);
    scheme_of[c] = static_cast<std::uint32_t>(at - schemes.begin());
    if (at == schemes.end()) schemes.push_back(scheme);
    for (const Label& label : taxonomy.labels(c)) {
      if (label.kind != LabelKind::preferred && label.kind != LabelKind::alternative) continue;
      std::string key = compact_key(normalize_text(label.text));
      if (key.empty()) continue;
      auto& list = titled[scheme + "\t" + key];
      if (list.empty() || list.back() != c) list.push_back(c);
    }
  }
  std::vector<std::pair<ConceptIndex, ConceptIndex>> out;
  if (schemes.size() < 2) return out;
  for (ConceptIndex c = 0; c < n; ++c) {
    if (taxonomy.kind(c) != ConceptKind::occupation) continue;
    const std::string key = compact_key(normalize_text(taxonomy.preferred_label(c)));
    if (key.empty()) continue;
    for (std::uint32_t s = 0; s < schemes.size(); ++s) {
      if (s == scheme_of[c]) continue;
      auto it = titled.find(schemes[s] + "\t" + key);
      if (it == titled.end() || it->second.size() != 1) continue;  // unknown or ambiguous there
      const ConceptIndex d = it->second.front();
      out.emplace_back(std::min(c, d), std::max(c, d));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace skillmatch::detail
