#include "skillmatch/explain.hpp"

#include <boost/json.hpp>
#include <cstdio>

#include "skillmatch/display_label.hpp"

namespace skillmatch {
namespace {

namespace json = boost::json;

// Scores are floats; printing them as doubles would show float noise (0.300000011920929).
double round6(float x) { return static_cast<double>(std::lround(static_cast<double>(x) * 1e6)) / 1e6; }

json::value concept_json(ConceptIndex c, const std::string& text, const Taxonomy& t) {
  if (c == no_concept) return nullptr;
  return json::object{{"skill", text}, {"concept", std::string(t.id(c))}, {"label", std::string(t.preferred_label(c))}};
}

// Why a candidate skill counts for a requirement, in words: the evidence parts that are present.
std::string evidence_text(const RequirementOutcome& r) {
  if (r.matched_by == r.requirement) return "same skill";
  std::string s;
  auto add = [&](const char* what, float x) {
    if (x <= 0) return;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%s %.2f", s.empty() ? "" : ", ", what, static_cast<double>(x));
    s += buf;
  };
  add("taxonomy hierarchy", r.evidence.hierarchy);
  add("related link", r.evidence.related);
  add("needed by the same occupations", r.evidence.cooccurrence);
  // The learned vectors are evidence too (co-occurrence in postings and occupations, compressed): a
  // similarity that rests on them alone says so instead of claiming none.
  add("learned vectors", r.evidence.embedding);
  return s.empty() ? "no evidence" : s;
}

json::value evidence_json(const RequirementOutcome& r) {
  if (r.matched_by == no_concept) return nullptr;
  return json::object{{"hierarchy", round6(r.evidence.hierarchy)},
                      {"related", round6(r.evidence.related)},
                      {"cooccurrence", round6(r.evidence.cooccurrence)},
                      {"embedding", round6(r.evidence.embedding)},
                      {"text", evidence_text(r)}};
}

std::string fmt(const char* format, double a) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, a);
  return buf;
}

}  // namespace

