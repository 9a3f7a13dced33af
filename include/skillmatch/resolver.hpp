// skillmatch/resolver.hpp — free skill text -> ranked taxonomy concepts with a confidence.
//
// A Resolver indexes every label of every concept (preferred, alternative, hidden, abbreviation) by
// its compact normalised key (see normalizer.hpp), plus keys it derives from the data itself:
//   - vendor words: a leading word (or phrase of up to three words) that starts several multi-word
//     technology names and seldom appears elsewhere ("Microsoft", "Oracle", "Apache", "The MathWorks",
//     "Turtle Creek Software") is learned from the labels;
//     the rest of the name becomes a derived key ("excel" -> "Microsoft Excel") unless that rest is a
//     generic word (one that ends many names: "server", "database") or only digits;
//   - generic trailing words learned the same way ("software", "suite"): "SAP software" -> "sap";
//   - acronyms written inside names: an all-caps token whose letters spell the words before it
//     ("Structured query language SQL", "Amazon Web Services AWS software") gives the acronym alone
//     and the name without it ("amazon web services"); any other all-caps token of 2-6 characters at
//     the end of a name ("IBM DB2") gives a weaker acronym key.
//   - precision: a vendor-dropped or trailing-word-dropped remainder made only of ordinary words
//     (written in lower case inside multi-word skill, knowledge or occupation labels) is not a key:
//     "Informatica Big Data" gives no "big data", "Project management software" no "project management";
//     unless it is several such words that never form a run of that vocabulary ("Apple Final Cut Pro"
//     -> "final cut pro", "Microsoft Windows Server" -> "windows server": product names of plain words);
//   - skill and knowledge labels without a generic last word learned from them (one that ends at least
//     1 in 500 of those labels and 70 % of the labels containing it: "regulations", "techniques",
//     "methods", "systems"): "bookkeeping regulations" -> "bookkeeping", "Six Sigma methods" ->
//     "six sigma" (method vendor_dropped), unless what is left is a lone generic word;
//   - reworded keys for skill and knowledge labels: the sorted crude stems of the content words, so
//     "analysing data" meets "analyse data" and "budget management" "manage budgets"; and the same
//     bag with one stem swapped for an equivalent the taxonomy's own labels teach (a word that a
//     concept's preferred and alternative labels exchange, keeping every other content word, in at
//     least two concepts: create/produce, manage/oversee, ICT/IT): "produce infrared imagery" meets
//     "create infrared imagery" (method reworded, 0.72). One swap at a time, never chained. Failing
//     that, the bag plus one of the verbs that start the most skill labels (the 48 most frequent,
//     learned: manage, use, perform, create...), the most frequent verb that gives a reading alone:
//     "budgeting" -> "manage budgets", "video editing" -> "perform video editing" (method reworded,
//     0.72). Texts of 1-4 words only.
// Vendor and generic words are learned and applied on technology labels written as names
// (containing a space and a capital letter), not on tag slugs written out ("mysql python"), whose
// first word is a topic rather than a vendor.
// A derived key that more than three concepts get the same way (vendor dropped, acronym, weak
// acronym) is dropped for that way, as too ambiguous to mean anything.
//
// resolve() looks up the key of the text; if nothing matches it tries, in order, the reworded key
// (method reworded, 0.8), a list of names written in one string ("C/C++", "HTML, CSS & JS": split at
// / , ; | &, 2-16 parts, each part resolved on its own and its best reading kept x 0.9, method
// list_part; a list that is itself a label, such as "CI/CD" or "TCP/IP", is read as that label), and the
// name without trailing version words ("Photoshop CS6", "Java 8", "Python 3.11": x 0.95, method
// version_dropped), then the name without the words a CV or posting writes around it to say how well
// or in what role (a fixed English list: leading "advanced", "strong", "hands-on", "experience with",
// "knowledge of"...; trailing "programming", "development", "skills", "experience", "framework",
// "services", "containers"... and the generic words learned from product names, "server", "database"; the
// fewest words dropped first, so "deep learning skills" is "deep learning") or with its last word in
// the singular ("REST APIs", "relational databases"): x 0.9, method qualified; a lone word of the
// ordinary vocabulary left over is no reading ("mobile development" is not "mobile"). Texts of 1-6
// words. Occupations are readings only of their own labels unless options.kind asks for
// them, and one met through another of its names (ESCO's "helm", "logger") scores x 0.75, below
// the skill or tool the word usually names in a skill field. Then, if nothing matches and fuzzy matching is on, it falls back
// to a bounded typo search (Damerau-Levenshtein / optimal string alignment distance <= 1 for keys of
// 4-7 characters, <= 2 for 8 or more, none under 4; ASCII keys only) over a symmetric-delete index
// that is built on the first fuzzy lookup. A query word that is a word of some preferred or
// alternative label is never fuzzed into another word: a query made only of such words gets no fuzzy
// reading ("market analysis" is not "packet analysis"), and a fuzzy hit must contain every such word.
// Non-ASCII text that still has no reading is split into words and resolved by its parts
// (compound.hpp, method compound, confidence below every whole-text hit).
// Each reading gets a score from its method (exact 1.0 > normalized 0.95 > synonym 0.9 >
// vendor_dropped 0.85 = acronym 0.85 > acronym of only the last words before it 0.8 > weak acronym
// 0.7; fuzzy 0.8 x (1 - distance / (key length - 2)), so one typo in a 4-letter word gives 0.4,
// under the default threshold, and one in a 10-letter word 0.7)
// times its label kind (alternative labels x 0.98). Its confidence is that score lowered when other
// concepts share the key: x (0.7 + 0.3 x share), where the share weighs each reading by concept
// popularity (1 + ln(1 + frequency) + ln(1 + popularity) / 4 from ConceptStats) and by
// exp(-30 x (best score - its score)), so a clearly worse method hardly counts as a rival while
// close readings (an exact hit on a rarely used concept, a normalised hit on a popular one) are
// decided by popularity. Readings are returned by decreasing confidence. An ambiguous key never
// yields a confident answer: two equally popular readings get at most 0.85 x their score.
//
// Thread-safety: a Resolver is immutable after construction (the lazily built fuzzy index is built
// exactly once under std::call_once); every const member may run concurrently from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch {

/// How a text met a concept, best first.
enum class MatchMethod : std::uint8_t {
  exact,           // the text is byte-for-byte a preferred or alternative label (outer whitespace ignored)
  normalized,      // equal to a preferred or alternative label after normalisation
  synonym,         // equal to a hidden label (tag synonym, misspelling) or abbreviation label
  vendor_dropped,  // equal to a label without a learned vendor word or generic trailing word
  acronym,         // equal to an acronym written inside a label, or to the label without it
  reworded,        // the same content words as a skill/knowledge label, reworded (see below)
  version_dropped, // a name followed by a version ("Photoshop CS6", "Python 3.11"), read without it
  list_part,       // one name of a list written in one string ("C/C++", "HTML, CSS")
  fuzzy,           // within the typo bound of some key
  compound,        // the text hits no key but runs of its words do (compound.hpp): 機械学習エンジニア
  qualified,       // a name with the words a CV writes around it, or in the plural ("advanced Excel",
                   // "Python programming", "REST APIs"), read without them (see below)
};
/// "exact", "normalized", ...; never null.
const char* to_string(MatchMethod method) noexcept;

struct ResolveMatch {
  ConceptIndex concept_index = no_concept;
  float confidence = 0;  // in (0, 1]
  MatchMethod method = MatchMethod::exact;
};

struct ResolveOptions {
  std::size_t max_results = 5;   // resolve() returns at most this many readings (0: none)
  float min_confidence = 0.5f;   // readings below this are dropped; must be in [0, 1]
  bool fuzzy = true;             // allow the typo fallback when no key matches
  std::optional<ConceptKind> kind;  // only concepts of this kind, if set
  bool compounds = true;  // allow the compound fallback (compound.hpp) for non-ASCII text without a hit
};

class Resolver {
 public:
  /// Builds the key index of `taxonomy` (keeps the pointer). Throws Error(invalid_argument) for a null
  /// taxonomy, std::bad_alloc when memory runs out.
  explicit Resolver(std::shared_ptr<const Taxonomy> taxonomy);
  ~Resolver();
  /// A moved-from Resolver may only be destroyed or assigned to.
  Resolver(Resolver&&) noexcept;
  Resolver& operator=(Resolver&&) noexcept;

  /// Readings of `text` (any UTF-8, ill-formed bytes tolerated), best first; empty when the text is
  /// unknown. Throws Error(invalid_argument) for options outside their domain or for non-ASCII text
  /// longer than 2^31-1 bytes (see normalizer.hpp).
  std::vector<ResolveMatch> resolve(std::string_view text, const ResolveOptions& options = {}) const;
  /// The best reading only, without allocating for ASCII text that hits a key (per-thread buffers).
  std::optional<ResolveMatch> resolve_best(std::string_view text, const ResolveOptions& options = {}) const;
  /// resolve_best() of each text, in order.
  std::vector<std::optional<ResolveMatch>> resolve_batch(std::span<const std::string_view> texts,
                                                         const ResolveOptions& options = {}) const;

  const Taxonomy& taxonomy() const noexcept;
  std::shared_ptr<const Taxonomy> taxonomy_ptr() const noexcept;

  /// What construction learned from the data, for inspection and tests (normalised words, sorted).
  std::span<const std::string> vendor_words() const noexcept;
  std::span<const std::string> generic_words() const noexcept;
  std::span<const std::string> trailing_generic_words() const noexcept;
  /// Number of distinct keys indexed (label keys plus derived keys).
  std::size_t key_count() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace skillmatch
