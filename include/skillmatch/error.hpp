// skillmatch/error.hpp — the one exception type of the C++ API.
//
// Every fallible C++ function in skillmatch reports failure by throwing skillmatch::Error
// (or std::bad_alloc when memory runs out). The code says what kind of failure it was; the
// message says what and where (file and line, profile id, position in an expression), so a
// portal can log it as is. The C ABI maps each code to an skm_status value.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace skillmatch {

enum class ErrorCode : int {
  invalid_argument = 1,  // a caller passed a value outside the documented domain
  parse_error = 2,       // malformed input text (file, JSON, filter expression)
  io_error = 3,          // a file could not be opened, read or written
  not_found = 4,         // an id that names nothing (concept, profile, attribute)
  cycle = 5,             // the broader graph of a taxonomy is not a DAG
  dimension_mismatch = 6,// a vector of the wrong length
  invalid_value = 7,     // NaN / Inf or otherwise unusable number
  duplicate = 8,         // an id given twice where ids must be unique
  corrupt = 9,           // a file that fails its own integrity checks
  internal = 10,         // a broken invariant inside skillmatch (a bug: please report)
};

/// Name of an error code, e.g. "parse_error". Never null; thread-safe.
const char* to_string(ErrorCode code) noexcept;

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

/// Where a record came from, for error messages: "file.tsv:12".
struct SourceLocation {
  std::string file;
  std::size_t line = 0;  // 1-based; 0 = unknown
  std::string str() const { return line ? file + ":" + std::to_string(line) : file; }
};

[[noreturn]] inline void fail(ErrorCode code, const std::string& message) { throw Error(code, message); }

[[noreturn]] inline void fail_at(ErrorCode code, const SourceLocation& where, const std::string& message) {
  throw Error(code, where.str() + ": " + message);
}

}  // namespace skillmatch
