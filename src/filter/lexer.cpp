// Filter language lexer.
#include "filter/lexer.hpp"

#include <charconv>
#include <system_error>

#include "attributes/names.hpp"

namespace skillmatch::filter_detail {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_ident_start(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_ident_char(char c) noexcept { return is_ident_start(c) || is_digit(c); }
bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

TokenKind keyword_kind(std::string_view word) noexcept {
  struct Entry { std::string_view text; TokenKind kind; };
  static constexpr Entry table[] = {
      {"and", TokenKind::kw_and},   {"or", TokenKind::kw_or},           {"not", TokenKind::kw_not},
      {"in", TokenKind::kw_in},     {"is", TokenKind::kw_is},           {"missing", TokenKind::kw_missing},
      {"has", TokenKind::kw_has},   {"exists", TokenKind::kw_exists},   {"true", TokenKind::kw_true},
      {"false", TokenKind::kw_false}};
  for (const auto& e : table)
    if (names::iequals(e.text, word)) return e.kind;
  return TokenKind::identifier;
}

// The whole UTF-8 character starting at `i`, for "unexpected character" messages.
std::string_view char_at(std::string_view src, std::size_t i) noexcept {
  std::size_t n = 1;
  while (i + n < src.size() && (static_cast<unsigned char>(src[i + n]) & 0xC0) == 0x80) ++n;
  return src.substr(i, n);
}

}  // namespace

std::size_t char_position(std::string_view src, std::size_t byte_offset) noexcept {
  std::size_t pos = 1;
  for (std::size_t i = 0; i < byte_offset && i < src.size(); ++i)
    if ((static_cast<unsigned char>(src[i]) & 0xC0) != 0x80) ++pos;
  // A continuation byte at byte_offset itself would be mid-character; offsets always start tokens.
  return pos;
}

void fail_at_offset(ErrorCode code, std::string_view src, std::size_t offset, const std::string& message) {
  fail(code, "position " + std::to_string(char_position(src, offset)) + ": " + message);
}

std::string describe(const Token& token, std::string_view src) {
  if (token.kind == TokenKind::end) return "end of input";
  std::string_view text = src.substr(token.offset, token.length);
  // Built by append: GCC 12 warns falsely (-Wrestrict) on "'" + std::string(...).
  std::string out = "'";
  if (text.size() > 24) out.append(text.substr(0, 21)).append("...");
  else out.append(text);
  out += '\'';
  return out;
}

std::vector<Token> tokenize(std::string_view src) {
  std::vector<Token> out;
  std::size_t i = 0;
  const std::size_t n = src.size();
  auto at = [&](std::size_t k) { return k < n ? src[k] : '\0'; };
  while (true) {
    while (i < n && is_space(src[i])) ++i;
    Token t;
    t.offset = i;
    if (i == n) {
      out.push_back(t);
      return out;
    }
    char c = src[i];
    if (is_ident_start(c)) {
      std::size_t b = i;
      while (i < n && is_ident_char(src[i])) ++i;
      t.text = std::string(src.substr(b, i - b));
      t.kind = keyword_kind(t.text);
    } else if (is_digit(c) || c == '.' || ((c == '-' || c == '+') && (is_digit(at(i + 1)) || at(i + 1) == '.'))) {
      std::size_t b = i;
      if (c == '-' || c == '+') ++i;
      std::size_t digits = 0;
      while (is_digit(at(i))) ++i, ++digits;
      if (at(i) == '.') {
        ++i;
        while (is_digit(at(i))) ++i, ++digits;
      }
      bool ok = digits > 0;
      if (ok && (at(i) == 'e' || at(i) == 'E')) {
        std::size_t e = i + 1;
        if (at(e) == '+' || at(e) == '-') ++e;
        if (is_digit(at(e))) {
          while (is_digit(at(e))) ++e;
          i = e;
        } else {
          ok = false;
        }
      }
      if (!ok || is_ident_char(at(i)) || at(i) == '.') {
        while (i < n && (is_ident_char(src[i]) || src[i] == '.' || src[i] == '+' || src[i] == '-')) ++i;
        fail_at_offset(ErrorCode::parse_error, src, b, "malformed number '" + std::string(src.substr(b, i - b)) + "'");
      }
      std::string_view text = src.substr(b, i - b);
      std::string_view digits_text = text[0] == '+' ? text.substr(1) : text;
      auto [ptr, ec] = std::from_chars(digits_text.data(), digits_text.data() + digits_text.size(), t.number);
      if (ec == std::errc::result_out_of_range)
        fail_at_offset(ErrorCode::parse_error, src, b, "number '" + std::string(text) + "' is out of range");
      if (ec != std::errc() || ptr != digits_text.data() + digits_text.size())
        fail_at_offset(ErrorCode::parse_error, src, b, "malformed number '" + std::string(text) + "'");
      t.kind = TokenKind::number;
    } else if (c == '"') {
      ++i;
      while (true) {
        if (i >= n) fail_at_offset(ErrorCode::parse_error, src, t.offset, "unterminated string (no closing '\"')");
        char d = src[i];
        if (d == '"') {
          ++i;
          break;
        }
        if (d == '\\') {
          char e = at(i + 1);
          if (e != '"' && e != '\\')
            fail_at_offset(ErrorCode::parse_error, src, i,
                           i + 1 >= n ? std::string("unterminated string (no closing '\"')")
                                      : "unknown escape '\\" + std::string(char_at(src, i + 1)) +
                                            "' in string; only \\\" and \\\\ are allowed");
          t.text += e;
          i += 2;
          continue;
        }
        t.text += d;
        ++i;
      }
      t.kind = TokenKind::string;
    } else {
      switch (c) {
        case '(': t.kind = TokenKind::lparen; ++i; break;
        case ')': t.kind = TokenKind::rparen; ++i; break;
        case ',': t.kind = TokenKind::comma; ++i; break;
        case '=': t.kind = TokenKind::eq; i += at(i + 1) == '=' ? 2 : 1; break;
        case '!':
          if (at(i + 1) != '=') fail_at_offset(ErrorCode::parse_error, src, i, "expected '=' after '!'");
          t.kind = TokenKind::ne;
          i += 2;
          break;
        case '<':
          if (at(i + 1) == '=') t.kind = TokenKind::le, i += 2;
          else if (at(i + 1) == '>') t.kind = TokenKind::ne, i += 2;
          else t.kind = TokenKind::lt, ++i;
          break;
        case '>':
          if (at(i + 1) == '=') t.kind = TokenKind::ge, i += 2;
          else t.kind = TokenKind::gt, ++i;
          break;
        default:
          fail_at_offset(ErrorCode::parse_error, src, i, "unexpected character '" + std::string(char_at(src, i)) + "'");
      }
    }
    t.length = i - t.offset;
    out.push_back(std::move(t));
  }
}

}  // namespace skillmatch::filter_detail
