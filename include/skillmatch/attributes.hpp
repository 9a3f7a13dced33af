// skillmatch/attributes.hpp — typed profile attributes: the schema an index declares, a value set
// for one profile, and the columnar store the filter language (filter.hpp) evaluates against.
//
// Four types:
//   categorical  strings such as location or employment type; single- or multi-valued; stored as
//                codes interned per column (so "Tokyo" is compared as an integer)
//   ordinal      one level of an ordered scale: JLPT (N5 < N4 < N3 < N2 < N1) is built in, portals
//                declare their own ("junior" < "mid" < "senior"); stored as the level's rank
//   numeric      a finite double (salary_jpy, years)
//   boolean      true / false
// Every row of every column can also be missing (the profile did not say).
//
// Attribute names are identifiers [A-Za-z_][A-Za-z0-9_]*, unique ignoring ASCII case, and may not be
// a keyword of the filter language (and, or, not, in, is, missing, has, exists, true, false).
// Lookup by name is exact (case-sensitive); error messages suggest the nearest name.
//
// Thread-safety: all three classes are plain values. Any number of threads may use const member
// functions at once; a mutation needs exclusive access.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "skillmatch/core/bitmap.hpp"
#include "skillmatch/error.hpp"

namespace skillmatch {

enum class AttributeType : std::uint8_t { categorical, ordinal, numeric, boolean };
const char* to_string(AttributeType type) noexcept;

/// An ordered scale of named levels, lowest first. Level names are matched ignoring ASCII case
/// ("n3" finds N3). At most max_levels levels, so a set of levels fits one 64-bit mask.
class OrdinalScale {
 public:
  static constexpr std::size_t max_levels = 64;

  /// Throws Error(invalid_argument) for an empty scale, an empty level name, more than max_levels
  /// levels, or two levels equal ignoring case. `name` only labels the scale in messages.
  OrdinalScale(std::string name, std::vector<std::string> levels_lowest_first);

  /// The JLPT scale: N5 < N4 < N3 < N2 < N1.
  static const OrdinalScale& jlpt();

  const std::string& name() const noexcept { return name_; }
  std::span<const std::string> levels() const noexcept { return levels_; }
  std::size_t size() const noexcept { return levels_.size(); }
  /// Rank of a level (0 = lowest), or nullopt.
  std::optional<std::uint8_t> find(std::string_view level) const noexcept;
  /// "N5, N4, N3, N2, N1" — for error messages.
  std::string describe() const;

 private:
  std::string name_;
  std::vector<std::string> levels_;
};

/// One declared attribute.
struct AttributeDef {
  std::string name;
  AttributeType type = AttributeType::numeric;
  bool multi_valued = false;           // categorical only
  std::vector<std::string> values;     // categorical only: the closed list of allowed values; empty = any
  std::optional<OrdinalScale> scale;   // ordinal only
  /// A protected attribute (gender, age, religion, nationality, marital status...): stored and
  /// reported (exposure by group, gap.hpp) but never used by a filter or a preference of a match
  /// unless the query sets MatchOptions::allow_protected. Scores never read attributes otherwise.
  bool is_protected = false;
};

/// The attributes one index side declares. Declaration order gives each attribute its index.
class AttributeSchema {
 public:
  // Each add_* returns the new attribute's index. Errors: invalid_argument for a bad name (not an
  // identifier, or a keyword), duplicate when the name (ignoring case) is already declared.
  /// `values`: a closed list of the allowed strings (set_row rejects others with invalid_value);
  /// empty = any non-empty string.
  std::size_t add_categorical(std::string_view name, bool multi_valued = false, std::vector<std::string> values = {});
  std::size_t add_ordinal(std::string_view name, OrdinalScale scale);
  std::size_t add_jlpt(std::string_view name = "jlpt") { return add_ordinal(name, OrdinalScale::jlpt()); }
  std::size_t add_numeric(std::string_view name);
  std::size_t add_boolean(std::string_view name);

