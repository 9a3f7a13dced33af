// Internals of the Resolver shared by its translation units: derived keys learned from the labels,
// and the symmetric-delete typo index. Not part of the public API.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch::detail {

/// Where a key of the index came from.
enum class KeySource : std::uint8_t {
  label,           // the label's own compact key
  vendor_dropped,  // the label without a learned vendor prefix and/or generic trailing word
  acronym,         // an acronym spelling all the words before it, or the label without that acronym
  acronym_inner,   // an acronym spelling only the last words before it ("3D computer aided design CAD")
  acronym_weak,    // an all-caps token at the end of a name that does not spell the words before it
  reworded,        // the content-word bag of a skill/knowledge label (reworded_key())
};
inline constexpr std::size_t key_source_count = 6;

/// Words learned from the labels of one taxonomy (compact normalised words).
struct LearnedWords {
  std::vector<std::string> vendor;         // one-word vendor prefixes, sorted
  std::vector<std::string> vendor_phrase;  // two- and three-word vendor prefixes, words joined by ' ', sorted
  std::vector<std::string> generic;        // words too generic to stand alone as a derived key, sorted
  std::vector<std::string> trailing;       // generic trailing words that may be dropped, sorted
  // Generic last words of skill and knowledge labels ("bookkeeping regulations", "Six Sigma methods",
  // "digital marketing techniques"), which people leave out: learned like `trailing`, sorted.
  std::vector<std::string> area_trailing;
  // Ordinary words: written in lower case inside multi-word preferred/alternative labels of skills,
  // knowledge, transversal skills and occupations ("manage budgets", "big data analysis"), sorted.
  // A product name that is only such words once its vendor or trailing word is dropped
  // ("Informatica Big Data" -> "big data") is not what someone writing those words means.
  std::vector<std::string> ordinary;
  // Runs of 2-3 ordinary words inside those labels, words joined without spaces, sorted.
  std::vector<std::string> ordinary_phrase;
  // Every word of every preferred/alternative label, sorted: the typo fallback never turns one of
  // these into a different word ("market" is not a typo of "packet").
  std::vector<std::string> known;
  // Stems that one concept's preferred and alternative labels swap while keeping every other content
  // word ("create infrared imagery" / "produce infrared imagery"), in at least kMinEquivalentConcepts
  // concepts: (stem, equivalent) in both directions, sorted.
  std::vector<std::pair<std::string, std::string>> equivalent_stems;
  // Stems of the verbs that start the most skill labels ("manage budgets", "perform video editing",
  // "create storyboards"), most frequent first, at most kMaxActivityVerbs: people name the activity
  // by its object ("budgeting", "video editing", "storyboarding").
  std::vector<std::string> activity_verbs;

  bool is_vendor(std::string_view w) const;
  /// Words of the longest vendor prefix (phrase or word) of `words` that leaves at least one word; 0 if none.
  std::size_t vendor_prefix_length(std::span<const std::string> words) const;
  bool is_generic(std::string_view w) const;
  bool is_trailing(std::string_view w) const;
  bool is_area_trailing(std::string_view w) const;
  bool is_ordinary(std::string_view w) const;
  bool is_ordinary_phrase(std::string_view compact) const;
  bool is_known(std::string_view w) const;
  /// The learned equivalents of a stem (equivalent_stems entries with first == stem).
  std::span<const std::pair<std::string, std::string>> equivalents(std::string_view stem) const;
};

/// The words of a label as written: split at ASCII spaces, each word normalised and compacted
/// (words that normalise to nothing, such as "-" or "&", are left out). `caps` marks words written
/// as an all-caps token of 2-6 characters with at least two letters ("SQL", "DB2", "(IIS)").
struct LabelWords {
  std::vector<std::string> words;
  std::vector<bool> caps;
  std::vector<bool> caps_letters_only;
};
LabelWords split_label(std::string_view text);

/// Whether a label takes part in vendor/generic learning and derivation: a preferred or alternative
/// label of a technology concept written as a name (it contains a space).
bool is_name_label(const Label& label, ConceptKind kind);

