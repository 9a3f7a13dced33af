// skillmatch/glossary.hpp — compiling a term glossary (data/glossary/ja_it_terms.tsv) into native
// `label` records (docs/japanese.md describes the file and how to extend it).
//
// A glossary is UTF-8 text: '#' lines and blank lines are comments; the first other line is the
// header `japanese<TAB>target<TAB>area`; then one row per term with exactly those three fields:
//   - japanese: the term as people write it (any script; one variant per row);
//   - target: what it means, either a concept id (`onet:tech:Python`, `skm:requirements-definition`)
//     or an English name, which stands for the concept the Resolver gives that name without typo or
//     compound readings (exact, normalised, synonym and derived keys count), so the Japanese term
//     resolves exactly like its English name and a row follows the taxonomy as it changes.
//     Several targets may be given separated by " | "; the first that resolves wins (a wording that
//     a coming taxonomy release adds, then today's fallback);
//   - area: one of glossary_areas (the mission area the term belongs to; for documentation and
//     coverage counts, it does not change the label).
// Every row that cannot be used is reported with its line: a malformed row (wrong number of fields,
// empty field), an unknown area, ill-formed UTF-8 (with the byte offset), a line longer than
// max_glossary_line bytes, a target that does not resolve, a term given twice for different
// concepts, and a term that the taxonomy already resolves to another concept (adding it would make
// an existing name ambiguous: "PS" is not only Photoshop). Nothing is dropped silently: callers decide whether issues are fatal (the CLI says yes).
//
// Thread-safety: functions are reentrant; `resolver` is only read. Errors: std::bad_alloc,
// Error(io_error) from write_glossary_labels() when the stream fails.
#pragma once

#include <array>
#include <cstddef>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/resolver.hpp"

namespace skillmatch {

inline constexpr std::size_t max_glossary_line = 4096;
inline constexpr std::array<std::string_view, 6> glossary_areas = {"ai_data", "programming", "cg_games",
                                                                   "infra_security", "posting", "general"};

struct GlossaryEntry {
  std::size_t line = 0;     // 1-based line in the glossary text
  std::string japanese;     // the term as written
  std::string target;       // the target that resolved (one of the " | " alternatives)
  std::string area;
  ConceptIndex concept_index = no_concept;
};

struct GlossaryIssue {
  std::size_t line = 0;  // 1-based
  std::string message;   // what is wrong, naming the field or the target
};

struct CompiledGlossary {
  std::vector<GlossaryEntry> entries;  // usable rows, in file order (a row repeating an earlier term
                                       // for the same concept is kept once)
  std::vector<GlossaryIssue> issues;   // unusable rows, in file order
};

/// Parses and resolves a glossary against `resolver`'s taxonomy. Never throws for bad content (see
/// the issues above); `source_name` is only used for the header issue's message.
CompiledGlossary compile_glossary(const Resolver& resolver, std::string_view text, std::string_view source_name);

/// Writes the entries as a native-format file of `label` records (id, lang "ja", kind alternative,
/// text), in entry order, after the format line and `header` lines written as '#' comments. The
/// output is deterministic. Throws Error(io_error) when the stream fails.
void write_glossary_labels(const CompiledGlossary& glossary, const Taxonomy& taxonomy, std::ostream& out,
                           std::span<const std::string> header = {});

/// The bundled taxonomy without the compiled glossary file (`taxonomy/japanese.tsv`): what the
/// bundled glossary is compiled against, so a stale compiled file can never break its own rebuild.
/// Built on every call (about as long as bundled_taxonomy() takes the first time).
std::shared_ptr<const Taxonomy> glossary_base_taxonomy();

}  // namespace skillmatch