namespace {

void write_json(const json::value& v, std::string& out) {
  char buf[32];
  switch (v.kind()) {
    case json::kind::null: out += "null"; return;
    case json::kind::bool_: out += v.get_bool() ? "true" : "false"; return;
    case json::kind::int64: out += std::to_string(v.get_int64()); return;
    case json::kind::uint64: out += std::to_string(v.get_uint64()); return;
    case json::kind::double_:
      std::snprintf(buf, sizeof buf, "%.6g", v.get_double());
      out += buf;
      return;
    case json::kind::string: out += json::serialize(v.get_string()); return;
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& x : v.get_array()) {
        if (!first) out += ',';
        first = false;
        write_json(x, out);
      }
      out += ']';
      return;
    }
    case json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& [k, x] : v.get_object()) {
        if (!first) out += ',';
        first = false;
        out += json::serialize(json::string_view(k));
        out += ':';
        write_json(x, out);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string json_text(const json::value& value) {
  std::string out;
  write_json(value, out);
  return out;
}

json::object match_to_json(const Match& m, const Taxonomy& t) {
  json::object o{{"id", m.id}, {"score", round6(m.score)}};
  if (m.breakdown) {
    const ScoreBreakdown& b = *m.breakdown;
    json::object parts;
    auto part = [&](const char* name, const ScorePart& p) {
      if (p.present)
        parts[name] = json::object{{"value", round6(p.value)}, {"weight", round6(p.weight)}, {"contribution", round6(p.contribution)}};
    };
    part("vector", b.vector);
    part("required", b.required);
    part("preferred", b.preferred);
    part("preferences", b.preferences);
    o["parts"] = std::move(parts);
    json::array reqs;
    for (const auto& r : b.requirements) {
      json::object req{{"skill", r.requirement_text},
                                  {"concept", std::string(t.id(r.requirement))},
                                  {"label", std::string(t.preferred_label(r.requirement))},
                                  {"required", r.required},
                                  {"weight", round6(r.weight)},
                                  {"matched_by", concept_json(r.matched_by, r.matched_text, t)},
                                  {"similarity", round6(r.similarity)},
                                  {"met", r.met},
                                  {"evidence", evidence_json(r)},
                                  {"level_factor", round6(r.level_factor)},
                                  {"credit", round6(r.credit)},
                                  {"contribution", round6(r.contribution)}};
      // A requirement written in Japanese also gets the Japanese labels of both concepts.
      if (is_japanese_text(r.requirement_text)) {
        req["label_ja"] = std::string(display_label(t, r.requirement, "ja"));
        if (r.matched_by != no_concept) req["matched_label_ja"] = std::string(display_label(t, r.matched_by, "ja"));
      }
      reqs.push_back(std::move(req));
    }
    o["requirements"] = std::move(reqs);
    json::array missing;
    for (const auto& s : b.missing_required) missing.emplace_back(s);
    o["missing_required"] = std::move(missing);
    if (!b.preference_outcomes.empty()) {
      json::array prefs;
      for (const auto& p : b.preference_outcomes)
        prefs.push_back(json::object{{"expression", p.expression}, {"weight", round6(p.weight)}, {"passed", p.passed},
                                     {"contribution", round6(p.contribution)}});
      o["preferences"] = std::move(prefs);
    }
  }
  if (m.filter) {
    json::array clauses;
    for (const auto& c : m.filter->clauses)
      clauses.push_back(json::object{{"clause", c.clause}, {"passed", c.passed}, {"value", c.value}});
    o["filter"] = json::object{{"passed", m.filter->passed}, {"clauses", std::move(clauses)}};
  }
  return o;
}

json::object results_to_json(const MatchResults& r, const Taxonomy& t) {
  json::array matches;
  for (const auto& m : r.matches) matches.push_back(match_to_json(m, t));
  return json::object{{"query", r.query_id}, {"admitted", r.admitted}, {"matches", std::move(matches)}};
}

std::string explanation_to_text(const Match& m, const Taxonomy& t) {
  std::string s = m.id + "  score " + fmt("%.3f", static_cast<double>(m.score)) + "\n";
  if (!m.breakdown) return s;
  const ScoreBreakdown& b = *m.breakdown;
  auto part = [&](const char* name, const ScorePart& p) {
    if (p.present)
      s += std::string("    ") + name + fmt(" %.2f", static_cast<double>(p.value)) + fmt(" x weight %.2f", static_cast<double>(p.weight)) +
           fmt(" = %.3f\n", static_cast<double>(p.contribution));
  };
  part("vector similarity  ", b.vector);
  part("must-have coverage ", b.required);
  part("nice-to-have cover.", b.preferred);
  part("soft preferences   ", b.preferences);
  for (const auto& r : b.requirements) {
    s += std::string("      ") + (r.required ? "[must] " : "[nice] ") + r.requirement_text;
    if (r.matched_by == no_concept) {
      s += ": not met\n";
      continue;
    }
    s += r.matched_by == r.requirement ? " <- " + r.matched_text : " ~ " + r.matched_text + " (" + std::string(label_for_query(t, r.matched_by, r.requirement_text)) + ")";
    s += fmt(" sim %.2f", static_cast<double>(r.similarity));
    if (r.required) s += r.met ? " (met: " + evidence_text(r) + ")" : " (not met: " + evidence_text(r) + ")";
    else if (r.matched_by != r.requirement) s += " (" + evidence_text(r) + ")";
    if (r.level_factor != 1.0f) s += fmt(" level x%.2f", static_cast<double>(r.level_factor));
    s += fmt(" +%.3f\n", static_cast<double>(r.contribution));
  }
  if (!b.missing_required.empty()) {
    s += "      missing must-haves:";
    for (const auto& x : b.missing_required) s += " " + x + ";";
    s += "\n";
  }
  for (const auto& p : b.preference_outcomes)
    s += "      preference " + p.expression + (p.passed ? ": met" : ": not met") + fmt(" +%.3f\n", static_cast<double>(p.contribution));
  if (m.filter)
    for (const auto& c : m.filter->clauses) s += "      filter " + c.to_string() + "\n";
  return s;
}

}  // namespace skillmatch
