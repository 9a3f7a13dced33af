// The index file's container: layout in docs/index-format.md.
#include "index/container.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "index/byte_io.hpp"
#include "skillmatch/error.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace skillmatch::indexfile {
namespace {

constexpr char kMagic[8] = {'S', 'K', 'M', 'I', 'N', 'D', 'E', 'X'};
constexpr char kEndMagic[8] = {'S', 'K', 'M', 'I', 'N', 'E', 'N', 'D'};
constexpr std::uint32_t kByteOrderMark = 0x0A0B0C0Du;

std::uint64_t align_up(std::uint64_t v) { return (v + section_alignment - 1) / section_alignment * section_alignment; }

[[noreturn]] void corrupt(std::string_view part, std::uint64_t offset, const std::string& what) {
  fail(ErrorCode::corrupt, std::string(part) + " at offset " + std::to_string(offset) + ": " + what);
}

std::uint64_t le64(const std::uint8_t* p) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= std::uint64_t{p[i]} << (8 * i);
  return v;
}
std::uint32_t le32(const std::uint8_t* p) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= std::uint32_t{p[i]} << (8 * i);
  return v;
}

std::string sys_error(const std::string& what, const std::filesystem::path& path) {
  return what + " '" + path.string() + "': " + std::strerror(errno);
}

// Writes every byte, retrying on EINTR and short writes.
void write_all(int fd, const std::uint8_t* p, std::size_t n, const std::filesystem::path& path) {
  while (n) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      fail(ErrorCode::io_error, sys_error("cannot write", path));
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
}

}  // namespace

std::string section_name(std::uint32_t type, std::uint32_t side) {
  const char* s = side == side_job ? "job " : side == side_candidate ? "candidate " : "";
  switch (type) {
    case section_meta: return std::string(s) + "meta";
    case section_embedding: return std::string(s) + "embedding";
    case section_schema: return std::string(s) + "schema";
    case section_profiles: return std::string(s) + "profiles";
    case section_vectors: return std::string(s) + "vectors";
    case section_columns: return std::string(s) + "columns";
    default: return "section type " + std::to_string(type) + " (side " + std::to_string(side) + ")";
  }
}

std::uint64_t xxh3(std::span<const std::uint8_t> bytes) noexcept { return XXH3_64bits(bytes.data(), bytes.size()); }

void ContainerWriter::add(std::uint32_t type, std::uint32_t side, std::vector<std::span<const std::uint8_t>> chunks,
                          std::uint32_t flags) {
  sections_.push_back({type, side, flags, std::move(chunks)});
}

void ContainerWriter::add_owned(std::uint32_t type, std::uint32_t side, std::vector<std::uint8_t> bytes,
                                std::uint32_t flags) {
  owned_.push_back(std::make_unique<std::vector<std::uint8_t>>(std::move(bytes)));
  add(type, side, {std::span<const std::uint8_t>(*owned_.back())}, flags);
}

