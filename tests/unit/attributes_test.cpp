// Attribute schema, value sets and columnar storage.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "skillmatch/attributes.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using namespace skillmatch::test;

namespace {

// "prefix" + number without operator+ (GCC 12 warns falsely, -Wrestrict, on "x" + std::string).
std::string tag(const char* prefix, long n) { return std::string(prefix).append(std::to_string(n)); }


AttributeSchema sample_schema() {
  AttributeSchema s;
  s.add_jlpt();                                                       // 0
  s.add_ordinal("seniority", OrdinalScale("seniority", {"junior", "mid", "senior"}));  // 1
  s.add_categorical("location");                                      // 2
  s.add_categorical("languages", true);                               // 3
  s.add_numeric("salary_jpy");                                        // 4
  s.add_boolean("visa_refused");                                      // 5
  return s;
}

}  // namespace

TEST_CASE("ordinal scales: JLPT order, lookup ignoring case, errors") {
  const OrdinalScale& j = OrdinalScale::jlpt();
  REQUIRE(j.size() == 5);
  CHECK(j.levels()[0] == "N5");
  CHECK(j.levels()[4] == "N1");
  CHECK(*j.find("N5") < *j.find("N3"));
  CHECK(*j.find("N3") < *j.find("N1"));
  CHECK(j.find("n2") == j.find("N2"));
  CHECK_FALSE(j.find("N6"));
  CHECK(j.describe() == "N5, N4, N3, N2, N1");

  CHECK(error_of([] { OrdinalScale("empty", {}); }, ErrorCode::invalid_argument).find("no levels") != std::string::npos);
  CHECK(error_of([] { OrdinalScale("s", {"a", ""}); }, ErrorCode::invalid_argument).find("level 2 has an empty name") !=
        std::string::npos);
  CHECK(error_of([] { OrdinalScale("s", {"low", "LOW"}); }, ErrorCode::invalid_argument).find("'LOW' is given twice") !=
        std::string::npos);
  std::vector<std::string> many;
  for (int i = 0; i < 65; ++i) many.push_back(tag("l", i));
  CHECK(error_of([&] { OrdinalScale("big", many); }, ErrorCode::invalid_argument).find("at most 64") != std::string::npos);
  many.pop_back();
  CHECK(OrdinalScale("ok", many).size() == 64);
}

TEST_CASE("schema: declaration, lookup, duplicate and bad names") {
  AttributeSchema s = sample_schema();
  REQUIRE(s.size() == 6);
  CHECK(s[0].name == "jlpt");
  CHECK(s[0].type == AttributeType::ordinal);
  CHECK(s[1].scale->levels()[2] == "senior");
  CHECK(s[3].multi_valued);
  CHECK_FALSE(s[2].multi_valued);
  CHECK(s.find("salary_jpy") == 4u);
  CHECK_FALSE(s.find("Salary_jpy"));  // lookup is exact
  CHECK(s.index_of("visa_refused") == 5);
  std::string msg = error_of([&] { (void)s.index_of("salary_jp"); }, ErrorCode::not_found);
  CHECK(msg == "unknown attribute 'salary_jp' (did you mean 'salary_jpy'?)");
  CHECK(error_of([&] { (void)s.index_of("zzz"); }, ErrorCode::not_found) == "unknown attribute 'zzz'");
  CHECK(s.suggest("LOCATION") == "location");

  CHECK(error_of([&] { s.add_numeric("location"); }, ErrorCode::duplicate).find("'location' is declared twice") !=
        std::string::npos);
  CHECK(error_of([&] { s.add_boolean("Location"); }, ErrorCode::duplicate).find("names ignore case") != std::string::npos);
  for (const char* bad : {"", "1abc", "a-b", "with space", "caf\xC3\xA9"})
    CHECK(error_of([&] { s.add_numeric(bad); }, ErrorCode::invalid_argument).find("not an identifier") !=
          std::string::npos);
  for (const char* kw : {"and", "OR", "Not", "in", "is", "missing", "has", "exists", "true", "FALSE"})
    CHECK(error_of([&] { s.add_boolean(kw); }, ErrorCode::invalid_argument).find("keyword") != std::string::npos);
  CHECK(s.add_numeric("_years2") == 6);
  CHECK(s.size() == 7);  // failed declarations added nothing
}

