// Requirement cues (必須 / required -> must, 尚可 / 歓迎 / nice to have -> nice, 不問 / not required ->
// neither) and years ("3年以上", "5+ years"), found by substring search in each clause (ASCII folded
// to lower case), so that they work whatever the word segmentation made of them.
#include "extract/requirements.hpp"

#include <array>
#include <cstdlib>

namespace skillmatch::extract_detail {
namespace {

using namespace std::string_view_literals;

struct Cue {
  std::string_view text;
  Requirement says;
};
// Longer cues first where one contains another ("not required" before "required").
constexpr std::array kCues = {
    Cue{"not required"sv, Requirement::unstated}, Cue{"不問"sv, Requirement::unstated},
    Cue{"不要"sv, Requirement::unstated},         Cue{"nice to have"sv, Requirement::nice},
    Cue{"nice-to-have"sv, Requirement::nice},     Cue{"preferred"sv, Requirement::nice},
    Cue{"a plus"sv, Requirement::nice},           Cue{"bonus"sv, Requirement::nice},
    Cue{"desirable"sv, Requirement::nice},        Cue{"advantage"sv, Requirement::nice},
    Cue{"optional"sv, Requirement::nice},         Cue{"尚可"sv, Requirement::nice},
    Cue{"歓迎"sv, Requirement::nice},             Cue{"望ましい"sv, Requirement::nice},
    Cue{"優遇"sv, Requirement::nice},             Cue{"あれば"sv, Requirement::nice},
    Cue{"required"sv, Requirement::must},         Cue{"requirement"sv, Requirement::must},
    Cue{"must"sv, Requirement::must},             Cue{"mandatory"sv, Requirement::must},
    Cue{"essential"sv, Requirement::must},        Cue{"必須"sv, Requirement::must},
    Cue{"必要"sv, Requirement::must},
};

bool is_space(char c) noexcept { return c == ' ' || c == '\t'; }

// A digit at s[i] (ASCII or full-width ０-９): its value and byte length, else -1.
int digit_at(std::string_view s, std::size_t i, std::size_t& len) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c >= '0' && c <= '9') {
    len = 1;
    return c - '0';
  }
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC) {
    const auto d = static_cast<unsigned char>(s[i + 2]);
    if (d >= 0x90 && d <= 0x99) {
      len = 3;
      return d - 0x90;
    }
  }
  return -1;
}

bool word_boundary(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return true;
  const auto c = static_cast<unsigned char>(s[i]);
  return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
}

// "N years", "N+ yrs", "N年" after a number ending at `i` of the lower-cased clause.
bool years_unit_at(std::string_view s, std::size_t i) noexcept {
  while (i < s.size() && (is_space(s[i]) || s[i] == '+')) ++i;
  if (s.substr(i, 3) == "\xEF\xBC\x8B") i += 3;  // ＋
  while (i < s.size() && is_space(s[i])) ++i;
  if (s.substr(i, 3) == "年"sv) return s.substr(i + 3, 3) != "生"sv && s.substr(i + 3, 3) != "度"sv;  // not 年生, 年度
  for (std::string_view unit : {"years"sv, "year"sv, "yrs"sv, "yr"sv})
    if (s.substr(i, unit.size()) == unit && word_boundary(s, i + unit.size())) return true;
  return false;
}

void find_years(std::string_view s, std::size_t offset, Clause& clause) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    if (digit_at(s, i, len) < 0 || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    double value = 0;
    int digits = 0;
    while (i < s.size()) {
      const int d = digit_at(s, i, len);
      if (d < 0) break;
      value = value * 10 + d;
      i += len;
      ++digits;
    }
    if (digits <= 2 && value > 0 && value <= 40 && years_unit_at(s, i))
      clause.years.emplace_back(offset + start, static_cast<float>(value));
  }
}

bool ends_as_header(std::string_view s) noexcept {
  // Trailing space and the bullet that starts the next line ("Benefits:\n- ") do not count.
  while (!s.empty() && (is_space(s.back()) || s.back() == '\n' || s.back() == '\r' || s.back() == '-' || s.back() == '*'))
    s.remove_suffix(1);
  return s.ends_with(':') || s.ends_with("："sv) || s.ends_with("】"sv);
}

std::size_t distance(std::size_t pos, std::size_t begin, std::size_t end) noexcept {
  return pos < begin ? begin - pos : pos >= end ? pos - end : 0;
}

}  // namespace

void analyse_clauses(std::string_view text, const std::vector<Word>& words, std::vector<Clause>& out,
                     std::string& lower) {
  out.clear();
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (out.size() <= words[w].clause) {
      Clause c;
      c.begin = out.empty() ? 0 : words[w].begin;
      if (!out.empty()) out.back().end = words[w].begin;
      out.resize(words[w].clause + 1, Clause{});
      out.back() = c;
    }
  }
  if (out.empty()) return;
  out.back().end = text.size();
  Requirement sticky = Requirement::unstated;
  std::size_t clause_words = 0;
  std::size_t w = 0;
  for (std::size_t c = 0; c < out.size(); ++c) {
    Clause& clause = out[c];
    const std::string_view raw = text.substr(clause.begin, clause.end - clause.begin);
    lower.assign(raw);
    for (char& ch : lower)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    for (const Cue& cue : kCues) {
      for (std::size_t at = lower.find(cue.text); at != std::string::npos; at = lower.find(cue.text, at + 1)) {
        // Skip a cue inside a longer one already taken ("required" inside "not required").
        bool inside = false;
        for (const auto& [p, r] : clause.cues) inside = inside || (at >= p && at < p + 12);
        if (!inside) clause.cues.emplace_back(clause.begin + at, cue.says);
      }
    }
    find_years(lower, clause.begin, clause);
    clause_words = 0;
    while (w < words.size() && words[w].clause == c) ++w, ++clause_words;
    clause.inherited = sticky;
    // A header ("必須スキル：", "Nice to have:", "【歓迎】") sets what the clauses after it say, until the
    // next header; a header without a cue ("Benefits:") ends it.
    if (ends_as_header(raw) || (clause_words <= 3 && !clause.cues.empty())) {
      clause.header = true;
      sticky = clause.cues.empty() ? Requirement::unstated : clause.cues.front().second;
    }
  }
}

Requirement requirement_at(const Clause& clause, std::size_t begin, std::size_t end) noexcept {
  if (clause.cues.empty()) return clause.inherited;
  std::size_t best = SIZE_MAX;
  Requirement says = Requirement::unstated;
  for (const auto& [pos, r] : clause.cues) {
    const std::size_t d = distance(pos, begin, end);
    if (d < best) best = d, says = r;
  }
  return says;
}

float years_at(const Clause& clause, std::size_t begin, std::size_t end) noexcept {
  std::size_t best = SIZE_MAX;
  float years = 0;
  for (const auto& [pos, y] : clause.years) {
    const std::size_t d = distance(pos, begin, end);
    if (d < best) best = d, years = y;
  }
  return years;
}

}  // namespace skillmatch::extract_detail
