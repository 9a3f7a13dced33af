#include "skillmatch/profile_index.hpp"

#include <algorithm>
#include <mutex>

namespace skillmatch {

ProfileIndex::ProfileIndex(Side side, AttributeSchema schema, std::size_t dimension)
    : side_(side), vectors_(dimension), columns_(std::move(schema)) {}

std::uint32_t ProfileIndex::upsert(const Profile& profile, std::span<const float> vector) {
  if (profile.id.empty()) fail(ErrorCode::invalid_argument, std::string(to_string(side_)) + " profile with an empty id");
  const std::string context = std::string(to_string(side_)) + " '" + profile.id + "'";
  validate_vector(vector, vectors_.dim(), context + ": vector");
  for (const auto& s : profile.skills)
    if (s.concept_index == no_concept)
      fail(ErrorCode::invalid_argument, context + ": skill '" + s.text + "' has no concept");

  std::unique_lock lock(mutex_);
  std::uint32_t row;
  if (auto it = row_of_.find(profile.id); it != row_of_.end()) {
    row = it->second;
    columns_.set_row(row, profile.attributes, context);  // validates before changing anything
    vectors_.set(row, vector);
    unlink_postings(row);
  } else if (!free_rows_.empty()) {
    row = free_rows_.back();
    columns_.set_row(row, profile.attributes, context);
    vectors_.set(row, vector);
    free_rows_.pop_back();
    row_of_.emplace(profile.id, row);
  } else {
    // Attributes first: append() adds nothing on error, and the vector was validated above.
    row = static_cast<std::uint32_t>(columns_.append(profile.attributes, context));
    vectors_.append(vector);
    ids_.emplace_back();
    titles_.emplace_back();
    skills_.emplace_back();
    live_.resize(ids_.size());
    row_of_.emplace(profile.id, row);
  }
  ids_[row] = profile.id;
  titles_[row] = profile.title;
  skills_[row] = profile.skills;
  live_.set(row);
  for (const auto& s : profile.skills) {
    auto& rows = postings_[s.concept_index];
    rows.insert(std::upper_bound(rows.begin(), rows.end(), row), row);
  }
  return row;
}

bool ProfileIndex::remove(std::string_view id) {
  std::unique_lock lock(mutex_);
  auto it = row_of_.find(std::string(id));
  if (it == row_of_.end()) return false;
  std::uint32_t row = it->second;
  row_of_.erase(it);
  unlink_postings(row);
  columns_.clear_row(row);
  ids_[row].clear();
  titles_[row].clear();
  skills_[row].clear();
  live_.reset(row);
  free_rows_.push_back(row);
  return true;
}

void ProfileIndex::unlink_postings(std::uint32_t row) {
  for (const auto& s : skills_[row]) {
    auto p = postings_.find(s.concept_index);
    if (p == postings_.end()) continue;
    auto& rows = p->second;
    auto r = std::lower_bound(rows.begin(), rows.end(), row);
    if (r != rows.end() && *r == row) rows.erase(r);
    if (rows.empty()) postings_.erase(p);
  }
}

std::optional<std::uint32_t> ProfileIndex::ReadView::row_of(std::string_view id) const noexcept {
  auto it = index_->row_of_.find(std::string(id));
  if (it == index_->row_of_.end()) return std::nullopt;
  return it->second;
}

std::span<const std::uint32_t> ProfileIndex::ReadView::rows_with(ConceptIndex c) const noexcept {
  auto it = index_->postings_.find(c);
  if (it == index_->postings_.end()) return {};
  return it->second;
}

Profile ProfileIndex::ReadView::profile(std::uint32_t row) const {
  Profile p;
  p.id = id(row);
  p.title = title(row);
  auto s = skills(row);
  p.skills.assign(s.begin(), s.end());
  const auto& cols = columns();
  for (std::size_t a = 0; a < cols.schema().size(); ++a)
    p.attributes.set(cols.schema()[a].name, cols.get(row, a));
  auto v = vectors().row(row);
  p.vector.assign(v.begin(), v.end());
  return p;
}

}  // namespace skillmatch