  /// Marks (or unmarks) a declared attribute as protected (AttributeDef::is_protected).
  /// Error(not_found) for an undeclared name.
  void set_protected(std::string_view name, bool value = true);
  /// Names of the protected attributes, in declaration order.
  std::vector<std::string> protected_names() const;

  std::size_t size() const noexcept { return defs_.size(); }
  const AttributeDef& operator[](std::size_t index) const noexcept { return defs_[index]; }
  std::span<const AttributeDef> attributes() const noexcept { return defs_; }

  /// Index of the attribute with exactly this name, or nullopt.
  std::optional<std::size_t> find(std::string_view name) const noexcept;
  /// Like find(), but throws Error(not_found) "unknown attribute 'x' (did you mean 'y'?)".
  std::size_t index_of(std::string_view name) const;
  /// The declared name closest to `name` (same name ignoring case, or edit distance <= 2), or "".
  std::string suggest(std::string_view name) const;

 private:
  std::size_t add(AttributeDef def);
  std::vector<AttributeDef> defs_;
};

/// One attribute value as a parser delivers it: missing (JSON null), a string, a number, a boolean
/// or a list of strings. Checked against the schema only when a row is set.
using AttributeValue = std::variant<std::monostate, std::string, double, bool, std::vector<std::string>>;

/// The attribute values of one profile, filled by a parser. Setting a name twice replaces the
/// earlier value. Names are checked only by AttributeColumns::set_row. Explicitly named setters
/// (no overloads) so that a string literal never turns into a bool, nor an int into either.
class AttributeValues {
 public:
  AttributeValues& set_string(std::string_view name, std::string_view value);
  AttributeValues& set_number(std::string_view name, double value);
  AttributeValues& set_bool(std::string_view name, bool value);
  AttributeValues& set_strings(std::string_view name, std::vector<std::string> values);
  /// Appends one string to a list value (making it a list if it was not): for streaming a JSON array.
  AttributeValues& add_string(std::string_view name, std::string_view value);
  /// Records an explicit missing value (JSON null); the same as not setting the name at all.
  AttributeValues& set_missing(std::string_view name);
  AttributeValues& set(std::string_view name, AttributeValue value);

  void clear() noexcept { entries_.clear(); }
  bool empty() const noexcept { return entries_.empty(); }
  std::span<const std::pair<std::string, AttributeValue>> entries() const noexcept { return entries_; }
  /// The value set for `name`, or nullptr.
  const AttributeValue* find(std::string_view name) const noexcept;

 private:
  AttributeValue& slot(std::string_view name);
  std::vector<std::pair<std::string, AttributeValue>> entries_;
};

/// Columnar attribute storage for rows 0..size()-1 of one index side: one column per attribute
/// (categorical codes, ordinal ranks, doubles or bits) plus a missing bit per row and column.
class AttributeColumns {
 public:
  /// Categorical code of a value never seen in a column.
  static constexpr std::uint32_t no_code = ~std::uint32_t{0};

  explicit AttributeColumns(AttributeSchema schema);

  const AttributeSchema& schema() const noexcept { return schema_; }
  std::size_t size() const noexcept { return rows_; }

  /// Grows or shrinks to `rows` rows; new rows have every attribute missing.
  void resize(std::size_t rows);
  /// Appends a row set from `values` (see set_row) and returns its number. On error nothing is added.
  std::size_t append(const AttributeValues& values, std::string_view context = {});

  /// Replaces every attribute of `row`: names in `values` get their value, the others become missing.
  /// Validation happens before any change, so on error the row is unchanged. Errors (the message
  /// names the attribute, prefixed by "<context>: " when context is not empty, e.g. a profile id):
  ///   not_found        unknown attribute name (with a did-you-mean suggestion)
  ///   invalid_argument row >= size()
  ///   invalid_value    wrong type (a string for a numeric, a list for a single-valued attribute, ...),
  ///                    unknown ordinal level, empty categorical string, a categorical value outside
  ///                    the attribute's closed `values`, NaN or infinite number
  /// A multi-valued categorical accepts a single string (a one-element list) and an empty list
  /// (present, with no values). Values of a multi-valued attribute are kept as a set.
  void set_row(std::size_t row, const AttributeValues& values, std::string_view context = {});
  /// Makes every attribute of `row` missing (for a removed profile). Error(invalid_argument) if row >= size().
  void clear_row(std::size_t row);

