// skillmatch/loaders.hpp — read the public taxonomy sources (O*NET, ESCO, Stack Overflow) into a
// TaxonomyBuilder.
//
// Each loader reads the upstream files as published (see docs/loaders.md for the exact files, columns
// and the mapping to concepts, labels, broader and related links) and feeds the builder; call build()
// on the builder afterwards. Loaders may be combined on one builder: their ids never collide
// ("onet:", "unspsc:", "so:" prefixes, ESCO URIs). Loading the same source twice into one builder
// throws Error(duplicate).
//
// Errors (all loaders):
//   - a missing or unreadable file: Error(io_error) naming the path;
//   - a header without a required column: Error(parse_error) naming the file and the column;
//   - a malformed record (wrong number of cells, unterminated quote, bad number, bad Y/N flag,
//     unknown enumerated value): Error(parse_error) naming file:line (the physical line where the
//     record starts);
//   - errors of the builder (e.g. a weight outside (0, 1]) carry the file:line of the record.
// On an exception the builder may hold part of the records; discard it.
//
// Thread-safety: the functions keep no state; concurrent calls are safe on distinct builders.
// Ownership: the builder is borrowed for the duration of the call.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch {

/// What a loader handed to the builder. Counts are of builder calls, before the builder removes
/// repeats (an identical label or link given twice is kept once by build()).
struct LoadReport {
  std::size_t concepts = 0;  // add_concept calls
  std::size_t labels = 0;    // add_label calls (preferred labels come with the concept and are not counted)
  std::size_t broader = 0;   // add_broader calls
  std::size_t related = 0;   // add_related calls
  std::size_t skipped = 0;   // items the source holds but that could not be used (see warnings)
  std::size_t filtered = 0;  // records left out on purpose by the options (occupation filter, thresholds)
  std::size_t derived = 0;   // concepts the source names by label only, declared with a derived id (ESCO)
  std::vector<std::string> warnings;  // one line per kind of skipped item, with a count and examples
};

struct OnetOptions {
  /// Occupations kept: O*NET-SOC code prefixes ("15-") or full codes ("11-3021.00"); a code is kept
  /// when it starts with any entry. Empty = all occupations.
  std::vector<std::string> occupations;
  /// true: every Technology Skills example becomes a concept, even if no kept occupation lists it;
  /// false: only the examples of kept occupations (and the UNSPSC codes they use).
  bool all_technologies = true;
};

/// Loads an O*NET text release (tested with 29.3) from `dir`: Occupation Data.txt, Alternate Titles.txt,
/// Sample of Reported Titles.txt, Related Occupations.txt, Technology Skills.txt, UNSPSC Reference.txt,
/// Skills.txt, Knowledge.txt, Content Model Reference.txt. Throws as described at the top of this file.
LoadReport load_onet(TaxonomyBuilder& builder, const std::filesystem::path& dir, const OnetOptions& options = {});

struct EscoOptions {
  /// ESCO occupations kept: ISCO-08 group codes starting with any of these; empty (the default) keeps
  /// all 3,039 occupations. {"25", "35", "1330", "2166"} keeps the ICT occupations.
  std::vector<std::string> isco_prefixes;
};

/// Loads the ESCO v1.2 English CSV files from `dir`: digitalSkillsCollection_en.csv,
/// transversalSkillsCollection_en.csv, digCompSkillsCollection_en.csv, broaderRelationsSkillPillar_en.csv,
/// skillGroups_en.csv, skillsHierarchy_en.csv, skillSkillRelations_en.csv, occupations_en.csv,
/// esco_occupation_profiles.tsv. The collections' skills keep their URIs; every other skill a kept
/// occupation names (the profiles give its preferred label only) is declared with the id
/// derived_skill_id(label) and a kind from EscoSkillKindRule (docs/loaders.md). Throws as described at
/// the top of this file.
LoadReport load_esco(TaxonomyBuilder& builder, const std::filesystem::path& dir, const EscoOptions& options = {});

/// The id of an ESCO skill known by its preferred label only: "esco:label:" + the label, verbatim. Stable
/// as long as ESCO keeps the label; a later release that ships skills_en.csv can map it to the URI with
/// a same_as record. Never throws except std::bad_alloc.
std::string derived_skill_id(std::string_view preferred_label);

struct StackOverflowOptions {
  /// A tag becomes a concept when its question Count is at least this (see docs/loaders.md for synonyms).
  double min_questions = 1000;
};

/// Loads a Stack Exchange Data Explorer export of the Tags table (Id,TagName,Count,...) and of the
/// TagSynonyms table (SourceTagName,TargetTagName,...). Throws as described at the top of this file,
/// and Error(invalid_argument) when min_questions is negative or NaN.
LoadReport load_stackoverflow(TaxonomyBuilder& builder, const std::filesystem::path& tags_csv,
                              const std::filesystem::path& synonyms_csv, const StackOverflowOptions& options = {});

/// The IT occupation set the bundled taxonomy uses, as OnetOptions::occupations entries: "15-" (all
/// computer and mathematical occupations) plus 11-3021.00, 17-2061.00, 17-2199.08, 25-1021.00,
/// 27-1014.00, 27-1024.00, 49-2011.00. Never throws except std::bad_alloc.
std::vector<std::string> it_occupation_codes();

}  // namespace skillmatch
