// ESCO v1.2 CSV files -> taxonomy. Mapping documented in docs/loaders.md.
#include <deque>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "io/delimited_reader.hpp"
#include "skillmatch/loaders.hpp"
#include "taxonomy/loaders/esco_skill_kind.hpp"
#include "taxonomy/loaders/loader_util.hpp"

namespace skillmatch {
namespace {

using io::Dialect;
using io::DelimitedReader;
using loaders::SkipTally;

// altLabels cells: newline-separated in occupations_en.csv, " | "-separated in the skill collections.
constexpr std::string_view kLabelSeparators = "\n|";

struct Esco {
  TaxonomyBuilder& builder;
  std::filesystem::path dir;
  const EscoOptions& options;
  LoadReport report;

  std::unordered_map<std::string, std::string> skill_by_label;  // kept skill preferred label -> URI
  std::unordered_set<std::string> kept_skills;
  std::vector<std::string> skill_order;  // kept skills in file order: keeps concept order deterministic
  std::unordered_set<std::string> kept_occupations;
  loaders::EscoSkillKindRule kind_rule;

  // One row of esco_occupation_profiles.tsv: the occupation and its skill labels with their weights.
  struct Profile {
    std::string occupation;
    std::vector<std::pair<std::string, float>> skills;
    SourceLocation where;
  };
  std::vector<Profile> profiles;

  DelimitedReader open(const char* name, Dialect d = Dialect::csv, io::ShortRecords s = io::ShortRecords::reject) {
    return DelimitedReader(dir / name, d, s);
  }

  void add_concept(const std::string& id, ConceptKind kind, std::string_view label, const SourceLocation& where) {
    builder.add_concept(id, kind, label, "en", where);
    ++report.concepts;
  }
  void labels(const std::string& id, std::string_view cell, LabelKind kind, const SourceLocation& where) {
    for (auto text : loaders::split_list(cell, kLabelSeparators)) {
      builder.add_label(id, text, "en", kind, where);
      ++report.labels;
    }
  }