  /// The stored value of one cell: monostate when missing; std::string for a single categorical or
  /// ordinal level name; double; bool; a vector of strings for a multi-valued categorical.
  AttributeValue get(std::size_t row, std::size_t attribute) const;
  /// The cell as display text: "N2", "Tokyo", "8000000", "true", "[Tokyo, remote]", or "missing".
  std::string display(std::size_t row, std::size_t attribute) const;

  // Read access for kernels (filter evaluation, search). `attribute` must be < schema().size() and of
  // the type named; spans have size() elements and stay valid until the next mutation.
  const Bitmap& missing(std::size_t attribute) const noexcept { return cols_[attribute].missing; }
  /// Numeric values; 0 where missing.
  std::span<const double> numbers(std::size_t attribute) const noexcept { return cols_[attribute].numbers; }
  /// Ordinal ranks (0 = lowest level); 0 where missing.
  std::span<const std::uint8_t> ranks(std::size_t attribute) const noexcept { return cols_[attribute].ranks; }
  /// Boolean values; false where missing.
  const Bitmap& bools(std::size_t attribute) const noexcept { return cols_[attribute].bools; }
  /// Single-valued categorical codes; no_code where missing.
  std::span<const std::uint32_t> codes(std::size_t attribute) const noexcept { return cols_[attribute].codes; }
  /// Multi-valued categorical: the sorted, distinct codes of one row (empty when missing).
  std::span<const std::uint32_t> multi_codes(std::size_t row, std::size_t attribute) const noexcept {
    const Column& c = cols_[attribute];
    return std::span<const std::uint32_t>(c.pool).subspan(c.begin[row], c.count[row]);
  }
  /// Multi-valued categorical, whole column: row r's codes are pool[begin[r], begin[r] + count[r]).
  struct MultiColumn {
    std::span<const std::size_t> begin;
    std::span<const std::uint32_t> count;
    std::span<const std::uint32_t> pool;
  };
  MultiColumn multi_column(std::size_t attribute) const noexcept {
    const Column& c = cols_[attribute];
    return {c.begin, c.count, c.pool};
  }
  /// Categorical dictionary: the code of a value (no_code when never stored), the value of a code,
  /// and the number of codes. Codes are dense, in order of first appearance.
  std::uint32_t code_of(std::size_t attribute, std::string_view value) const noexcept;
  const std::string& value_of(std::size_t attribute, std::uint32_t code) const noexcept {
    return cols_[attribute].values[code];
  }
  std::size_t dictionary_size(std::size_t attribute) const noexcept { return cols_[attribute].values.size(); }

 private:
  friend struct IndexFileAccess;  // the index file codec (src/index/profile_index_codec.cpp)
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  struct Column {
    Bitmap missing;
    std::vector<double> numbers;
    std::vector<std::uint8_t> ranks;
    Bitmap bools;
    std::vector<std::uint32_t> codes;
    // Multi-valued: row -> [begin, begin+count) of pool. Rewritten rows leave garbage behind,
    // reclaimed by compact_pool() once it outweighs the live values.
    std::vector<std::size_t> begin;
    std::vector<std::uint32_t> count;
    std::vector<std::uint32_t> pool;
    std::size_t garbage = 0;
    // Dictionary (categorical).
    std::vector<std::string> values;
    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> index;
  };
  void check_row(std::size_t row, const char* what) const;
  void clear_cell(std::size_t row, std::size_t attribute);
  std::uint32_t intern(Column& c, std::string_view value);
  static void compact_pool(Column& c);

  AttributeSchema schema_;
  std::vector<Column> cols_;
  std::size_t rows_ = 0;
};

}  // namespace skillmatch
