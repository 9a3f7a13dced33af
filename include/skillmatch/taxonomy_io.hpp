// skillmatch/taxonomy_io.hpp — the native taxonomy format (docs/taxonomy-format.md) and the
// bundled default taxonomy.
//
// Native format: UTF-8 text, first line "#skillmatch-taxonomy 1" or "... 2", then one tab-separated
// record per line (concept, label, broader, related, same_as, stats; version 2 adds prefix, labels,
// links and @N references); '#' lines and blank lines are comments.
// A taxonomy may span several files; references between files are resolved when the builder builds.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch {

/// Parses native-format text into `builder`. `source_name` names the text in error messages.
/// Throws Error(parse_error) naming source:line for a malformed record (unknown record type, wrong
/// field count, bad number, unknown kind); the builder's own errors (duplicate ids...) carry the
/// same location. Records before the bad one stay in the builder. Not thread-safe on `builder`.
void read_native_taxonomy(TaxonomyBuilder& builder, std::string_view text, std::string_view source_name);

/// Reads one native-format file. Throws Error(io_error) naming the path when it cannot be read.
void read_native_taxonomy_file(TaxonomyBuilder& builder, const std::filesystem::path& file);

/// Loads and builds a taxonomy from native-format files; a directory stands for every *.tsv in it,
/// in name order. Throws as read_native_taxonomy_file() and TaxonomyBuilder::build().
std::shared_ptr<const Taxonomy> load_taxonomy(std::span<const std::filesystem::path> paths);

/// Writes `taxonomy` in native format version 2 (ESCO URIs abbreviated, link targets as @N references);
/// reading the output back gives an equal taxonomy (same ids,
/// alias ids, labels, links and statistics). `header` lines (attribution, provenance) are written as
/// '#' comments after the format line. Throws Error(io_error) when the stream fails, Error(invalid_argument)
/// when an id would read as a version-2 reference ("@12") or abbreviation ("esco-uri:...").
void write_native_taxonomy(const Taxonomy& taxonomy, std::ostream& out, std::span<const std::string> header = {});

/// Adds the bundled default taxonomy's records (compiled into the library; data/taxonomy/) to a
/// builder, so a portal can extend it with its own files before building.
void add_bundled_taxonomy(TaxonomyBuilder& builder);

/// The bundled default taxonomy for IT hiring (O*NET technologies, IT occupations and their skills,
/// ESCO skills, knowledge and occupations, Stack Overflow tags and synonyms, curated Japanese
/// labels). Built on the first call and shared afterwards; safe to call from any thread.
std::shared_ptr<const Taxonomy> bundled_taxonomy();

}  // namespace skillmatch
