// Untyped syntax tree of a filter expression, as the parser builds it; the compiler checks it
// against a schema. Offsets are byte offsets in the source, for error messages.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace skillmatch::filter_detail {

struct Literal {
  enum class Kind { number, string, word, boolean } kind = Kind::number;  // word = bare identifier
  double number = 0;
  std::string text;  // string contents or the word
  bool boolean = false;
  std::size_t offset = 0;
};

enum class CompareOp { eq, ne, lt, le, gt, ge };
const char* to_string(CompareOp op) noexcept;

struct Node {
  enum class Kind {
    all_of,    // and: children
    any_of,    // or: children
    negation,  // not: children[0]
    compare,   // attribute op values[0]
    in_list,   // attribute [not] in (values...)
    has,       // attribute has values[0]
    presence,  // attribute is [not] missing / exists(attribute)
    bare,      // attribute alone (a boolean)
  } kind = Kind::bare;
  std::vector<std::unique_ptr<Node>> children;
  std::string attribute;
  std::size_t attribute_offset = 0;
  CompareOp op = CompareOp::eq;
  std::size_t op_offset = 0;
  bool exists_syntax = false;  // presence written as exists(attribute)
  bool negated = false;  // `not in`, `is not missing`; for presence: negated = "is missing"
  std::vector<Literal> values;
};

}  // namespace skillmatch::filter_detail
