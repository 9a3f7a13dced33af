// skillmatch/display_label.hpp — which label to show a reader: the concept's label in the reader's
// language where it has one (a Japanese query sees 機械学習, not "machine learning").
//
// Thread-safety: pure functions of their arguments (the Taxonomy is immutable). No allocation, no throw
// except Error(invalid_argument) from Taxonomy for a ConceptIndex out of range.
#pragma once

#include <string_view>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch {

/// Whether `utf8` contains kana or CJK ideographs (hiragana, katakana, half-width katakana, CJK
/// unified ideographs): text written in Japanese. Ill-formed bytes are skipped.
bool is_japanese_text(std::string_view utf8) noexcept;

/// The label of concept `c` to show a reader of `lang` ("ja"): its first preferred or alternative
/// label tagged with that language, preferring one that is not pure ASCII ("3DCG" is tagged ja but
/// is not Japanese script), else the preferred label. Hidden labels are never shown. The view points
/// into the taxonomy.
std::string_view display_label(const Taxonomy& taxonomy, ConceptIndex c, std::string_view lang);

/// The label in the language of `query`: display_label(…, "ja") for Japanese text, else the
/// preferred label.
std::string_view label_for_query(const Taxonomy& taxonomy, ConceptIndex c, std::string_view query);

}  // namespace skillmatch
