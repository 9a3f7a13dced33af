// A compiled filter: typed clauses plus a postfix program combining their results.
// Immutable once built; shared by CompiledFilter copies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace skillmatch::filter_detail {

enum class ClauseKind : std::uint8_t {
  numeric,         // numbers op number
  ordinal,         // rank in level_mask
  boolean,         // bools == value
  category,        // single-valued code in strings (xor negate)
  multi_category,  // any code of the row in strings (xor negate)
  presence,        // not missing (xor negate)
};

enum class NumericOp : std::uint8_t { eq, ne, lt, le, gt, ge };

struct Clause {
  ClauseKind kind = ClauseKind::presence;
  std::uint32_t attribute = 0;
  NumericOp op = NumericOp::eq;
  double number = 0;
  std::uint64_t level_mask = 0;       // ordinal: bit r set when rank r passes
  bool value = true;                  // boolean: the value that passes
  bool negate = false;                // category, multi_category, presence
  std::vector<std::string> strings;   // category values (unresolved: dictionaries live in the columns)
  std::string text;                   // canonical clause text for explanations
};

enum class OpKind : std::uint8_t { clause, all, any, negate };
struct Op {
  OpKind kind = OpKind::clause;
  std::uint32_t clause = 0;  // for OpKind::clause
};

/// Deepest evaluation stack any program may need; the parser's nesting limit keeps programs below it.
inline constexpr std::size_t max_stack = 256;

struct Program {
  std::string source;
  std::string canonical;
  std::size_t schema_size = 0;
  std::vector<Clause> clauses;
  std::vector<Op> ops;  // postfix; `all`/`any` pop two and push one, `negate` flips the top
};

}  // namespace skillmatch::filter_detail
