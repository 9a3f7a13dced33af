// ICU word segmentation over UTF-8 (UText: break positions are byte offsets, no UTF-16 copy of the
// text), then per-word normalisation into tokens.
#include "extract/words.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <climits>
#include <memory>

#include "skillmatch/error.hpp"
#include "skillmatch/normalizer.hpp"

namespace skillmatch::extract_detail {
namespace {

// One break iterator per thread: creating one loads ICU's rules and CJ dictionary (costly); using
// one is not thread-safe.
icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale::getJapanese(), ec));
    if (U_FAILURE(ec) || !b)
      fail(ErrorCode::internal, std::string("ICU word break iterator unavailable: ") + u_errorName(ec));
    return b;
  }();
  return *breaker;
}

struct UTextCloser {
  void operator()(UText* t) const noexcept { utext_close(t); }
};

bool starts_with(std::string_view s, std::size_t i, std::string_view p) noexcept {
  return s.size() - i >= p.size() && s.compare(i, p.size(), p) == 0;
}

void add_word(std::string_view text, std::size_t b, std::size_t e, std::uint32_t clause, Tokens& out) {
  Word w;
  w.begin = static_cast<std::uint32_t>(b);
  w.end = static_cast<std::uint32_t>(e);
  w.clause = clause;
  bool letters = false, lower = false;
  for (std::size_t i = b; i < e; ++i) {
    const char c = text[i];
    if (c >= 'A' && c <= 'Z') w.has_upper = letters = true;
    if (c >= 'a' && c <= 'z') lower = letters = true;
  }
  w.upper_initial = text[b] >= 'A' && text[b] <= 'Z';
  w.all_upper = letters && !lower;
  normalize_text_into(text.substr(b, e - b), out.scratch);
  w.first_token = static_cast<std::uint32_t>(out.tokens.size());
  const std::string_view norm = out.scratch;
  const auto word_index = static_cast<std::uint32_t>(out.words.size());
  for (std::size_t i = 0; i < norm.size();) {
    std::size_t j = norm.find(' ', i);
    if (j == std::string_view::npos) j = norm.size();
    if (j > i) {
      Token t;
      t.text_begin = static_cast<std::uint32_t>(out.token_text.size());
      out.token_text.append(norm.substr(i, j - i));
      t.text_end = static_cast<std::uint32_t>(out.token_text.size());
      t.word = word_index;
      out.tokens.push_back(t);
    }
    i = j + 1;
  }
  w.token_count = static_cast<std::uint32_t>(out.tokens.size()) - w.first_token;
  if (w.token_count > 0) out.words.push_back(w);
}

}  // namespace

bool is_clause_break(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    switch (s[i]) {
      case '\n': case '\r': case '.': case '!': case '?': case ';': return true;
      default: break;
    }
    // 。！？；•■●◆【
    if (starts_with(s, i, "\xE3\x80\x82") || starts_with(s, i, "\xEF\xBC\x81") || starts_with(s, i, "\xEF\xBC\x9F") ||
        starts_with(s, i, "\xEF\xBC\x9B") || starts_with(s, i, "\xE2\x80\xA2") || starts_with(s, i, "\xE2\x96\xA0") ||
        starts_with(s, i, "\xE2\x97\x8F") || starts_with(s, i, "\xE2\x97\x86") || starts_with(s, i, "\xE3\x80\x90"))
      return true;
  }
  return false;
}

void tokenize(std::string_view text, Tokens& out) {
  out.words.clear();
  out.tokens.clear();
  out.token_text.clear();
  if (text.empty()) return;
  if (text.size() > static_cast<std::size_t>(INT32_MAX))
    fail(ErrorCode::invalid_argument, "extract: text of " + std::to_string(text.size()) + " bytes is too long");
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> ut(utext_openUTF8(nullptr, text.data(), static_cast<std::int64_t>(text.size()), &ec));
  if (U_FAILURE(ec)) fail(ErrorCode::internal, std::string("ICU cannot open the text: ") + u_errorName(ec));
  icu::BreakIterator& breaker = word_breaker();
  breaker.setText(ut.get(), ec);
  if (U_FAILURE(ec)) fail(ErrorCode::internal, std::string("ICU cannot segment the text: ") + u_errorName(ec));
  std::uint32_t clause = 0;
  std::size_t last_end = 0;
  std::int32_t begin = breaker.first();
  for (std::int32_t end = breaker.next(); end != icu::BreakIterator::DONE; begin = end, end = breaker.next()) {
    if (breaker.getRuleStatus() == UBRK_WORD_NONE) continue;  // spaces, punctuation, symbols
    auto b = static_cast<std::size_t>(begin);
    auto e = static_cast<std::size_t>(end);
    if (b < last_end) continue;  // inside a word already extended over "++" / "#"
    // ICU ends a word before "++" and "#"; the normaliser keeps them (C, C++ and C# differ).
    while (e < text.size() && (text[e] == '+' || text[e] == '#')) ++e;
    if (!out.words.empty() && is_clause_break(text.substr(last_end, b - last_end))) ++clause;
    add_word(text, b, e, clause, out);
    last_end = e;
  }
  breaker.setText(icu::UnicodeString());  // drop the iterator's reference to this text
}

}  // namespace skillmatch::extract_detail
