// O*NET text release -> taxonomy. Mapping documented in docs/loaders.md.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "io/delimited_reader.hpp"
#include "skillmatch/loaders.hpp"
#include "taxonomy/loaders/loader_util.hpp"

namespace skillmatch {
namespace {

using io::Dialect;
using io::DelimitedReader;
using loaders::SkipTally;

constexpr std::string_view kSoc = "O*NET-SOC Code";

std::string occupation_id(std::string_view soc) { return "onet:" + std::string(soc); }
std::string element_id(std::string_view element) { return "onet:" + std::string(element); }
std::string unspsc_id(std::string_view code) { return "unspsc:" + std::string(code); }
std::string technology_id(std::string_view example) {
  std::string id = "onet:tech:" + std::string(example);
  std::replace(id.begin(), id.end(), ' ', '_');
  return id;
}

struct Onet {
  TaxonomyBuilder& builder;
  std::filesystem::path dir;
  const OnetOptions& options;
  LoadReport report;
  std::unordered_set<std::string> kept_occupations;  // SOC codes

  DelimitedReader open(const char* name) { return DelimitedReader(dir / name, Dialect::tsv); }

  void add_concept(const std::string& id, ConceptKind kind, std::string_view label, const SourceLocation& where) {
    builder.add_concept(id, kind, label, "en", where);
    ++report.concepts;
  }
  void label(const std::string& id, std::string_view text, LabelKind kind, const SourceLocation& where) {
    builder.add_label(id, text, "en", kind, where);
    ++report.labels;
  }
  void broader(const std::string& child, const std::string& parent, const SourceLocation& where) {
    builder.add_broader(child, parent, where);
    ++report.broader;
  }
  void related(const std::string& from, const std::string& to, RelationKind kind, double weight,
               const SourceLocation& where) {
    builder.add_related(from, to, kind, static_cast<float>(weight), where);
    ++report.related;
  }

  void occupations() {
    auto r = open("Occupation Data.txt");
    const auto code = r.column(kSoc), title = r.column("Title");
    while (r.next()) {
      std::string_view soc = loaders::trim(r.cell(code));
      if (!loaders::matches_prefix(soc, options.occupations)) {
        ++report.filtered;
        continue;
      }
      add_concept(occupation_id(soc), ConceptKind::occupation, r.cell(title), r.where());
      kept_occupations.emplace(soc);
    }
  }

  bool kept(std::string_view soc) const { return kept_occupations.contains(std::string(soc)); }

  void alternate_titles() {
    auto r = open("Alternate Titles.txt");
    const auto code = r.column(kSoc), alt = r.column("Alternate Title"), shrt = r.column("Short Title");
    while (r.next()) {
      std::string_view soc = loaders::trim(r.cell(code));
      if (!kept(soc)) {
        ++report.filtered;
        continue;
      }
      const std::string id = occupation_id(soc);
      if (auto text = loaders::trim(r.cell(alt)); !text.empty()) label(id, text, LabelKind::alternative, r.where());
      if (auto text = loaders::trim(r.cell(shrt)); !text.empty()) label(id, text, LabelKind::abbreviation, r.where());
    }
  }

  void reported_titles() {
    auto r = open("Sample of Reported Titles.txt");
    const auto code = r.column(kSoc), title = r.column("Reported Job Title");
    while (r.next()) {
      std::string_view soc = loaders::trim(r.cell(code));
      if (!kept(soc)) {
        ++report.filtered;
        continue;
      }
      if (auto text = loaders::trim(r.cell(title)); !text.empty())
        label(occupation_id(soc), text, LabelKind::alternative, r.where());
    }
  }

  void related_occupations() {
    auto r = open("Related Occupations.txt");
    const auto code = r.column(kSoc), other = r.column("Related O*NET-SOC Code"), tier = r.column("Relatedness Tier");
    while (r.next()) {
      std::string_view t = loaders::trim(r.cell(tier));
      double weight = 0;
      if (t == "Primary-Short")
        weight = 1.0;
      else if (t == "Primary-Long")
        weight = 0.75;
      else if (t == "Supplemental")
        weight = 0.5;
      else
        fail_at(ErrorCode::parse_error, r.where(), "column 'Relatedness Tier': unknown tier '" + std::string(t) + "'");
      std::string_view a = loaders::trim(r.cell(code)), b = loaders::trim(r.cell(other));
      if (!kept(a) || !kept(b)) {
        ++report.filtered;
        continue;
      }
      related(occupation_id(a), occupation_id(b), RelationKind::occupation_related, weight, r.where());
    }
  }

