// Profiles from JSON / JSONL: fields, skill objects, resolution, errors with line numbers.
#include <doctest/doctest.h>

#include <sstream>

#include "skillmatch/core/thread_pool.hpp"
#include "skillmatch/profile_json.hpp"
#include "skillmatch/schema_io.hpp"
#include "skillmatch/taxonomy_io.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using namespace skillmatch::test;

namespace {

const Resolver& resolver() {
  static const Resolver r(bundled_taxonomy());
  return r;
}


Profile parse(std::string_view json) { return parse_profile_json(json, resolver(), "p.jsonl:1"); }

}  // namespace

TEST_CASE("a profile's skills resolve, merge by concept and keep their flags") {
  Profile p = parse(R"({"id": "J1", "title": "Software Developers",
      "skills": ["Python", {"name": "AWS", "years": 3, "required": true, "weight": 2},
                 {"name": "python", "level": 4}, "banana smoothie"],
      "attributes": {"jlpt": "N2", "location": "Tokyo", "salary_jpy": 6000000, "remote": true, "tags": ["a", "b"], "x": null},
      "_ground_truth": "ignored"})");
  CHECK(p.id == "J1");
  const Taxonomy& t = resolver().taxonomy();
  REQUIRE(p.skills.size() == 2);
  CHECK(t.id(p.skills[0].concept_index) == "onet:tech:Python");
  CHECK(p.skills[0].level == 4);  // the repeat merged into the first entry
  CHECK(t.id(p.skills[1].concept_index) == "onet:tech:Amazon_Web_Services_AWS_software");
  CHECK(p.skills[1].required);
  CHECK(p.skills[1].weight == 2);
  CHECK(p.skills[1].years == 3);
  REQUIRE(p.unknown_skills.size() == 1);
  CHECK(p.unknown_skills[0] == "banana smoothie");
  CHECK(p.title_concept == t.at("onet:15-1252.00"));
  CHECK(std::get<std::string>(*p.attributes.find("jlpt")) == "N2");
  CHECK(std::get<double>(*p.attributes.find("salary_jpy")) == 6000000);
  CHECK(std::get<bool>(*p.attributes.find("remote")));
  CHECK(std::get<std::vector<std::string>>(*p.attributes.find("tags")).size() == 2);
}

TEST_CASE("bad profiles are errors naming the place and the field") {
  CHECK(contains(error_of([] { parse("{\"id\": \"A\", \"skills\": [\"x\""); }), "parse_error: p.jsonl:1: invalid JSON"));
  CHECK(contains(error_of([] { parse(R"([1, 2])"); }), "p.jsonl:1: a profile must be a JSON object"));
  CHECK(contains(error_of([] { parse(R"({"skills": ["Python"]})"); }), "invalid_argument: p.jsonl:1: profile has no \"id\""));
  CHECK(contains(error_of([] { parse(R"({"id": " A", "skills": ["Python"]})"); }), "leading or trailing white space"));
  CHECK(contains(error_of([] { parse(R"({"id": "A", "skils": ["Python"]})"); }), "unknown field 'skils'"));
  CHECK(contains(error_of([] { parse(R"({"id": "A", "skills": [{"years": 2}]})"); }), "skills[0] has no \"name\""));
  CHECK(contains(error_of([] { parse(R"({"id": "A", "skills": [{"name": "Python", "weight": -1}]})"); }),
                 "invalid_value: p.jsonl:1: skills[0].weight is -1, expected a number from 1e-06 to 1e+06"));
  CHECK(contains(error_of([] { parse(R"({"id": "A", "skills": [{"name": "Python", "years": 2, "level": 3}]})"); }),
                 "skills[0]: give 'years' or 'level', not both"));
  CHECK(contains(error_of([] { parse(R"({"id": "A", "skills": [{"name": "Python", "level": 2.5}]})"); }), "level must be a whole number"));
  CHECK(contains(error_of([] { parse(R"({"id": "A", "skills": [42]})"); }), "skills[0] must be a string or an object, not a number"));
  CHECK(contains(error_of([] { parse(R"({"id": "A", "skills": ["Python"], "vector": [1, "x"]})"); }),
                 "invalid_value: p.jsonl:1: vector[1] is a string, not a number"));
  CHECK(contains(error_of([] { parse(R"({"id": "A", "skills": ["Python"], "vector": [1e300]})"); }), "vector[0] is not a finite float"));
  CHECK(contains(error_of([] { parse(R"({"id": "A"})"); }), "has neither skills nor a vector"));
  CHECK(contains(error_of([] { parse(R"({"id": "A", "skills": ["Python"], "attributes": {"a": {"b": 1}}})"); }),
                 "attributes.a must not be an object"));
}

