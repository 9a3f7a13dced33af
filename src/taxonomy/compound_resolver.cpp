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

// Whether the text holds a well-formed kana, CJK or full/half-width character (U+3000..U+9FFF,
// U+F900..U+FFEF: UTF-8 lead bytes E3..E9 and EF). Only such text is written without spaces between
// words; Latin text with a stray ill-formed byte ("broken \xC3( bytes") is not a compound.
bool has_cjk(std::string_view s) noexcept {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]),
               b2 = static_cast<unsigned char>(s[i + 2]);
    if (((b0 >= 0xE3 && b0 <= 0xE9) || b0 == 0xEF) && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) return true;
  }
  return false;
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

// Which readings of a compound lead: a product or certificate ("AWS" in AWS環境構築) before a skill
// or body of knowledge, before an occupation, language or grouping node.
int kind_rank(ConceptKind kind) {
  switch (kind) {
    case ConceptKind::technology:
    case ConceptKind::certification: return 0;
    case ConceptKind::skill:
    case ConceptKind::knowledge: return 1;
    case ConceptKind::language:
    case ConceptKind::soft_skill:
    case ConceptKind::occupation: return 2;
    case ConceptKind::category: return 3;
  }
  return 3;
}

// ICU ends a word before "++" and "#"; the normaliser keeps them ("C++" is not "C").
std::size_t extend_over_plus_sharp(std::string_view text, std::size_t end) {
  while (end < text.size() && (text[end] == '+' || text[end] == '#')) ++end;
  return end;
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
    const std::size_t b = byte_at[static_cast<std::size_t>(begin)];
    if (!out.empty() && b < out.back().end) continue;  // inside a word already extended over "++"
    out.push_back({b, extend_over_plus_sharp(utf8, byte_at[static_cast<std::size_t>(end)])});
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
  if (options.max_results == 0 || !options.compounds || !has_cjk(text)) return out;
  const std::vector<CompoundPart> parts = resolve_compound(resolver, text, options);
  if (parts.empty()) return out;
  // Order: kind rank, then text order. Japanese compounds put the head last (機械学習エンジニア is an
  // engineer, 画像認識システム開発 a development job), so the parts before it say what the skill is.
  struct Ranked {
    int rank;
    std::size_t position;
    ResolveMatch match;
  };
  std::vector<Ranked> ranked;
  const Taxonomy& taxonomy = resolver.taxonomy();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const ResolveMatch& m = parts[i].match;
    if (std::any_of(ranked.begin(), ranked.end(), [&](const Ranked& r) { return r.match.concept_index == m.concept_index; }))
      continue;
    ranked.push_back({kind_rank(taxonomy.kind(m.concept_index)), i, m});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) { return a.rank != b.rank ? a.rank < b.rank : a.position < b.position; });
  // Confidence: kCompound x the run's own, lowered by 0.05 per place so it never rises down the list.
  float ceiling = 1.0f;
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const float confidence = std::min(ceiling, kCompound * ranked[i].match.confidence * (1.0f - 0.05f * static_cast<float>(i)));
    ceiling = confidence;
    if (confidence < options.min_confidence || confidence <= 0) break;
    out.push_back({ranked[i].match.concept_index, confidence, MatchMethod::compound});
  }
  if (out.size() > options.max_results) out.resize(options.max_results);
  return out;
}

}  // namespace detail
}  // namespace skillmatch
