// Filter language lexer: text -> tokens with byte offsets (see docs/filters.md for the grammar).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/error.hpp"

namespace skillmatch::filter_detail {

enum class TokenKind {
  end, identifier, number, string, lparen, rparen, comma,
  eq, ne, lt, le, gt, ge,
  kw_and, kw_or, kw_not, kw_in, kw_is, kw_missing, kw_has, kw_exists, kw_true, kw_false,
};

struct Token {
  TokenKind kind = TokenKind::end;
  std::size_t offset = 0;  // byte offset in the source
  std::size_t length = 0;  // bytes of source text
  std::string text;        // identifier as written; string contents with escapes decoded
  double number = 0;
};

/// Splits `src` into tokens, the last of kind end. Throws Error(parse_error) "position N: ...".
std::vector<Token> tokenize(std::string_view src);

/// 1-based code-point position of a byte offset, for messages.
std::size_t char_position(std::string_view src, std::size_t byte_offset) noexcept;

/// Throws Error(code, "position N: " + message) for byte offset `offset` of `src`.
[[noreturn]] void fail_at_offset(ErrorCode code, std::string_view src, std::size_t offset, const std::string& message);

/// A token for "found ..." in messages: "end of input" or its source text in quotes.
std::string describe(const Token& token, std::string_view src);

}  // namespace skillmatch::filter_detail
