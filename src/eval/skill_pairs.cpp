// Reading a skill-pair sanity set and scoring it (skillmatch/skill_pairs.hpp).
#include "skillmatch/skill_pairs.hpp"

#include <array>
#include <fstream>
#include <istream>
#include <optional>
#include <string>

#include "io/split_tabs.hpp"

namespace skillmatch {
namespace {

using io::split_tabs;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<SkillPairTriple> read_skill_pairs(std::istream& in, std::string_view source_name) {
  static constexpr std::array<const char*, 5> kColumns = {"area", "anchor", "related", "unrelated", "split"};
  const std::string source(source_name);
  std::vector<SkillPairTriple> out;
  std::optional<std::array<std::size_t, 5>> column;
  std::size_t needed = 0;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    const std::string where = source + ":" + std::to_string(number);
    if (line.empty() || line[0] == '#' || trim(line).empty()) continue;
    const auto cells = split_tabs(line);
    if (!column) {
      std::array<std::size_t, 5> at{};
      for (std::size_t k = 0; k < kColumns.size(); ++k) {
        std::size_t i = 0;
        while (i < cells.size() && trim(cells[i]) != kColumns[k]) ++i;
        if (i == cells.size()) fail(ErrorCode::parse_error, where + ": header has no column '" + kColumns[k] + "'");
        at[k] = i;
        needed = std::max(needed, i + 1);
      }
      column = at;
      continue;
    }
    if (cells.size() < needed)
      fail(ErrorCode::parse_error, where + ": " + std::to_string(cells.size()) + " cells, the header needs " +
                                       std::to_string(needed));
    SkillPairTriple t;
    std::string* fields[] = {&t.area, &t.anchor, &t.related, &t.unrelated, &t.split};
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      *fields[k] = std::string(trim(cells[(*column)[k]]));
      if (fields[k]->empty()) fail(ErrorCode::parse_error, where + ": column '" + kColumns[k] + "' is empty");
    }
    t.line = number;
    out.push_back(std::move(t));
  }
  if (!column) fail(ErrorCode::parse_error, source + ": no header line (area, anchor, related, unrelated, split)");
  return out;
}

std::vector<SkillPairTriple> read_skill_pairs_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) fail(ErrorCode::io_error, "cannot read skill pairs '" + path.string() + "'");
  return read_skill_pairs(in, path.string());
}

SkillPairReport evaluate_skill_pairs(const std::vector<SkillPairTriple>& triples, std::string_view split,
                                     const Resolver& resolver, const SkillSimilarity& similarity,
                                     float met_threshold, float low_threshold) {
  if (&resolver.taxonomy() != &similarity.taxonomy())
    fail(ErrorCode::invalid_argument, "evaluate_skill_pairs: resolver and similarity use different taxonomies");
  SkillPairReport report;
  SkillPairFigures& f = report.figures;
  auto resolve = [&](const std::string& name) {
    auto m = resolver.resolve_best(name);
    if (!m) ++f.unresolved;
    return m ? m->concept_index : no_concept;
  };
  auto score = [&](ConceptIndex a, ConceptIndex b) {
    return a == no_concept || b == no_concept ? 0.0f : similarity.similarity(a, b);
  };
  for (const SkillPairTriple& t : triples) {
    if (!split.empty() && t.split != split) continue;
    ScoredSkillPair p;
    p.triple = &t;
    p.anchor = resolve(t.anchor);
    p.related = resolve(t.related);
    p.unrelated = resolve(t.unrelated);
    p.related_similarity = score(p.anchor, p.related);
    p.unrelated_similarity = score(p.anchor, p.unrelated);
    ++f.triples;
    if (p.related_similarity > p.unrelated_similarity) ++f.ordered;
    if (p.related_similarity >= met_threshold) ++f.related_met;
    if (p.unrelated_similarity < low_threshold) ++f.unrelated_low;
    report.pairs.push_back(p);
  }
  return report;
}

}  // namespace skillmatch
