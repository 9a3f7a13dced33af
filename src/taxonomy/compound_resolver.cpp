// Compound resolution: ICU word segmentation, then a greedy longest-run cover resolved by key lookup
// (compound.hpp documents the rules and their reasons).
#include "skillmatch/compound.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <string>

#include "skillmatch/error.hpp"

namespace skillmatch {
namespace {

constexpr float kCompound = 0.8f;

bool is_ascii(std::string_view s) noexcept {
  for (char ch : s)
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  return true;
}

// One break iterator per thread: creating one loads ICU's rules and dictionary (costly), using one
// is not thread-safe.
icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale::getJapanese(), ec));
    if (U_FAILURE(ec) || !b)
      fail(ErrorCode::internal, std::string("ICU word break iterator unavailable: ") + u_errorName(ec));
    return b;
  }();
  return *breaker;
}

// How specific a concept kind is, as the rank factor of compound readings: in "AWS環境構築" the
// product is what a matcher needs, the generic activity comes second, an occupation or a grouping
// node last.
float kind_factor(ConceptKind kind) {
  switch (kind) {
    case ConceptKind::technology:
    case ConceptKind::certification: return 1.0f;
    case ConceptKind::skill:
    case ConceptKind::knowledge: return 0.97f;
    case ConceptKind::language:
    case ConceptKind::soft_skill:
    case ConceptKind::occupation: return 0.92f;
    case ConceptKind::category: return 0.85f;
  }
  return 0.85f;
}

}  // namespace

std::vector<WordSpan> split_words(std::string_view utf8) {
  std::vector<WordSpan> out;
  if (utf8.empty()) return out;
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX))
    fail(ErrorCode::invalid_argument, "split_words: text of " + std::to_string(utf8.size()) + " bytes is too long");
  // UTF-16 for ICU, with the byte offset of every UTF-16 unit (and of the end) to map breaks back.
  icu::UnicodeString text;
  std::vector<std::size_t> byte_at;
  const auto len = static_cast<std::int32_t>(utf8.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  for (std::int32_t i = 0; i < len;) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, len, c);
    // An ill-formed sequence becomes a space: a separator, so no word spans it.
    text.append(c < 0 ? UChar32{' '} : c);
    while (static_cast<std::int32_t>(byte_at.size()) < text.length()) byte_at.push_back(static_cast<std::size_t>(start));
  }
  byte_at.push_back(utf8.size());

  icu::BreakIterator& breaker = word_breaker();
  breaker.setText(text);
  std::int32_t begin = breaker.first();
  for (std::int32_t end = breaker.next(); end != icu::BreakIterator::DONE; begin = end, end = breaker.next()) {
    if (breaker.getRuleStatus() == UBRK_WORD_NONE) continue;  // spaces, punctuation, symbols
    out.push_back({byte_at[static_cast<std::size_t>(begin)], byte_at[static_cast<std::size_t>(end)]});
  }
  breaker.setText(icu::UnicodeString());  // drop the iterator's reference to this call's text
  return out;
}

std::vector<CompoundPart> resolve_compound(const Resolver& resolver, std::string_view text,
                                           const ResolveOptions& options) {
  std::vector<CompoundPart> out;
  if (text.size() > max_compound_bytes) return out;
  const std::vector<WordSpan> words = split_words(text);
  if (words.size() < 2) return out;
  ResolveOptions part_options = options;
  part_options.fuzzy = false;
  part_options.compounds = false;
  part_options.max_results = 1;
  for (std::size_t i = 0; i < words.size();) {
    bool found = false;
    // Longest run first; a run is never the whole text (that already failed as a whole).
    const std::size_t longest = std::min(words.size() - i, max_compound_words);
    for (std::size_t n = longest; n >= 1 && !found; --n) {
      if (i == 0 && n == words.size()) continue;
      const std::size_t b = words[i].begin, e = words[i + n - 1].end;
      const std::string_view run = text.substr(b, e - b);
      if (auto m = resolver.resolve_best(run, part_options)) {
        out.push_back({b, e, run, *m});
        i += n;
        found = true;
      }
    }
    if (!found) ++i;
  }
  return out;
}

namespace detail {

std::vector<ResolveMatch> compound_readings(const Resolver& resolver, std::string_view text,
                                            const ResolveOptions& options) {
  std::vector<ResolveMatch> out;
  if (options.max_results == 0 || !options.compounds || is_ascii(text)) return out;
  const std::vector<CompoundPart> parts = resolve_compound(resolver, text, options);
  if (parts.empty()) return out;
  // Lengths in code points, so that three Latin letters weigh as much as three kanji.
  auto code_points = [](std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
  };
  std::size_t covered_total = 0;
  for (const auto& p : parts) covered_total += code_points(p.text);
  const Taxonomy& taxonomy = resolver.taxonomy();
  for (const auto& p : parts) {
    // Share of the matched text this run covers: the bigger part of "Webアプリケーション開発" leads.
    const float share = static_cast<float>(code_points(p.text)) / static_cast<float>(covered_total);
    const float confidence =
        kCompound * p.match.confidence * kind_factor(taxonomy.kind(p.match.concept_index)) * (0.9f + 0.1f * share);
    if (confidence < options.min_confidence) continue;
    auto same = std::find_if(out.begin(), out.end(),
                             [&](const ResolveMatch& m) { return m.concept_index == p.match.concept_index; });
    if (same != out.end()) {
      same->confidence = std::max(same->confidence, confidence);
      continue;
    }
    out.push_back({p.match.concept_index, confidence, MatchMethod::compound});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ResolveMatch& a, const ResolveMatch& b) { return a.confidence > b.confidence; });
  if (out.size() > options.max_results) out.resize(options.max_results);
  return out;
}

}  // namespace detail
}  // namespace skillmatch
