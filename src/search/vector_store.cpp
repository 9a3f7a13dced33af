#include "skillmatch/search/vector_store.hpp"

#include <cmath>
#include <cstring>
#include <new>
#include <string>

#include "skillmatch/error.hpp"

namespace skillmatch {

void validate_vector(std::span<const float> v, std::size_t dim, std::string_view what) {
  if (v.size() != dim)
    fail(ErrorCode::dimension_mismatch, std::string(what) + " has " + std::to_string(v.size()) +
                                            " components, expected dimension " + std::to_string(dim));
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (std::isfinite(v[i])) continue;
    fail(ErrorCode::invalid_value, std::string(what) + ", component " + std::to_string(i) + " is " +
                                       (std::isnan(v[i]) ? "NaN" : v[i] > 0 ? "+Inf" : "-Inf") +
                                       " (vectors must be finite)");
  }
}

namespace {
// The common case (valid input) must not build a message string per row.
bool valid(std::span<const float> v, std::size_t dim) noexcept {
  if (v.size() != dim) return false;
  bool ok = true;
  for (float x : v) ok &= std::isfinite(x);
  return ok;
}
}  // namespace

void VectorStore::AlignedFree::operator()(float* p) const noexcept {
  ::operator delete[](p, std::align_val_t{alignment});
}

VectorStore::VectorStore(std::size_t dim) : dim_(dim) {
  if (dim == 0) fail(ErrorCode::invalid_argument, "VectorStore: dimension must be at least 1");
}

VectorStore::VectorStore(const VectorStore& other) : dim_(other.dim_) {
  grow_to(other.size_);
  if (other.size_) std::memcpy(data_.get(), other.data_.get(), other.size_ * dim_ * sizeof(float));
  size_ = other.size_;
}

VectorStore& VectorStore::operator=(const VectorStore& other) {
  if (this != &other) {
    VectorStore copy(other);
    *this = std::move(copy);
  }
  return *this;
}

VectorStore::VectorStore(VectorStore&& other) noexcept
    : data_(std::move(other.data_)), dim_(other.dim_), size_(other.size_), capacity_(other.capacity_) {
  other.size_ = other.capacity_ = 0;
}

VectorStore& VectorStore::operator=(VectorStore&& other) noexcept {
  data_ = std::move(other.data_);
  dim_ = other.dim_;
  size_ = other.size_;
  capacity_ = other.capacity_;
  other.size_ = other.capacity_ = 0;
  return *this;
}

VectorStore::~VectorStore() = default;

void VectorStore::grow_to(std::size_t rows) {
  if (rows <= capacity_) return;
  if (rows > max_rows)
    fail(ErrorCode::invalid_argument, "VectorStore: " + std::to_string(rows) + " rows exceed the maximum of " +
                                          std::to_string(max_rows));
  std::size_t floats = rows * dim_;
  auto* p = static_cast<float*>(::operator new[](floats * sizeof(float), std::align_val_t{alignment}));
  std::unique_ptr<float[], AlignedFree> fresh(p);
  if (size_) std::memcpy(p, data_.get(), size_ * dim_ * sizeof(float));
  data_ = std::move(fresh);
  capacity_ = rows;
}

void VectorStore::reserve(std::size_t rows) { grow_to(rows); }

std::uint32_t VectorStore::append(std::span<const float> v) {
  if (!valid(v, dim_)) validate_vector(v, dim_, "VectorStore::append: row " + std::to_string(size_));
  if (size_ == max_rows)
    fail(ErrorCode::invalid_argument, "VectorStore::append: the store is full (" + std::to_string(max_rows) + " rows)");
  if (size_ == capacity_) {
    std::size_t want = capacity_ < 16 ? 16 : capacity_ + capacity_ / 2;
    grow_to(want > max_rows ? max_rows : want);
  }
  std::memcpy(data_.get() + size_ * dim_, v.data(), dim_ * sizeof(float));
  return static_cast<std::uint32_t>(size_++);
}

void VectorStore::set(std::size_t r, std::span<const float> v) {
  if (r >= size_)
    fail(ErrorCode::invalid_argument,
         "VectorStore::set: row " + std::to_string(r) + " out of range (size " + std::to_string(size_) + ")");
  if (!valid(v, dim_)) validate_vector(v, dim_, "VectorStore::set: row " + std::to_string(r));
  std::memcpy(data_.get() + r * dim_, v.data(), dim_ * sizeof(float));
}

}  // namespace skillmatch