TEST_CASE("AttributeValues: named setters, replacement, list building") {
  AttributeValues v;
  v.set_string("location", "Tokyo");  // a literal stays a string (no bool overload to fall into)
  REQUIRE(v.find("location"));
  CHECK(std::get<std::string>(*v.find("location")) == "Tokyo");
  v.set_number("salary_jpy", 5);
  CHECK(std::get<double>(*v.find("salary_jpy")) == 5.0);
  v.set_number("salary_jpy", 6e6);
  CHECK(v.entries().size() == 2);
  CHECK(std::get<double>(*v.find("salary_jpy")) == 6e6);
  v.add_string("languages", "en").add_string("languages", "ja");
  CHECK(std::get<std::vector<std::string>>(*v.find("languages")) == std::vector<std::string>{"en", "ja"});
  v.set_string("tags", "a").add_string("tags", "b");  // a string followed by add_string becomes a list
  CHECK(std::get<std::vector<std::string>>(*v.find("tags")) == std::vector<std::string>{"a", "b"});
  v.set_missing("tags");
  CHECK(std::holds_alternative<std::monostate>(*v.find("tags")));
  CHECK(v.find("nope") == nullptr);
  v.clear();
  CHECK(v.empty());
}

TEST_CASE("columns: set, get, display, missing, replace, clear, resize") {
  AttributeColumns c(sample_schema());
  CHECK(c.size() == 0);
  AttributeValues v;
  v.set_string("jlpt", "n2").set_string("seniority", "senior").set_string("location", "Tokyo");
  v.set_strings("languages", {"ja", "en", "ja"}).set_number("salary_jpy", 8e6).set_bool("visa_refused", false);
  CHECK(c.append(v) == 0);
  CHECK(c.append(AttributeValues{}) == 1);
  REQUIRE(c.size() == 2);

  CHECK(std::get<std::string>(c.get(0, 0)) == "N2");  // canonical level name
  CHECK(c.ranks(0)[0] == 3);
  CHECK(std::get<std::string>(c.get(0, 1)) == "senior");
  CHECK(std::get<std::string>(c.get(0, 2)) == "Tokyo");
  CHECK(std::get<std::vector<std::string>>(c.get(0, 3)) == std::vector<std::string>{"ja", "en"});  // a set
  CHECK(std::get<double>(c.get(0, 4)) == 8e6);
  CHECK(std::get<bool>(c.get(0, 5)) == false);
  CHECK(c.display(0, 0) == "N2");
  CHECK(c.display(0, 3) == "[ja, en]");
  CHECK(c.display(0, 4) == "8000000");
  CHECK(c.display(0, 5) == "false");
  for (std::size_t a = 0; a < 6; ++a) {
    CHECK_FALSE(c.missing(a).test(0));
    CHECK(c.missing(a).test(1));
    CHECK(std::holds_alternative<std::monostate>(c.get(1, a)));
    CHECK(c.display(1, a) == "missing");
  }
  CHECK(c.codes(2)[1] == AttributeColumns::no_code);
  CHECK(c.multi_codes(1, 3).empty());

  // Dictionary: dense codes in order of first appearance.
  CHECK(c.dictionary_size(3) == 2);
  CHECK(c.code_of(3, "ja") == 0);
  CHECK(c.code_of(3, "en") == 1);
  CHECK(c.value_of(3, 1) == "en");
  CHECK(c.code_of(3, "fr") == AttributeColumns::no_code);

  // set_row replaces the whole row: attributes not given become missing.
  AttributeValues w;
  w.set_number("salary_jpy", 1.5).set_string("languages", "fr");  // one string for a multi-valued attribute
  c.set_row(0, w);
  CHECK(c.missing(0).test(0));
  CHECK(c.missing(2).test(0));
  CHECK(std::get<double>(c.get(0, 4)) == 1.5);
  CHECK(c.display(0, 4) == "1.5");
  CHECK(std::get<std::vector<std::string>>(c.get(0, 3)) == std::vector<std::string>{"fr"});

  // An empty list is present with no values.
  AttributeValues e;
  e.set_strings("languages", {});
  c.set_row(1, e);
  CHECK_FALSE(c.missing(3).test(1));
  CHECK(c.display(1, 3) == "[]");

  c.clear_row(0);
  for (std::size_t a = 0; a < 6; ++a) CHECK(c.missing(a).test(0));

  c.resize(130);
  CHECK(c.size() == 130);
  CHECK(c.missing(4).test(129));
  CHECK(c.numbers(4).size() == 130);
  c.resize(1);
  CHECK(c.size() == 1);
  CHECK(c.display(0, 3) == "missing");
}