  void skills_and_hierarchy() {
    struct Edge {
      std::string child, parent;
      SourceLocation where;
    };
    std::vector<Edge> edges;                       // broader edges out of kept skills (collection + pillar)
    std::vector<std::pair<std::string, SourceLocation>> hierarchy;  // skillsHierarchy_en.csv nodes, file order
    std::unordered_set<std::string> hierarchy_seen;
    std::unordered_map<std::string, std::string> titles;  // URI -> label, for concepts that are not kept skills

    // The three collections carry URIs, skillType and altLabels. A skill in two collections (digComp's
    // are also digital skills) is declared once; its labels from both are kept.
    struct Collection {
      const char* file;
      bool transversal;
    };
    for (const Collection& c : {Collection{"digitalSkillsCollection_en.csv", false},
                                Collection{"transversalSkillsCollection_en.csv", true},
                                Collection{"digCompSkillsCollection_en.csv", false}}) {
      auto r = open(c.file);
      const auto uri = r.column("conceptUri"), pref = r.column("preferredLabel"), type = r.column("skillType"),
                 alt = r.column("altLabels"), broader_uri = r.column("broaderConceptUri"),
                 broader_pt = r.column("broaderConceptPT"), description = r.column("description");
      while (r.next()) {
        std::string id(loaders::trim(r.cell(uri)));
        std::string_view label = loaders::trim(r.cell(pref));
        const bool knowledge = loaders::trim(r.cell(type)) == "knowledge";
        const ConceptKind kind = knowledge ? ConceptKind::knowledge
                                 : c.transversal ? ConceptKind::soft_skill
                                                 : ConceptKind::skill;
        kind_rule.learn_text(r.cell(description));
        if (!kept_skills.insert(id).second) {
          labels(id, r.cell(alt), LabelKind::alternative, r.where());
          continue;
        }
        if (!loaders::trim(r.cell(type)).empty()) kind_rule.learn_label(label, kind);
        add_concept(id, kind, label, r.where());
        skill_order.push_back(id);
        skill_by_label.emplace(std::string(label), id);
        labels(id, r.cell(alt), LabelKind::alternative, r.where());
        auto parents = loaders::split_list(r.cell(broader_uri), "|");
        auto parent_labels = loaders::split_list(r.cell(broader_pt), "|");
        for (std::size_t i = 0; i < parents.size(); ++i) {
          edges.push_back({id, std::string(parents[i]), r.where()});
          // broaderConceptPT lists the parents' labels in the same order.
          if (parent_labels.size() == parents.size()) titles.try_emplace(std::string(parents[i]), parent_labels[i]);
        }
      }
    }
    {
      auto r = open("skillGroups_en.csv");
      const auto uri = r.column("conceptUri"), pref = r.column("preferredLabel"), description = r.column("description");
      while (r.next()) {
        kind_rule.learn_text(r.cell(description));
        if (auto label = loaders::trim(r.cell(pref)); !label.empty())
          titles.insert_or_assign(std::string(loaders::trim(r.cell(uri))), std::string(label));
      }
    }
    {
      // This file leaves out trailing empty cells (rows of the upper levels are shorter).
      auto r = open("skillsHierarchy_en.csv", Dialect::csv, io::ShortRecords::pad);
      std::size_t cols[4][2];
      for (int level = 0; level < 4; ++level) {
        const std::string prefix = "Level " + std::to_string(level);
        cols[level][0] = r.column(prefix + " URI");
        cols[level][1] = r.column(prefix + " preferred term");
      }
      while (r.next())
        for (const auto& c : cols) {
          std::string_view u = loaders::trim(r.cell(c[0])), label = loaders::trim(r.cell(c[1]));
          if (u.empty() || label.empty()) continue;
          titles.try_emplace(std::string(u), std::string(label));
          if (std::string key(u); hierarchy_seen.insert(key).second) hierarchy.emplace_back(std::move(key), r.where());
        }
    }
    // The skills pillar: every broader relation, kept to walk up from the kept skills.
    std::unordered_map<std::string, std::vector<std::pair<std::string, SourceLocation>>> up;
    {
      auto r = open("broaderRelationsSkillPillar_en.csv");
      const auto uri = r.column("conceptUri"), broader_uri = r.column("broaderUri");
      while (r.next()) {
        std::string child(loaders::trim(r.cell(uri))), parent(loaders::trim(r.cell(broader_uri)));
        if (child.empty() || parent.empty()) fail_at(ErrorCode::parse_error, r.where(), "empty conceptUri or broaderUri");
        up[child].emplace_back(std::move(parent), r.where());
      }
    }
    for (const auto& skill : skill_order)
      if (auto it = up.find(skill); it != up.end())
        for (const auto& [parent, where] : it->second) edges.push_back({skill, parent, where});

    // Walk up: every ancestor of a kept skill that is not itself a kept skill becomes a category concept,
    // provided some file gives its label; edges to unlabelled ancestors are left out and counted.
    SkipTally unlabelled("broader links to ESCO concepts with no label in the loaded files (left out)");
    std::set<std::pair<std::string, std::string>> added;
    std::unordered_set<std::string> categories;
    std::deque<Edge> queue(edges.begin(), edges.end());
    // The skills hierarchy is declared whole (its four levels are the browsing tree of ESCO), whether
    // or not a loaded skill hangs under a node.
    for (const auto& [node, where] : hierarchy) {
      if (kept_skills.contains(node) || !categories.insert(node).second) continue;
      add_concept(node, ConceptKind::category, titles.at(node), where);
      if (auto it = up.find(node); it != up.end())
        for (const auto& [parent, at] : it->second) queue.push_back({node, parent, at});
    }
    while (!queue.empty()) {
      Edge e = std::move(queue.front());
      queue.pop_front();
      if (e.child == e.parent) fail_at(ErrorCode::cycle, e.where, "'" + e.child + "' is its own broader concept");
      if (!added.insert({e.child, e.parent}).second) continue;
      if (!kept_skills.contains(e.parent) && !categories.contains(e.parent)) {
        auto t = titles.find(e.parent);
        if (t == titles.end()) {
          unlabelled.add(e.where, e.parent);
          continue;
        }
        add_concept(e.parent, ConceptKind::category, t->second, e.where);
        categories.insert(e.parent);
        if (auto it = up.find(e.parent); it != up.end())
          for (const auto& [grand, where] : it->second) queue.push_back({e.parent, grand, where});
      }
      builder.add_broader(e.child, e.parent, e.where);
      ++report.broader;
    }
    unlabelled.flush_into(report);
  }

