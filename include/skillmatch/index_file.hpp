// skillmatch/index_file.hpp — inspecting and verifying saved engines (Engine::save / Engine::open,
// engine.hpp). The format is documented in docs/index-format.md: a header (magic "SKMINDEX", format
// version, byte order), 64-byte aligned sections (identity, learned skill vectors, and per side the
// schema, profiles, vectors and attribute columns), a section table and a footer, with an XXH3-64
// checksum over every section, the header, the table and the footer.
//
// Errors: Error(io_error) naming the path when the file cannot be opened; Error(corrupt)
// "index file '<path>': <part> at offset N: <what is wrong>" for anything malformed (part: header,
// footer, section table, padding, or section '<name>').
// Thread-safety: free functions over their arguments; any number may run at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch {

struct IndexSectionInfo {
  std::string name;  // "meta", "embedding", "candidate vectors", ... (docs/index-format.md)
  std::uint64_t offset = 0, size = 0, checksum = 0;
};

struct IndexFileInfo {
  std::uint32_t format_version = 0;
  std::uint64_t file_size = 0;
  std::string library_version;           // the skillmatch version that wrote the file
  std::uint64_t taxonomy_hash = 0;       // taxonomy_content_hash() of the taxonomy it was built with
  std::uint64_t taxonomy_concepts = 0;
  bool external_vectors = false;
  std::size_t dimension = 0;             // profile vector length
  std::uint64_t embedding_fingerprint = 0;  // SkillEmbedding::data_fingerprint() of the stored skill vectors
  std::size_t jobs = 0, candidates = 0;  // stored profiles per side
  std::vector<IndexSectionInfo> sections;
};

/// Reads the header, section table, footer and the identity section. With `verify`, also checks every
/// section's checksum and every padding byte (one pass over the file at memory speed).
IndexFileInfo read_index_file_info(const std::filesystem::path& path, bool verify = true);

/// Everything open() checks without a taxonomy: every checksum, then decodes every section (ids,
/// skills, vectors, attribute columns) with its bounds. Returns the file's info when it is sound;
/// throws as above otherwise.
IndexFileInfo verify_index_file(const std::filesystem::path& path);

/// A hash (XXH3-64) of a taxonomy's content: concept ids and aliases, kinds, labels, broader and
/// related links, statistics, in index order. Two taxonomies with equal hashes give the same concept
/// indexes, resolutions and similarities; an index file records the hash it was built with and
/// Engine::open refuses another. Deterministic across runs and machines.
std::uint64_t taxonomy_content_hash(const Taxonomy& taxonomy);

}  // namespace skillmatch
