// skillmatch/extract.hpp — skill mentions in free text (CVs, job postings), English and Japanese.
//
// An Extractor turns UTF-8 prose into skill mentions: the concept, the text as written, its byte and
// code-point offsets, a confidence and the evidence for it, and — where the text says so — whether a
// posting requires the skill (must / nice) and how many years it asks for.
//
// How (docs/extract.md has the details and the measured figures):
//   1. Words come from ICU's word break iterator (Japanese locale: dictionary-based for kanji and kana
//      runs, script changes inside mixed text such as "Python開発経験"), read over the UTF-8 bytes
//      directly (UText), so offsets are the caller's bytes. Each word is normalised (normalizer.hpp)
//      into one or more tokens ("Node.js" -> node, js). "C++" and "C#" keep their "++"/"#".
//   2. Every label of every concept except occupations and grouping nodes (all languages, so the
//      Japanese glossary too) is tokenised the same way and stored in a token trie; each key is
//      resolved once, at construction, by the Resolver (which concept a shared label means).
//   3. At each word start the trie is walked as far as the text allows; a match must begin and end on
//      word boundaries, and the longest one wins (left to right, so matches never overlap).
//   4. Ordinary or ambiguous words ("Go", "R", "Spring", "Excel", "Unity", "C", "Rust", "Swift",
//      "Java", "manage", and the keys SkillSpan's training split shows to be wrong more often than
//      right) are kept only with supporting context: written with the label's capitals, and another
//      plain skill within a few words, a list around them ("Python, Go and Rust"), a skills header
//      ("Skills:", "必須スキル") or a word such as 言語 / "experience with" next to them.
//   5. Requirement cues in the same clause (必須, 尚可, 歓迎, required, must, nice to have, preferred,
//      a plus) give must / nice; "3年以上", "5+ years", "at least 2 years of" give years. A header
//      clause ("必須スキル:", "Nice to have:") applies to the clauses after it until the next header.
//
// Bad input never crashes: ill-formed UTF-8 is read as U+FFFD (a separator), so the bytes around it
// still form words; NUL and other binary bytes are separators; text of punctuation only gives no
// mention. Texts longer than ExtractOptions::max_bytes are refused with Error(invalid_argument)
// naming the size (so a service decides its own limit; the default takes a 20 MB line).
//
// Thread-safety: an Extractor is immutable after construction; extract() may run concurrently from
// any number of threads (each thread keeps its own ICU break iterator and scratch buffers).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/profile.hpp"
#include "skillmatch/resolver.hpp"
#include "skillmatch/taxonomy.hpp"

namespace skillmatch {

/// What the text says about needing a skill (postings; CVs usually say nothing).
enum class Requirement : std::uint8_t { unstated, must, nice };
/// "unstated", "must", "nice"; never null.
const char* to_string(Requirement requirement) noexcept;

/// One skill mention. Offsets index the text given to extract(); end is exclusive.
struct Mention {
  ConceptIndex concept_index = no_concept;
  std::size_t begin = 0, end = 0;        // bytes
  std::size_t cp_begin = 0, cp_end = 0;  // Unicode code points (ill-formed bytes count one each)
  std::string text;                      // the mention as written (bytes [begin, end))
  float confidence = 0;                  // in (0, 1]
  Requirement requirement = Requirement::unstated;
  float years = 0;                       // years the text asks for / states; 0 = not stated
  bool ambiguous = false;                // an ordinary or ambiguous word, kept for its context
  std::string evidence;                  // why: "label 'Python' (exact); list; near 'Django'; cue 必須"
};

struct ExtractOptions {
  float min_confidence = 0.5f;  // mentions below this are dropped; in [0, 1]
  /// Keep ambiguous words when their context supports them (false: drop them always).
  bool ambiguous_with_context = true;
  /// Mention kinds: skills and competences (ESCO skill phrases such as "manage budgets") and soft
  /// skills are kept unless false. Technologies, knowledge, languages and certificates always are.
  bool skills = true;
  bool soft_skills = true;
  std::size_t max_bytes = std::size_t{64} << 20;  // longer texts: Error(invalid_argument)
  std::size_t max_mentions = 100000;              // at most this many per text (the first ones)
};

/// What the matcher holds, for reports and tests.
struct ExtractorStats {
  std::size_t keys = 0;         // distinct token sequences (trie terminals)
  std::size_t nodes = 0;        // trie nodes
  std::size_t tokens = 0;       // vocabulary of label tokens
  std::size_t ambiguous = 0;    // keys that need context
  std::size_t memory_bytes = 0; // heap held by the matcher (vocabulary, trie, keys), approximate
};

class Extractor {
 public:
  /// Builds the matcher over every label of the resolver's taxonomy (see above). Throws
  /// Error(invalid_argument) for a null resolver, Error(internal) when ICU's break iterator cannot
  /// be created (a broken ICU installation), std::bad_alloc.
  explicit Extractor(std::shared_ptr<const Resolver> resolver);
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  /// Mentions in `utf8`, in text order, never overlapping. Any bytes are accepted (see above).
  /// Throws Error(invalid_argument) for options outside their domain or a text longer than
  /// options.max_bytes; std::bad_alloc.
  std::vector<Mention> extract(std::string_view utf8, const ExtractOptions& options = {}) const;

  const Resolver& resolver() const noexcept;
  const Taxonomy& taxonomy() const noexcept;
  ExtractorStats stats() const noexcept;
  /// Whether the normalised key (tokens joined by spaces, as normalize_text gives: "go", "spring boot")
  /// is one that needs context. For tests and inspection.
  bool is_ambiguous_key(std::string_view normalized) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// A profile from text: one skill per concept (the first mention's text, the strongest requirement
/// and the largest years among its mentions, the best confidence), `required` for must-haves. The
/// mentions are returned beside it for explanations. Errors as Extractor::extract, and
/// Error(invalid_argument) for an empty id.
struct TextProfile {
  Profile profile;
  std::vector<Mention> mentions;
};
TextProfile profile_from_text(const Extractor& extractor, std::string_view id, std::string_view utf8,
                              const ExtractOptions& options = {});

}  // namespace skillmatch
