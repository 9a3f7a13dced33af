// skillmatch/skill_pairs.hpp — a skill-pair sanity set (anchor, related, unrelated) and its figures.
//
// The set is a TSV file (tests/data/skill_pairs.tsv is the project's own): lines starting with '#' are
// comments, the first other line is the header naming the columns area, anchor, related, unrelated and
// split (any order, other columns ignored), then one triple per line. Names are free text as people
// write them; each is resolved with the Resolver (its best reading), and the figures are those of
// docs/similarity.md: how often the related skill scores higher than the unrelated one, how often the
// related one reaches the must-have threshold, how often the unrelated one stays below the floor.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/resolver.hpp"
#include "skillmatch/similarity.hpp"

namespace skillmatch {

struct SkillPairTriple {
  std::string area, anchor, related, unrelated, split;
  std::size_t line = 0;  // 1-based line in the file
};

/// Reads a pair set. Throws Error(parse_error) naming source:line for a missing header or column, a
/// line with fewer cells than the header, or an empty name; Error(io_error) naming the path when the
/// file cannot be read.
std::vector<SkillPairTriple> read_skill_pairs(std::istream& in, std::string_view source_name);
std::vector<SkillPairTriple> read_skill_pairs_file(const std::filesystem::path& path);

/// One triple resolved and scored. A name that does not resolve leaves its concept at no_concept and
/// its similarity at 0 (it still counts in the figures: an unknown related skill is a miss).
struct ScoredSkillPair {
  const SkillPairTriple* triple = nullptr;
  ConceptIndex anchor = no_concept, related = no_concept, unrelated = no_concept;
  float related_similarity = 0, unrelated_similarity = 0;
};

struct SkillPairFigures {
  std::size_t triples = 0;
  std::size_t ordered = 0;        // related_similarity > unrelated_similarity
  std::size_t related_met = 0;    // related_similarity >= met_threshold
  std::size_t unrelated_low = 0;  // unrelated_similarity < low_threshold
  std::size_t unresolved = 0;     // names that did not resolve
  double ordered_share() const noexcept { return triples ? double(ordered) / double(triples) : 0; }
  double related_met_share() const noexcept { return triples ? double(related_met) / double(triples) : 0; }
  double unrelated_low_share() const noexcept { return triples ? double(unrelated_low) / double(triples) : 0; }
};

struct SkillPairReport {
  std::vector<ScoredSkillPair> pairs;  // the triples of the split, in file order
  SkillPairFigures figures;
};

/// Scores the triples whose split equals `split` ("" = all) with similarity.similarity(anchor, x).
/// `triples` must outlive the report (pairs point into it). The resolver and similarity must share a
/// taxonomy (Error(invalid_argument) otherwise).
SkillPairReport evaluate_skill_pairs(const std::vector<SkillPairTriple>& triples, std::string_view split,
                                     const Resolver& resolver, const SkillSimilarity& similarity,
                                     float met_threshold = 0.5f, float low_threshold = 0.2f);

}  // namespace skillmatch
