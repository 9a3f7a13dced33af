// Internal: little-endian encoding of the index file's sections (docs/index-format.md).
// ByteWriter appends to a growing buffer; ByteCursor reads a bounded span and throws
// Error(corrupt) "section '<name>' at offset N: ..." (the caller adds the path), naming the section
// and the file offset of the first byte that does not fit, so a
// hostile section can never make a reader step outside its bytes.
#pragma once

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/error.hpp"

namespace skillmatch::indexfile {

class ByteWriter {
 public:
  void u8(std::uint8_t v) { buf_.push_back(v); }
  void u32(std::uint32_t v) { put(v, 4); }
  void u64(std::uint64_t v) { put(v, 8); }
  void f32(float v) { u32(std::bit_cast<std::uint32_t>(v)); }
  void f64(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    raw(s.data(), s.size());
  }
  void raw(const void* p, std::size_t n) {
    const auto* b = static_cast<const std::uint8_t*>(p);
    buf_.insert(buf_.end(), b, b + n);
  }
  /// Floats in bulk (one memcpy on a little-endian host).
  void f32s(std::span<const float> v) {
    if constexpr (std::endian::native == std::endian::little) {
      raw(v.data(), v.size_bytes());
    } else {
      for (float x : v) f32(x);
    }
  }
  void u64s(std::span<const std::uint64_t> v) {
    for (auto x : v) u64(x);
  }
  std::size_t size() const noexcept { return buf_.size(); }
  std::vector<std::uint8_t>& buffer() noexcept { return buf_; }

 private:
  void put(std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) buf_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  }
  std::vector<std::uint8_t> buf_;
};

class ByteCursor {
 public:
  /// `bytes` is the section; `section` names it and `file_offset` is where it starts in the file
  /// (both for messages only).
  ByteCursor(std::span<const std::uint8_t> bytes, std::string section, std::uint64_t file_offset)
      : bytes_(bytes), section_(std::move(section)), base_(file_offset) {}

  std::size_t remaining() const noexcept { return bytes_.size() - pos_; }
  bool at_end() const noexcept { return pos_ == bytes_.size(); }
  std::uint64_t offset() const noexcept { return base_ + pos_; }

  std::uint8_t u8(std::string_view what) { return take(1, what)[0]; }
  bool boolean(std::string_view what) {
    const std::uint64_t at = offset();
    std::uint8_t b = u8(what);
    if (b > 1) fail_at(at, std::string(what) + " is " + std::to_string(b) + ", expected 0 or 1");
    return b == 1;
  }
  std::uint32_t u32(std::string_view what) { return static_cast<std::uint32_t>(get(4, what)); }
  std::uint64_t u64(std::string_view what) { return get(8, what); }
  float f32(std::string_view what) { return std::bit_cast<float>(u32(what)); }
  double f64(std::string_view what) { return std::bit_cast<double>(u64(what)); }
  float finite_f32(std::string_view what) {
    const std::uint64_t at = offset();
    float v = f32(what);
    if (!std::isfinite(v)) fail_at(at, std::string(what) + " is not finite");
    return v;
  }
  std::string str(std::string_view what) {
    std::uint32_t n = u32(what);
    auto b = take(n, what);
    return std::string(reinterpret_cast<const char*>(b.data()), b.size());
  }
  /// A count of items that each take at least `min_item_bytes`: rejects counts the rest of the
  /// section cannot hold before anything is allocated for them.
  std::uint64_t count(std::string_view what, std::size_t min_item_bytes) {
    const std::uint64_t at = offset();
    std::uint64_t n = u64(what);
    if (min_item_bytes && n > remaining() / min_item_bytes)
      fail_at(at, std::string(what) + " " + std::to_string(n) + " does not fit in the " +
                      std::to_string(remaining()) + " bytes left of the section");
    return n;
  }
  std::span<const std::uint8_t> take(std::size_t n, std::string_view what) {
    if (n > remaining())
      fail_at(offset(), std::string(what) + " needs " + std::to_string(n) + " bytes, the section has " +
                            std::to_string(remaining()) + " left");
    auto s = bytes_.subspan(pos_, n);
    pos_ += n;
    return s;
  }
  void f32s(std::span<float> out, std::string_view what) {
    auto b = take(out.size_bytes(), what);
    if constexpr (std::endian::native == std::endian::little) {
      if (!b.empty()) std::memcpy(out.data(), b.data(), b.size());
    } else {
      for (std::size_t i = 0; i < out.size(); ++i) {
        std::uint32_t v = 0;
        for (int k = 0; k < 4; ++k) v |= std::uint32_t{b[4 * i + k]} << (8 * k);
        out[i] = std::bit_cast<float>(v);
      }
    }
  }
  void expect_end() {
    if (!at_end()) fail_at(offset(), std::to_string(remaining()) + " unexpected bytes after the section's content");
  }
  [[noreturn]] void fail_at(std::uint64_t file_offset, const std::string& message) const {
    fail(ErrorCode::corrupt, "section '" + section_ + "' at offset " + std::to_string(file_offset) +
                                 ": " + message);
  }
  [[noreturn]] void fail_here(const std::string& message) const { fail_at(offset(), message); }

 private:
  std::uint64_t get(int n, std::string_view what) {
    auto b = take(static_cast<std::size_t>(n), what);
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= std::uint64_t{b[static_cast<std::size_t>(i)]} << (8 * i);
    return v;
  }
  std::span<const std::uint8_t> bytes_;
  std::string section_;
  std::uint64_t base_;
  std::size_t pos_ = 0;
};

}  // namespace skillmatch::indexfile
