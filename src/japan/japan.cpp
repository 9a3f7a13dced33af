// Japan's hiring facts: the rule tables (data/japan/*.tsv) and the two estimates (japan.hpp).
#include "skillmatch/japan.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/bundled_files.hpp"
#include "io/split_tabs.hpp"
#include "skillmatch/gap.hpp"

namespace skillmatch {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Lines of a TSV without comments and blank lines, with their numbers.
template <typename F>
void for_each_record(std::string_view text, F&& f) {
  std::size_t line_no = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    f(line_no, io::split_tabs(line));
  }
}

const char* const hsp_rules[] = {"degree", "multiple_degrees", "experience", "salary", "salary_floor", "age", "japanese",
                                 "japanese_bjt", "japanese_university", "it_exam", "threshold"};

double number(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

std::string yen(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f yen", v);
  return buf;
}
std::string years_text(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g years", v);
  return buf;
}

std::string degree_text(const std::string& d) {
  if (d == "phd") return "doctoral degree";
  if (d == "master") return "master's degree";
  if (d == "bachelor") return "bachelor's degree";
  return d + " degree";
}

bool is_degree(const std::string& d) { return d == "bachelor" || d == "master" || d == "phd"; }

}  // namespace

const char* to_string(Likelihood l) noexcept {
  switch (l) {
    case Likelihood::likely: return "likely";
    case Likelihood::unlikely: return "unlikely";
    case Likelihood::unknown: return "unknown";
  }
  return "unknown";
}

JapanRules parse_japan_rules(std::string_view hsp_tsv, std::string_view it_exams_tsv, std::string_view where) {
  JapanRules rules;
  bool threshold = false;
  for_each_record(hsp_tsv, [&](std::size_t line, const std::vector<std::string_view>& f) {
    const std::string at = std::string(where) + ":" + std::to_string(line) + ": ";
    if (f.size() < 3 || f.size() > 4) fail(ErrorCode::parse_error, at + "expected rule<TAB>condition<TAB>points[<TAB>limit]");
    JapanRules::Row row{std::string(f[0]), std::string(f[1]), 0, f.size() == 4 ? std::string(f[3]) : std::string()};
    if (std::find(std::begin(hsp_rules), std::end(hsp_rules), row.rule) == std::end(hsp_rules))
      fail(ErrorCode::parse_error, at + "unknown rule '" + row.rule + "'");
    if (row.rule == "japanese_bjt") {
      row.limit = std::string(f[2]);  // the JLPT level the score counts as
    } else {
      const std::string p(f[2]);
      char* end = nullptr;
      const long v = std::strtol(p.c_str(), &end, 10);
      if (p.empty() || *end != '\0' || v < 0 || v > 1000) fail(ErrorCode::parse_error, at + "points must be an integer 0..1000, not '" + p + "'");
      row.points = static_cast<int>(v);
    }
    if (row.rule == "threshold") threshold = true;
    rules.hsp.push_back(std::move(row));
  });
  if (!threshold) fail(ErrorCode::invalid_argument, std::string(where) + ": the point table has no threshold row");
  for_each_record(it_exams_tsv, [&](std::size_t line, const std::vector<std::string_view>& f) {
    if (f.empty() || f[0].empty())
      fail(ErrorCode::parse_error, std::string(where) + " (IT exams):" + std::to_string(line) + ": expected exam_id<TAB>country<TAB>name");
    rules.exempt_it_exams.emplace_back(f[0]);
  });
  return rules;
}

const JapanRules& bundled_japan_rules() {
  static const JapanRules rules = parse_japan_rules(detail::bundled_file_text("japan/hsp_1b_points.tsv"),
                                                    detail::bundled_file_text("japan/it_exams.tsv"), "japan/hsp_1b_points.tsv");
  return rules;
}

std::string VisaRouteEstimate::text() const {
  std::string s = result == Likelihood::likely ? "likely eligible" : result == Likelihood::unlikely ? "unlikely" : "unknown";
  s += ": ";
  for (std::size_t i = 0; i < reasons.size(); ++i) s += (i ? "; " : "") + reasons[i];
  return s;
}

