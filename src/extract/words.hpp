// Words and tokens of a text for the extractor: ICU's Japanese word break iterator over the UTF-8
// bytes (UText, so break positions are byte offsets), each word normalised into tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace skillmatch::extract_detail {

/// A word of the text: bytes [begin, end), its tokens [first_token, first_token + token_count).
struct Word {
  std::uint32_t begin = 0, end = 0;
  std::uint32_t first_token = 0, token_count = 0;
  std::uint32_t clause = 0;  // index of the clause (sentence part) the word is in
  bool upper_initial = false;  // first byte is an ASCII capital
  bool has_upper = false;      // some ASCII capital
  bool all_upper = false;      // ASCII letters present and all capitals
};

/// One normalised token: bytes [text_begin, text_end) of the tokenizer's token text, and its word.
struct Token {
  std::uint32_t text_begin = 0, text_end = 0;
  std::uint32_t word = 0;
  std::uint32_t id = 0;  // filled by the caller (vocabulary id)
};

struct Tokens {
  std::vector<Word> words;
  std::vector<Token> tokens;
  std::string token_text;  // tokens' normalised bytes, back to back
  std::string scratch;     // normalisation buffer
  std::string_view token(const Token& t) const {
    return std::string_view(token_text).substr(t.text_begin, t.text_end - t.text_begin);
  }
};

/// Fills `out` (cleared first) with the words and tokens of `text`. Clause numbers grow at every
/// clause break between words (newline, 。, ., !, ?, ;, bullets; see words.cpp). Ill-formed UTF-8 is
/// read as U+FFFD, a separator. Throws Error(internal) if ICU cannot create a break iterator,
/// Error(invalid_argument) for a text over 2^31-1 bytes.
void tokenize(std::string_view text, Tokens& out);

/// Whether the bytes between two words hold a clause break.
bool is_clause_break(std::string_view between) noexcept;

}  // namespace skillmatch::extract_detail
