// Name rules shared by the attribute schema and the filter compiler: identifiers, reserved words,
// ASCII case-insensitive comparison, and did-you-mean suggestions.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace skillmatch::names {

/// [A-Za-z_][A-Za-z0-9_]*
bool is_identifier(std::string_view s) noexcept;
/// A keyword of the filter language (and, or, not, in, is, missing, has, exists, true, false),
/// compared ignoring ASCII case.
bool is_keyword(std::string_view s) noexcept;
bool iequals(std::string_view a, std::string_view b) noexcept;
/// Levenshtein distance on ASCII-lowered bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// The candidate equal to `s` ignoring case, else the nearest within distance 2 (and less than half
/// of s's length), else "".
std::string nearest(std::string_view s, std::span<const std::string> candidates);

}  // namespace skillmatch::names
