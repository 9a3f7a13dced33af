// Japan's hiring facts (japan.hpp): worked examples written from the documented rules (docs/japan.md),
// each with its breakdown; unknown facts stay unknown; the derived attributes in filters.
#include <doctest/doctest.h>

#include "skillmatch/engine.hpp"
#include "skillmatch/japan.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using skillmatch::test::contains;
using skillmatch::test::error_of;

namespace {

int line_points(const HspEstimate& e, const std::string& category) {
  for (const auto& l : e.breakdown)
    if (l.category == category) return l.points;
  FAIL("no line " << category);
  return -1;
}
const PointLine& line(const HspEstimate& e, const std::string& category) {
  for (const auto& l : e.breakdown)
    if (l.category == category) return l;
  throw std::runtime_error("no line " + category);
}

}  // namespace

TEST_CASE("HSP 1(b) worked example: master's, 7 years, 32, 8 M yen, N2, one listed IT exam = 90, likely") {
  CandidateFacts f;
  f.degree = "master";
  f.degree_related = true;
  f.multiple_degrees = false;
  f.japanese_university = false;
  f.years_experience = 7;
  f.age = 32;
  f.salary_jpy = 8'000'000;
  f.jlpt = 4;  // N2
  f.it_exams = std::vector<std::string>{"pk_nts_npt"};
  const auto e = estimate_hsp_points(f);
  CHECK(line_points(e, "degree") == 20);
  CHECK(line_points(e, "multiple_degrees") == 0);
  CHECK(line_points(e, "experience") == 15);
  CHECK(line_points(e, "salary") == 30);  // 8 M: any age
  CHECK(line_points(e, "age") == 10);     // 30-34
  CHECK(line_points(e, "japanese") == 10);
  CHECK(line_points(e, "japanese_university") == 0);
  CHECK(line_points(e, "it_exam") == 5);
  CHECK(e.points == 90);
  CHECK(e.max_points == 90);
  CHECK(e.threshold == 70);
  CHECK(e.result == Likelihood::likely);
  CHECK(contains(e.text(), "90 points (threshold 70): likely; degree master's degree 20"));
  const auto v = estimate_visa_route(f);
  CHECK(v.result == Likelihood::likely);
  CHECK(v.text() == "likely eligible: master's degree, related to the work");
}

TEST_CASE("HSP 1(b) worked example: bachelor's, 4 years, 27, 4.5 M yen, N4 = 40, unlikely; visa route unknown") {
  CandidateFacts f;
  f.degree = "Bachelor";
  f.multiple_degrees = false;
  f.japanese_university = false;
  f.years_experience = 4;
  f.age = 27;
  f.salary_jpy = 4'500'000;
  f.jlpt = 2;  // N4
  f.it_exams = std::vector<std::string>{};
  const auto e = estimate_hsp_points(f);
  CHECK(line_points(e, "degree") == 10);
  CHECK(line_points(e, "experience") == 5);
  CHECK(line_points(e, "salary") == 10);  // 4 M band, under 30 only
  CHECK(line_points(e, "age") == 15);
  CHECK(line_points(e, "japanese") == 0);
  CHECK(e.points == 40);
  CHECK(e.max_points == 40);
  CHECK(e.result == Likelihood::unlikely);
  // The route: the degree's field is not known, so the estimate says unknown, not a failure.
  const auto v = estimate_visa_route(f);
  CHECK(v.result == Likelihood::unknown);
  CHECK(v.text() == "unknown: bachelor's degree, whether related to the work is unknown; only 4 years of experience "
                    "(10 years needed without a related degree); no IT exam of the exemption list");
  f.degree_related = false;
  CHECK(estimate_visa_route(f).result == Likelihood::unlikely);
  f.it_exams = std::vector<std::string>{"IPA_FE"};
  CHECK(estimate_visa_route(f).text() == "likely eligible: bachelor's degree, not related to the work; only 4 years of "
                                         "experience (10 years needed without a related degree); passed IT exam IPA_FE (exemption list)");
}

