// Labels in the reader's language (display_label.hpp).
#include "skillmatch/display_label.hpp"

#include <unicode/utf8.h>

#include <algorithm>

namespace skillmatch {

bool is_japanese_text(std::string_view utf8) noexcept {
  const auto len = static_cast<std::int32_t>(std::min<std::size_t>(utf8.size(), INT32_MAX));
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  for (std::int32_t i = 0; i < len;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, len, c);
    if ((c >= 0x3041 && c <= 0x30FF) ||  // hiragana, katakana
        (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK unified ideographs
        (c >= 0x3400 && c <= 0x4DBF) ||  // extension A
        (c >= 0xFF66 && c <= 0xFF9F))    // half-width katakana
      return true;
  }
  return false;
}

std::string_view display_label(const Taxonomy& taxonomy, ConceptIndex c, std::string_view lang) {
  const auto labels = taxonomy.labels(c);
  auto ascii = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  };
  std::string_view fallback;
  for (const Label& l : labels) {
    if (l.lang != lang || (l.kind != LabelKind::preferred && l.kind != LabelKind::alternative)) continue;
    if (!ascii(l.text)) return l.text;
    if (fallback.empty()) fallback = l.text;
  }
  return fallback.empty() ? taxonomy.preferred_label(c) : fallback;
}

std::string_view label_for_query(const Taxonomy& taxonomy, ConceptIndex c, std::string_view query) {
  return is_japanese_text(query) ? display_label(taxonomy, c, "ja") : taxonomy.preferred_label(c);
}

}  // namespace skillmatch