/// Learns vendor, generic and trailing words from the name labels of `taxonomy`.
LearnedWords learn_words(const Taxonomy& taxonomy);

/// Appends the derived keys (compact) of one label with their source; never the label's own key.
void derive_keys(const Label& label, ConceptKind kind, const LearnedWords& learned,
                 std::vector<std::pair<std::string, KeySource>>& out);

/// The parts of a list of names written in one string ("C/C++", "HTML, CSS & JavaScript"): split at
/// '/', ',', ';', '|' and '&', each part trimmed; empty when the text is not such a list (fewer than
/// two non-empty parts, or more than 16). Views into `text`.
std::vector<std::string_view> list_parts(std::string_view text);

/// The spaced normal form `spaced` without trailing version words ("photoshop cs6" -> "photoshop",
/// "python 3 11" -> "python", "java 8" -> "java"): numbers, and numbers prefixed by v, ver, version,
/// cs, cc, r or sp; "cc" and "version" alone. A prefix of `spaced`; `spaced` itself when nothing
/// trails, empty when only version words remain.
std::string_view without_version(std::string_view spaced);

/// Texts longer than this many words get no qualified reading (a skill term is short).
inline constexpr std::size_t kMaxQualifiedWords = 6;
/// The spaced normal forms to try for a name written with the words a CV puts around it, best
/// first: without trailing context words (a fixed English list and the generic words `learned` from
/// product names: "server", "database"), without leading qualifiers, without both ("python
/// programming" -> "python", "advanced excel" -> "excel", "hands on aws experience" -> "aws"; the
/// fewest words dropped first, so "deep learning skills" is "deep learning"), then the same with the
/// last word in the singular ("rest apis" -> "rest api"). Never a lone qualifier or context word, never
/// `spaced` itself; empty when nothing applies or the text has more than kMaxQualifiedWords words.
std::vector<std::string> qualified_readings(std::string_view spaced, const LearnedWords& learned);

/// The reworded key of a phrase given as its normalised words: the content words (function words
/// dropped), each folded to a crude stem that British and American spelling, plural and the usual
/// verb/noun endings share ("analyse"/"analyze"/"analysis", "budgets"/"budget", "manage"/
/// "management", "programming"/"program"), sorted and joined, behind a 0x01 byte so it can never
/// equal a label key. Empty for fewer than two content words. "manage budgets" and "budget
/// management" meet.
std::string reworded_key(std::span<const std::string_view> words);
/// The stems reworded_key() joins: sorted, unique; fewer than two means no reworded key.
std::vector<std::string> reworded_stems(std::span<const std::string_view> words);
/// The key of sorted unique stems (as reworded_key() builds it).
std::string reworded_key_of(std::span<const std::string> stems);

/// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions) of a and b,
/// or bound + 1 when it exceeds `bound`.
int osa_distance(std::string_view a, std::string_view b, int bound);

/// Symmetric-delete index over ASCII keys of at least 4 bytes: each key's first 7 bytes with up to two
/// deletions are hashed; a query generates its own deletions (up to its bound) and verifies every
/// candidate with osa_distance(). Immutable after build(); lookups are thread-safe.
class FuzzyIndex {
 public:
  static constexpr std::size_t prefix_length = 7;
  static constexpr std::size_t min_key_length = 4;

  void build(std::span<const std::string_view> keys);
  /// Appends (key id, distance) for every key within `max_distance` of `query`.
  void find(std::string_view query, int max_distance, std::span<const std::string_view> keys,
            std::vector<std::pair<std::uint32_t, int>>& out) const;
  std::size_t entry_count() const noexcept { return entries_.size(); }

 private:
  struct Entry {
    std::uint64_t hash;   // of one deletion variant of the key's prefix
    std::uint32_t key;    // key id
    std::uint32_t length; // of the whole key, so candidates too long or short are skipped unread
  };
  std::vector<Entry> entries_;  // sorted by hash
};

}  // namespace skillmatch::detail