TEST_CASE("JSONL: line numbers, blank lines, duplicates, vector lengths, skipping bad lines") {
  std::istringstream ok("{\"id\": \"A\", \"skills\": [\"Java\"]}\n\n{\"id\": \"B\", \"skills\": [\"C++\"]}\n");
  ProfileParseReport report;
  auto profiles = read_profiles_jsonl(ok, "x.jsonl", resolver(), {}, &report);
  CHECK(profiles.size() == 2);
  CHECK(report.lines == 2);

  std::istringstream dup("{\"id\": \"A\", \"skills\": [\"Java\"]}\n{\"id\": \"A\", \"skills\": [\"Java\"]}\n");
  CHECK(contains(error_of([&] { read_profiles_jsonl(dup, "x.jsonl", resolver()); }),
                 "duplicate: x.jsonl:2: id 'A' repeats the id of line 1"));

  std::istringstream dims("{\"id\": \"A\", \"vector\": [1, 2]}\n{\"id\": \"B\", \"vector\": [1, 2, 3]}\n");
  CHECK(contains(error_of([&] { read_profiles_jsonl(dims, "x.jsonl", resolver()); }),
                 "dimension_mismatch: x.jsonl:2: vector has 3 components, the vector of line 1 has 2"));

  std::string mixed = "{\"id\": \"A\", \"skills\": [\"Java\"]}\nnot json\n{\"id\": \"C\"}\n{\"id\": \"D\", \"skills\": [\"Go\"]}\n";
  std::istringstream strict(mixed);
  CHECK(contains(error_of([&] { read_profiles_jsonl(strict, "x.jsonl", resolver()); }), "x.jsonl:2: invalid JSON"));
  std::istringstream lenient(mixed);
  ProfileParseOptions skip;
  skip.skip_bad_lines = true;
  profiles = read_profiles_jsonl(lenient, "x.jsonl", resolver(), skip, &report);
  CHECK(profiles.size() == 2);
  CHECK(report.bad_lines == 2);
  REQUIRE(report.errors.size() == 2);
  CHECK(contains(report.errors[1], "x.jsonl:3"));
}

TEST_CASE("JSONL text parsed in parallel gives read_profiles_jsonl's profiles, errors and report") {
  ThreadPool pool(2);
  auto both = [&](const std::string& text, const ProfileParseOptions& o) {
    std::istringstream in(text);
    ProfileParseReport serial_report, parallel_report;
    std::string serial_error, parallel_error;
    std::vector<Profile> serial, parallel;
    try {
      serial = read_profiles_jsonl(in, "x.jsonl", resolver(), o, &serial_report);
    } catch (const Error& e) {
      serial_error = e.what();
    }
    try {
      parallel = read_profiles_jsonl_text(text, "x.jsonl", resolver(), o, &pool, &parallel_report);
    } catch (const Error& e) {
      parallel_error = e.what();
    }
    CHECK(serial_error == parallel_error);
    REQUIRE(serial.size() == parallel.size());
    for (std::size_t i = 0; i < serial.size(); ++i) {
      CHECK(serial[i].id == parallel[i].id);
      CHECK(serial[i].skills.size() == parallel[i].skills.size());
    }
    CHECK(serial_report.lines == parallel_report.lines);
    CHECK(serial_report.bad_lines == parallel_report.bad_lines);
    CHECK(serial_report.unknown_skills == parallel_report.unknown_skills);
    CHECK(serial_report.errors == parallel_report.errors);
    return parallel_error;
  };
  std::string many = "\xEF\xBB\xBF";
  for (int i = 0; i < 200; ++i) many += "{\"id\": \"P" + std::to_string(i) + "\", \"skills\": [\"Java\", \"Pyhton\", \"nope" + std::to_string(i) + "\"]}\r\n\n";
  CHECK(both(many, {}).empty());
  const std::string dup = both(many + "{\"id\": \"P7\", \"skills\": [\"Go\"]}\n", {});
  CHECK_MESSAGE(contains(dup, "repeats the id of line 15"), dup);
  const std::string mixed = "{\"id\": \"A\", \"skills\": [\"Java\"]}\nnot json\n{\"id\": \"C\"}\n{\"id\": \"A\"}\n";
  CHECK(contains(both(mixed, {}), "x.jsonl:2: invalid JSON"));
  ProfileParseOptions skip;
  skip.skip_bad_lines = true;
  CHECK(both(mixed, skip).empty());
  CHECK(contains(both("{\"id\": \"A\", \"vector\": [1, 2]}\n{\"id\": \"B\", \"vector\": [1]}", {}), "x.jsonl:2: vector has 1"));
}

TEST_CASE("attribute schemas: from a schema file and inferred from profiles") {
  auto schema = parse_attribute_schema_json(R"({"format": "skillmatch-attribute-schema", "version": 1, "side": "jobs",
      "attributes": {"location": {"type": "categorical", "values": ["Tokyo"]},
                     "jlpt_required": {"type": "ordinal", "values": ["none", "N5", "N4", "N3", "N2", "N1"]},
                     "salary": {"type": "numeric"}, "visa": {"type": "boolean", "description": "x"},
                     "tags": {"type": "categorical", "multi_valued": true}}})",
                                            "s.json");
  REQUIRE(schema.size() == 5);
  CHECK(schema[1].type == AttributeType::ordinal);
  CHECK(schema[1].scale->find("none") == 0);
  CHECK(schema[4].multi_valued);
  CHECK(contains(error_of([] { parse_attribute_schema_json(R"({"format": "x", "version": 1})", "s.json"); }), "s.json: \"format\""));
  CHECK(contains(error_of([] {
                   parse_attribute_schema_json(
                       R"({"format": "skillmatch-attribute-schema", "version": 1, "attributes": {"a": {"type": "date"}}})", "s.json");
                 }),
                 "s.json: attribute 'a': unknown type 'date'"));

  std::vector<Profile> ps(2);
  ps[0].id = "A";
  ps[0].attributes.set_string("jlpt", "N3").set_number("years", 3).set_bool("remote", true).set_string("city", "Lahore");
  ps[1].id = "B";
  ps[1].attributes.set_string("jlpt", "N1").set_strings("city", {"Karachi", "Lahore"});
  auto inferred = infer_attribute_schema(ps);
  REQUIRE(inferred.size() == 4);
  CHECK(inferred[*inferred.find("jlpt")].type == AttributeType::ordinal);
  CHECK(inferred[*inferred.find("city")].multi_valued);
  CHECK(inferred[*inferred.find("years")].type == AttributeType::numeric);
  ps[1].attributes.set_string("years", "many");
  CHECK(contains(error_of([&] { infer_attribute_schema(ps); }), "attribute 'years' is a number in profile 'A' and a string in profile 'B'"));
}
