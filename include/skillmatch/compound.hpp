// skillmatch/compound.hpp — resolving compounds written without spaces (機械学習エンジニア,
// Webアプリケーション開発, AWS環境構築, Python開発経験) by their parts.
//
// Japanese writes compounds as one run of characters, so the whole text is often no label while its
// parts are. split_words() segments text with ICU's dictionary-based word break iterator (Japanese
// locale; it splits kanji runs by its CJ dictionary, katakana and Latin runs at script changes) and
// drops separators (spaces, punctuation). resolve_compound() then covers the words left to right,
// greedily taking at each position the longest run of consecutive words (at most
// max_compound_words) whose text is a key of the resolver (exact, normalised, synonym or derived
// key; no typo search), and reports each run with its byte offsets and reading.
//
// Resolver::resolve() uses this as a fallback for non-ASCII text that hits no key (method
// MatchMethod::compound): the readings are the runs' concepts, a product or certificate first, then
// skills and knowledge, then occupations, languages and grouping nodes, and within a rank in text
// order (Japanese puts a compound's head last: 機械学習エンジニア is an engineer, and what a matcher
// needs is the 機械学習 before it). Confidence is kCompound (0.8) x the run's own confidence, lowered
// by 5 % per place, so a compound reading never outranks a whole-text hit.
// ICU ends a word before "++" and "#"; split_words() extends the word over them ("C++", "C#").
//
// Limits: texts longer than max_compound_bytes are not split (a skill term is short; a 1 MB line
// yields no compound reading rather than seconds of work). Ill-formed UTF-8 is tolerated: each
// ill-formed byte is a separator, and offsets still index the caller's bytes.
// Thread-safety: all functions are safe to call concurrently (each thread keeps its own ICU break
// iterator). Errors: std::bad_alloc; Error(internal) if ICU cannot create a break iterator (a
// broken ICU installation); Error(invalid_argument) for options outside their domain.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "skillmatch/resolver.hpp"

namespace skillmatch {

inline constexpr std::size_t max_compound_bytes = 256;
inline constexpr std::size_t max_compound_words = 8;

/// A word of a text: bytes [begin, end) of the caller's text.
struct WordSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// The words of `utf8` by ICU's Japanese word break iterator, separators left out, in text order.
/// Empty for empty text or text of separators only; texts longer than max_compound_bytes are split too
/// (the limit applies to resolve_compound()).
std::vector<WordSpan> split_words(std::string_view utf8);

/// One matched run of words of a compound.
struct CompoundPart {
  std::size_t begin = 0;  // byte offsets of the run in the text
  std::size_t end = 0;
  std::string_view text;  // the run as written: a view into the caller's text, valid as long as it
  ResolveMatch match;     // the run's own best reading (its method is how the run itself matched)
};

/// The matched runs of `text`, in text order (see above); empty when the text is longer than
/// max_compound_bytes, has fewer than two words, or no run matches. `options.kind` and
/// `options.min_confidence` apply to each run; fuzzy matching and the compound fallback are never
/// used for a run.
std::vector<CompoundPart> resolve_compound(const Resolver& resolver, std::string_view text,
                                           const ResolveOptions& options = {});

namespace detail {
/// The compound readings Resolver::resolve() falls back to (method compound, best first, at most
/// options.max_results, none under options.min_confidence); empty for ASCII text without allocating.
std::vector<ResolveMatch> compound_readings(const Resolver& resolver, std::string_view text,
                                            const ResolveOptions& options);
}  // namespace detail

}  // namespace skillmatch
