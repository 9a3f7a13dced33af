// The Resolver's text fallbacks for text that is no key as a whole: lists of names written in one
// string and names followed by a version (resolver.hpp documents when they apply).
#include <algorithm>

#include "taxonomy/resolver_internal.hpp"

namespace skillmatch::detail {
namespace {

constexpr std::size_t kMaxListParts = 16;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A version word of the spaced normal form: "8", "2019", "3.11" (the normaliser keeps no '.', so
// "3 11"), "v2", "cs6", "sp1", or the bare "cc" / "version" / "x".
bool is_version_word(std::string_view w) {
  if (w == "cc" || w == "version" || w == "x") return true;
  for (std::string_view prefix : {"version", "ver", "cs", "cc", "sp", "v", "r"}) {
    if (w.size() > prefix.size() && w.substr(0, prefix.size()) == prefix) {
      w.remove_prefix(prefix.size());
      break;
    }
  }
  if (w.empty() || w.size() > 8) return false;
  // Digits, with an optional trailing "x" ("3x" from "3.x").
  if (w.back() == 'x') w.remove_suffix(1);
  return !w.empty() && std::all_of(w.begin(), w.end(), is_digit);
}

}  // namespace

std::vector<std::string_view> list_parts(std::string_view text) {
  std::vector<std::string_view> parts;
  if (text.find_first_of("/,;|&") == std::string_view::npos) return parts;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && std::string_view("/,;|&").find(text[i]) == std::string_view::npos) continue;
    const std::string_view part = trim_spaces(text.substr(begin, i - begin));
    if (!part.empty()) parts.push_back(part);
    if (parts.size() > kMaxListParts) return {};
    begin = i + 1;
  }
  if (parts.size() < 2) parts.clear();
  return parts;
}

std::string_view without_version(std::string_view spaced) {
  std::string_view rest = spaced;
  while (!rest.empty()) {
    const std::size_t space = rest.rfind(' ');
    const std::string_view last = space == std::string_view::npos ? rest : rest.substr(space + 1);
    if (!is_version_word(last)) break;
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(0, space);
  }
  return rest;
}

}  // namespace skillmatch::detail