  // Technology Skills + UNSPSC Reference.
  void technologies() {
    struct Example {
      std::set<std::string> occupations;
      std::set<std::string> commodities;
      bool hot = false, in_demand = false, declared = false;
      SourceLocation first;
    };
    std::map<std::string, Example> examples;  // by example text
    std::vector<std::string> order;           // first-appearance order, for stable concept indices
    std::map<std::string, std::string> commodity_titles;  // code -> title as Technology Skills gives it
    {
      auto r = open("Technology Skills.txt");
      const auto code = r.column(kSoc), example = r.column("Example"), commodity = r.column("Commodity Code"),
                 commodity_title = r.column("Commodity Title"), hot = r.column("Hot Technology"),
                 demand = r.column("In Demand");
      while (r.next()) {
        std::string_view soc = loaders::trim(r.cell(code));
        std::string text(loaders::trim(r.cell(example)));
        std::string com(loaders::trim(r.cell(commodity)));
        const bool is_hot = loaders::parse_flag(r, hot, false);
        const bool is_in_demand = loaders::parse_flag(r, demand, false);
        if (text.empty()) fail_at(ErrorCode::parse_error, r.where(), "column 'Example' is empty");
        if (com.empty()) fail_at(ErrorCode::parse_error, r.where(), "column 'Commodity Code' is empty");
        auto [it, fresh] = examples.try_emplace(text);
        Example& e = it->second;
        if (fresh) {
          e.first = r.where();
          order.push_back(text);
        }
        e.occupations.emplace(soc);
        e.hot = e.hot || is_hot;
        e.in_demand = e.in_demand || is_in_demand;
        const bool occupation_kept = kept(soc);
        if (options.all_technologies || occupation_kept) e.commodities.insert(com);
        commodity_titles.try_emplace(com, std::string(loaders::trim(r.cell(commodity_title))));
        if (occupation_kept) {
          e.declared = true;
          // Listed by the occupation: 0.5; hot technology and in demand each add 0.25.
          related(occupation_id(soc), technology_id(text), RelationKind::occupation_skill,
                  0.5 + 0.25 * is_hot + 0.25 * is_in_demand, r.where());
        } else {
          ++report.filtered;
        }
      }
    }
    std::set<std::string> used_commodities;
    for (const auto& text : order) {
      Example& e = examples[text];
      if (!options.all_technologies && !e.declared) continue;
      const std::string id = technology_id(text);
      add_concept(id, ConceptKind::technology, text, e.first);
      ConceptStats stats;
      stats.frequency = static_cast<double>(e.occupations.size());
      stats.hot = e.hot;
      stats.in_demand = e.in_demand;
      builder.add_stats(id, stats, e.first);
      for (const auto& com : e.commodities) {
        broader(id, unspsc_id(com), e.first);
        used_commodities.insert(com);
      }
    }

    // UNSPSC: declare each used commodity and its class, family and segment once, with the chain.
    auto r = open("UNSPSC Reference.txt");
    const std::size_t cols[4][2] = {{r.column("Commodity Code"), r.column("Commodity Title")},
                                    {r.column("Class Code"), r.column("Class Title")},
                                    {r.column("Family Code"), r.column("Family Title")},
                                    {r.column("Segment Code"), r.column("Segment Title")}};
    std::set<std::string> declared;
    while (r.next()) {
      std::string com(loaders::trim(r.cell(cols[0][0])));
      if (!used_commodities.contains(com)) {
        ++report.filtered;
        continue;
      }
      std::string codes[4];
      for (int level = 0; level < 4; ++level) {
        codes[level] = loaders::trim(r.cell(cols[level][0]));
        if (codes[level].empty())
          fail_at(ErrorCode::parse_error, r.where(), "column '" + r.header()[cols[level][0]] + "' is empty");
      }
      // Each code has one parent, so its broader link is added once, when the code is first declared.
      for (int level = 0; level < 4; ++level) {
        if (!declared.insert(codes[level]).second) break;  // its chain upwards is already there
        add_concept(unspsc_id(codes[level]), ConceptKind::category, r.cell(cols[level][1]), r.where());
        if (level < 3 && codes[level] != codes[level + 1])
          broader(unspsc_id(codes[level]), unspsc_id(codes[level + 1]), r.where());
      }
    }
    // A commodity that the reference lacks still gets a concept, titled as Technology Skills titles it,
    // so no broader link dangles; the report says how many.
    std::size_t unknown = 0;
    std::string examples_text;
    for (const auto& com : used_commodities)
      if (!declared.contains(com)) {
        add_concept(unspsc_id(com), ConceptKind::category, commodity_titles[com], {(dir / "Technology Skills.txt").string(), 0});
        if (unknown++ < 3) examples_text += " " + com;
      }
    if (unknown)
      report.warnings.push_back(std::to_string(unknown) + " commodity codes absent from UNSPSC Reference.txt were " +
                                "declared with their Technology Skills title and no class/family/segment, e.g." + examples_text);
  }

