// skillmatch/japan.hpp — Japan's hiring facts as explained estimates: the Engineer/Specialist in
// Humanities/International Services visa route and the Highly Skilled Professional 1(b) points.
//
// The rules are data (data/japan/hsp_1b_points.tsv, data/japan/it_exams.tsv; sources and limits in
// docs/japan.md), the results are estimates with their reasons, never decisions: a portal shows them
// ("likely eligible: bachelor's degree, related to the work") and may filter or prefer on them through
// derived attributes (visa_route_possible, hsp_points, hsp_points_max; derive_japan_attributes). A fact
// the candidate did not give is reported as unknown, never as a failure.
//
// Thread-safety: JapanRules is an immutable value after loading; every function is pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/attributes.hpp"
#include "skillmatch/profile.hpp"

namespace skillmatch {

/// What a candidate stated. Every field is optional: missing = unknown.
struct CandidateFacts {
  std::optional<std::string> degree;           // none, bachelor, master, phd (any case)
  std::optional<bool> degree_related;          // the degree's field is related to the work
  std::optional<bool> multiple_degrees;        // degrees in two or more fields
  std::optional<bool> japanese_university;     // graduated from a Japanese university / graduate school
  std::optional<double> years_experience;      // professional experience
  std::optional<double> age;                   // years
  std::optional<double> salary_jpy;            // the annual salary offered (or expected)
  std::optional<int> jlpt;                     // 0 none, 1..5 = N5..N1 (jlpt_bucket_names of gap.hpp)
  std::optional<double> bjt_score;             // BJT Business Japanese Proficiency Test, 0..800
  std::optional<std::vector<std::string>> it_exams;  // exam ids passed (it_exams.tsv ids)
};

/// The rule tables. bundled_japan_rules() reads the bundled files; parse_japan_rules() reads others.
struct JapanRules {
  struct Row {
    std::string rule, condition;
    int points = 0;
    std::string limit;  // "" when the row has none
  };
  std::vector<Row> hsp;                   // the HSP 1(b) point table, in file order
  std::vector<std::string> exempt_it_exams;  // exam ids of the exemption list
  double engineer_experience_years = 10;     // the experience alternative to a related degree
};

/// Error(parse_error) "where:line: ..." for a malformed line (wrong field count, a non-integer points
/// value, an unknown rule name); Error(invalid_argument) when the table has no threshold row.
JapanRules parse_japan_rules(std::string_view hsp_tsv, std::string_view it_exams_tsv, std::string_view where);
const JapanRules& bundled_japan_rules();

enum class Likelihood : std::uint8_t { likely, unlikely, unknown };
const char* to_string(Likelihood l) noexcept;

struct VisaRouteEstimate {
  Likelihood result = Likelihood::unknown;
  std::vector<std::string> reasons;  // each fact used or missing, e.g. "bachelor's degree, related to the work"
  std::string text() const;          // "likely eligible: ..." / "unlikely: ..." / "unknown: ..."
};

struct PointLine {
  std::string category;  // degree, experience, salary, age, japanese, japanese_university, it_exam, multiple_degrees
  std::string fact;      // "master's degree", "7 years", "unknown"
  int points = 0;        // points awarded by the known fact (0 when unknown)
  int max_points = 0;    // points if the unknown fact were the best case (== points when known)
  bool known = true;
};

struct HspEstimate {
  int points = 0;       // from the known facts: a lower bound
  int max_points = 0;   // if every unknown fact were at its best
  int threshold = 70;
  Likelihood result = Likelihood::unknown;  // likely: points >= threshold; unlikely: max_points < threshold
  std::vector<PointLine> breakdown;
  std::string text() const;  // "75 points (threshold 70): likely; degree master's degree 20, ..."
};

/// The Engineer/Specialist in Humanities/International Services route: a related degree (bachelor or
/// higher), or engineer_experience_years of experience, or an IT exam of the exemption list.
VisaRouteEstimate estimate_visa_route(const CandidateFacts& facts, const JapanRules& rules = bundled_japan_rules());
/// The HSP 1(b) point estimate with its breakdown.
HspEstimate estimate_hsp_points(const CandidateFacts& facts, const JapanRules& rules = bundled_japan_rules());

/// Where a profile keeps each fact (attribute names; "" = not kept). The defaults fit the bundled
/// sample schema (degree, years_experience, salary_expectation_jpy, jlpt) plus optional attributes.
struct JapanFactNames {
  std::string degree = "degree", degree_related = "degree_related", multiple_degrees = "multiple_degrees",
              japanese_university = "japanese_university", years_experience = "years_experience", age = "age",
              salary_jpy = "salary_expectation_jpy", jlpt = "jlpt", bjt_score = "bjt_score", it_exams = "it_exams";
};

/// The facts a profile states through its attributes (a wrong-typed value counts as unknown).
CandidateFacts facts_of(const AttributeValues& attributes, const JapanFactNames& names = {});

/// Declares visa_route_possible (boolean), hsp_points and hsp_points_max (numeric) on a candidate
/// schema (errors as AttributeSchema::add_*: duplicate when already declared).
void add_japan_attributes(AttributeSchema& schema);
/// Sets the three derived attributes of `profile` from its facts: visa_route_possible true/false for
/// likely/unlikely and missing when unknown; hsp_points (the lower bound) and hsp_points_max always.
void derive_japan_attributes(Profile& profile, const JapanRules& rules = bundled_japan_rules(),
                             const JapanFactNames& names = {});

/// The ITSS (IT Skill Standard, IPA) scale L1 < ... < L7, for per-category level attributes
/// (itss_application_specialist >= L3). Also AttributeSchema::add_ordinal(name, itss_scale()).
const OrdinalScale& itss_scale();

}  // namespace skillmatch
