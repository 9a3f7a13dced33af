// The SkillEmbedding file format, version 1 (all integers and floats little-endian):
//
//   offset  size  field
//   0       8     magic "SKMEMBED"
//   8       4     format version (1)
//   12      4     dimension d
//   16      8     concept count N (must equal the taxonomy's size)
//   24      8     taxonomy fingerprint (hash of the concept ids in index order)
//   32      8     data fingerprint (taxonomy, postings and options the vectors were learned from)
//   40      8     options.seed
//   48      4x4   options.posting_weight, occupation_weight, related_weight, hierarchy_weight (f32)
//   64      4     options.power_iterations
//   68      N     has_vector flags (0 or 1)
//   68+N    4Nd   vectors, row-major f32
//   end     8     FNV-1a 64 of every byte before it
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <istream>
#include <ostream>
#include <string>

#include "embed/embedding_access.hpp"
#include "embed/fnv1a.hpp"

namespace skillmatch {
namespace {

constexpr std::array<char, 8> kMagic{'S', 'K', 'M', 'E', 'M', 'B', 'E', 'D'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kHeaderSize = 68;
constexpr std::uint32_t kMaxDimension = 1024;
constexpr double kUnitTolerance = 1e-3;

// Little-endian encoding into a byte buffer, independent of the host's byte order.
class Writer {
 public:
  void u32(std::uint32_t v) { put(v, 4); }
  void u64(std::uint64_t v) { put(v, 8); }
  void f32(float v) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, 4);
    u32(bits);
  }
  void raw(const void* p, std::size_t n) {
    const auto* b = static_cast<const char*>(p);
    buf_.insert(buf_.end(), b, b + n);
  }
  std::string& buffer() { return buf_; }

 private:
  void put(std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) buf_.push_back(static_cast<char>(static_cast<unsigned char>(v >> (8 * i))));
  }
  std::string buf_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  std::uint64_t get(int n) {
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= std::uint64_t{static_cast<unsigned char>(bytes_[pos_ + static_cast<std::size_t>(i)])} << (8 * i);
    pos_ += static_cast<std::size_t>(n);
    return v;
  }
  std::uint32_t u32() { return static_cast<std::uint32_t>(get(4)); }
  std::uint64_t u64() { return get(8); }
  float f32() {
    const std::uint32_t bits = u32();
    float v = 0;
    std::memcpy(&v, &bits, 4);
    return v;
  }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

[[noreturn]] void corrupt(const std::string& source, const std::string& what) {
  fail(ErrorCode::corrupt, source + ": " + what);
}

// Reads exactly n bytes or reports the file as truncated.
void read_exact(std::istream& in, char* dst, std::size_t n, std::size_t offset, const std::string& source) {
  in.read(dst, static_cast<std::streamsize>(n));
  const auto got = static_cast<std::size_t>(in.gcount());
  if (got != n)
    corrupt(source, "truncated: expected " + std::to_string(offset + n) + " bytes, the file ends after " +
                        std::to_string(offset + got));
}

SkillEmbedding load_from(std::istream& in, std::shared_ptr<const Taxonomy> taxonomy, const std::string& source) {
  if (!taxonomy) fail(ErrorCode::invalid_argument, "SkillEmbedding::load: taxonomy is null");
  std::string header(kHeaderSize, '\0');
  read_exact(in, header.data(), kHeaderSize, 0, source);
  if (std::memcmp(header.data(), kMagic.data(), kMagic.size()) != 0)
    corrupt(source, "not a skillmatch embedding file (bad magic bytes)");
  Reader r(std::string_view(header).substr(kMagic.size()));
  const std::uint32_t version = r.u32();
  if (version != kVersion)
    corrupt(source, "unsupported embedding file version " + std::to_string(version) + " (this build reads " +
                        std::to_string(kVersion) + ")");
  const std::uint32_t dim = r.u32();
  if (dim < 1 || dim > kMaxDimension)
    corrupt(source, "dimension " + std::to_string(dim) + " is out of range 1.." + std::to_string(kMaxDimension));
  const std::uint64_t count = r.u64();
  if (count != taxonomy->size())
    corrupt(source, "the file has vectors for " + std::to_string(count) + " concepts, the taxonomy has " +
                        std::to_string(taxonomy->size()) + " (made for another taxonomy, or damaged)");
  const std::uint64_t taxonomy_fp = r.u64();
  if (taxonomy_fp != EmbeddingAccess::taxonomy_fingerprint(*taxonomy))
    corrupt(source, "taxonomy fingerprint does not match: the file was made for another taxonomy (or is damaged)");
  const std::uint64_t data_fp = r.u64();
  EmbeddingOptions options;
  options.dimension = dim;
  options.seed = r.u64();
  options.posting_weight = r.f32();
  options.occupation_weight = r.f32();
  options.related_weight = r.f32();
  options.hierarchy_weight = r.f32();
  options.power_iterations = r.u32();

  const std::size_t n = taxonomy->size();
  std::vector<std::uint8_t> has(n);
  std::vector<float> vectors(n * dim);
  std::string checksum_bytes(8, '\0');
  read_exact(in, reinterpret_cast<char*>(has.data()), n, kHeaderSize, source);
  read_exact(in, reinterpret_cast<char*>(vectors.data()), vectors.size() * 4, kHeaderSize + n, source);
  read_exact(in, checksum_bytes.data(), 8, kHeaderSize + n + vectors.size() * 4, source);

  detail::Fnv1a h;
  h.bytes(header.data(), header.size());
  h.bytes(has.data(), has.size());
  h.bytes(vectors.data(), vectors.size() * 4);  // still the file's (little-endian) bytes
  if (Reader(checksum_bytes).u64() != h.value()) corrupt(source, "checksum mismatch: the file is damaged");

  if constexpr (std::endian::native == std::endian::big)
    for (float& v : vectors) {
      std::uint32_t bits = 0;
      std::memcpy(&bits, &v, 4);
      bits = ((bits & 0xFFu) << 24) | ((bits & 0xFF00u) << 8) | ((bits >> 8) & 0xFF00u) | (bits >> 24);
      std::memcpy(&v, &bits, 4);
    }
  for (std::size_t c = 0; c < n; ++c) {
    if (has[c] > 1) corrupt(source, "concept " + std::to_string(c) + ": bad has_vector flag");
    double norm = 0;
    for (std::size_t j = 0; j < dim; ++j) {
      const float x = vectors[c * dim + j];
      if (!std::isfinite(x))
        corrupt(source, "concept " + std::to_string(c) + " (" + std::string(taxonomy->id(static_cast<ConceptIndex>(c))) +
                            "): non-finite vector component");
      norm += double{x} * x;
    }
    if (has[c] ? std::abs(std::sqrt(norm) - 1.0) > kUnitTolerance : norm != 0)
      corrupt(source, "concept " + std::to_string(c) + " (" + std::string(taxonomy->id(static_cast<ConceptIndex>(c))) +
                          "): vector is neither unit length nor absent");
  }
  return EmbeddingAccess::make(std::move(taxonomy), options, std::move(vectors), std::move(has), data_fp);
}

}  // namespace