  void skill_relations() {
    auto r = open("skillSkillRelations_en.csv");
    const auto from = r.column("originalSkillUri"), type = r.column("relationType"), to = r.column("relatedSkillUri");
    while (r.next()) {
      std::string_view t = loaders::trim(r.cell(type));
      double weight = 0;
      if (t == "essential")
        weight = 1.0;
      else if (t == "optional")
        weight = 0.5;
      else
        fail_at(ErrorCode::parse_error, r.where(), "column 'relationType': expected essential or optional, found '" + std::string(t) + "'");
      std::string a(loaders::trim(r.cell(from))), b(loaders::trim(r.cell(to)));
      if (!kept_skills.contains(a) || !kept_skills.contains(b)) {
        ++report.filtered;
        continue;
      }
      builder.add_related(a, b, RelationKind::related, static_cast<float>(weight), r.where());
      ++report.related;
    }
  }

  // Reads esco_occupation_profiles.tsv once: the profiles are kept for the links, and every skill label
  // no collection declares becomes a concept of its own (see derived_skill_id).
  void read_profiles() {
    auto r = open("esco_occupation_profiles.tsv", Dialect::tsv);
    const auto uri = r.column("occupation_uri"), essential = r.column("essential_skill_labels"),
               optional = r.column("optional_skill_labels");
    while (r.next()) {
      Profile p{std::string(loaders::trim(r.cell(uri))), {}, r.where()};
      if (p.occupation.empty()) fail_at(ErrorCode::parse_error, r.where(), "empty occupation_uri");
      for (auto [column, weight] : {std::pair{essential, 1.0f}, std::pair{optional, 0.5f}})
        for (auto label : loaders::split_list(r.cell(column), "|")) p.skills.emplace_back(std::string(label), weight);
      profiles.push_back(std::move(p));
    }
  }

  void profile_skills() {
    for (const auto& p : profiles) {
      if (!kept_occupations.contains(p.occupation)) continue;
      for (const auto& [label, weight] : p.skills) {
        if (skill_by_label.contains(label)) continue;
        std::string id = derived_skill_id(label);
        add_concept(id, kind_rule.kind_of(label), label, p.where);
        skill_by_label.emplace(label, std::move(id));
        ++report.derived;
      }
    }
  }

  void occupations() {
    auto r = open("occupations_en.csv");
    const auto uri = r.column("conceptUri"), isco = r.column("iscoGroup"), pref = r.column("preferredLabel"),
               alt = r.column("altLabels"), hidden = r.column("hiddenLabels");
    while (r.next()) {
      if (!loaders::matches_prefix(loaders::trim(r.cell(isco)), options.isco_prefixes)) {
        ++report.filtered;
        continue;
      }
      std::string id(loaders::trim(r.cell(uri)));
      add_concept(id, ConceptKind::occupation, loaders::trim(r.cell(pref)), r.where());
      kept_occupations.insert(id);
      labels(id, r.cell(alt), LabelKind::alternative, r.where());
      labels(id, r.cell(hidden), LabelKind::hidden, r.where());
    }
  }

  void occupation_skills() {
    SkipTally unknown("profiles of occupations absent from occupations_en.csv (links left out)");
    for (const auto& p : profiles) {
      if (!kept_occupations.contains(p.occupation)) {
        if (options.isco_prefixes.empty())
          unknown.add(p.where, p.occupation);
        else
          ++report.filtered;
        continue;
      }
      for (const auto& [label, weight] : p.skills) {
        builder.add_related(p.occupation, skill_by_label.at(label), RelationKind::occupation_skill, weight, p.where);
        ++report.related;
      }
    }
    unknown.flush_into(report);
  }
};

}  // namespace

std::string derived_skill_id(std::string_view preferred_label) { return "esco:label:" + std::string(preferred_label); }

LoadReport load_esco(TaxonomyBuilder& builder, const std::filesystem::path& dir, const EscoOptions& options) {
  Esco esco{builder, dir, options, {}, {}, {}, {}, {}, {}, {}};
  esco.read_profiles();
  esco.skills_and_hierarchy();
  esco.occupations();
  esco.profile_skills();
  esco.skill_relations();
  esco.occupation_skills();
  return std::move(esco.report);
}

}  // namespace skillmatch
