// skillmatch/filter.hpp — the filter expression language: compile once against an AttributeSchema,
// evaluate against AttributeColumns into a Bitmap (one bit per row), explain one row.
//
//   jlpt >= N3 and location in ("Tokyo", "remote") and salary_jpy <= 8000000 and not visa_refused
//
// The grammar, operators per type, missing-value rules and error messages are documented in
// docs/filters.md. In short: a comparison on a missing value is false, and `not` is the plain
// complement, so `not (years > 3)` admits rows where years is missing; `years is missing`,
// `years is not missing` and `exists(years)` test presence.
//
// Thread-safety: a CompiledFilter is immutable; copies share their state, and any number of threads
// may evaluate the same filter at once. evaluate(), matches() and explain() only read their inputs
// (the columns must not be mutated meanwhile). A FilterScratch belongs to one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "skillmatch/attributes.hpp"
#include "skillmatch/core/bitmap.hpp"

namespace skillmatch {

namespace filter_detail {
struct Program;
}

class CompiledFilter {
 public:
  /// The expression as given to compile_filter().
  const std::string& source() const noexcept;
  /// Canonical text of the whole filter, e.g. `jlpt >= N3 and (a = "x" or not b)`.
  std::string to_string() const;
  /// Number of clauses (comparisons, in-lists, presence tests, bare booleans).
  std::size_t clause_count() const noexcept;
  /// Number of attributes the filter was compiled against; evaluate() checks the columns match.
  std::size_t schema_size() const noexcept;

  /// Internal representation, for the evaluator; not part of the stable API.
  const filter_detail::Program& program() const noexcept { return *program_; }
  explicit CompiledFilter(std::shared_ptr<const filter_detail::Program> program) noexcept
      : program_(std::move(program)) {}

 private:
  std::shared_ptr<const filter_detail::Program> program_;
};

/// Parses and type-checks `expr` against `schema`. The result does not refer to `schema` afterwards,
/// but must be evaluated against columns of the same schema (same attributes in the same order).
/// Errors (every message starts "position N: ", N the 1-based character (code point) position):
///   parse_error       malformed text: "position 14: expected a value after '>=', found end of input";
///                     also unterminated strings, bad escapes, malformed or out-of-range numbers,
///                     nesting deeper than 64
///   not_found         unknown attribute (with "did you mean" when one is close) or unknown ordinal level
///   invalid_argument  an operator or value that does not fit the attribute's type
///                     ("'<' is not defined for categorical attribute 'location'")
/// A categorical value never seen in the data is not an error: `location = "Mars"` matches no row.
CompiledFilter compile_filter(std::string_view expr, const AttributeSchema& schema);

/// Reusable working memory for evaluate(), so a warm scratch makes evaluation allocation-free.
class FilterScratch {
 public:
  FilterScratch() = default;

 private:
  friend void evaluate(const CompiledFilter&, const AttributeColumns&, Bitmap&, FilterScratch&);
  std::vector<std::uint32_t> codes_;       // resolved categorical codes of every clause, concatenated
  std::vector<std::uint8_t> tables_;       // per clause: membership table over its dictionary
  std::vector<std::size_t> code_begin_;    // per clause: [code_begin, code_end) in codes_
  std::vector<std::size_t> table_begin_;   // per clause: offset in tables_
};

/// Sets `out` to columns.size() bits, bit r set when row r satisfies the filter. Works 64 rows at a
/// time: each clause turns a block of a column into one 64-bit word (a vectorisable loop over
/// contiguous values), and the words are combined by and/or/not. Allocates only to resize `out` and
/// the scratch; nothing per row. Error(invalid_argument) when the columns' schema has a different
/// number of attributes than the filter's.
void evaluate(const CompiledFilter& filter, const AttributeColumns& columns, Bitmap& out, FilterScratch& scratch);
void evaluate(const CompiledFilter& filter, const AttributeColumns& columns, Bitmap& out);

/// Whether one row satisfies the filter (row-at-a-time; for explanations and spot checks).
/// Error(invalid_argument) for a row out of range or a schema mismatch.
bool matches(const CompiledFilter& filter, const AttributeColumns& columns, std::size_t row);

/// The outcome of one clause for one row.
struct ClauseOutcome {
  std::string clause;  // canonical clause text: `jlpt >= N3`, `not visa_refused`
  bool passed = false;
  std::string value;   // the row's value as display text: "N2", "[Tokyo, remote]", "missing"
  /// "jlpt >= N3: passed (N2)"
  std::string to_string() const { return clause + ": " + (passed ? "passed" : "failed") + " (" + value + ")"; }
};

struct FilterExplanation {
  bool passed = false;                  // the whole filter
  std::vector<ClauseOutcome> clauses;   // in source order; a `not` directly around a clause is folded in
  /// One line per clause, then "filter: passed" / "filter: failed".
  std::string to_string() const;
};

/// Per clause of the filter, whether `row` passed it and the value it saw. Same errors as matches().
FilterExplanation explain(const CompiledFilter& filter, const AttributeColumns& columns, std::size_t row);

}  // namespace skillmatch
