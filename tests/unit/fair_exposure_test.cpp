// Fair exposure: protected attributes never enter filters, preferences or scores unless allowed;
// permuting them across candidates changes no score; the flag survives schema files and index files.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>

#include "skillmatch/engine.hpp"
#include "skillmatch/gap.hpp"
#include "skillmatch/schema_io.hpp"
#include "skillmatch/taxonomy_io.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using skillmatch::test::contains;
using skillmatch::test::error_of;

namespace {

// The sample portal with two protected attributes per candidate; `permute` shifts their values to
// other candidates (so every candidate gets someone else's gender and age).
std::unique_ptr<Engine> portal_with_groups(bool permute) {
  auto resolver = std::make_shared<const Resolver>(bundled_taxonomy());
  const std::string dir = SKILLMATCH_SOURCE_DIR "/data/sample/";
  auto jobs = read_profiles_jsonl_file(dir + "jobs.jsonl", *resolver);
  auto cands = read_profiles_jsonl_file(dir + "candidates.jsonl", *resolver);
  cands.resize(600);
  const char* genders[] = {"female", "male", "nonbinary"};
  for (std::size_t i = 0; i < cands.size(); ++i) {
    const std::size_t from = permute ? (i * 7 + 1) % cands.size() : i;
    cands[i].attributes.set_string("gender", genders[(from * 5) % 3]);
    cands[i].attributes.set_number("age", 22 + double(from % 30));
  }
  EngineOptions eo;
  eo.resolver = resolver;
  eo.job_schema = read_attribute_schema_file(dir + "jobs.schema.json");
  eo.candidate_schema = read_attribute_schema_file(dir + "candidates.schema.json");
  eo.candidate_schema.add_categorical("gender");
  eo.candidate_schema.add_numeric("age");
  eo.candidate_schema.set_protected("gender");
  eo.candidate_schema.set_protected("age");
  eo.threads = 2;
  auto engine = std::make_unique<Engine>(std::move(eo));
  engine->upsert_all(Side::job, jobs);
  engine->upsert_all(Side::candidate, cands);
  return engine;
}

}  // namespace

TEST_CASE("permuting protected attributes changes no score, in either direction, with filters and preferences") {
  const auto a = portal_with_groups(false);
  const auto b = portal_with_groups(true);
  MatchOptions o;
  o.k = 10;
  o.filter = "jlpt >= N5 or not visa_refused";
  o.preferences = {{"degree in (\"master\", \"phd\")", 1.0f}, {"years_experience >= 3", 0.5f}};
  std::size_t compared = 0;
  for (Side side : {Side::job, Side::candidate}) {
    MatchOptions q = o;
    if (side == Side::candidate) q.filter = "visa_sponsorship or location = \"Remote\"", q.preferences = {{"salary_min_jpy >= 5000000", 1.0f}};
    const auto ra = a->match_all(side, q);
    const auto rb = b->match_all(side, q);
    REQUIRE(ra.size() == rb.size());
    for (std::size_t i = 0; i < ra.size(); ++i) {
      REQUIRE(ra[i].matches.size() == rb[i].matches.size());
      CHECK(ra[i].admitted == rb[i].admitted);
      for (std::size_t j = 0; j < ra[i].matches.size(); ++j) {
        CHECK(ra[i].matches[j].id == rb[i].matches[j].id);
        CHECK(ra[i].matches[j].score == rb[i].matches[j].score);
        ++compared;
      }
    }
  }
  CHECK(compared > 3000);
  // The permutation did change the attributes (the test would prove nothing otherwise).
  auto va = a->index(Side::candidate).read();
  auto vb = b->index(Side::candidate).read();
  const auto g = *va.columns().schema().find("gender");
  std::size_t differ = 0;
  for (std::uint32_t r = 0; r < va.rows(); ++r) differ += va.columns().display(r, g) != vb.columns().display(r, g);
  CHECK(differ > 100);
}

TEST_CASE("protected attributes are refused in filters and preferences unless allowed; exposure uses them by default") {
  const auto engine = portal_with_groups(false);
  MatchOptions o;
  o.k = 5;
  o.filter = "jlpt >= N3 and gender = \"female\"";
  CHECK(contains(error_of([&] { engine->match_id(Side::job, "J00001", o); }, ErrorCode::invalid_argument),
                 "filter 'jlpt >= N3 and gender = \"female\"' uses the protected attribute 'gender'"));
  o.filter = "";
  o.preferences = {{"age < 30", 1.0f}};
  CHECK(contains(error_of([&] { engine->match_all(Side::job, o); }, ErrorCode::invalid_argument),
                 "preference 'age < 30' uses the protected attribute 'age'"));
  o.allow_protected = true;
  CHECK(engine->match_id(Side::job, "J00001", o).matches.size() == 5);
  o.preferences.clear();
  o.filter = "gender = \"female\"";
  const auto r = engine->match_id(Side::job, "J00001", o);
  CHECK(r.admitted == 200);  // genders[(i * 5) % 3]: every third candidate

  ExposureOptions eo;  // no attributes named: the schema's protected ones
  eo.match.k = 3;
  const auto ex = compute_exposure(*engine, eo);
  REQUIRE(ex.attributes.size() == 2);
  CHECK(ex.attributes[0].attribute == "gender");
  CHECK(ex.attributes[0].groups.size() == 3);
  CHECK(ex.attributes[1].attribute == "age");
}

TEST_CASE("the protected flag: schema files, set_protected errors, and index files keep it") {
  const auto schema = parse_attribute_schema_json(
      R"({"format": "skillmatch-attribute-schema", "version": 1, "attributes": {
          "gender": {"type": "categorical", "protected": true}, "jlpt": {"type": "ordinal", "values": ["N5", "N1"]}}})",
      "s.json");
  CHECK(schema.protected_names() == std::vector<std::string>{"gender"});
  CHECK(contains(error_of([] {
                   parse_attribute_schema_json(R"({"format": "skillmatch-attribute-schema", "version": 1, "attributes": {
                       "gender": {"type": "categorical", "protected": "yes"}}})", "s.json");
                 }),
                 "\"protected\" must be true or false"));
  AttributeSchema s;
  CHECK(contains(error_of([&] { s.set_protected("gender"); }, ErrorCode::not_found), "gender"));

  EngineOptions eo;
  eo.external_vectors = true;
  eo.dimension = 2;
  eo.candidate_schema = schema;
  Engine engine(std::move(eo));
  Profile p;
  p.id = "C1";
  p.vector = {1, 0};
  p.attributes.set_string("gender", "female");
  engine.upsert(Side::candidate, p);
  const auto path = std::filesystem::temp_directory_path() / "skillmatch_protected_test.skm";
  engine.save(path);
  const auto opened = Engine::open(path);
  std::filesystem::remove(path);
  CHECK(opened->index(Side::candidate).schema().protected_names() == std::vector<std::string>{"gender"});
  MatchOptions o;
  o.filter = "gender = \"female\"";
  Profile job;
  job.id = "J";
  job.vector = {1, 0};
  CHECK(contains(error_of([&] { opened->match(job, Side::job, o); }, ErrorCode::invalid_argument), "protected"));
}
