#include "taxonomy/loaders/loader_util.hpp"

#include <charconv>
#include <cmath>

namespace skillmatch::loaders {

std::string_view trim(std::string_view text) noexcept {
  const char* space = " \t\r\n\f\v";
  std::size_t b = text.find_first_not_of(space);
  if (b == std::string_view::npos) return {};
  std::size_t e = text.find_last_not_of(space);
  return text.substr(b, e - b + 1);
}

double parse_number(const io::DelimitedReader& reader, std::size_t column) {
  std::string_view cell = trim(reader.cell(column));
  double value = 0;
  auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (cell.empty() || ec != std::errc{} || end != cell.data() + cell.size() || !std::isfinite(value))
    fail_at(ErrorCode::parse_error, reader.where(),
            "column '" + reader.header()[column] + "': bad number '" + std::string(reader.cell(column)) + "'");
  return value;
}

bool parse_flag(const io::DelimitedReader& reader, std::size_t column, bool empty_is_no) {
  std::string_view cell = trim(reader.cell(column));
  if (cell == "Y") return true;
  if (cell == "N" || (cell.empty() && empty_is_no)) return false;
  fail_at(ErrorCode::parse_error, reader.where(),
          "column '" + reader.header()[column] + "': expected Y or N, found '" + std::string(reader.cell(column)) + "'");
}

std::vector<std::string_view> split_list(std::string_view cell, std::string_view separators) {
  std::vector<std::string_view> items;
  while (!cell.empty()) {
    std::size_t cut = cell.find_first_of(separators);
    std::string_view item = trim(cell.substr(0, cut));
    if (!item.empty()) items.push_back(item);
    if (cut == std::string_view::npos) break;
    cell.remove_prefix(cut + 1);
  }
  return items;
}

void SkipTally::add(const SourceLocation& where, std::string_view item) {
  ++count_;
  if (examples_.size() >= 3) return;
  // Built with append: GCC 12 gives a false -Wrestrict on operator+ chains that start with a literal.
  std::string example;
  example.append(1, '\'').append(item).append("' (").append(where.str()).append(")");
  examples_.push_back(std::move(example));
}

void SkipTally::flush_into(LoadReport& report) const {
  if (count_ == 0) return;
  report.skipped += count_;
  std::string line = std::to_string(count_) + " " + what_ + ", e.g.";
  for (std::size_t i = 0; i < examples_.size(); ++i) line += (i ? ", " : " ") + examples_[i];
  report.warnings.push_back(std::move(line));
}

bool matches_prefix(std::string_view code, const std::vector<std::string>& prefixes) noexcept {
  if (prefixes.empty()) return true;
  for (const auto& p : prefixes)
    if (code.starts_with(p)) return true;
  return false;
}

}  // namespace skillmatch::loaders
