#include "attributes/names.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace skillmatch::names {
namespace {
char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alpha(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
}  // namespace

bool is_identifier(std::string_view s) noexcept {
  if (s.empty() || !is_alpha(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return is_alpha(c) || is_digit(c); });
}

bool is_keyword(std::string_view s) noexcept {
  static constexpr std::array<std::string_view, 10> keywords = {
      "and", "or", "not", "in", "is", "missing", "has", "exists", "true", "false"};
  return std::any_of(keywords.begin(), keywords.end(), [&](std::string_view k) { return iequals(k, s); });
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      std::size_t subst = diag + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      row[j] = std::min({up + 1, row[j - 1] + 1, subst});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string nearest(std::string_view s, std::span<const std::string> candidates) {
  for (const auto& c : candidates)
    if (iequals(c, s)) return c;
  std::string best;
  std::size_t best_d = 3;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(s, c);
    if (d < best_d && 2 * d < s.size()) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

}  // namespace skillmatch::names
