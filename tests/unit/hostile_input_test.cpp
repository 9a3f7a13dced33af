// Hostile input (issue 14): each promise of docs/profiles.md that a crafted input once broke, kept.
#include <doctest/doctest.h>

#include "io/json_keys.hpp"
#include "skillmatch/attributes.hpp"
#include "skillmatch/engine.hpp"
#include "skillmatch/profile_json.hpp"
#include "skillmatch/schema_io.hpp"
#include "skillmatch/taxonomy.hpp"
#include "skillmatch/taxonomy_io.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using namespace skillmatch::test;

namespace {

const Resolver& resolver() {
  static const Resolver r(bundled_taxonomy());
  return r;
}

Profile parse(std::string_view json) { return parse_profile_json(json, resolver(), "p.jsonl:4"); }

std::string schema_json(std::string_view attributes) {
  return R"({"format": "skillmatch-attribute-schema", "version": 1, "attributes": )" + std::string(attributes) + "}";
}

}  // namespace

TEST_CASE("a key repeated in one JSON object is a parse error naming the key and the object") {
  CHECK(error_of([] { parse(R"({"id": "A", "skills": ["Python"], "id": "B"})"); }, ErrorCode::parse_error) ==
        "p.jsonl:4: invalid JSON: key \"id\" repeated in the top-level object");
  CHECK(error_of([] { parse(R"({"id": "A", "skills": ["Go", {"name": "Python", "weight": 2, "weight": 3}]})"); },
                 ErrorCode::parse_error) == "p.jsonl:4: invalid JSON: key \"weight\" repeated in skills[1]");
  CHECK(error_of([] { parse(R"({"id": "A", "skills": ["Go"], "attributes": {"jlpt": "N2", "jlpt": "N1"}})"); },
                 ErrorCode::parse_error) == "p.jsonl:4: invalid JSON: key \"jlpt\" repeated in attributes");
  // The same key spelt with an escape is the same key.
  CHECK(contains(error_of([] { parse(R"({"id": "A", "skills": ["Go"], "\u0069d": "B"})"); }, ErrorCode::parse_error),
                 "key \"id\" repeated"));
  CHECK(contains(error_of([] { parse_attribute_schema_json(schema_json(R"({"a": {"type": "numeric"}, "a": {"type": "boolean"}})"), "s.json"); },
                          ErrorCode::parse_error),
                 "s.json: invalid JSON: key \"a\" repeated in attributes"));
  // Equal keys in different objects, and keys equal to string values, are fine.
  CHECK_NOTHROW(parse(R"({"id": "A", "skills": [{"name": "Go"}, {"name": "id"}], "attributes": {"name": "x"}})"));
  CHECK_FALSE(io::find_repeated_key(R"({"a": {"a": 1, "b": [{"a": 2}, {"a": "a"}]}, "b": "a,b"})").has_value());
  CHECK_FALSE(io::find_repeated_key(R"({"k\"": 1, "k": 2})").has_value());
  CHECK(io::find_repeated_key(R"([{"x": 1}, {"y": [0, {"z": 1, "z": 2}]}])")->path == "[1].y[1]");
}

TEST_CASE("skill weights a float cannot hold are rejected, not turned into 0 or infinity") {
  for (const char* w : {"1e300", "1e-300", "0", "-2", "1e7", "1e-7"})
    CHECK(contains(error_of([&] { parse(std::string(R"({"id": "A", "skills": [{"name": "Python", "weight": )") + w + "}]}"); },
                            ErrorCode::invalid_value),
                   "p.jsonl:4: skills[0].weight is "));
  CHECK(error_of([] { parse(R"({"id": "A", "skills": [{"name": "Python", "weight": 1e300}]})"); }, ErrorCode::invalid_value) ==
        "p.jsonl:4: skills[0].weight is 1e+300, expected a number from 1e-06 to 1e+06");
  CHECK(parse(R"({"id": "A", "skills": [{"name": "Python", "weight": 1e6}]})").skills.at(0).weight == doctest::Approx(1e6));
  CHECK(parse(R"({"id": "A", "skills": [{"name": "Python", "weight": 1e-6}]})").skills.at(0).weight > 0);
}

TEST_CASE("a categorical attribute's closed \"values\" list is enforced") {
  const AttributeSchema schema = parse_attribute_schema_json(
      schema_json(R"({"location": {"type": "categorical", "values": ["Tokyo", "Osaka"]},
                      "tags": {"type": "categorical", "multi_valued": true, "values": ["a", "b"]},
                      "free": {"type": "categorical"}})"),
      "s.json");
  REQUIRE(schema.size() == 3);
  CHECK(schema[0].values == std::vector<std::string>{"Tokyo", "Osaka"});
  AttributeColumns columns(schema);
  AttributeValues ok;
  ok.set_string("location", "Osaka").set_strings("tags", {"b", "a"}).set_string("free", "anything");
  CHECK(columns.append(ok, "profile 'c-1'") == 0);

  AttributeValues v;
  v.set_string("location", "tokyo");  // compared exactly (case-sensitive)
  CHECK(error_of([&] { columns.append(v, "profile 'c-2'"); }, ErrorCode::invalid_value) ==
        "profile 'c-2': attribute 'location': 'tokyo' is not one of its \"values\" ('Tokyo', 'Osaka')");
  v.clear();
  v.set_strings("tags", {"a", "c"});
  CHECK(contains(error_of([&] { columns.append(v, "profile 'c-3'"); }, ErrorCode::invalid_value),
                 "attribute 'tags': 'c' is not one of its \"values\""));
  CHECK(columns.size() == 1);  // nothing added on error

  // The list itself: no empty value, no value twice.
  CHECK(contains(error_of([] { parse_attribute_schema_json(schema_json(R"({"x": {"type": "categorical", "values": ["a", ""]}})"), "s.json"); },
                          ErrorCode::invalid_argument),
                 "s.json: attribute 'x': attribute 'x': \"values\"[1] is empty"));
  CHECK(contains(error_of([] { parse_attribute_schema_json(schema_json(R"({"x": {"type": "categorical", "values": ["a", "a"]}})"), "s.json"); },
                          ErrorCode::duplicate),
                 "\"values\" lists 'a' twice"));
}

