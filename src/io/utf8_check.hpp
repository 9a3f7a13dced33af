// src/io/utf8_check.hpp — where text stops being well-formed UTF-8: the one check every place
// that takes ids, labels or other text from outside runs (C ABI arguments, taxonomy files).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace skillmatch::io {

/// Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code points beyond
/// U+10FFFF count as broken), or npos when `text` is well-formed. NUL bytes are well-formed UTF-8.
inline std::size_t invalid_utf8_at(std::string_view text) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const begin = p;
  const auto* end = p + text.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    std::size_t extra;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      cp = c & 0x07u;
    } else {
      return static_cast<std::size_t>(p - begin);  // continuation byte, overlong lead (C0, C1) or beyond U+10FFFF (F5..FF)
    }
    const auto at = static_cast<std::size_t>(p - begin);
    if (static_cast<std::size_t>(end - p) <= extra) return at;
    for (std::size_t i = 1; i <= extra; ++i) {
      if ((p[i] & 0xC0u) != 0x80u) return at;
      cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)) return at;  // overlong
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return at;           // out of range, surrogate
    p += extra + 1;
  }
  return std::string_view::npos;
}

}  // namespace skillmatch::io
