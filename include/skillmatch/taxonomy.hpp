// skillmatch/taxonomy.hpp — the skill taxonomy: concepts, labels, broader DAG, related links, statistics.
//
// A Taxonomy is built once by TaxonomyBuilder (or a loader, which drives a builder) and is immutable
// afterwards: every const member function may be called from any number of threads at once without
// locking. It is handed around as std::shared_ptr<const Taxonomy>; objects derived from it (Resolver,
// SkillSimilarity, indexes) keep that pointer, so the taxonomy lives as long as its last user.
//
// Concepts are addressed two ways:
//   - a stable string id ("onet:tech:Python", "unspsc:43232306", "http://data.europa.eu/esco/skill/…",
//     "so:kubernetes"), which is what a portal stores;
//   - a dense ConceptIndex in [0, size()), valid for one Taxonomy object only, which is what hot loops use.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/error.hpp"

namespace skillmatch {

using ConceptIndex = std::uint32_t;
inline constexpr ConceptIndex no_concept = ~ConceptIndex{0};

enum class ConceptKind : std::uint8_t {
  technology,     // a named tool, language, platform or product (O*NET technology example, SO tag)
  knowledge,      // a body of knowledge (O*NET Knowledge element, ESCO knowledge)
  skill,          // a skill or competence (O*NET Skills element, ESCO skill/competence)
  soft_skill,     // a transversal skill (communication, teamwork)
  occupation,     // an occupation (O*NET-SOC, ESCO occupation)
  language,       // a human language
  certification,  // a certificate or licence
  category,       // a grouping node only (UNSPSC commodity/class/family/segment, ESCO skill group)
};
inline constexpr int concept_kind_count = 8;
const char* to_string(ConceptKind kind) noexcept;
std::optional<ConceptKind> parse_concept_kind(std::string_view text) noexcept;

enum class LabelKind : std::uint8_t {
  preferred,     // the display name; exactly one per concept
  alternative,   // another name people use (ESCO altLabel, O*NET alternate title)
  hidden,        // matched but never shown: tag synonyms, common misspellings
  abbreviation,  // an acronym or short form ("AWS", "k8s")
};
const char* to_string(LabelKind kind) noexcept;
std::optional<LabelKind> parse_label_kind(std::string_view text) noexcept;

enum class RelationKind : std::uint8_t {
  related,             // skill <-> skill association (ESCO skill-skill relations, curated links)
  occupation_skill,    // occupation -> skill/technology/knowledge it needs; weight = importance in [0, 1]
  occupation_related,  // occupation -> occupation (O*NET Related Occupations); weight in [0, 1]
};
const char* to_string(RelationKind kind) noexcept;
std::optional<RelationKind> parse_relation_kind(std::string_view text) noexcept;

struct ConceptStats {
  double frequency = 0;   // occurrences in the source corpus (e.g. occupations listing it); feeds information content
  double popularity = 0;  // external popularity (e.g. Stack Overflow question count); breaks ties between readings
  bool hot = false;       // O*NET "hot technology"
  bool in_demand = false; // O*NET "in demand"
};

struct Label {
  std::string text;  // as written in the source, UTF-8
  std::string lang;  // BCP 47 tag ("en", "ja"); empty when the source does not say
  LabelKind kind = LabelKind::alternative;
  ConceptIndex concept_index = no_concept;
};

struct RelatedLink {
  ConceptIndex target = no_concept;
  float weight = 1.0f;  // in (0, 1]
  RelationKind kind = RelationKind::related;
};

class TaxonomyBuilder;

/// An immutable taxonomy. All members are const and thread-safe. Functions taking a ConceptIndex
/// throw Error(invalid_argument) when it is >= size().
class Taxonomy {
 public:
  std::size_t size() const noexcept { return kinds_.size(); }

  /// The concept with this primary or alias id, or nullopt.
  std::optional<ConceptIndex> find(std::string_view id) const noexcept;
  /// Like find() but throws Error(not_found) naming the id.
  ConceptIndex at(std::string_view id) const;

  std::string_view id(ConceptIndex c) const;
  /// Ids of concepts that were declared the same as this one (same_as) and merged into it.
  std::span<const std::string> alias_ids(ConceptIndex c) const;
  ConceptKind kind(ConceptIndex c) const;
  std::string_view preferred_label(ConceptIndex c) const;
  /// All labels of the concept, preferred label first.
  std::span<const Label> labels(ConceptIndex c) const;
  /// Every label of every concept, grouped by concept in index order.
  std::span<const Label> all_labels() const noexcept { return labels_; }

