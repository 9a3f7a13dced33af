// skillmatch/search/vector_store.hpp — float32 vectors of one dimension, stored row-major in one
// contiguous, 64-byte aligned buffer: what the exact search kernels scan.
//
// Layout: row r occupies data()[r * dim(), (r + 1) * dim()). Rows are NOT padded: the stride is exactly
// dim() floats, because a scan is memory-bound and padding would be bytes read for nothing (d = 100
// padded to 112 costs 12%). Kernels handle any dim with masked tail loads, so only the buffer start is
// aligned (and every row when dim is a multiple of 16).
//
// Every stored value is finite: append() and set() reject NaN and ±Inf. Row numbers are 32-bit (Hit::row),
// so a store holds at most max_rows rows.
//
// Ownership: a value type; copying copies the buffer. Thread-safety: concurrent const use is safe;
// mutation (append, set, reserve, clear) needs exclusive access and invalidates data() and row() spans.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

namespace skillmatch {

class VectorStore {
 public:
  static constexpr std::size_t alignment = 64;
  static constexpr std::size_t max_rows = 0xFFFFFFFFu;  // row numbers fit in std::uint32_t

  /// An empty store of vectors with `dim` components. Throws Error(invalid_argument) if dim == 0.
  explicit VectorStore(std::size_t dim);
  VectorStore(const VectorStore& other);
  VectorStore& operator=(const VectorStore& other);
  VectorStore(VectorStore&& other) noexcept;
  VectorStore& operator=(VectorStore&& other) noexcept;
  ~VectorStore();

  std::size_t dim() const noexcept { return dim_; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  std::size_t capacity() const noexcept { return capacity_; }

  /// All rows, size() * dim() floats, 64-byte aligned (nullptr while capacity() == 0).
  const float* data() const noexcept { return data_.get(); }

  /// Row `r` (unchecked: r < size()).
  std::span<const float> row(std::size_t r) const noexcept { return {data_.get() + r * dim_, dim_}; }

  /// Makes room for `rows` rows without reallocating later. Throws Error(invalid_argument) if rows > max_rows.
  void reserve(std::size_t rows);

  /// Appends a vector and returns its row number. Throws Error(dimension_mismatch) if v.size() != dim(),
  /// Error(invalid_value) if a component is NaN or infinite (the message names the row and component),
  /// Error(invalid_argument) when max_rows is reached. On error the store is unchanged.
  std::uint32_t append(std::span<const float> v);

  /// Overwrites row `r`. Throws Error(invalid_argument) if r >= size(), otherwise as append(); on error
  /// the row keeps its old value.
  void set(std::size_t r, std::span<const float> v);

  /// Removes every row (keeps the capacity).
  void clear() noexcept { size_ = 0; }

 private:
  struct AlignedFree {
    void operator()(float* p) const noexcept;
  };
  void grow_to(std::size_t rows);

  std::unique_ptr<float[], AlignedFree> data_;
  std::size_t dim_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

/// Checks that `v` has `dim` finite components. `what` names the vector in the message, e.g.
/// "VectorStore::append: row 12" or "exact_search: query". Throws Error(dimension_mismatch) or
/// Error(invalid_value) with the offending component's position and value. Thread-safe.
void validate_vector(std::span<const float> v, std::size_t dim, std::string_view what);

}  // namespace skillmatch
