// Stack Exchange Data Explorer Tags + TagSynonyms exports -> taxonomy. Mapping in docs/loaders.md.
#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/delimited_reader.hpp"
#include "skillmatch/loaders.hpp"
#include "taxonomy/loaders/loader_util.hpp"

namespace skillmatch {
namespace {

std::string tag_id(std::string_view tag) { return "so:" + std::string(tag); }

struct Tag {
  std::string name;
  double count = 0;
  SourceLocation where;
};
struct Synonym {
  std::string source, target;
  SourceLocation where;
};

}  // namespace

LoadReport load_stackoverflow(TaxonomyBuilder& builder, const std::filesystem::path& tags_csv,
                              const std::filesystem::path& synonyms_csv, const StackOverflowOptions& options) {
  if (!(options.min_questions >= 0) || !std::isfinite(options.min_questions))
    fail(ErrorCode::invalid_argument, "StackOverflowOptions::min_questions must be a finite number >= 0");
  LoadReport report;

  std::vector<Tag> tags;
  std::unordered_map<std::string, std::size_t> tag_pos;
  {
    io::DelimitedReader r(tags_csv, io::Dialect::csv);
    const auto name = r.column("TagName"), count = r.column("Count");
    while (r.next()) {
      std::string tag(loaders::trim(r.cell(name)));
      if (tag.empty()) fail_at(ErrorCode::parse_error, r.where(), "column 'TagName' is empty");
      const double n = loaders::parse_number(r, count);
      if (n < 0) fail_at(ErrorCode::parse_error, r.where(), "column 'Count': negative count");
      if (!tag_pos.emplace(tag, tags.size()).second)
        fail_at(ErrorCode::duplicate, r.where(), "tag '" + tag + "' appears twice");
      tags.push_back({std::move(tag), n, r.where()});
    }
  }
  std::vector<Synonym> synonyms;
  {
    io::DelimitedReader r(synonyms_csv, io::Dialect::csv);
    const auto source = r.column("SourceTagName"), target = r.column("TargetTagName");
    while (r.next()) {
      std::string s(loaders::trim(r.cell(source))), t(loaders::trim(r.cell(target)));
      if (s.empty() || t.empty()) fail_at(ErrorCode::parse_error, r.where(), "empty SourceTagName or TargetTagName");
      synonyms.push_back({std::move(s), std::move(t), r.where()});
    }
  }

  auto count_of = [&](const std::string& tag) {
    auto it = tag_pos.find(tag);
    return it == tag_pos.end() ? -1.0 : tags[it->second].count;  // -1: not in the Tags export
  };
  auto popular = [&](const std::string& tag) { return count_of(tag) >= options.min_questions; };

  // A synonym is kept when its source or its target is popular enough; its target then becomes a
  // concept and the source one of its hidden labels. A synonym source is never a concept of its own.
  struct Target {
    double popularity = 0;  // Count of the target plus Counts of its kept synonyms (SO merges them)
    std::vector<const Synonym*> synonyms;
    SourceLocation first_synonym;
  };
  std::unordered_map<std::string, Target> targets;
  std::unordered_map<std::string, bool> is_source;
  std::vector<std::string> missing_targets;  // kept targets absent from the Tags export, in file order
  for (const auto& s : synonyms) {
    is_source[s.source] = true;
    if (!popular(s.source) && !popular(s.target)) {
      ++report.filtered;
      continue;
    }
    auto [it, fresh] = targets.try_emplace(s.target);
    if (fresh) {
      it->second.first_synonym = s.where;
      const double c = count_of(s.target);
      it->second.popularity = c > 0 ? c : 0;
      if (c < 0) missing_targets.push_back(s.target);
    }
    it->second.synonyms.push_back(&s);
    if (double c = count_of(s.source); c > 0) it->second.popularity += c;
  }

  auto declare = [&](const std::string& tag, double own_count, const SourceLocation& where) {
    const std::string id = tag_id(tag);
    builder.add_concept(id, ConceptKind::technology, tag, "en", where);
    ++report.concepts;
    ConceptStats stats;
    stats.popularity = own_count;
    if (auto it = targets.find(tag); it != targets.end()) {
      stats.popularity = it->second.popularity;
      for (const Synonym* s : it->second.synonyms) {
        builder.add_label(id, s->source, "en", LabelKind::hidden, s->where);
        ++report.labels;
      }
    }
    builder.add_stats(id, stats, where);
  };
  for (const auto& t : tags) {
    const bool target = targets.contains(t.name);
    if (!target && (is_source.contains(t.name) || t.count < options.min_questions)) {
      ++report.filtered;  // below the threshold, or a synonym (it becomes a label)
      continue;
    }
    declare(t.name, t.count, t.where);
  }
  for (const auto& name : missing_targets) declare(name, 0, targets[name].first_synonym);
  if (!missing_targets.empty())
    report.warnings.push_back(std::to_string(missing_targets.size()) +
                              " synonym targets are absent from the Tags export (declared from the synonyms file, "
                              "popularity from their synonyms only), e.g. '" + missing_targets.front() + "'");
  return report;
}

}  // namespace skillmatch
