// Internal: the index file's container (docs/index-format.md): header, 64-byte aligned sections,
// section table, footer; XXH3-64 checksums per section, of the header, table and footer. Knows
// nothing about what the sections hold (engine_file.cpp and profile_index_codec.cpp do).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace skillmatch::indexfile {

constexpr std::uint32_t format_version = 1;
constexpr std::size_t header_size = 64;
constexpr std::size_t footer_size = 64;
constexpr std::size_t table_entry_size = 40;
constexpr std::size_t section_alignment = 64;

/// Section types of format version 1. A reader skips types it does not know unless the entry's
/// flags say it is required (section_required).
enum SectionType : std::uint32_t {
  section_meta = 1,       // identity: taxonomy hash, embedding fingerprint, vector kind, counts
  section_embedding = 2,  // the learned skill vectors (SkillEmbedding file format, docs/embedder.md)
  section_schema = 3,     // one side's attribute schema
  section_profiles = 4,   // one side's ids, titles and skills
  section_vectors = 5,    // one side's unit vectors (f32)
  section_columns = 6,    // one side's attribute columns
};
constexpr std::uint32_t section_required = 1;  // flags bit: a reader that does not know the type must refuse
/// Side field of a table entry.
enum SectionSide : std::uint32_t { side_none = 0, side_job = 1, side_candidate = 2 };

/// "candidate vectors", "meta", "section type 9 (side 1)".
std::string section_name(std::uint32_t type, std::uint32_t side);

std::uint64_t xxh3(std::span<const std::uint8_t> bytes) noexcept;

struct SectionEntry {
  std::uint32_t type = 0, side = 0;
  std::uint64_t offset = 0, size = 0, checksum = 0;
  std::uint32_t flags = 0;
};

/// Collects sections (each a list of byte chunks that must stay valid until write()) and writes the
/// file atomically: "<path>.tmp-<pid>" in the same directory, fsync, rename over `path`, fsync of
/// the directory. A crash at any point leaves either the old file or the new one at `path`.
/// Throws Error(io_error) naming the path and the system's reason; the temporary file is removed.
class ContainerWriter {
 public:
  void add(std::uint32_t type, std::uint32_t side, std::vector<std::span<const std::uint8_t>> chunks,
           std::uint32_t flags = section_required);
  /// Keeps `bytes` alive inside the writer and adds them as one section.
  void add_owned(std::uint32_t type, std::uint32_t side, std::vector<std::uint8_t> bytes,
                 std::uint32_t flags = section_required);
  /// Appends a chunk to the section added last.
  void append_chunk(std::span<const std::uint8_t> chunk) { sections_.back().chunks.push_back(chunk); }
  void write(const std::filesystem::path& path);

 private:
  struct Pending {
    std::uint32_t type, side, flags;
    std::vector<std::span<const std::uint8_t>> chunks;
  };
  std::vector<Pending> sections_;
  std::vector<std::unique_ptr<std::vector<std::uint8_t>>> owned_;
};

/// A read-only, private memory map of a whole file (empty span for an empty file).
class MappedFile {
 public:
  /// Throws Error(io_error) naming the path when it cannot be opened or mapped.
  explicit MappedFile(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::span<const std::uint8_t> bytes() const noexcept { return {data_, size_}; }

 private:
  const std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

/// Checks the container's structure (always) and every checksum and padding byte (when `verify`),
/// then gives the sections' bytes. Every failure is Error(corrupt) "<part> at offset N: what is wrong"
/// (part: header, footer, section table, section '<name>'); the caller adds the path. The bytes stay
/// valid as long as the mapped file.
class ContainerReader {
 public:
  ContainerReader(std::span<const std::uint8_t> file, bool verify);
  std::uint32_t version() const noexcept { return version_; }
  const std::vector<SectionEntry>& sections() const noexcept { return sections_; }
  /// The entry of this type and side, or nullptr.
  const SectionEntry* find(std::uint32_t type, std::uint32_t side) const noexcept;
  std::span<const std::uint8_t> bytes(const SectionEntry& e) const noexcept {
    return file_.subspan(static_cast<std::size_t>(e.offset), static_cast<std::size_t>(e.size));
  }

 private:
  std::span<const std::uint8_t> file_;
  std::uint32_t version_ = 0;
  std::vector<SectionEntry> sections_;
};

}  // namespace skillmatch::indexfile
