// Internal: 64-bit FNV-1a, used for fingerprints and the embedding file checksum. Not cryptographic;
// it detects accidental damage and mismatched inputs, which is all the file format needs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace skillmatch::detail {

class Fnv1a {
 public:
  void bytes(const void* data, std::size_t size) noexcept {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
      hash_ ^= p[i];
      hash_ *= 0x100000001B3ULL;
    }
  }
  void text(std::string_view s) noexcept {
    u64(s.size());
    bytes(s.data(), s.size());
  }
  // Integers and floats are hashed as little-endian bytes, so fingerprints agree across hosts.
  void u64(std::uint64_t v) noexcept {
    unsigned char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(v >> (8 * i));
    bytes(b, 8);
  }
  void f32(float v) noexcept {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    u64(bits);
  }
  std::uint64_t value() const noexcept { return hash_; }

 private:
  std::uint64_t hash_ = 0xCBF29CE484222325ULL;
};

}  // namespace skillmatch::detail