VisaRouteEstimate estimate_visa_route(const CandidateFacts& facts, const JapanRules& rules) {
  VisaRouteEstimate e;
  bool likely = false, unknown = false;
  // 1. A degree related to the work.
  if (!facts.degree) {
    e.reasons.push_back("degree unknown");
    unknown = true;
  } else {
    const std::string d = lower(*facts.degree);
    if (!is_degree(d)) {
      e.reasons.push_back("no university degree");
    } else if (!facts.degree_related) {
      e.reasons.push_back(degree_text(d) + ", whether related to the work is unknown");
      unknown = true;
    } else if (*facts.degree_related) {
      e.reasons.push_back(degree_text(d) + ", related to the work");
      likely = true;
    } else {
      e.reasons.push_back(degree_text(d) + ", not related to the work");
    }
  }
  // 2. Experience.
  if (!likely) {
    if (!facts.years_experience) {
      e.reasons.push_back("years of experience unknown");
      unknown = true;
    } else if (*facts.years_experience >= rules.engineer_experience_years) {
      e.reasons.push_back(years_text(*facts.years_experience) + " of experience (" + years_text(rules.engineer_experience_years) +
                          " needed without a related degree)");
      likely = true;
    } else {
      e.reasons.push_back("only " + years_text(*facts.years_experience) + " of experience (" +
                          years_text(rules.engineer_experience_years) + " needed without a related degree)");
    }
  }
  // 3. An IT exam of the exemption list.
  if (!likely) {
    if (!facts.it_exams) {
      e.reasons.push_back("IT exams unknown");
      unknown = true;
    } else {
      std::string passed;
      for (const auto& x : *facts.it_exams)
        if (std::find(rules.exempt_it_exams.begin(), rules.exempt_it_exams.end(), lower(x)) != rules.exempt_it_exams.end())
          passed = x;
      if (!passed.empty()) {
        e.reasons.push_back("passed IT exam " + passed + " (exemption list)");
        likely = true;
      } else {
        e.reasons.push_back("no IT exam of the exemption list");
      }
    }
  }
  e.result = likely ? Likelihood::likely : unknown ? Likelihood::unknown : Likelihood::unlikely;
  return e;
}

std::string HspEstimate::text() const {
  std::string s = std::to_string(points) + (max_points > points ? " to " + std::to_string(max_points) : std::string()) +
                  " points (threshold " + std::to_string(threshold) + "): " + to_string(result);
  for (const auto& l : breakdown)
    s += "; " + l.category + " " + l.fact + " " +
         (l.known ? std::to_string(l.points) : "0 (up to " + std::to_string(l.max_points) + ")");
  return s;
}

