// Mission areas: the TSV that defines them (data/gap/areas.tsv) and the per-concept area table.
#include <string>

#include "core/bundled_files.hpp"
#include "io/split_tabs.hpp"
#include "skillmatch/gap.hpp"

namespace skillmatch {

std::vector<MissionArea> parse_mission_areas(std::string_view tsv, const Taxonomy& taxonomy, std::string_view where) {
  std::vector<MissionArea> areas;
  std::size_t line_no = 0;
  while (!tsv.empty()) {
    const std::size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view{} : tsv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto f = io::split_tabs(line);
    if (f.size() != 3 || f[0].empty() || f[1].empty() || f[2].empty())
      fail(ErrorCode::parse_error, std::string(where) + ":" + std::to_string(line_no) +
                                       ": expected area_id<TAB>area_label<TAB>concept_id");
    MissionArea* area = nullptr;
    for (auto& a : areas)
      if (a.id == f[0]) area = &a;
    if (!area) {
      areas.push_back({std::string(f[0]), std::string(f[1]), {}});
      area = &areas.back();
    } else if (area->label != f[1]) {
      fail(ErrorCode::parse_error, std::string(where) + ":" + std::to_string(line_no) + ": area '" + area->id +
                                       "' has two labels ('" + area->label + "', '" + std::string(f[1]) + "')");
    }
    // The file lists ids of several sources; one the taxonomy lacks defines nothing here.
    if (auto c = taxonomy.find(f[2])) area->concepts.push_back(*c);
  }
  return areas;
}

std::vector<MissionArea> bundled_mission_areas(const Taxonomy& taxonomy) {
  return parse_mission_areas(detail::bundled_file_text("gap/areas.tsv"), taxonomy, "gap/areas.tsv");
}

std::vector<std::uint8_t> area_table(const Taxonomy& taxonomy, std::span<const MissionArea> areas) {
  if (areas.size() > 254) fail(ErrorCode::invalid_argument, "area_table: at most 254 areas");
  const auto none = static_cast<std::uint8_t>(areas.size());
  std::vector<std::uint8_t> table(taxonomy.size(), none);
  // 1. The nearest area down the narrower links: a breadth-first walk from every area's concepts at
  //    once, so a concept goes to the area it is fewest broader links below (a listed concept is its
  //    own area's), ties to the area listed first (the queue holds each level in area order). The
  //    nearest, not the first listed: curated field links put Python under machine learning as
  //    well as listing it for programming, and a listed concept must stay where the list puts it.
  std::vector<ConceptIndex> queue;
  for (std::size_t a = 0; a < areas.size(); ++a)
    for (ConceptIndex c : areas[a].concepts) {
      if (c >= taxonomy.size()) fail(ErrorCode::invalid_argument, "area '" + areas[a].id + "': concept index out of range");
      if (table[c] != none) continue;
      table[c] = static_cast<std::uint8_t>(a);
      queue.push_back(c);
    }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const ConceptIndex c = queue[head];
    for (ConceptIndex n : taxonomy.narrower(c)) {
      if (table[n] != none) continue;
      table[n] = table[c];
      queue.push_back(n);
    }
  }
  // 2. The skills an area's occupations need (occupation_skill links) and nothing in step 1 claimed:
  //    each goes to the area whose occupations need it most, as the share of the area's occupations
  //    (weighted by importance), ties to the earlier area. Occupations say what goes together in
  //    real work where the hierarchy is silent (Photoshop with animators, PostgreSQL with developers).
  std::vector<float> best(taxonomy.size(), 0.0f);
  std::vector<std::uint8_t> by_occupation(taxonomy.size(), none);
  for (std::size_t a = 0; a < areas.size(); ++a) {
    std::size_t occupations = 0;
    for (ConceptIndex c : areas[a].concepts) occupations += taxonomy.kind(c) == ConceptKind::occupation;
    if (!occupations) continue;
    std::vector<float> score;
    std::vector<ConceptIndex> touched;
    for (ConceptIndex c : areas[a].concepts) {
      if (taxonomy.kind(c) != ConceptKind::occupation) continue;
      for (const auto& link : taxonomy.related(c)) {
        if (link.kind != RelationKind::occupation_skill || table[link.target] != none) continue;
        if (score.empty()) score.assign(taxonomy.size(), 0.0f);
        if (score[link.target] == 0) touched.push_back(link.target);
        score[link.target] += link.weight / static_cast<float>(occupations);
      }
    }
    for (ConceptIndex t : touched)
      if (score[t] > best[t]) best[t] = score[t], by_occupation[t] = static_cast<std::uint8_t>(a);
  }
  for (std::size_t c = 0; c < table.size(); ++c)
    if (table[c] == none) table[c] = by_occupation[c];
  return table;
}

const char* to_string(GapBand band) noexcept {
  switch (band) {
    case GapBand::shortage: return "shortage";
    case GapBand::balanced: return "balanced";
    case GapBand::surplus: return "surplus";
  }
  return "balanced";
}

}  // namespace skillmatch
