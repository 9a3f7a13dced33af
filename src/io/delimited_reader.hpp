// Internal: a reader of delimited text files (TSV as O*NET publishes it, RFC 4180 CSV as ESCO and the
// Stack Exchange Data Explorer publish it), one record at a time, with the physical line number of each
// record for error messages and column lookup by header name.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/error.hpp"

namespace skillmatch::io {

enum class Dialect {
  // Cells separated by tabs, one record per line, no quoting: a '"' is an ordinary character
  // (O*NET descriptions contain quotes that are not CSV quoting).
  tsv,
  // RFC 4180: cells separated by commas; a cell that starts with '"' is quoted, may contain commas,
  // newlines and doubled quotes ("") and must be closed. A quote inside an unquoted cell is kept as is.
  csv,
};

/// What to do with a record that has fewer cells than the header.
enum class ShortRecords {
  reject,  // parse_error with file:line (the default: a lost cell usually means a broken file)
  pad,     // read the missing trailing cells as empty (ESCO skillsHierarchy_en.csv omits trailing empty cells)
};

/// Reads a whole file (these sources are a few MB) and walks its records. The first record is the
/// header. Lines may end in LF or CRLF (CRLF inside a quoted CSV cell becomes LF); a UTF-8 byte order
/// mark is skipped; empty lines between records are skipped. Every record must have as many cells as
/// the header (see ShortRecords). Not thread-safe; cell views stay valid until the next call to next().
class DelimitedReader {
 public:
  /// Opens and reads `path`. Throws Error(io_error) naming the path when it cannot be read, and
  /// Error(parse_error) when the header is missing or malformed.
  DelimitedReader(const std::filesystem::path& path, Dialect dialect, ShortRecords short_records = ShortRecords::reject);

  /// The file as named in error messages (the path as given).
  const std::string& file() const noexcept { return file_; }
  const std::vector<std::string>& header() const noexcept { return header_; }

  /// Index of the column with this header name, or nullopt.
  std::optional<std::size_t> find_column(std::string_view name) const noexcept;
  /// Index of the column; throws Error(parse_error) "<file>: missing column '<name>'" when absent.
  std::size_t column(std::string_view name) const;

  /// Moves to the next record; false at the end of the file. Throws Error(parse_error) with file:line
  /// for a record with the wrong number of cells, an unterminated quoted cell or text after a
  /// closing quote.
  bool next();

  std::string_view cell(std::size_t column) const { return cells_.at(column); }
  std::size_t cell_count() const noexcept { return cells_.size(); }
  /// 1-based physical line where the current record starts.
  std::size_t line() const noexcept { return line_; }
  SourceLocation where() const { return {file_, line_}; }

 private:
  bool read_record();  // raw record into cells_, no cell count check
  void read_tsv_record();
  void read_csv_record();

  std::string file_;
  Dialect dialect_;
  ShortRecords short_records_;
  std::string data_;
  std::size_t pos_ = 0;
  std::size_t next_line_ = 1;  // physical line at pos_
  std::size_t line_ = 0;       // line of the current record
  std::vector<std::string> header_;
  std::string scratch_;                                   // unescaped cell text of the current record
  std::vector<std::pair<std::size_t, std::size_t>> spans_;  // (offset, length) into scratch_
  std::vector<std::string_view> cells_;
};

}  // namespace skillmatch::io