void ContainerWriter::write(const std::filesystem::path& path) {
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  std::filesystem::path tmp = path;
  static std::atomic<unsigned> counter{0};
  tmp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(ErrorCode::io_error, sys_error("cannot create", tmp));
  try {
    static const std::uint8_t zeros[section_alignment] = {};
    ByteWriter header;
    header.raw(kMagic, 8);
    header.u32(format_version);
    header.u32(kByteOrderMark);
    header.u32(static_cast<std::uint32_t>(header_size));
    header.u32(0);  // flags
    while (header.size() < header_size) header.u8(0);
    write_all(fd, header.buffer().data(), header_size, tmp);

    std::uint64_t pos = header_size;
    std::vector<SectionEntry> entries;
    XXH3_state_t* state = XXH3_createState();
    if (!state) throw std::bad_alloc();
    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state_owner(state, &XXH3_freeState);
    for (const auto& s : sections_) {
      SectionEntry e;
      e.type = s.type;
      e.side = s.side;
      e.flags = s.flags;
      e.offset = pos;
      XXH3_64bits_reset(state);
      for (const auto& c : s.chunks) {
        XXH3_64bits_update(state, c.data(), c.size());
        write_all(fd, c.data(), c.size(), tmp);
        e.size += c.size();
      }
      e.checksum = XXH3_64bits_digest(state);
      pos += e.size;
      const std::uint64_t next = align_up(pos);
      write_all(fd, zeros, static_cast<std::size_t>(next - pos), tmp);
      pos = next;
      entries.push_back(e);
    }
    ByteWriter table;
    for (const auto& e : entries) {
      table.u32(e.type);
      table.u32(e.side);
      table.u64(e.offset);
      table.u64(e.size);
      table.u64(e.checksum);
      table.u32(e.flags);
      table.u32(0);
    }
    const std::uint64_t table_offset = pos;
    write_all(fd, table.buffer().data(), table.size(), tmp);
    pos += table.size();

    ByteWriter footer;
    footer.u64(table_offset);
    footer.u64(entries.size());
    footer.u64(pos + footer_size);
    footer.u64(xxh3(std::span<const std::uint8_t>(header.buffer()).first(header_size)));
    footer.u64(xxh3(table.buffer()));
    footer.u64(0);
    footer.u64(xxh3(footer.buffer()));
    footer.raw(kEndMagic, 8);
    write_all(fd, footer.buffer().data(), footer.size(), tmp);

    if (::fsync(fd) != 0) fail(ErrorCode::io_error, sys_error("cannot fsync", tmp));
    const int closed = ::close(fd);
    fd = -1;
    if (closed != 0) fail(ErrorCode::io_error, sys_error("cannot close", tmp));
    if (::rename(tmp.c_str(), path.c_str()) != 0) fail(ErrorCode::io_error, sys_error("cannot rename " + tmp.string() + " to", path));
  } catch (...) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  // The rename is durable only once the directory is on disk.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) fail(ErrorCode::io_error, sys_error("cannot open directory", dir));
  const int synced = ::fsync(dfd);
  ::close(dfd);
  if (synced != 0) fail(ErrorCode::io_error, sys_error("cannot fsync directory", dir));
}

MappedFile::MappedFile(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(ErrorCode::io_error, sys_error("cannot open index file", path));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    fail(ErrorCode::io_error, sys_error("cannot stat index file", path));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    fail(ErrorCode::io_error, "index file '" + path.string() + "' is not a regular file");
  }
  size_ = static_cast<std::size_t>(st.st_size);
  if (size_) {
    // MAP_POPULATE: the whole file is read (checksums, decode), so fault it in at once.
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    if (p == MAP_FAILED) {
      ::close(fd);
      fail(ErrorCode::io_error, sys_error("cannot map index file", path));
    }
    data_ = static_cast<const std::uint8_t*>(p);
  }
  ::close(fd);
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(const_cast<std::uint8_t*>(data_), size_);
}

