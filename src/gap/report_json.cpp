// gap_report_to_json: the gap report's figures as JSON (gap_report.hpp).
#include <boost/json.hpp>

#include "skillmatch/gap_report.hpp"

namespace skillmatch {
namespace {

namespace json = boost::json;

template <typename T, std::size_t N>
json::array to_array(const std::array<T, N>& a) {
  json::array out;
  for (const auto& x : a) out.emplace_back(x);
  return out;
}

json::object levels(const std::array<std::uint32_t, jlpt_bucket_count>& a) {
  json::object o;
  for (std::size_t i = 0; i < jlpt_bucket_count; ++i) o[jlpt_bucket_names[i]] = a[i];
  return o;
}

}  // namespace

json::object gap_report_to_json(const GapReport& gap, const ExposureReport* exposure, const Taxonomy& taxonomy) {
  json::object root;
  root["jobs"] = gap.jobs;
  root["candidates"] = gap.candidates;
  root["has_jlpt"] = gap.has_jlpt;
  const GapOptions& o = gap.options;
  root["options"] = json::object{{"must_weight", o.must_weight},           {"nice_weight", o.nice_weight},
                                 {"must_threshold", o.must_threshold},     {"similarity_floor", o.similarity_floor},
                                 {"shortage_below", o.shortage_below},     {"surplus_above", o.surplus_above},
                                 {"job_jlpt_attribute", o.job_jlpt_attribute},
                                 {"candidate_jlpt_attribute", o.candidate_jlpt_attribute}};
  json::array skills;
  for (const auto& s : gap.skills) {
    json::object j{{"concept_id", s.concept_id}, {"label", s.label},         {"area", s.area},
                   {"demand", s.demand},         {"must_jobs", s.must_jobs}, {"nice_jobs", s.nice_jobs},
                   {"supply", s.supply},         {"supply_exact", s.supply_exact}, {"ratio", s.ratio},
                   {"relative", s.relative},     {"band", to_string(s.band)}};
    if (gap.has_jlpt) j["supply_by_jlpt"] = levels(s.supply_by_jlpt);
    skills.push_back(std::move(j));
  }
  root["skills"] = std::move(skills);
  json::array areas;
  for (const auto& a : gap.areas) {
    json::object j{{"id", a.id},           {"label", a.label},   {"jobs", a.jobs},
                   {"candidates", a.candidates}, {"demand", a.demand}, {"supply", a.supply},
                   {"skills", a.skills},   {"shortage_skills", a.shortage_skills}};
    if (gap.has_jlpt) {
      j["jobs_by_jlpt"] = levels(a.jobs_by_jlpt);
      j["candidates_by_jlpt"] = levels(a.candidates_by_jlpt);
    }
    areas.push_back(std::move(j));
  }
  root["areas"] = std::move(areas);
  if (gap.has_jlpt) root["jlpt"] = json::object{{"jobs_by_required", levels(gap.jobs_by_jlpt)},
                                                {"candidates_by_level", levels(gap.candidates_by_jlpt)}};
  const Funnel& f = gap.funnel;
  root["funnel"] = json::object{{"candidates", f.candidates}, {"clear_jlpt", f.clear_jlpt}, {"qualified", f.qualified},
                                {"qualified_jlpt", f.qualified_jlpt}, {"near_only", f.near_only}};
  if (gap.japan.present) {
    const JapanFigures& j = gap.japan;
    root["japan"] = json::object{
        {"visa_route", json::object{{"likely", j.visa_likely}, {"unlikely", j.visa_unlikely}, {"unknown", j.visa_unknown}}},
        {"hsp", json::object{{"threshold", j.hsp_threshold}, {"likely", j.hsp_likely}, {"unlikely", j.hsp_unlikely}, {"unknown", j.hsp_unknown}}}};
  } else {
    root["japan"] = nullptr;
  }
  json::array steps;
  for (const auto& s : gap.steps)
    steps.push_back(json::object{{"concept_id", s.concept_id}, {"label", s.label}, {"pairs", s.pairs}, {"candidates", s.candidates}});
  root["steps"] = std::move(steps);
  json::array jobs;
  for (const auto& j : gap.job_gaps) {
    json::array ex;
    for (const auto& e : j.examples) {
      json::object x{{"candidate", e.candidate_id}, {"missing", std::string(taxonomy.id(e.missing))},
                     {"missing_label", std::string(taxonomy.preferred_label(e.missing))}, {"credit", e.credit}};
      if (e.closest != no_concept) {
        x["closest"] = std::string(taxonomy.id(e.closest));
        x["closest_label"] = std::string(taxonomy.preferred_label(e.closest));
      } else {
        x["closest"] = nullptr;
      }
      ex.push_back(std::move(x));
    }
    json::object jo{{"id", j.id}, {"title", j.title}, {"area", j.area}, {"musts", j.musts}, {"qualified", j.qualified},
                    {"near", j.near}, {"near_examples", std::move(ex)}};
    if (gap.has_jlpt) jo["qualified_jlpt"] = j.qualified_jlpt;
    jobs.push_back(std::move(jo));
  }
  root["job_gaps"] = std::move(jobs);
  if (exposure) {
    json::array attrs;
    for (const auto& a : exposure->attributes) {
      json::array groups;
      for (const auto& g : a.groups)
        groups.push_back(json::object{{"group", g.group},           {"pool", g.pool},     {"slots", g.slots},
                                      {"pool_share", g.pool_share}, {"slot_share", g.slot_share},
                                      {"rate", g.rate},             {"impact", g.impact}, {"reference", g.reference}, {"flagged", g.flagged}});
      attrs.push_back(json::object{{"attribute", a.attribute}, {"groups", std::move(groups)}});
    }
    root["exposure"] = json::object{{"k", exposure->k},         {"jobs", exposure->jobs}, {"live_jobs", exposure->live_jobs},
                                    {"slots", exposure->slots}, {"admitted", exposure->admitted},
                                    {"four_fifths", exposure->four_fifths}, {"min_group_share", exposure->min_group_share},
                                    {"attributes", std::move(attrs)}};
  } else {
    root["exposure"] = nullptr;
  }
  return root;
}

}  // namespace skillmatch