TEST_CASE("columns: validation errors name the attribute and leave the row unchanged") {
  AttributeColumns c(sample_schema());
  AttributeValues good;
  good.set_number("salary_jpy", 100).set_string("location", "Osaka");
  c.append(good);

  auto rejects = [&](const AttributeValues& v, ErrorCode code) {
    std::string msg = error_of([&] { c.set_row(0, v, "profile 'c-17'"); }, code);
    CHECK(std::get<double>(c.get(0, 4)) == 100);  // unchanged
    CHECK(std::get<std::string>(c.get(0, 2)) == "Osaka");
    CHECK(msg.rfind("profile 'c-17': ", 0) == 0);
    return msg;
  };
  AttributeValues v;
  v.set_number("salary_jpy", 5).set_string("locaton", "Tokyo");
  CHECK(rejects(v, ErrorCode::not_found) == "profile 'c-17': unknown attribute 'locaton' (did you mean 'location'?)");
  v.clear();
  v.set_string("salary_jpy", "8000000");
  CHECK(rejects(v, ErrorCode::invalid_value) ==
        "profile 'c-17': attribute 'salary_jpy' (numeric) expects a number, got a string");
  v.clear();
  v.set_number("salary_jpy", std::nan(""));
  CHECK(rejects(v, ErrorCode::invalid_value) == "profile 'c-17': attribute 'salary_jpy': value is NaN");
  v.clear();
  v.set_number("salary_jpy", -std::numeric_limits<double>::infinity());
  CHECK(rejects(v, ErrorCode::invalid_value) == "profile 'c-17': attribute 'salary_jpy': value is infinite");
  v.clear();
  v.set_string("jlpt", "N6");
  CHECK(rejects(v, ErrorCode::invalid_value) ==
        "profile 'c-17': attribute 'jlpt': unknown level 'N6' (levels, lowest first: N5, N4, N3, N2, N1)");
  v.clear();
  v.set_number("jlpt", 3);
  CHECK(rejects(v, ErrorCode::invalid_value).find("'jlpt' (ordinal) expects a level name, got a number") !=
        std::string::npos);
  v.clear();
  v.set_string("visa_refused", "true");
  CHECK(rejects(v, ErrorCode::invalid_value).find("expects a boolean, got a string") != std::string::npos);
  v.clear();
  v.set_strings("location", {"Tokyo", "Osaka"});
  CHECK(rejects(v, ErrorCode::invalid_value).find("single-valued") != std::string::npos);
  v.clear();
  v.set_bool("languages", true);
  CHECK(rejects(v, ErrorCode::invalid_value).find("expects a string or a list of strings, got a boolean") !=
        std::string::npos);
  v.clear();
  v.set_string("location", "");
  CHECK(rejects(v, ErrorCode::invalid_value).find("empty category value") != std::string::npos);

  // Without context there is no prefix; out-of-range rows are rejected.
  CHECK(error_of([&] { c.set_row(5, good); }, ErrorCode::invalid_argument).find("row 5 is out of range") !=
        std::string::npos);
  CHECK(error_of([&] { c.clear_row(1); }, ErrorCode::invalid_argument).find("row 1 is out of range") !=
        std::string::npos);
  // A failed append adds no row.
  v.clear();
  v.set_number("salary_jpy", std::nan(""));
  error_of([&] { c.append(v); }, ErrorCode::invalid_value);
  CHECK(c.size() == 1);
}

TEST_CASE("columns: multi-valued values survive many rewrites (pool compaction)") {
  AttributeSchema s;
  s.add_categorical("tags", true);
  AttributeColumns c(s);
  c.resize(50);
  for (int round = 0; round < 400; ++round)
    for (std::size_t r = 0; r < 50; ++r) {
      AttributeValues v;
      v.add_string("tags", tag("r", static_cast<long>(r))).add_string("tags", tag("k", round % 7));
      c.set_row(r, v);
    }
  for (std::size_t r = 0; r < 50; ++r) {
    auto tags = std::get<std::vector<std::string>>(c.get(r, 0));
    REQUIRE(tags.size() == 2);
    CHECK(std::find(tags.begin(), tags.end(), tag("r", static_cast<long>(r))) != tags.end());
    CHECK(std::find(tags.begin(), tags.end(), tag("k", 399 % 7)) != tags.end());
  }
}
