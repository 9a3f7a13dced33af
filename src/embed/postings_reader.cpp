// Reads a postings table (header + tab-separated rows, skills '|'-separated) into concept sets.
#include <algorithm>
#include <fstream>
#include <istream>
#include <map>
#include <sstream>
#include <string>

#include "core/bundled_files.hpp"
#include "skillmatch/postings.hpp"

namespace skillmatch {
namespace {

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(sep, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

PostingCorpus read_postings(std::istream& in, std::string_view source_name, const SkillLookup& lookup) {
  const std::string source(source_name);
  std::string line;
  std::size_t line_no = 0;
  // Header: the first line that is not blank.
  while (std::getline(in, line)) {
    ++line_no;
    if (!trim(line).empty()) break;
  }
  if (trim(line).empty()) fail_at(ErrorCode::parse_error, {source, line_no}, "no header line (empty input)");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  const std::vector<std::string_view> header_fields = split(line, '\t');
  const std::vector<std::string> header(header_fields.begin(), header_fields.end());
  const auto column = [&](std::string_view name) -> std::ptrdiff_t {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : it - header.begin();
  };
  const std::ptrdiff_t skills_col = column("skills");
  const std::ptrdiff_t id_col = column("posting_id");
  if (skills_col < 0)
    fail_at(ErrorCode::parse_error, {source, line_no}, "header has no \"skills\" column: \"" + line + "\"");

  PostingCorpus corpus;
  std::map<std::string, std::size_t, std::less<>> unresolved;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty()) continue;
    const std::vector<std::string_view> fields = split(line, '\t');
    if (fields.size() != header.size())
      fail_at(ErrorCode::parse_error, {source, line_no},
              "expected " + std::to_string(header.size()) + " tab-separated columns, found " +
                  std::to_string(fields.size()));
    std::vector<ConceptIndex> concepts;
    for (std::string_view raw : split(fields[static_cast<std::size_t>(skills_col)], '|')) {
      const std::string_view text = trim(raw);
      if (text.empty()) continue;
      ++corpus.skill_mentions;
      if (const std::optional<ConceptIndex> c = lookup(text)) {
        concepts.push_back(*c);
        ++corpus.resolved_mentions;
      } else {
        auto it = unresolved.find(text);
        if (it == unresolved.end()) it = unresolved.emplace(std::string(text), 0).first;
        ++it->second;
      }
    }
    std::sort(concepts.begin(), concepts.end());
    concepts.erase(std::unique(concepts.begin(), concepts.end()), concepts.end());
    corpus.postings.push_back(std::move(concepts));
    corpus.posting_ids.emplace_back(id_col >= 0 ? trim(fields[static_cast<std::size_t>(id_col)]) : std::string_view{});
  }
  if (in.bad()) fail_at(ErrorCode::io_error, {source, line_no}, "read error");

  corpus.unresolved.assign(unresolved.begin(), unresolved.end());
  std::stable_sort(corpus.unresolved.begin(), corpus.unresolved.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return corpus;
}

PostingCorpus read_postings_file(const std::filesystem::path& path, const SkillLookup& lookup) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(ErrorCode::io_error, "cannot open postings file " + path.string());
  return read_postings(in, path.string(), lookup);
}

PostingCorpus read_bundled_postings(const SkillLookup& lookup) {
  constexpr std::string_view name = "postings/skill2vec_it_postings.tsv";
  std::istringstream in{std::string(detail::bundled_file_text(name))};
  return read_postings(in, "bundled:" + std::string(name), lookup);
}

}  // namespace skillmatch