TEST_CASE("HSP 1(b) worked example: no degree, 12 years, 41, 9.5 M yen, N1 = 70 known (95 at best), likely; route by experience") {
  CandidateFacts f;
  f.degree = "none";
  f.years_experience = 12;
  f.age = 41;
  f.salary_jpy = 9'500'000;
  f.jlpt = 5;
  const auto e = estimate_hsp_points(f);
  CHECK(line_points(e, "degree") == 0);
  CHECK(line_points(e, "experience") == 20);
  CHECK(line_points(e, "salary") == 35);
  CHECK(line_points(e, "age") == 0);  // 40 and over
  CHECK(line_points(e, "japanese") == 15);
  CHECK_FALSE(line(e, "it_exam").known);
  CHECK(line(e, "it_exam").max_points == 10);
  CHECK(e.points == 70);
  CHECK(e.max_points == 95);  // + multiple degrees 5, Japanese university 10, IT exams 10
  CHECK(e.result == Likelihood::likely);
  const auto v = estimate_visa_route(f);
  CHECK(v.result == Likelihood::likely);
  CHECK(v.text() == "likely eligible: no university degree; 12 years of experience (10 years needed without a related degree)");
}

TEST_CASE("HSP 1(b): unknown facts are unknown, the salary minimum, age-dependent salary bands, BJT, N2 with a Japanese university") {
  CandidateFacts nothing;
  const auto e = estimate_hsp_points(nothing);
  CHECK(e.points == 0);
  CHECK(e.max_points == 30 + 5 + 20 + 40 + 15 + 10 + 15 + 10);
  CHECK(e.result == Likelihood::unknown);
  for (const auto& l : e.breakdown) CHECK_FALSE(l.known);
  CHECK(estimate_visa_route(nothing).text() == "unknown: degree unknown; years of experience unknown; IT exams unknown");

  CandidateFacts low;
  low.salary_jpy = 2'500'000;
  CHECK(estimate_hsp_points(low).result == Likelihood::unlikely);
  CHECK(contains(line(estimate_hsp_points(low), "salary").fact, "below the category's minimum of 3000000 yen"));

  CandidateFacts ageless;
  ageless.salary_jpy = 6'500'000;  // 20 points up to 39, nothing from 40
  const auto a = estimate_hsp_points(ageless);
  CHECK(line(a, "salary").points == 0);
  CHECK(line(a, "salary").max_points == 20);
  CHECK_FALSE(line(a, "salary").known);
  ageless.age = 36;
  CHECK(line_points(estimate_hsp_points(ageless), "salary") == 20);
  ageless.age = 40;
  CHECK(line_points(estimate_hsp_points(ageless), "salary") == 0);

  CandidateFacts bjt;
  bjt.bjt_score = 500;  // BJT 480+ counts as N1
  bjt.jlpt = 0;
  CHECK(line_points(estimate_hsp_points(bjt), "japanese") == 15);
  bjt.bjt_score = 420;
  CHECK(line_points(estimate_hsp_points(bjt), "japanese") == 10);
  CandidateFacts uni;
  uni.jlpt = 4;
  uni.japanese_university = true;
  const auto u = estimate_hsp_points(uni);
  CHECK(line_points(u, "japanese_university") == 10);
  CHECK(line_points(u, "japanese") == 0);  // N2 points are not added to the university's
  uni.jlpt = 5;
  CHECK(line_points(estimate_hsp_points(uni), "japanese") == 15);
}