  // Content Model Reference + Skills.txt + Knowledge.txt.
  void elements() {
    std::unordered_map<std::string, std::pair<std::string, SourceLocation>> model;  // id -> (name, where)
    {
      auto r = open("Content Model Reference.txt");
      const auto id = r.column("Element ID"), name = r.column("Element Name");
      while (r.next()) model.emplace(std::string(loaders::trim(r.cell(id))), std::pair{std::string(r.cell(name)), r.where()});
    }
    std::set<std::string> declared;
    SkipTally missing_parent("content-model parents absent from Content Model Reference.txt (broader link left out)");
    auto declare_parents = [&](const std::string& element, const SourceLocation& where) {
      std::string child = element;
      for (;;) {
        std::size_t dot = child.rfind('.');
        if (dot == std::string::npos) return;
        std::string parent = child.substr(0, dot);
        auto it = model.find(parent);
        if (it == model.end()) {
          missing_parent.add(where, parent);
          return;
        }
        const bool fresh = declared.insert(parent).second;
        if (fresh) add_concept(element_id(parent), ConceptKind::category, it->second.first, it->second.second);
        broader(element_id(child), element_id(parent), where);
        if (!fresh) return;  // its chain is already there
        child = parent;
      }
    };

    auto load = [&](const char* file, ConceptKind kind) {
      auto r = open(file);
      const auto code = r.column(kSoc), id = r.column("Element ID"), name = r.column("Element Name"),
                 scale = r.column("Scale ID"), value = r.column("Data Value"), suppress = r.column("Recommend Suppress");
      std::map<std::string, double> frequency;  // element -> kept occupations with IM >= 3
      std::vector<std::pair<std::string, SourceLocation>> order;
      SkipTally suppressed(std::string("importance ratings with Recommend Suppress = Y in ") + file);
      while (r.next()) {
        std::string element(loaders::trim(r.cell(id)));
        if (element.empty()) fail_at(ErrorCode::parse_error, r.where(), "column 'Element ID' is empty");
        const double v = loaders::parse_number(r, value);
        const bool suppress_row = loaders::parse_flag(r, suppress, true);
        if (declared.insert(element).second) {
          ConceptKind k = kind == ConceptKind::skill && element.starts_with("2.B.1.") ? ConceptKind::soft_skill : kind;
          add_concept(element_id(element), k, r.cell(name), r.where());
          declare_parents(element, r.where());
          frequency.try_emplace(element, 0.0);
          order.emplace_back(element, r.where());
        }
        if (loaders::trim(r.cell(scale)) != "IM") continue;
        std::string_view soc = loaders::trim(r.cell(code));
        if (!kept(soc)) {
          ++report.filtered;
          continue;
        }
        if (suppress_row) {
          suppressed.add(r.where(), element);
          continue;
        }
        if (v >= 3) frequency[element] += 1;
        const double weight = (v - 1) / 4;  // importance 1..5 -> 0..1
        if (weight > 0) related(occupation_id(soc), element_id(element), RelationKind::occupation_skill, weight, r.where());
      }
      suppressed.flush_into(report);
      for (const auto& [element, where] : order) {
        ConceptStats stats;
        stats.frequency = frequency[element];
        builder.add_stats(element_id(element), stats, where);
      }
    };
    load("Skills.txt", ConceptKind::skill);
    load("Knowledge.txt", ConceptKind::knowledge);
    missing_parent.flush_into(report);
  }
};

}  // namespace

LoadReport load_onet(TaxonomyBuilder& builder, const std::filesystem::path& dir, const OnetOptions& options) {
  Onet onet{builder, dir, options, {}, {}};
  onet.occupations();
  onet.alternate_titles();
  onet.reported_titles();
  onet.related_occupations();
  onet.technologies();
  onet.elements();
  return std::move(onet.report);
}

std::vector<std::string> it_occupation_codes() {
  return {"15-", "11-3021.00", "17-2061.00", "17-2199.08", "25-1021.00", "27-1014.00", "27-1024.00", "49-2011.00"};
}

}  // namespace skillmatch
