#include "io/delimited_reader.hpp"

#include <fstream>

namespace skillmatch::io {

DelimitedReader::DelimitedReader(const std::filesystem::path& path, Dialect dialect, ShortRecords short_records)
    : file_(path.string()), dialect_(dialect), short_records_(short_records) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) fail(ErrorCode::io_error, file_ + ": is a directory, not a file");
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) fail(ErrorCode::io_error, file_ + ": cannot open file");
  const std::streamoff size = in.tellg();
  if (size < 0) fail(ErrorCode::io_error, file_ + ": cannot determine the file size");
  data_.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  if (!in.read(data_.data(), size)) fail(ErrorCode::io_error, file_ + ": read error");
  if (data_.starts_with("\xEF\xBB\xBF")) pos_ = 3;

  if (!read_record()) fail(ErrorCode::parse_error, file_ + ": empty file, expected a header row");
  header_.assign(cells_.begin(), cells_.end());
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i].empty())
      fail_at(ErrorCode::parse_error, where(), "empty column name in header (column " + std::to_string(i + 1) + ")");
    for (std::size_t j = 0; j < i; ++j)
      if (header_[j] == header_[i]) fail_at(ErrorCode::parse_error, where(), "column '" + header_[i] + "' appears twice in header");
  }
}

std::optional<std::size_t> DelimitedReader::find_column(std::string_view name) const noexcept {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return i;
  return std::nullopt;
}

std::size_t DelimitedReader::column(std::string_view name) const {
  if (auto i = find_column(name)) return *i;
  fail(ErrorCode::parse_error, file_ + ": missing column '" + std::string(name) + "'");
}

bool DelimitedReader::next() {
  if (!read_record()) return false;
  if (cells_.size() < header_.size() && short_records_ == ShortRecords::pad) cells_.resize(header_.size());
  if (cells_.size() != header_.size())
    fail_at(ErrorCode::parse_error, where(),
            "expected " + std::to_string(header_.size()) + " cells (as in the header), found " +
                std::to_string(cells_.size()));
  return true;
}

bool DelimitedReader::read_record() {
  // Skip empty lines: they hold no data.
  while (pos_ < data_.size()) {
    if (data_[pos_] == '\n') {
      ++pos_;
      ++next_line_;
    } else if (data_[pos_] == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') {
      pos_ += 2;
      ++next_line_;
    } else {
      break;
    }
  }
  if (pos_ >= data_.size()) return false;
  line_ = next_line_;
  cells_.clear();
  if (dialect_ == Dialect::tsv)
    read_tsv_record();
  else
    read_csv_record();
  return true;
}

void DelimitedReader::read_tsv_record() {
  std::size_t end = data_.find('\n', pos_);
  std::size_t next = end == std::string::npos ? data_.size() : end + 1;
  if (end == std::string::npos) end = data_.size();
  if (end > pos_ && data_[end - 1] == '\r') --end;
  std::string_view rest(data_.data() + pos_, end - pos_);
  for (;;) {
    std::size_t tab = rest.find('\t');
    cells_.push_back(rest.substr(0, tab));
    if (tab == std::string_view::npos) break;
    rest.remove_prefix(tab + 1);
  }
  pos_ = next;
  ++next_line_;
}

void DelimitedReader::read_csv_record() {
  scratch_.clear();
  spans_.clear();
  const std::size_t n = data_.size();
  for (;;) {
    const std::size_t start = scratch_.size();
    if (pos_ < n && data_[pos_] == '"') {
      const std::size_t open_line = next_line_;
      ++pos_;
      for (;;) {
        if (pos_ >= n)
          fail_at(ErrorCode::parse_error, SourceLocation{file_, open_line}, "unterminated quoted cell");
        char c = data_[pos_];
        if (c == '"') {
          if (pos_ + 1 < n && data_[pos_ + 1] == '"') {
            scratch_ += '"';
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        if (c == '\r' && pos_ + 1 < n && data_[pos_ + 1] == '\n') {
          ++pos_;  // CRLF inside a cell becomes LF
          continue;
        }
        if (c == '\n') ++next_line_;
        scratch_ += c;
        ++pos_;
      }
      if (pos_ < n && data_[pos_] != ',' && data_[pos_] != '\n' &&
          !(data_[pos_] == '\r' && pos_ + 1 < n && data_[pos_ + 1] == '\n'))
        fail_at(ErrorCode::parse_error, SourceLocation{file_, next_line_},
                "unexpected character '" + std::string(1, data_[pos_]) + "' after a closing quote");
    } else {
      while (pos_ < n && data_[pos_] != ',' && data_[pos_] != '\n' &&
             !(data_[pos_] == '\r' && pos_ + 1 < n && data_[pos_ + 1] == '\n'))
        scratch_ += data_[pos_++];
    }
    spans_.emplace_back(start, scratch_.size() - start);
    if (pos_ < n && data_[pos_] == ',') {
      ++pos_;
      continue;
    }
    // End of record: consume the line end (if any).
    if (pos_ < n && data_[pos_] == '\r') ++pos_;
    if (pos_ < n && data_[pos_] == '\n') ++pos_;
    ++next_line_;
    break;
  }
  for (auto [offset, length] : spans_) cells_.emplace_back(scratch_.data() + offset, length);
}

}  // namespace skillmatch::io
