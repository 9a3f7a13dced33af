// skillmatch/core/bitmap.hpp — a dense bit set over row numbers: the currency between filters
// (which produce one) and search kernels (which scan only the rows it admits).
//
// Plain value type. Not synchronised: concurrent const use is safe, mutation needs exclusive access.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace skillmatch {

class Bitmap {
 public:
  Bitmap() = default;
  /// `size` bits, all set to `value`.
  explicit Bitmap(std::size_t size, bool value = false)
      : words_((size + 63) / 64, value ? ~std::uint64_t{0} : 0), size_(size) {
    clear_tail();
  }

  std::size_t size() const noexcept { return size_; }
  bool test(std::size_t i) const noexcept { return (words_[i >> 6] >> (i & 63)) & 1u; }
  void set(std::size_t i) noexcept { words_[i >> 6] |= std::uint64_t{1} << (i & 63); }
  void reset(std::size_t i) noexcept { words_[i >> 6] &= ~(std::uint64_t{1} << (i & 63)); }
  void assign(std::size_t i, bool v) noexcept { v ? set(i) : reset(i); }

  /// Grows or shrinks to `size` bits; new bits are `value`.
  void resize(std::size_t size, bool value = false) {
    std::size_t old = size_;
    words_.resize((size + 63) / 64, value ? ~std::uint64_t{0} : 0);
    size_ = size;
    if (value)
      for (std::size_t i = old; i < size && (i & 63); ++i) set(i);
    else if (old < size && (old & 63))
      words_[old >> 6] &= (std::uint64_t{1} << (old & 63)) - 1;
    clear_tail();
  }

  std::size_t count() const noexcept {
    std::size_t n = 0;
    for (auto w : words_) n += static_cast<std::size_t>(std::popcount(w));
    return n;
  }

  /// Bitwise operations with a bitmap of the same size (the caller guarantees equal sizes).
  Bitmap& operator&=(const Bitmap& o) noexcept {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= o.words_[i];
    return *this;
  }
  Bitmap& operator|=(const Bitmap& o) noexcept {
    for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= o.words_[i];
    return *this;
  }
  /// Complement within size().
  void flip() noexcept {
    for (auto& w : words_) w = ~w;
    clear_tail();
  }

  std::span<const std::uint64_t> words() const noexcept { return words_; }
  std::span<std::uint64_t> words() noexcept { return words_; }

  /// Calls f(row) for every set bit in increasing order.
  template <typename F>
  void for_each_set(F&& f) const {
    for (std::size_t wi = 0; wi < words_.size(); ++wi)
      for (std::uint64_t w = words_[wi]; w; w &= w - 1)
        f(wi * 64 + static_cast<std::size_t>(std::countr_zero(w)));
  }

  friend bool operator==(const Bitmap&, const Bitmap&) = default;

 private:
  // Bits past size() stay zero so count(), == and for_each_set need no masking.
  void clear_tail() noexcept {
    if (size_ & 63) words_.back() &= (std::uint64_t{1} << (size_ & 63)) - 1;
  }
  std::vector<std::uint64_t> words_;
  std::size_t size_ = 0;
};

}  // namespace skillmatch
