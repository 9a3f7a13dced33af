// Internal: one side of the index file (schema, profiles, vectors, attribute columns), written from
// and read into a ProfileIndex. docs/index-format.md describes each section's bytes.
#pragma once

#include <memory>

#include "index/container.hpp"
#include "skillmatch/profile_index.hpp"

namespace skillmatch::indexfile {

/// Adds the four sections of `index` to `writer`. Only live rows are written, in row order (removed
/// rows are compacted away). The caller holds `index.read()` until writer.write() returns: the
/// vector section may point into the index's store.
void encode_side(const ProfileIndex& index, ContainerWriter& writer);

/// Rebuilds one side from its sections. `taxonomy_size` bounds concept indexes; `dimension` is the
/// engine's. Throws Error(corrupt) naming the section and offset for anything malformed (a missing
/// section, a bad count, an unknown concept, a non-finite vector, a duplicate id...).
std::unique_ptr<ProfileIndex> decode_side(const ContainerReader& reader, Side side, std::size_t dimension,
                                          std::size_t taxonomy_size);

/// Number of rows one side's profiles section holds (for `index info`), or 0 without the section.
std::uint64_t side_rows(const ContainerReader& reader, Side side);

}  // namespace skillmatch::indexfile
