// skillmatch/profile_index.hpp — the stored profiles of one side (jobs or candidates), columnar:
// ids, unit vectors (one contiguous float32 store), skills per row, attribute columns, a live-row
// bitmap (removed rows are tombstones until a new profile reuses them), and an inverted index from
// concept to the rows that list it.
//
// Ids are the portal's external ids. A row number is stable for as long as its profile stays in
// the index (an update keeps it); after a removal the row may be reused by a later insertion.
//
// Concurrency contract: any number of threads may read at once through ReadView objects while at most
// one thread writes (upsert, remove); a writer waits for the readers present and blocks new readers
// for the duration of one write, so every ReadView sees a consistent state and never a half-written
// profile. The lock prefers writers (core/rw_lock.hpp): once a writer waits, new ReadViews wait
// behind it, so a writer waits at most for the views already open. Hence keep views short (the
// engine takes one per phase of a query, and one per chunk of a scan through scan_guard(), never for
// a whole query), and never open a second view on the same thread while holding one, on this index
// or on another (the only code that holds two at once, Engine::save, takes the job side's first:
// one global order). Several writers are also safe (they serialise), but one writer is the intended
// use. Do not call a writer on the same thread while holding a ReadView (self-deadlock).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/unordered/unordered_flat_map.hpp>

#include "skillmatch/attributes.hpp"
#include "skillmatch/core/bitmap.hpp"
#include "skillmatch/core/rw_lock.hpp"
#include "skillmatch/profile.hpp"
#include "skillmatch/search/exact_search.hpp"
#include "skillmatch/search/vector_store.hpp"

namespace skillmatch {

class ProfileIndex {
 public:
  /// An empty index of `side` profiles whose attributes follow `schema` and whose vectors have
  /// `dimension` components. Error(invalid_argument) if dimension == 0.
  ProfileIndex(Side side, AttributeSchema schema, std::size_t dimension);
  ProfileIndex(const ProfileIndex&) = delete;
  ProfileIndex& operator=(const ProfileIndex&) = delete;

  Side side() const noexcept { return side_; }
  std::size_t dimension() const noexcept { return vectors_.dim(); }
  const AttributeSchema& schema() const noexcept { return columns_.schema(); }

  /// Adds the profile, or replaces the stored profile with the same id (keeping its row). `vector`
  /// is the profile's unit vector (the engine embeds or normalises it). Returns the row.
  /// Errors, with the profile id in the message, and the index unchanged:
  ///   invalid_argument    empty id; attribute of the wrong type (see AttributeColumns::set_row)
  ///   not_found           attribute the schema does not declare
  ///   dimension_mismatch  vector.size() != dimension()
  ///   invalid_value       NaN/Inf in the vector or an attribute
  std::uint32_t upsert(const Profile& profile, std::span<const float> vector);
  /// Removes the profile with this id; false when there is none.
  bool remove(std::string_view id);

  /// A consistent read-only view; holds a shared lock for its lifetime (keep it short-lived).
  class ReadView {
   public:
    std::size_t rows() const noexcept { return index_->ids_.size(); }  // live and removed
    std::size_t live_count() const noexcept { return index_->live_.count(); }
    const Bitmap& live() const noexcept { return index_->live_; }
    const VectorStore& vectors() const noexcept { return index_->vectors_; }
    const AttributeColumns& columns() const noexcept { return index_->columns_; }
    std::optional<std::uint32_t> row_of(std::string_view id) const noexcept;
    /// Row accessors; `row` must be < rows() (the id of a removed row is empty).
    const std::string& id(std::uint32_t row) const noexcept { return index_->ids_[row]; }
    const std::string& title(std::uint32_t row) const noexcept { return index_->titles_[row]; }
    std::span<const ProfileSkill> skills(std::uint32_t row) const noexcept { return index_->skills_[row]; }
    /// Rows that list concept `c` (live rows only, ascending).
    std::span<const std::uint32_t> rows_with(ConceptIndex c) const noexcept;
    /// Calls f(concept, rows) once for every concept some live row lists, in no particular order
    /// (rows as rows_with). Lets a query test each distinct concept once instead of each row's skills.
    template <typename F>
    void for_each_concept(F&& f) const {
      for (const auto& [c, rows] : index_->postings_) f(c, std::span<const std::uint32_t>(rows));
    }
    /// The stored profile as a Profile value (attributes from the columns), e.g. to use it as a query.
    Profile profile(std::uint32_t row) const;

   private:
    friend class ProfileIndex;
    ReadView(const ProfileIndex* index) : index_(index), lock_(index->mutex_) {}
    const ProfileIndex* index_;
    std::shared_lock<WriterPreferringLock> lock_;
  };
  ReadView read() const { return ReadView(this); }

  /// For exact_search over vectors() without a ReadView held (ExactSearchOptions::guard): takes the
  /// shared side of this index's lock for one chunk at a time. The same rules as a ReadView's (no
  /// other view held by the thread while a chunk is held; the search never holds two).
  ScanGuard& scan_guard() const noexcept { return guard_; }
  /// The vector store itself, for a guarded search only (read it under scan_guard()).
  const VectorStore& vectors_unlocked() const noexcept { return vectors_; }

 private:
  friend struct IndexFileAccess;  // the index file codec (src/index/profile_index_codec.cpp)
  void unlink_postings(std::uint32_t row);

  struct Guard final : ScanGuard {
    explicit Guard(WriterPreferringLock& l) : lock_(l) {}
    void lock() override { lock_.lock_shared(); }
    void unlock() noexcept override { lock_.unlock_shared(); }
    WriterPreferringLock& lock_;
  };

  Side side_;
  mutable WriterPreferringLock mutex_;
  mutable Guard guard_{mutex_};
  VectorStore vectors_;
  AttributeColumns columns_;
  std::vector<std::string> ids_;
  std::vector<std::string> titles_;
  std::vector<std::vector<ProfileSkill>> skills_;
  Bitmap live_;
  std::vector<std::uint32_t> free_rows_;
  boost::unordered_flat_map<std::string, std::uint32_t> row_of_;
  boost::unordered_flat_map<ConceptIndex, std::vector<std::uint32_t>> postings_;
};

}  // namespace skillmatch