ContainerReader::ContainerReader(std::span<const std::uint8_t> file, bool verify) : file_(file) {
  const std::uint64_t size = file.size();
  if (size < header_size + footer_size)
    corrupt("header", 0, "the file has " + std::to_string(size) + " bytes, fewer than a header and a footer (" +
                             std::to_string(header_size + footer_size) + "): not an index file, or truncated");
  const std::uint8_t* h = file.data();
  if (std::memcmp(h, kMagic, 8) != 0) corrupt("header", 0, "not a skillmatch index file (no \"SKMINDEX\" magic)");
  const std::uint32_t bom = le32(h + 12);
  if (bom != kByteOrderMark)
    corrupt("header", 12, bom == 0x0D0C0B0Au ? "written with the other byte order (big-endian), which this library does not read"
                                             : "bad byte-order mark");
  version_ = le32(h + 8);
  if (version_ != format_version)
    corrupt("header", 8, "format version " + std::to_string(version_) + "; this library reads version " +
                             std::to_string(format_version) + (version_ > format_version ? " (the file is newer: upgrade skillmatch)" : ""));

  const std::uint64_t fo = size - footer_size;
  const std::uint8_t* f = file.data() + fo;
  if (std::memcmp(f + 56, kEndMagic, 8) != 0)
    corrupt("footer", fo + 56, "no \"SKMINEND\" end marker: the file is truncated or damaged");
  if (le64(f + 48) != xxh3(file.subspan(static_cast<std::size_t>(fo), 48)))
    corrupt("footer", fo, "footer checksum mismatch: the footer is damaged");
  if (le64(f + 16) != size)
    corrupt("footer", fo + 16, "the footer records a file of " + std::to_string(le64(f + 16)) + " bytes, the file has " +
                                   std::to_string(size) + ": truncated or damaged");
  if (le64(f + 40) != 0) corrupt("footer", fo + 40, "reserved field is not zero");
  if (le64(f + 24) != xxh3(file.first(header_size)))
    corrupt("header", 0, "header checksum mismatch (recorded in the footer): the header is damaged");
  if (le32(h + 16) != header_size) corrupt("header", 16, "header size is not " + std::to_string(header_size));
  if (le32(h + 20) != 0) corrupt("header", 20, "unknown header flags");

  const std::uint64_t table_offset = le64(f);
  const std::uint64_t count = le64(f + 8);
  if (table_offset < header_size || table_offset > fo || count > (fo - table_offset) / table_entry_size ||
      table_offset + count * table_entry_size != fo)
    corrupt("footer", fo, "section table (offset " + std::to_string(table_offset) + ", " + std::to_string(count) +
                              " entries) does not end where the footer starts");
  auto table = file.subspan(static_cast<std::size_t>(table_offset), static_cast<std::size_t>(count * table_entry_size));
  if (le64(f + 32) != xxh3(table)) corrupt("section table", table_offset, "checksum mismatch: the section table is damaged");

  std::uint64_t previous_end = header_size;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint8_t* t = table.data() + i * table_entry_size;
    const std::uint64_t at = table_offset + i * table_entry_size;
    SectionEntry e;
    e.type = le32(t);
    e.side = le32(t + 4);
    e.offset = le64(t + 8);
    e.size = le64(t + 16);
    e.checksum = le64(t + 24);
    e.flags = le32(t + 32);
    const std::string name = section_name(e.type, e.side);
    if (le32(t + 36) != 0) corrupt("section table", at + 36, "entry " + std::to_string(i) + " (" + name + "): reserved field is not zero");
    if (e.offset % section_alignment || e.offset < previous_end || e.offset > table_offset || e.size > table_offset - e.offset)
      corrupt("section table", at + 8, "entry " + std::to_string(i) + " (" + name + "): bytes [" + std::to_string(e.offset) +
                                           ", +" + std::to_string(e.size) + ") are not an aligned range after the previous section and before the table");
    if (e.side > side_candidate) corrupt("section table", at + 4, "entry " + std::to_string(i) + ": unknown side " + std::to_string(e.side));
    if (e.type < section_meta || e.type > section_columns) {
      if (e.flags & section_required)
        corrupt("section '" + name + "'", e.offset, "a required section of a type this library does not know (upgrade skillmatch)");
    }
    if (find(e.type, e.side)) corrupt("section table", at, "section '" + name + "' appears twice");
    if (verify) {
      for (std::uint64_t p = previous_end; p < e.offset; ++p)
        if (file[static_cast<std::size_t>(p)] != 0) corrupt("padding", p, "a padding byte before section '" + name + "' is not zero");
      if (xxh3(bytes(e)) != e.checksum)
        corrupt("section '" + name + "'", e.offset, "checksum mismatch over its " + std::to_string(e.size) + " bytes: the section is damaged");
    }
    previous_end = e.offset + e.size;
    sections_.push_back(e);
  }
  if (verify)
    for (std::uint64_t p = previous_end; p < table_offset; ++p)
      if (file[static_cast<std::size_t>(p)] != 0) corrupt("padding", p, "a padding byte before the section table is not zero");
}

const SectionEntry* ContainerReader::find(std::uint32_t type, std::uint32_t side) const noexcept {
  for (const auto& e : sections_)
    if (e.type == type && e.side == side) return &e;
  return nullptr;
}

}  // namespace skillmatch::indexfile
