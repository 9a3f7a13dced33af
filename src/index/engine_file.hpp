// Internal: the whole index file of an engine (Engine::save / Engine::open): the identity section,
// the learned skill vectors and both sides (profile_index_codec.hpp).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>

#include "skillmatch/embedder.hpp"
#include "skillmatch/index_file.hpp"
#include "skillmatch/profile_index.hpp"

namespace skillmatch::indexfile {

struct EngineFileParts {
  const Taxonomy* taxonomy = nullptr;
  const SkillEmbedding* embedding = nullptr;  // the learned skill vectors (also with external vectors)
  bool external_vectors = false;
  std::size_t dimension = 0;
  const ProfileIndex* jobs = nullptr;
  const ProfileIndex* candidates = nullptr;
};

/// Writes the file atomically (ContainerWriter). The caller holds read views of both indexes.
void write_engine_file(const std::filesystem::path& path, const EngineFileParts& parts);

struct LoadedEngineFile {
  IndexFileInfo info;
  std::shared_ptr<const SkillEmbedding> embedding;
  std::unique_ptr<ProfileIndex> jobs, candidates;
};

/// Reads a file for `taxonomy`. `alongside` (may be empty) runs on the calling thread once the
/// identity and skill vectors are read, while the two sides decode on other threads (an engine builds
/// its resolver and similarity there); the sides are in the result only after it returns. Error(invalid_argument) when the file was built with another taxonomy
/// (the message gives both hashes and concept counts); Error(corrupt)/Error(io_error) as
/// index_file.hpp, the message prefixed with "index file '<path>': ".
LoadedEngineFile read_engine_file(const std::filesystem::path& path, std::shared_ptr<const Taxonomy> taxonomy,
                                  bool verify, const std::function<void(const LoadedEngineFile&)>& alongside = {});

}  // namespace skillmatch::indexfile