HspEstimate estimate_hsp_points(const CandidateFacts& facts, const JapanRules& rules) {
  HspEstimate e;
  auto rows = [&](const char* rule) {
    std::vector<const JapanRules::Row*> out;
    for (const auto& r : rules.hsp)
      if (r.rule == rule) out.push_back(&r);
    return out;
  };
  auto best_of = [](const std::vector<const JapanRules::Row*>& rs) {
    int m = 0;
    for (const auto* r : rs) m = std::max(m, r->points);
    return m;
  };
  auto add = [&](std::string category, std::string fact, int points, int max_points, bool known) {
    e.breakdown.push_back({std::move(category), std::move(fact), points, max_points, known});
  };
  for (const auto* r : rows("threshold")) e.threshold = number(r->condition) > 0 ? static_cast<int>(number(r->condition)) : e.threshold;

  // Degree.
  {
    const auto rs = rows("degree");
    if (!facts.degree) {
      add("degree", "unknown", 0, best_of(rs), false);
    } else {
      const std::string d = lower(*facts.degree);
      int p = 0;
      for (const auto* r : rs)
        if (r->condition == d) p = r->points;
      add("degree", is_degree(d) ? degree_text(d) : "none", p, p, true);
    }
    const auto mr = rows("multiple_degrees");
    if (!mr.empty()) {
      if (!facts.multiple_degrees) add("multiple_degrees", "unknown", 0, best_of(mr), false);
      else add("multiple_degrees", *facts.multiple_degrees ? "yes" : "no", *facts.multiple_degrees ? best_of(mr) : 0,
               *facts.multiple_degrees ? best_of(mr) : 0, true);
    }
  }
  // Experience: the highest row met.
  {
    const auto rs = rows("experience");
    if (!facts.years_experience) {
      add("experience", "unknown", 0, best_of(rs), false);
    } else {
      int p = 0;
      for (const auto* r : rs)
        if (*facts.years_experience >= number(r->condition)) p = std::max(p, r->points);
      add("experience", years_text(*facts.years_experience), p, p, true);
    }
  }
  // Salary: rows with an age limit need the age.
  bool below_floor = false;
  {
    const auto rs = rows("salary");
    double floor = 0;
    for (const auto* r : rows("salary_floor")) floor = std::max(floor, number(r->condition));
    if (!facts.salary_jpy) {
      add("salary", "unknown", 0, best_of(rs), false);
    } else {
      int low = 0, high = 0;
      for (const auto* r : rs) {
        if (*facts.salary_jpy < number(r->condition)) continue;
        const bool any_age = r->limit.empty() || r->limit == "-";
        high = std::max(high, r->points);
        if (any_age || (facts.age && *facts.age <= number(r->limit))) low = std::max(low, r->points);
      }
      if (!facts.age) {
        add("salary", yen(*facts.salary_jpy) + (high > low ? " (points depend on the unknown age)" : ""), low, high, high == low);
      } else {
        // With the age known, rows whose age limit it passes give nothing: high is what it is.
        add("salary", yen(*facts.salary_jpy), low, low, true);
      }
      if (floor > 0 && *facts.salary_jpy < floor) {
        below_floor = true;
        e.breakdown.back().fact += " (below the category's minimum of " + yen(floor) + ")";
      }
    }
  }
  // Age: the youngest band met.
  {
    auto rs = rows("age");
    std::sort(rs.begin(), rs.end(), [](const auto* a, const auto* b) { return number(a->condition) < number(b->condition); });
    if (!facts.age) {
      add("age", "unknown", 0, best_of(rs), false);
    } else {
      int p = 0;
      for (const auto* r : rs)
        if (*facts.age <= number(r->condition)) {
          p = r->points;
          break;
        }
      add("age", years_text(*facts.age), p, p, true);
    }
  }
  // Japanese university, then Japanese language (N2 points are not given on top of the university's).
  bool university_points = false;
  {
    const auto rs = rows("japanese_university");
    if (!rs.empty()) {
      if (!facts.japanese_university) add("japanese_university", "unknown", 0, best_of(rs), false);
      else {
        university_points = *facts.japanese_university;
        const int p = university_points ? best_of(rs) : 0;
        add("japanese_university", university_points ? "yes" : "no", p, p, true);
      }
    }
  }
  {
    const auto rs = rows("japanese");
    int level = -1;  // bucket: 5 = N1, 4 = N2
    std::string fact;
    if (facts.jlpt) {
      level = *facts.jlpt;
      fact = "JLPT " + std::string(jlpt_bucket_names[std::clamp(*facts.jlpt, 0, 5)]);
    }
    if (facts.bjt_score) {
      for (const auto* r : rows("japanese_bjt")) {
        if (*facts.bjt_score < number(r->condition)) continue;
        for (int b = 0; b < 6; ++b)
          if (jlpt_bucket_names[static_cast<std::size_t>(b)] == r->limit && b > level) {
            level = b;
            char buf[64];
            std::snprintf(buf, sizeof buf, "BJT %g (as JLPT %s)", *facts.bjt_score, r->limit.c_str());
            fact = buf;
          }
      }
      if (fact.empty()) fact = "BJT below the rows";
    }
    if (level < 0) {
      add("japanese", "unknown", 0, best_of(rs), false);
    } else {
      int p = 0;
      for (const auto* r : rs)
        if (r->condition == jlpt_bucket_names[static_cast<std::size_t>(std::clamp(level, 0, 5))]) p = r->points;
      if (level == 4 && university_points) {
        p = 0;
        fact += " (N2 points not added to the Japanese university's)";
      }
      add("japanese", fact, p, p, true);
    }
  }
  // IT exams of the list.
  {
    const auto rs = rows("it_exam");
    if (!rs.empty()) {
      const int each = rs.front()->points;
      const int cap = rs.front()->limit.empty() ? each : static_cast<int>(number(rs.front()->limit));
      if (!facts.it_exams) {
        add("it_exam", "unknown", 0, cap, false);
      } else {
        int n = 0;
        for (const auto& x : *facts.it_exams)
          n += std::find(rules.exempt_it_exams.begin(), rules.exempt_it_exams.end(), lower(x)) != rules.exempt_it_exams.end();
        const int p = std::min(cap, n * each);
        add("it_exam", std::to_string(n) + " of the list", p, p, true);
      }
    }
  }
  for (const auto& l : e.breakdown) e.points += l.points, e.max_points += l.max_points;
  if (below_floor) e.result = Likelihood::unlikely;
  else if (e.points >= e.threshold) e.result = Likelihood::likely;
  else if (e.max_points < e.threshold) e.result = Likelihood::unlikely;
  else e.result = Likelihood::unknown;
  return e;
}