  std::span<const ConceptIndex> broader(ConceptIndex c) const;
  std::span<const ConceptIndex> narrower(ConceptIndex c) const;
  /// Outgoing related links (for occupation_skill: from the occupation to what it needs).
  std::span<const RelatedLink> related(ConceptIndex c) const;
  /// Incoming related links (for a skill: the occupations that need it), target = the source concept.
  std::span<const RelatedLink> related_in(ConceptIndex c) const;
  const ConceptStats& stats(ConceptIndex c) const;

  /// Every concept, each after all its broader concepts (roots first).
  std::span<const ConceptIndex> topological_order() const noexcept { return topo_; }
  /// Depth in the broader DAG: 0 for roots, else 1 + the largest depth of a broader concept.
  std::uint32_t depth(ConceptIndex c) const;

  std::size_t count(ConceptKind kind) const noexcept;

 private:
  friend class TaxonomyBuilder;
  Taxonomy() = default;
  void check(ConceptIndex c) const;

  std::vector<std::string> ids_;
  std::vector<ConceptKind> kinds_;
  std::vector<ConceptStats> stats_;
  std::vector<Label> labels_;
  std::vector<std::uint32_t> label_begin_;      // CSR offsets into labels_, size()+1
  std::vector<std::string> alias_ids_;
  std::vector<std::uint32_t> alias_begin_;
  std::vector<ConceptIndex> broader_, narrower_;
  std::vector<std::uint32_t> broader_begin_, narrower_begin_;
  std::vector<RelatedLink> related_, related_in_;
  std::vector<std::uint32_t> related_begin_, related_in_begin_;
  std::vector<ConceptIndex> topo_;
  std::vector<std::uint32_t> depth_;
  std::vector<std::pair<std::string, ConceptIndex>> id_lookup_;  // sorted by id, primary and alias ids
};

/// Collects concepts, labels and links from any number of sources, then checks and freezes them.
/// Records may refer to concepts declared later; references are resolved by build(). Not thread-safe:
/// one builder belongs to one thread at a time.
class TaxonomyBuilder {
 public:
  TaxonomyBuilder();
  ~TaxonomyBuilder();
  TaxonomyBuilder(TaxonomyBuilder&&) noexcept;
  TaxonomyBuilder& operator=(TaxonomyBuilder&&) noexcept;

  /// Declares a concept. Throws Error(duplicate) naming both places when the id was declared before,
  /// Error(invalid_argument) for an empty id or label, or an id containing a tab or newline.
  void add_concept(std::string_view id, ConceptKind kind, std::string_view preferred_label,
                   std::string_view lang = "en", const SourceLocation& where = {});
  bool has_concept(std::string_view id) const noexcept;
  std::size_t concept_count() const noexcept;

  /// Adds a label; an identical (text, lang) label of the same concept is kept once.
  void add_label(std::string_view id, std::string_view text, std::string_view lang, LabelKind kind,
                 const SourceLocation& where = {});
  /// broader: `child` is a narrower concept of `parent`. Cycles are reported by build().
  void add_broader(std::string_view child, std::string_view parent, const SourceLocation& where = {});
  /// A weighted link; weight must be in (0, 1]. A repeated link keeps the larger weight.
  void add_related(std::string_view from, std::string_view to, RelationKind kind, float weight,
                   const SourceLocation& where = {});
  /// Declares that `other` names the same thing as `canonical`: build() merges `other` into `canonical`
  /// (its labels become alternative labels, its links move over, its id becomes an alias id).
  void add_same_as(std::string_view canonical, std::string_view other, const SourceLocation& where = {});
  /// Statistics of a concept; the last call wins field by field for frequency/popularity when > 0,
  /// flags are or-ed.
  void add_stats(std::string_view id, const ConceptStats& stats, const SourceLocation& where = {});

  /// Resolves references, merges same_as groups, checks the broader graph is a DAG and freezes.
  /// Throws Error(not_found) for a reference to an undeclared id (naming file and line),
  /// Error(cycle) naming the cycle ("a -> b -> a"). The builder is left empty.
  std::shared_ptr<const Taxonomy> build();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace skillmatch
