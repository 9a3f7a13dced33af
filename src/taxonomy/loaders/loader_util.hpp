// Internal helpers shared by the taxonomy loaders: cell parsing with file:line errors, list splitting,
// and counting skipped items into a LoadReport without flooding it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/delimited_reader.hpp"
#include "skillmatch/loaders.hpp"

namespace skillmatch::loaders {

/// `text` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text) noexcept;

/// A finite decimal number; throws Error(parse_error) "<file>:<line>: column '<column>': bad number '...'".
double parse_number(const io::DelimitedReader& reader, std::size_t column);

/// "Y" -> true, "N" -> false; an empty cell is false when `empty_is_no` (O*NET leaves some flags
/// blank), otherwise an error. Anything else throws Error(parse_error) with file:line and column.
bool parse_flag(const io::DelimitedReader& reader, std::size_t column, bool empty_is_no);

/// Splits a list cell on any of `separators`, trims each item and drops empty items.
std::vector<std::string_view> split_list(std::string_view cell, std::string_view separators);

/// Counts items of one kind that could not be used and turns them into one warning line with the
/// count and the first few examples (so a report on the full data stays readable).
class SkipTally {
 public:
  explicit SkipTally(std::string what) : what_(std::move(what)) {}
  void add(const SourceLocation& where, std::string_view item);
  /// Adds the count to report.skipped and, when non-zero, a warning line.
  void flush_into(LoadReport& report) const;
  std::size_t count() const noexcept { return count_; }

 private:
  std::string what_;
  std::size_t count_ = 0;
  std::vector<std::string> examples_;
};

/// Whether `code` starts with one of `prefixes` (empty prefixes = everything).
bool matches_prefix(std::string_view code, const std::vector<std::string>& prefixes) noexcept;

}  // namespace skillmatch::loaders
