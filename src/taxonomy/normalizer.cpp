// Text normalisation: NFKC + case folding (ICU, or an equivalent ASCII fast path), then token folding.
#include "skillmatch/normalizer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <climits>
#include <vector>

#include "skillmatch/error.hpp"

namespace skillmatch {
namespace {

constexpr char32_t kRightSingleQuote = 0x2019;

bool is_ascii_word(char32_t c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '#';
}

// Letters, digits and combining marks of any script are part of a token; so are '+' and '#'.
bool is_word(char32_t c) noexcept {
  if (c < 0x80) return is_ascii_word(c) || (c >= 'A' && c <= 'Z');
  const auto cp = static_cast<UChar32>(c);
  return u_isalnum(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
    return;
  }
  char buf[4];
  std::int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

// Step 2 and 3 of the header: the same code serves the ASCII fast path and the ICU path, so the two
// can only differ in step 1. `get(i)` yields the i-th code point of the case-folded text.
template <typename Get>
void fold_tokens(std::size_t n, Get get, std::string& out) {
  out.clear();
  bool in_token = false;
  bool pending_space = false;
  for (std::size_t i = 0; i < n; ++i) {
    const char32_t c = get(i);
    if (c == '\'' || c == kRightSingleQuote) continue;  // "moody's" -> "moodys"
    bool word = is_word(c);
    // A leading dot belongs to names such as ".net"; inside a token it separates ("node.js").
    if (!word && c == '.' && !in_token && i + 1 < n && is_word(get(i + 1))) word = true;
    if (word) {
      if (pending_space) {
        out.push_back(' ');
        pending_space = false;
      }
      append_utf8(out, c);
      in_token = true;
    } else {
      if (in_token) pending_space = true;
      in_token = false;
    }
  }
}

bool is_ascii(std::string_view s) noexcept {
  for (char ch : s)
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  return true;
}

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(ec);
  if (U_FAILURE(ec) || n == nullptr)
    fail(ErrorCode::internal, std::string("ICU NFKC_Casefold data unavailable: ") + u_errorName(ec));
  return *n;
}

}  // namespace

namespace detail {

void normalize_text_icu_into(std::string_view utf8, std::string& out) {
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX))
    fail(ErrorCode::invalid_argument, "normalize_text: text of " + std::to_string(utf8.size()) +
                                          " bytes is longer than the 2^31-1 bytes ICU can take");
  // Per-thread buffers: no allocation once they have grown to the longest text seen.
  thread_local icu::UnicodeString source;
  thread_local icu::UnicodeString folded;
  thread_local std::vector<char32_t> code_points;

  source.remove();
  const auto len = static_cast<std::int32_t>(utf8.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  for (std::int32_t i = 0; i < len;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, len, c);  // advances past an ill-formed sequence and yields c < 0
    source.append(c < 0 ? UChar32{0xFFFD} : c);
  }
  UErrorCode ec = U_ZERO_ERROR;
  folded.remove();
  nfkc_casefold().normalize(source, folded, ec);
  if (U_FAILURE(ec)) fail(ErrorCode::internal, std::string("ICU normalisation failed: ") + u_errorName(ec));

  code_points.clear();
  for (std::int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1))
    code_points.push_back(static_cast<char32_t>(folded.char32At(i)));
  fold_tokens(code_points.size(), [](std::size_t i) { return code_points[i]; }, out);
}

}  // namespace detail

void normalize_text_into(std::string_view utf8, std::string& out) {
  if (!is_ascii(utf8)) {
    detail::normalize_text_icu_into(utf8, out);
    return;
  }
  // NFKC changes no ASCII character and case folding maps exactly A-Z to a-z within ASCII.
  fold_tokens(
      utf8.size(),
      [utf8](std::size_t i) {
        const auto c = static_cast<char32_t>(static_cast<unsigned char>(utf8[i]));
        return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
      },
      out);
}

std::string normalize_text(std::string_view utf8) {
  std::string out;
  normalize_text_into(utf8, out);
  return out;
}

void compact_key_into(std::string_view normalized, std::string& out) {
  out.clear();
  for (char ch : normalized)
    if (ch != ' ') out.push_back(ch);
}

std::string compact_key(std::string_view normalized) {
  std::string out;
  compact_key_into(normalized, out);
  return out;
}

}  // namespace skillmatch
