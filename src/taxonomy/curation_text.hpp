// Internal: what the compilers of curated tables (glossary.cpp, curated_relations.cpp) share — UTF-8
// checks, field splitting, resolving a name the way a curated row means it, and the bundled taxonomy
// without the file a table compiles into.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/resolver.hpp"

namespace skillmatch::detail {

/// Byte offset of the first ill-formed UTF-8 sequence of `s`, or npos.
std::size_t ill_formed_utf8_at(std::string_view s) noexcept;

/// `s` without leading and trailing spaces and carriage returns.
std::string_view trim_field(std::string_view s) noexcept;

/// The tab-separated fields of `line`, each trimmed.
std::vector<std::string_view> split_fields(std::string_view line);

/// A concept id, or an English name standing for the concept the Resolver gives it without typo or
/// compound readings (exact, normalised, synonym and derived keys count).
std::optional<ConceptIndex> resolve_curated_name(const Resolver& resolver, std::string_view name);

/// The bundled taxonomy built from every bundled taxonomy file except `excluded` ("taxonomy/x.tsv").
std::shared_ptr<const Taxonomy> bundled_taxonomy_without(std::string_view excluded);

}  // namespace skillmatch::detail

namespace skillmatch::detail {

/// Walks the rows of a curated table: '#' lines and blank lines are comments, a leading UTF-8 BOM and
/// CR line ends are dropped, the first other line must be `header`. Lines longer than `max_line` bytes,
/// ill-formed UTF-8 and a wrong or missing header go to issue(line, message); every data row goes to
/// row(line, text). Lines are 1-based.
template <typename Row, typename Issue>
void for_each_table_row(std::string_view text, std::string_view header, std::string_view source_name,
                        std::size_t max_line, Row&& row, Issue&& issue) {
  std::string shown(header);  // the header as the messages show it, tabs written <TAB>
  for (std::size_t at = shown.find('\t'); at != std::string::npos; at = shown.find('\t', at))
    shown.replace(at, 1, "<TAB>");
  bool header_seen = false;
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t eol = text.find('\n', pos);
    std::string_view line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    pos = eol == std::string_view::npos ? text.size() : eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (line.size() > max_line) {
      issue(line_no, "line of " + std::to_string(line.size()) + " bytes is longer than the limit of " +
                         std::to_string(max_line));
      continue;
    }
    if (const std::size_t bad = ill_formed_utf8_at(line); bad != std::string_view::npos) {
      issue(line_no, "ill-formed UTF-8 at byte " + std::to_string(bad + 1) + " of the line");
      continue;
    }
    if (trim_field(line).empty() || line[0] == '#') continue;
    if (!header_seen) {
      header_seen = true;
      if (line != header)
        issue(line_no, "the first row of " + std::string(source_name) + " must be the header '" + shown + "'");
      continue;
    }
    row(line_no, line);
  }
  if (!header_seen) issue(line_no, std::string(source_name) + " has no header row '" + shown + "'");
}

}  // namespace skillmatch::detail