TEST_CASE("Japan rule files: malformed lines are errors naming the line; a custom IT exam list") {
  CHECK(contains(error_of([] { parse_japan_rules("degree\tphd\n", "", "t.tsv"); }, ErrorCode::parse_error), "t.tsv:1: expected"));
  CHECK(contains(error_of([] { parse_japan_rules("# x\ndegre\tphd\t30\n", "", "t.tsv"); }, ErrorCode::parse_error),
                 "t.tsv:2: unknown rule 'degre'"));
  CHECK(contains(error_of([] { parse_japan_rules("degree\tphd\tthirty\n", "", "t.tsv"); }, ErrorCode::parse_error), "integer"));
  CHECK(contains(error_of([] { parse_japan_rules("degree\tphd\t30\n", "", "t.tsv"); }, ErrorCode::invalid_argument), "threshold"));
  const auto rules = parse_japan_rules("degree\tbachelor\t10\nthreshold\t10\t0\n", "my_exam\tX\tMy exam\n", "t.tsv");
  CandidateFacts f;
  f.degree = "bachelor";
  f.degree_related = false;
  f.years_experience = 1;
  f.it_exams = std::vector<std::string>{"my_exam"};
  CHECK(estimate_visa_route(f, rules).result == Likelihood::likely);
  CHECK(estimate_visa_route(f).result == Likelihood::unlikely);  // not on the bundled list
  CHECK(estimate_hsp_points(f, rules).result == Likelihood::likely);
  CHECK(bundled_japan_rules().exempt_it_exams.size() >= 10);
}

TEST_CASE("derived attributes: visa_route_possible and hsp_points in filters and preferences; unknown is missing") {
  EngineOptions o;
  o.external_vectors = true;
  o.dimension = 2;
  o.candidate_schema.add_categorical("degree");
  o.candidate_schema.add_boolean("degree_related");
  o.candidate_schema.add_numeric("years_experience");
  o.candidate_schema.add_numeric("age");
  o.candidate_schema.add_numeric("salary_expectation_jpy");
  o.candidate_schema.add_jlpt("jlpt");
  add_japan_attributes(o.candidate_schema);
  CHECK(contains(error_of([&] { add_japan_attributes(o.candidate_schema); }, ErrorCode::duplicate), "visa_route_possible"));
  Engine engine(std::move(o));
  auto cand = [&](const char* id, auto&& set) {
    Profile p;
    p.id = id;
    p.vector = {1.0f, 0.0f};
    set(p.attributes);
    derive_japan_attributes(p);
    engine.upsert(Side::candidate, p);
    return p;
  };
  const auto strong = cand("strong", [](AttributeValues& a) {
    a.set_string("degree", "master").set_bool("degree_related", true).set_number("years_experience", 7);
    a.set_number("age", 32).set_number("salary_expectation_jpy", 8e6).set_string("jlpt", "N2");
  });
  CHECK(std::get<bool>(*strong.attributes.find("visa_route_possible")));
  CHECK(std::get<double>(*strong.attributes.find("hsp_points")) == 85);  // 90 without the IT exam
  cand("weak", [](AttributeValues& a) {
    a.set_string("degree", "bachelor").set_bool("degree_related", false).set_number("years_experience", 2);
    a.set_number("age", 45).set_number("salary_expectation_jpy", 4e6);
  });
  cand("unknown", [](AttributeValues&) {});
  Profile job;
  job.id = "J";
  job.vector = {1.0f, 0.0f};
  MatchOptions m;
  m.k = 10;
  m.filter = "hsp_points >= 70";
  auto r = engine.match(job, Side::job, m);
  REQUIRE(r.matches.size() == 1);
  CHECK(r.matches[0].id == "strong");
  m.filter = "visa_route_possible is missing";  // the route of "weak" is unknown too: IT exams unknown
  r = engine.match(job, Side::job, m);
  CHECK(r.matches.size() == 2);
  m.filter = "";
  m.preferences = {{"visa_route_possible", 1.0f}};
  m.explain = true;
  r = engine.match(job, Side::job, m);
  REQUIRE(r.matches.size() == 3);
  CHECK(r.matches[0].id == "strong");
  CHECK(itss_scale().describe() == "L1, L2, L3, L4, L5, L6, L7");
}
