// The engine's index file: identity ("meta"), learned skill vectors ("embedding"), both sides.
#include "index/engine_file.hpp"

#include <cstdio>
#include <exception>
#include <future>
#include <istream>
#include <sstream>
#include <streambuf>

#include "index/byte_io.hpp"
#include "index/container.hpp"
#include "index/profile_index_codec.hpp"
#include "skillmatch/version.hpp"

namespace skillmatch::indexfile {
namespace {

std::vector<std::uint8_t> encode_meta(const EngineFileParts& p) {
  ByteWriter w;
  w.u64(taxonomy_content_hash(*p.taxonomy));
  w.u64(p.taxonomy->size());
  w.u8(p.external_vectors ? 1 : 0);
  w.u64(p.dimension);
  w.u64(p.embedding->data_fingerprint());
  w.str(version_string());
  return std::move(w.buffer());
}

void decode_meta(const ContainerReader& r, IndexFileInfo& info) {
  const auto* e = r.find(section_meta, side_none);
  if (!e) fail(ErrorCode::corrupt, "section 'meta' is missing");
  ByteCursor c(r.bytes(*e), "meta", e->offset);
  info.taxonomy_hash = c.u64("taxonomy hash");
  info.taxonomy_concepts = c.u64("taxonomy concept count");
  info.external_vectors = c.boolean("external_vectors flag");
  const std::uint64_t at = c.offset();
  const std::uint64_t dim = c.u64("dimension");
  if (dim == 0 || dim > (std::uint64_t{1} << 20)) c.fail_at(at, "dimension " + std::to_string(dim) + " is out of range");
  info.dimension = static_cast<std::size_t>(dim);
  info.embedding_fingerprint = c.u64("embedding fingerprint");
  info.library_version = c.str("library version");
  c.expect_end();
}

IndexFileInfo info_of(const ContainerReader& r, std::uint64_t file_size) {
  IndexFileInfo info;
  info.format_version = r.version();
  info.file_size = file_size;
  for (const auto& e : r.sections()) info.sections.push_back({section_name(e.type, e.side), e.offset, e.size, e.checksum});
  decode_meta(r, info);
  info.jobs = static_cast<std::size_t>(side_rows(r, Side::job));
  info.candidates = static_cast<std::size_t>(side_rows(r, Side::candidate));
  return info;
}

// Error(corrupt) messages of the container and codecs name the part and offset; this adds the path.
template <typename F>
auto naming_path(const std::filesystem::path& path, F&& f) {
  try {
    return f();
  } catch (const Error& e) {
    if (e.code() != ErrorCode::corrupt) throw;
    fail(ErrorCode::corrupt, "index file '" + path.string() + "': " + e.what());
  }
}

// An istream over bytes in memory (the embedding section), without copying them.
struct MemoryBuffer : std::streambuf {
  explicit MemoryBuffer(std::span<const std::uint8_t> b) {
    char* p = const_cast<char*>(reinterpret_cast<const char*>(b.data()));
    setg(p, p, p + b.size());
  }
};

std::shared_ptr<const SkillEmbedding> decode_embedding(const ContainerReader& r, std::shared_ptr<const Taxonomy> taxonomy,
                                                       std::uint64_t expected_fingerprint) {
  const auto* e = r.find(section_embedding, side_none);
  if (!e) fail(ErrorCode::corrupt, "section 'embedding' is missing");
  MemoryBuffer buf(r.bytes(*e));
  std::istream in(&buf);
  try {
    auto emb = std::make_shared<const SkillEmbedding>(SkillEmbedding::load(in, std::move(taxonomy)));
    if (emb->data_fingerprint() != expected_fingerprint)
      fail(ErrorCode::corrupt, "its data fingerprint differs from the one recorded in section 'meta'");
    return emb;
  } catch (const Error& err) {
    fail(ErrorCode::corrupt, "section 'embedding' at offset " + std::to_string(e->offset) + ": " + err.what());
  }
}

}  // namespace

void write_engine_file(const std::filesystem::path& path, const EngineFileParts& p) {
  ContainerWriter w;
  w.add_owned(section_meta, side_none, encode_meta(p));
  std::ostringstream emb;
  p.embedding->save(emb);
  std::string bytes = std::move(emb).str();
  w.add_owned(section_embedding, side_none, std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
  encode_side(*p.jobs, w);
  encode_side(*p.candidates, w);
  w.write(path);
}

LoadedEngineFile read_engine_file(const std::filesystem::path& path, std::shared_ptr<const Taxonomy> taxonomy,
                                  bool verify, const std::function<void(const LoadedEngineFile&)>& alongside) {
  MappedFile file(path);
  return naming_path(path, [&] {
    ContainerReader r(file.bytes(), verify);
    LoadedEngineFile out;
    out.info = info_of(r, file.bytes().size());
    const std::uint64_t hash = taxonomy_content_hash(*taxonomy);
    if (hash != out.info.taxonomy_hash || taxonomy->size() != out.info.taxonomy_concepts) {
      char want[32], have[32];
      std::snprintf(want, sizeof want, "%016llx", static_cast<unsigned long long>(out.info.taxonomy_hash));
      std::snprintf(have, sizeof have, "%016llx", static_cast<unsigned long long>(hash));
      fail(ErrorCode::invalid_argument,
           "index file '" + path.string() + "' was built with another taxonomy (content hash " + want + ", " +
               std::to_string(out.info.taxonomy_concepts) + " concepts) than this engine's (hash " + have + ", " +
               std::to_string(taxonomy->size()) + " concepts): open it with the taxonomy it was built with, or rebuild it");
    }
    out.embedding = decode_embedding(r, taxonomy, out.info.embedding_fingerprint);
    if (!out.info.external_vectors && out.embedding->dimension() != out.info.dimension)
      fail(ErrorCode::corrupt, "section 'meta': dimension " + std::to_string(out.info.dimension) +
                                   " differs from the stored skill vectors' " + std::to_string(out.embedding->dimension()));
    const std::size_t concepts = taxonomy->size();
    auto candidates = std::async(std::launch::async, [&] { return decode_side(r, Side::candidate, out.info.dimension, concepts); });
    auto jobs = std::async(std::launch::async, [&] { return decode_side(r, Side::job, out.info.dimension, concepts); });
    std::exception_ptr failed;
    try {
      if (alongside) alongside(out);
    } catch (...) {
      failed = std::current_exception();
    }
    out.candidates = candidates.get();  // waits (and rethrows a decode error) before `alongside`'s error
    out.jobs = jobs.get();
    if (failed) std::rethrow_exception(failed);
    return out;
  });
}

}  // namespace skillmatch::indexfile

namespace skillmatch {

IndexFileInfo read_index_file_info(const std::filesystem::path& path, bool verify) {
  indexfile::MappedFile file(path);
  return indexfile::naming_path(path, [&] {
    indexfile::ContainerReader r(file.bytes(), verify);
    return indexfile::info_of(r, file.bytes().size());
  });
}

IndexFileInfo verify_index_file(const std::filesystem::path& path) {
  indexfile::MappedFile file(path);
  return indexfile::naming_path(path, [&] {
    indexfile::ContainerReader r(file.bytes(), true);
    IndexFileInfo info = indexfile::info_of(r, file.bytes().size());
    if (!r.find(indexfile::section_embedding, indexfile::side_none))
      fail(ErrorCode::corrupt, "section 'embedding' is missing");
    indexfile::decode_side(r, Side::job, info.dimension, info.taxonomy_concepts);
    indexfile::decode_side(r, Side::candidate, info.dimension, info.taxonomy_concepts);
    return info;
  });
}

}  // namespace skillmatch
