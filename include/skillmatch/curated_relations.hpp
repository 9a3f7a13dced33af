// skillmatch/curated_relations.hpp — compiling a curated skill-relation table (data/curation/
// skill_relations.tsv) into native `broader` and `related` records (docs/similarity.md, "Curated
// relations", says why the table exists and how it was written).
//
// The table is UTF-8 text: '#' lines and blank lines are comments; the first other line is the header
// `skill<TAB>related<TAB>relation<TAB>strength`; then one row per relation:
//   - skill, related: names as people write them, or concept ids. A name stands for the concept the
//     Resolver gives it without typo or compound readings (as in the glossary, glossary.hpp), so a row
//     follows the taxonomy as it changes;
//   - relation: `field` (a tool or method used in a field: TensorFlow, deep learning), `part` (a
//     sub-area: deep learning, machine learning), `language` (a library in its language: Flask,
//     Python), `platform` (a product of a platform: AWS Lambda, Amazon Web Services) — the first
//     column is the narrower side — or `peer` (close alternatives: PyTorch, TensorFlow; symmetric);
//   - strength: 0.5, 0.7 or 0.9 (loose, typical, near-inseparable); any value in (0, 1] is accepted.
// What a row becomes:
//   - field, part, language, platform with strength >= 0.7: `broader skill related` (membership: the
//     hierarchy part of the similarity and the direction rule of credit() use it, so a candidate with
//     TensorFlow meets "deep learning" in full and one with "deep learning" meets TensorFlow in part);
//   - the same with a smaller strength, and every peer: `related skill related related strength` (an
//     association; loose membership is not membership).
// Every row that cannot be used is reported with its line and nothing of it is written: malformed rows,
// an unknown relation, a strength outside (0, 1], ill-formed UTF-8, a line longer than
// max_relation_line bytes, a name that does not resolve, both names resolving to one concept, a
// category or occupation (relations are between skills), a broader link that would close a cycle
// with the taxonomy or earlier rows. A row repeating a relation already in the taxonomy is kept once.
//
// Thread-safety: functions are reentrant; `resolver` is only read. Errors: std::bad_alloc,
// Error(io_error) from write_relation_records() when the stream fails.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/resolver.hpp"

namespace skillmatch {

inline constexpr std::size_t max_relation_line = 4096;

enum class CuratedRelation : std::uint8_t { field, part, language, platform, peer };

struct CuratedRelationEntry {
  std::size_t line = 0;  // 1-based line in the table
  ConceptIndex narrower = no_concept;  // the first column's concept
  ConceptIndex broader = no_concept;   // the second column's concept
  CuratedRelation relation = CuratedRelation::peer;
  float strength = 0;
  bool membership = false;  // written as a `broader` record (else as a `related` link)
};

struct CuratedRelationIssue {
  std::size_t line = 0;  // 1-based
  std::string message;   // what is wrong, naming the field or the name
};

struct CompiledRelations {
  std::vector<CuratedRelationEntry> entries;  // usable rows, in file order
  std::vector<CuratedRelationIssue> issues;   // unusable rows, in file order
};

/// Parses and resolves a relation table against `resolver`'s taxonomy. Never throws for bad content
/// (see the issues above); `source_name` is only used in the header issue's message.
CompiledRelations compile_relations(const Resolver& resolver, std::string_view text, std::string_view source_name);

/// Writes the entries as a native-format file (`broader` and `related` records by concept id, in entry
/// order) after the format line and `header` lines written as '#' comments. Deterministic.
/// Throws Error(io_error) when the stream fails.
void write_relation_records(const CompiledRelations& relations, const Taxonomy& taxonomy, std::ostream& out,
                            std::span<const std::string> header = {});

/// The bundled taxonomy without the compiled relation file (`taxonomy/relations.tsv`), which the
/// bundled table is compiled against: a stale compiled file can never break its own rebuild.
std::shared_ptr<const Taxonomy> relations_base_taxonomy();

}  // namespace skillmatch