void SkillEmbedding::save(std::ostream& out) const {
  Writer w;
  w.raw(kMagic.data(), kMagic.size());
  w.u32(kVersion);
  w.u32(static_cast<std::uint32_t>(dimension_));
  w.u64(size());
  w.u64(taxonomy_fingerprint_);
  w.u64(data_fingerprint_);
  w.u64(options_.seed);
  w.f32(options_.posting_weight);
  w.f32(options_.occupation_weight);
  w.f32(options_.related_weight);
  w.f32(options_.hierarchy_weight);
  w.u32(static_cast<std::uint32_t>(options_.power_iterations));
  w.raw(has_vector_.data(), has_vector_.size());
  if constexpr (std::endian::native == std::endian::little) {
    w.raw(vectors_.data(), vectors_.size() * 4);
  } else {
    for (float v : vectors_) w.f32(v);
  }
  detail::Fnv1a h;
  h.bytes(w.buffer().data(), w.buffer().size());
  w.u64(h.value());
  out.write(w.buffer().data(), static_cast<std::streamsize>(w.buffer().size()));
  if (!out) fail(ErrorCode::io_error, "SkillEmbedding::save: writing to the stream failed");
}

SkillEmbedding SkillEmbedding::load(std::istream& in, std::shared_ptr<const Taxonomy> taxonomy) {
  return load_from(in, std::move(taxonomy), "embedding stream");
}

void SkillEmbedding::save_file(const std::filesystem::path& path) const {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) fail(ErrorCode::io_error, "cannot open " + tmp.string() + " for writing");
    save(out);
    out.close();
    if (!out) fail(ErrorCode::io_error, "writing " + tmp.string() + " failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) fail(ErrorCode::io_error, "cannot rename " + tmp.string() + " to " + path.string() + ": " + ec.message());
}

SkillEmbedding SkillEmbedding::load_file(const std::filesystem::path& path, std::shared_ptr<const Taxonomy> taxonomy) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(ErrorCode::io_error, "cannot open embedding file " + path.string());
  return load_from(in, std::move(taxonomy), path.string());
}

}  // namespace skillmatch