TEST_CASE("attribute values of the wrong type and unknown levels are invalid_value, as docs/profiles.md says") {
  AttributeSchema schema;
  schema.add_jlpt();
  schema.add_numeric("salary");
  AttributeColumns columns(schema);
  AttributeValues v;
  v.set_string("jlpt", "N0");
  CHECK(contains(error_of([&] { columns.append(v); }, ErrorCode::invalid_value), "unknown level 'N0'"));
  v.clear();
  v.set_string("salary", "much");
  CHECK(contains(error_of([&] { columns.append(v); }, ErrorCode::invalid_value), "expects a number, got a string"));
}

TEST_CASE("the native taxonomy reader rejects NUL bytes and invalid UTF-8 in records, naming the line") {
  using namespace std::string_literals;
  const std::string head = "#skillmatch-taxonomy 1\nconcept\tt:a\ttechnology\tAlpha\ten\n";
  auto read = [](const std::string& text) {
    TaxonomyBuilder b;
    read_native_taxonomy(b, text, "x.tsv");
    return b.build();
  };
  CHECK(read(head)->size() == 1);
  CHECK(error_of([&] { read(head + "concept\tt:b\0x\ttechnology\tBeta\ten\n"s); }, ErrorCode::parse_error) ==
        "x.tsv:3: NUL byte at column 12");
  CHECK(error_of([&] { read(head + "concept\tt:c\ttechnology\tGam\xff" "ma\ten\n"); }, ErrorCode::parse_error) ==
        "x.tsv:3: invalid UTF-8 at column 27");
  CHECK(contains(error_of([&] { read(head + "label\tt:a\talternative\t\xc0\xaf\ten\n"); }, ErrorCode::parse_error),
                 "x.tsv:3: invalid UTF-8"));
}

TEST_CASE("taxonomy files: the first line is checked before the file is read on") {
  TaxonomyBuilder b;
  // /dev/zero never ends: only its first bytes are read, then the magic line fails.
  CHECK(contains(error_of([&] { read_native_taxonomy_file(b, "/dev/zero"); }, ErrorCode::parse_error),
                 "/dev/zero:1: not a skillmatch taxonomy file"));
  CHECK(error_of([&] { read_native_taxonomy_file(b, "/nonexistent/t.tsv"); }, ErrorCode::io_error) ==
        "cannot open taxonomy file '/nonexistent/t.tsv'");
}

TEST_CASE("match_id of a stored profile whose skills all failed to resolve behaves as the same JSON query") {
  auto r = std::make_shared<const Resolver>(bundled_taxonomy());
  EngineOptions eo;
  eo.resolver = r;
  eo.dimension = 16;
  eo.threads = 1;
  Engine engine(std::move(eo));
  const char* job = R"({"id": "J1", "skills": ["qwertyuiop zxcv", "banana smoothie"]})";
  engine.upsert(Side::candidate, parse_profile_json(R"({"id": "C1", "skills": ["Python"]})", *r, "c"));
  engine.upsert(Side::job, parse_profile_json(job, *r, "j"));
  MatchOptions mo;
  const MatchResults by_query = engine.match(parse_profile_json(job, *r, "j"), Side::job, mo);
  MatchResults by_id;
  CHECK_NOTHROW(by_id = engine.match_id(Side::job, "J1", mo));
  REQUIRE(by_id.matches.size() == by_query.matches.size());
  for (std::size_t i = 0; i < by_id.matches.size(); ++i) {
    CHECK(by_id.matches[i].id == by_query.matches[i].id);
    CHECK(by_id.matches[i].score == doctest::Approx(by_query.matches[i].score));
  }
}

TEST_CASE("a query profile's attributes are checked against its side's schema") {
  auto r = std::make_shared<const Resolver>(bundled_taxonomy());
  EngineOptions eo;
  eo.resolver = r;
  eo.dimension = 16;
  eo.threads = 1;
  eo.job_schema.add_jlpt("jlpt_required");
  Engine engine(std::move(eo));
  engine.upsert(Side::candidate, parse_profile_json(R"({"id": "C1", "skills": ["Python"]})", *r, "c"));
  const MatchOptions mo;
  auto query = [&](const char* json) { return engine.match(parse_profile_json(json, *r, "q"), Side::job, mo); };
  CHECK(query(R"({"id": "Q", "skills": ["Python"], "attributes": {"jlpt_required": "N2"}})").matches.size() == 1);
  CHECK(error_of([&] { query(R"({"id": "Q", "skills": ["Python"], "attributes": {"jlpt_requird": "N2"}})"); },
                 ErrorCode::not_found) == "query 'Q': unknown attribute 'jlpt_requird' (did you mean 'jlpt_required'?)");
  CHECK(contains(error_of([&] { query(R"({"id": "Q", "skills": ["Python"], "attributes": {"jlpt_required": "N9"}})"); },
                          ErrorCode::invalid_value),
                 "query 'Q': attribute 'jlpt_required': unknown level 'N9'"));
}
