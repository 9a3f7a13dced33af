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

// Japanese spelling variants (normalizer.hpp, step 1b), applied in place to NFKC-folded code points.
// Only code points of the kana blocks are touched, so text without kana is unchanged.
constexpr char32_t kLongVowel = 0x30FC;   // ー
constexpr char32_t kKatakanaVu = 0x30F4;  // ヴ
bool is_hiragana(char32_t c) noexcept { return c >= 0x3041 && c <= 0x3096; }
bool is_katakana_letter(char32_t c) noexcept { return c >= 0x30A1 && c <= 0x30FA; }

// ヴ + small vowel -> the b-row syllable (ヴァ = バ, ヴィ = ビ, ヴ = ブ, ヴェ = ベ, ヴォ = ボ); 0 if `next`
// is no small vowel. ヴュ keeps its small ュ (ビュ).
char32_t vu_with(char32_t next) noexcept {
  switch (next) {
    case 0x30A1: return 0x30D0;  // ァ -> バ
    case 0x30A3: return 0x30D3;  // ィ -> ビ
    case 0x30A5: return 0x30D6;  // ゥ -> ブ
    case 0x30A7: return 0x30D9;  // ェ -> ベ
    case 0x30A9: return 0x30DC;  // ォ -> ボ
    default: return 0;
  }
}

// Small vowels and small ワ/カ/ケ as their full-size kana (ウェブ = ウエブ, ソフトウェア = ソフトウエア).
char32_t full_size_kana(char32_t c) noexcept {
  switch (c) {
    case 0x30A1: case 0x30A3: case 0x30A5: case 0x30A7: case 0x30A9: return c + 1;  // ァィゥェォ
    case 0x30EE: return 0x30EF;  // ヮ -> ワ
    case 0x30F5: return 0x30AB;  // ヵ -> カ
    case 0x30F6: return 0x30B1;  // ヶ -> ケ
    default: return c;
  }
}

void fold_japanese(std::vector<char32_t>& cps) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (c < 0x3041 || c > 0x30FC) {  // outside hiragana and katakana: nothing to fold
      cps[out++] = c;
      continue;
    }
    if (is_hiragana(c)) c += 0x60;  // hiragana as katakana: ぱいそん = パイソン
    if (c == kKatakanaVu) {
      const char32_t next = i + 1 < cps.size() ? cps[i + 1] : 0;
      if (const char32_t b = vu_with(next)) {
        c = b;
        ++i;
      } else {
        c = next == 0x30E5 ? char32_t{0x30D3} : char32_t{0x30D6};  // ヴュ -> ビュ, else ヴ -> ブ
      }
    } else if (c >= 0x30F7 && c <= 0x30FA) {  // ヷヸヹヺ -> バビベボ
      static constexpr char32_t kB[] = {0x30D0, 0x30D3, 0x30D9, 0x30DC};
      c = kB[c - 0x30F7];
    }
    // The long-vowel mark after kana is written or left out at will, at a word's end (サーバー =
    // サーバ) and inside compounds written without a break (インターフェース = インタフェース,
    // サーバーサイド = サーバサイド), so a key never keeps it.
    if (c == kLongVowel && out > 0 && (is_katakana_letter(cps[out - 1]) || cps[out - 1] == kLongVowel)) continue;
    cps[out++] = full_size_kana(c);
  }
  cps.resize(out);
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
  fold_japanese(code_points);
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
