// Filter language parser: tokens -> syntax tree (grammar in docs/filters.md).
#pragma once

#include <memory>
#include <string_view>

#include "filter/ast.hpp"

namespace skillmatch::filter_detail {

/// Parses a whole expression. Throws Error(parse_error) "position N: expected ..., found ...".
std::unique_ptr<Node> parse(std::string_view src);

/// Deepest nesting of parentheses and `not` accepted (bounds recursion and the evaluator's stack).
inline constexpr int max_nesting = 64;

}  // namespace skillmatch::filter_detail