CandidateFacts facts_of(const AttributeValues& a, const JapanFactNames& n) {
  CandidateFacts f;
  auto str = [&](const std::string& name) -> std::optional<std::string> {
    if (name.empty()) return std::nullopt;
    const AttributeValue* v = a.find(name);
    if (v && std::holds_alternative<std::string>(*v)) return std::get<std::string>(*v);
    return std::nullopt;
  };
  auto num = [&](const std::string& name) -> std::optional<double> {
    if (name.empty()) return std::nullopt;
    const AttributeValue* v = a.find(name);
    if (v && std::holds_alternative<double>(*v) && std::isfinite(std::get<double>(*v))) return std::get<double>(*v);
    return std::nullopt;
  };
  auto flag = [&](const std::string& name) -> std::optional<bool> {
    if (name.empty()) return std::nullopt;
    const AttributeValue* v = a.find(name);
    if (v && std::holds_alternative<bool>(*v)) return std::get<bool>(*v);
    return std::nullopt;
  };
  f.degree = str(n.degree);
  f.degree_related = flag(n.degree_related);
  f.multiple_degrees = flag(n.multiple_degrees);
  f.japanese_university = flag(n.japanese_university);
  f.years_experience = num(n.years_experience);
  f.age = num(n.age);
  f.salary_jpy = num(n.salary_jpy);
  f.bjt_score = num(n.bjt_score);
  if (auto level = str(n.jlpt)) {
    const std::string l = lower(*level);
    for (int b = 0; b < 6; ++b)
      if (lower(jlpt_bucket_names[static_cast<std::size_t>(b)]) == l) f.jlpt = b;
  }
  if (!n.it_exams.empty()) {
    if (const AttributeValue* v = a.find(n.it_exams)) {
      if (const auto* list = std::get_if<std::vector<std::string>>(v)) f.it_exams = *list;
      else if (const auto* one = std::get_if<std::string>(v)) f.it_exams = std::vector<std::string>{*one};
    }
  }
  return f;
}

void add_japan_attributes(AttributeSchema& schema) {
  schema.add_boolean("visa_route_possible");
  schema.add_numeric("hsp_points");
  schema.add_numeric("hsp_points_max");
}

void derive_japan_attributes(Profile& profile, const JapanRules& rules, const JapanFactNames& names) {
  const CandidateFacts facts = facts_of(profile.attributes, names);
  const auto route = estimate_visa_route(facts, rules);
  if (route.result == Likelihood::unknown) profile.attributes.set_missing("visa_route_possible");
  else profile.attributes.set_bool("visa_route_possible", route.result == Likelihood::likely);
  const auto hsp = estimate_hsp_points(facts, rules);
  profile.attributes.set_number("hsp_points", hsp.points);
  profile.attributes.set_number("hsp_points_max", hsp.max_points);
}

const OrdinalScale& itss_scale() {
  static const OrdinalScale scale("ITSS", {"L1", "L2", "L3", "L4", "L5", "L6", "L7"});
  return scale;
}

}  // namespace skillmatch
