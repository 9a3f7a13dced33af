// Filter language: every operator on every type, precedence, missing values, errors with positions,
// explanations, and block evaluation against an independent row-by-row reference.
#include <doctest/doctest.h>

#include <functional>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "skillmatch/filter.hpp"
#include "test_support.hpp"

using namespace skillmatch;
using namespace skillmatch::test;

namespace {

using Rows = std::vector<std::size_t>;

AttributeSchema test_schema() {
  AttributeSchema s;
  s.add_jlpt();                                                                         // 0
  s.add_ordinal("seniority", OrdinalScale("seniority", {"junior", "mid", "senior"}));  // 1
  s.add_categorical("location");                                                        // 2
  s.add_categorical("languages", true);                                                 // 3
  s.add_numeric("salary_jpy");                                                          // 4
  s.add_numeric("years");                                                               // 5
  s.add_boolean("visa_refused");                                                        // 6
  s.add_boolean("remote_ok");                                                           // 7
  return s;
}

// Seven rows covering every type with present and missing values.
AttributeColumns sample_columns() {
  AttributeColumns c(test_schema());
  AttributeValues v;
  v.set_string("jlpt", "N1").set_string("seniority", "senior").set_string("location", "Tokyo");
  v.set_strings("languages", {"ja", "en"}).set_number("salary_jpy", 9e6).set_number("years", 10);
  v.set_bool("visa_refused", false).set_bool("remote_ok", true);
  c.append(v, "r0");
  v.clear();
  v.set_string("jlpt", "N3").set_string("seniority", "mid").set_string("location", "Osaka");
  v.set_strings("languages", {"en"}).set_number("salary_jpy", 6e6).set_number("years", 4);
  v.set_bool("visa_refused", false).set_bool("remote_ok", false);
  c.append(v, "r1");
  v.clear();
  v.set_string("jlpt", "N5").set_string("seniority", "junior").set_string("location", "remote");
  v.set_strings("languages", {"en", "zh"}).set_number("salary_jpy", 4e6).set_number("years", 1);
  v.set_bool("visa_refused", true).set_bool("remote_ok", true);
  c.append(v, "r2");
  c.append(AttributeValues{}, "r3");  // everything missing
  v.clear();
  v.set_string("jlpt", "N2").set_string("location", "Tokyo").set_strings("languages", {});
  v.set_number("salary_jpy", 8e6).set_bool("remote_ok", true);
  c.append(v, "r4");
  v.clear();
  v.set_string("seniority", "senior").set_string("location", "Fukuoka").set_strings("languages", {"ja"});
  v.set_number("years", 7.5).set_bool("visa_refused", false);
  c.append(v, "r5");
  v.clear();
  v.set_string("jlpt", "N4").set_string("seniority", "mid").set_string("location", "S\xC3\xA3o Paulo");
  v.set_strings("languages", {"pt", "en"}).set_number("salary_jpy", 5e6).set_number("years", 3);
  v.set_bool("visa_refused", false).set_bool("remote_ok", false);
  c.append(v, "r6");
  return c;
}

// Rows admitted by `expr` via evaluate(), checked against matches() row by row.
Rows rows_of(const std::string& expr, const AttributeColumns& c) {
  CompiledFilter f = compile_filter(expr, c.schema());
  Bitmap bits;
  evaluate(f, c, bits);
  REQUIRE(bits.size() == c.size());
  Rows out;
  for (std::size_t r = 0; r < c.size(); ++r) {
    CHECK_MESSAGE(bits.test(r) == matches(f, c, r), expr << " row " << r);
    if (bits.test(r)) out.push_back(r);
  }
  return out;
}

std::string compile_error(const std::string& expr, ErrorCode code) {
  AttributeSchema s = test_schema();
  return error_of([&] { (void)compile_filter(expr, s); }, code);
}

}  // namespace

TEST_CASE("filter: numeric comparisons") {
  AttributeColumns c = sample_columns();
  CHECK(rows_of("salary_jpy = 8000000", c) == Rows{4});
  CHECK(rows_of("salary_jpy == 8e6", c) == Rows{4});
  CHECK(rows_of("salary_jpy != 8000000", c) == Rows{0, 1, 2, 6});  // missing rows 3, 5 fail
  CHECK(rows_of("salary_jpy <> 8000000", c) == Rows{0, 1, 2, 6});
  CHECK(rows_of("salary_jpy < 6000000", c) == Rows{2, 6});
  CHECK(rows_of("salary_jpy <= 6000000", c) == Rows{1, 2, 6});
  CHECK(rows_of("salary_jpy > 8e6", c) == Rows{0});
  CHECK(rows_of("salary_jpy >= 8.0E+6", c) == Rows{0, 4});
  CHECK(rows_of("years > -1", c) == Rows{0, 1, 2, 5, 6});
  CHECK(rows_of("years >= 7.5", c) == Rows{0, 5});
  CHECK(rows_of("years < 1e1", c) == Rows{1, 2, 5, 6});
  CHECK(rows_of("years = +3", c) == Rows{6});
  CHECK(rows_of("years >= .5", c) == Rows{0, 1, 2, 5, 6});
  CHECK(rows_of("years<=-0.5", c) == Rows{});
  CHECK(rows_of("years = 3.", c) == Rows{6});
  CHECK(rows_of("years = 30.e-1", c) == Rows{6});
  CHECK(rows_of("years > -.5E1", c) == Rows{0, 1, 2, 5, 6});
}

TEST_CASE("filter: ordinal comparisons and lists, JLPT and a user scale") {
  AttributeColumns c = sample_columns();
  // jlpt: r0 N1, r1 N3, r2 N5, r3 -, r4 N2, r5 -, r6 N4
  CHECK(rows_of("jlpt >= N3", c) == Rows{0, 1, 4});
  CHECK(rows_of("jlpt > N3", c) == Rows{0, 4});
  CHECK(rows_of("jlpt < N3", c) == Rows{2, 6});
  CHECK(rows_of("jlpt <= \"N3\"", c) == Rows{1, 2, 6});
  CHECK(rows_of("jlpt = n2", c) == Rows{4});
  CHECK(rows_of("jlpt != N2", c) == Rows{0, 1, 2, 6});
  CHECK(rows_of("jlpt >= N5", c) == Rows{0, 1, 2, 4, 6});
  CHECK(rows_of("jlpt > N1", c) == Rows{});
  CHECK(rows_of("jlpt in (N1, \"N5\")", c) == Rows{0, 2});
  CHECK(rows_of("jlpt not in (N1, N5)", c) == Rows{1, 4, 6});
  // seniority: r0 senior, r1 mid, r2 junior, r5 senior, r6 mid
  CHECK(rows_of("seniority >= mid", c) == Rows{0, 1, 5, 6});
  CHECK(rows_of("seniority = junior", c) == Rows{2});
  CHECK(rows_of("seniority < senior", c) == Rows{1, 2, 6});
  CHECK(rows_of("seniority in (junior, senior)", c) == Rows{0, 2, 5});
}

TEST_CASE("filter: booleans") {
  AttributeColumns c = sample_columns();
  // visa_refused: r0 f, r1 f, r2 t, r3 -, r4 -, r5 f, r6 f
  CHECK(rows_of("visa_refused", c) == Rows{2});
  CHECK(rows_of("not visa_refused", c) == Rows{0, 1, 3, 4, 5, 6});  // includes missing
  CHECK(rows_of("visa_refused = false", c) == Rows{0, 1, 5, 6});    // excludes missing
  CHECK(rows_of("visa_refused != true", c) == Rows{0, 1, 5, 6});
  CHECK(rows_of("visa_refused = TRUE", c) == Rows{2});
  CHECK(rows_of("remote_ok != false", c) == Rows{0, 2, 4});
}

TEST_CASE("filter: single-valued categorical") {
  AttributeColumns c = sample_columns();
  CHECK(rows_of("location = \"Tokyo\"", c) == Rows{0, 4});
  CHECK(rows_of("location = Tokyo", c) == Rows{0, 4});  // bare word
  CHECK(rows_of("location != \"Tokyo\"", c) == Rows{1, 2, 5, 6});
  CHECK(rows_of("location in (\"Tokyo\", \"remote\")", c) == Rows{0, 2, 4});
  CHECK(rows_of("location not in (\"Tokyo\", \"remote\")", c) == Rows{1, 5, 6});
  CHECK(rows_of("location has \"Osaka\"", c) == Rows{1});
  CHECK(rows_of("location = \"S\xC3\xA3o Paulo\"", c) == Rows{6});
  CHECK(rows_of("location = \"tokyo\"", c) == Rows{});  // values are case-sensitive
  // A value never seen is not an error: it matches nothing.
  CHECK(rows_of("location = \"Mars\"", c) == Rows{});
  CHECK(rows_of("location != \"Mars\"", c) == Rows{0, 1, 2, 4, 5, 6});
  // More than eight values takes the table path.
  CHECK(rows_of("location in (\"a1\",\"a2\",\"a3\",\"a4\",\"a5\",\"a6\",\"a7\",\"a8\",\"a9\",\"Osaka\",\"remote\")", c) ==
        Rows{1, 2});
  CHECK(rows_of("location not in (\"a1\",\"a2\",\"a3\",\"a4\",\"a5\",\"a6\",\"a7\",\"a8\",\"a9\",\"Osaka\")", c) ==
        Rows{0, 2, 4, 5, 6});
}

TEST_CASE("filter: multi-valued categorical (any value matches)") {
  AttributeColumns c = sample_columns();
  // languages: r0 [ja,en], r1 [en], r2 [en,zh], r3 -, r4 [] (present, empty), r5 [ja], r6 [pt,en]
  CHECK(rows_of("languages = \"en\"", c) == Rows{0, 1, 2, 6});
  CHECK(rows_of("languages has \"ja\"", c) == Rows{0, 5});
  CHECK(rows_of("languages in (\"zh\", \"pt\")", c) == Rows{2, 6});
  CHECK(rows_of("languages not in (\"en\")", c) == Rows{4, 5});  // no value is "en"
  CHECK(rows_of("languages != \"en\"", c) == Rows{4, 5});
  CHECK(rows_of("languages not in (\"en\", \"ja\")", c) == Rows{4});
  CHECK(rows_of("languages = \"fr\"", c) == Rows{});
  CHECK(rows_of("languages is missing", c) == Rows{3});
}

TEST_CASE("filter: missing values, presence predicates") {
  AttributeColumns c = sample_columns();
  // years: r0 10, r1 4, r2 1, r3 -, r4 -, r5 7.5, r6 3
  CHECK(rows_of("years > 3", c) == Rows{0, 1, 5});
  CHECK(rows_of("not (years > 3)", c) == Rows{2, 3, 4, 6});  // `not` admits the missing rows
  CHECK(rows_of("years <= 3", c) == Rows{2, 6});             // a comparison does not
  CHECK(rows_of("years is missing", c) == Rows{3, 4});
  CHECK(rows_of("years IS NOT MISSING", c) == Rows{0, 1, 2, 5, 6});
  CHECK(rows_of("exists(years)", c) == Rows{0, 1, 2, 5, 6});
  CHECK(rows_of("not exists(years)", c) == Rows{3, 4});
  CHECK(rows_of("years is missing or years > 5", c) == Rows{0, 3, 4, 5});
  CHECK(rows_of("jlpt is missing", c) == Rows{3, 5});
  CHECK(rows_of("location is missing", c) == Rows{3});
  CHECK(rows_of("visa_refused is missing", c) == Rows{3, 4});
}

TEST_CASE("filter: precedence not > and > or, parentheses, case-insensitive keywords") {
  AttributeColumns c = sample_columns();
  CHECK(rows_of("remote_ok or jlpt = N3 and location = \"Tokyo\"", c) == Rows{0, 2, 4});
  CHECK(rows_of("remote_ok or (jlpt = N3 and location = \"Tokyo\")", c) == Rows{0, 2, 4});
  CHECK(rows_of("(remote_ok or jlpt = N3) and location = \"Tokyo\"", c) == Rows{0, 4});
  CHECK(rows_of("not remote_ok and location = \"Osaka\"", c) == Rows{1});
  CHECK(rows_of("not (remote_ok and location = \"Osaka\")", c) == Rows{0, 1, 2, 3, 4, 5, 6});
  CHECK(rows_of("not not remote_ok", c) == Rows{0, 2, 4});
  CHECK(rows_of("jlpt = N1 or jlpt = N5 or jlpt = N4", c) == Rows{0, 2, 6});
  CHECK(rows_of("remote_ok AND Not visa_refused Or jlpt IN (n4)", c) == Rows{0, 4, 6});
  CHECK(rows_of("((((remote_ok))))", c) == Rows{0, 2, 4});
  CHECK(rows_of("  \t jlpt>=N3\nand\tyears>3  ", c) == Rows{0, 1});
  // The example from the task.
  CHECK(rows_of("jlpt >= N3 and location in (\"Tokyo\", \"remote\") and salary_jpy <= 8000000 and not visa_refused",
                c) == Rows{4});
}

TEST_CASE("filter: canonical text and clause count") {
  AttributeSchema s = test_schema();
  CompiledFilter f = compile_filter("jlpt>=n3 AND (location IN (\"Tokyo\",remote) OR NOT visa_refused)", s);
  CHECK(f.to_string() == "jlpt >= N3 and (location in (\"Tokyo\", \"remote\") or not visa_refused)");
  CHECK(f.clause_count() == 3);
  CHECK(f.source() == "jlpt>=n3 AND (location IN (\"Tokyo\",remote) OR NOT visa_refused)");
  CHECK(compile_filter(f.to_string(), s).to_string() == f.to_string());  // round trip
  CHECK(compile_filter("not (a_b_c_missing_guard is missing)", [] {
          AttributeSchema t;
          t.add_numeric("a_b_c_missing_guard");
          return t;
        }()).to_string() == "not a_b_c_missing_guard is missing");
  CHECK(compile_filter("exists(years) or years is not missing", s).to_string() ==
        "exists(years) or years is not missing");
  CHECK(compile_filter("location = \"say \\\"hi\\\" \\\\\"", s).to_string() == "location = \"say \\\"hi\\\" \\\\\"");
  CHECK(compile_filter("(a_or_b_placeholder_never)", [] {
          AttributeSchema t;
          t.add_boolean("a_or_b_placeholder_never");
          return t;
        }()).clause_count() == 1);
  CHECK(compile_filter("not (remote_ok or visa_refused) and years > 1.5e3", s).to_string() ==
        "not (remote_ok or visa_refused) and years > 1500");
}

TEST_CASE("filter: escapes in strings") {
  AttributeSchema s;
  s.add_categorical("title");
  AttributeColumns c(s);
  AttributeValues v;
  v.set_string("title", "say \"hi\" \\o/");
  c.append(v);
  CHECK(rows_of("title = \"say \\\"hi\\\" \\\\o/\"", c) == Rows{0});
  CHECK(error_of([&] { (void)compile_filter("title = \"\\o\"", s); }, ErrorCode::parse_error) ==
        "position 10: unknown escape '\\o' in string; only \\\" and \\\\ are allowed");
}

TEST_CASE("filter: syntax errors give the position and what was expected") {
  const ErrorCode P = ErrorCode::parse_error;
  CHECK(compile_error("jlpt >= ", P) == "position 9: expected a value after '>=', found end of input");
  CHECK(compile_error("salary_jpy <= 8000000 and", P) ==
        "position 26: expected an attribute name, 'not', 'exists' or '(', found end of input");
  CHECK(compile_error("", P) == "position 1: expected an attribute name, 'not', 'exists' or '(', found end of input");
  CHECK(compile_error("and years > 1", P) ==
        "position 1: expected an attribute name, 'not', 'exists' or '(', found 'and'");
  CHECK(compile_error("(jlpt >= N3", P) == "position 12: expected ')' to close the '(' at position 1, found end of input");
  CHECK(compile_error("jlpt >= N3)", P) == "position 11: expected 'and', 'or' or end of input, found ')'");
  CHECK(compile_error("remote_ok visa_refused", P) ==
        "position 11: expected 'and', 'or' or end of input, found 'visa_refused'");
  CHECK(compile_error("location = \"Tokyo", P) == "position 12: unterminated string (no closing '\"')");
  CHECK(compile_error("location = \"Tokyo\\", P) == "position 18: unterminated string (no closing '\"')");
  CHECK(compile_error("years > 1e999", P) == "position 9: number '1e999' is out of range");
  CHECK(compile_error("years > 12abc", P) == "position 9: malformed number '12abc'");
  CHECK(compile_error("years > 1.2.3", P) == "position 9: malformed number '1.2.3'");
  CHECK(compile_error("years > 1e", P) == "position 9: malformed number '1e'");
  CHECK(compile_error("years > -", P) == "position 9: unexpected character '-'");
  CHECK(compile_error("jlpt @ N3", P) == "position 6: unexpected character '@'");
  CHECK(compile_error("visa_refused ! true", P) == "position 14: expected '=' after '!'");
  CHECK(compile_error("location not \"x\"", P) == "position 14: expected 'in' after 'not', found '\"x\"'");
  CHECK(compile_error("location in \"x\"", P) == "position 13: expected '(' after 'in', found '\"x\"'");
  CHECK(compile_error("location in ()", P) == "position 14: expected a value in the list, found ')'");
  CHECK(compile_error("location in (\"a\",)", P) == "position 18: expected a value after ',', found ')'");
  CHECK(compile_error("location in (\"a\" \"b\")", P) == "position 18: expected ',' or ')' in the list, found '\"b\"'");
  CHECK(compile_error("years is present", P) ==
        "position 10: expected 'missing' or 'not missing' after 'is', found 'present'");
  CHECK(compile_error("years is not there", P) == "position 14: expected 'missing' after 'is not', found 'there'");
  CHECK(compile_error("exists years", P) == "position 8: expected '(' after 'exists', found 'years'");
  CHECK(compile_error("exists(not)", P) == "position 8: expected an attribute name inside exists(...), found 'not'");
  CHECK(compile_error("location has", P) == "position 13: expected a value after 'has', found end of input");
  CHECK(compile_error("years > (1)", P) == "position 9: expected a value after '>', found '('");
  // Positions count characters (code points), not bytes.
  CHECK(compile_error("location = \"\xE6\x9D\xB1\xE4\xBA\xAC\" and @", P) == "position 21: unexpected character '@'");
  CHECK(compile_error("location = \xE6\x9D\xB1", P) == "position 12: unexpected character '\xE6\x9D\xB1'");
  // Nesting is bounded.
  std::string deep(65, '(');
  deep += "remote_ok";
  deep += std::string(65, ')');
  CHECK(compile_error(deep, P) == "position 65: expression nested too deeply (more than 64 levels)");
  std::string nots;
  for (int i = 0; i < 70; ++i) nots += "not ";
  CHECK(compile_error(nots + "remote_ok", P).find("nested too deeply") != std::string::npos);
  std::string ok(64, '(');
  CHECK(compile_filter(ok + "remote_ok" + std::string(64, ')'), test_schema()).clause_count() == 1);
  // A long truncated token in the message.
  CHECK(compile_error("remote_ok abcdefghijklmnopqrstuvwxyz", P) ==
        "position 11: expected 'and', 'or' or end of input, found 'abcdefghijklmnopqrstu...'");
}

TEST_CASE("filter: schema errors give the position, the attribute and a suggestion") {
  CHECK(compile_error("jpt >= N3", ErrorCode::not_found) == "position 1: unknown attribute 'jpt' (did you mean 'jlpt'?)");
  CHECK(compile_error("remote_ok and Salary_JPY > 1", ErrorCode::not_found) ==
        "position 15: unknown attribute 'Salary_JPY' (did you mean 'salary_jpy'?)");
  CHECK(compile_error("exists(foo)", ErrorCode::not_found) == "position 8: unknown attribute 'foo'");
  CHECK(compile_error("jlpt >= N6", ErrorCode::not_found) ==
        "position 9: unknown level 'N6' for attribute 'jlpt'; levels, lowest first: N5, N4, N3, N2, N1");
  CHECK(compile_error("seniority in (mid, senoir)", ErrorCode::not_found) ==
        "position 20: unknown level 'senoir' for attribute 'seniority' (did you mean 'senior'?); levels, lowest first: "
        "junior, mid, senior");
  const ErrorCode A = ErrorCode::invalid_argument;
  CHECK(compile_error("location < \"x\"", A) ==
        "position 10: '<' is not defined for categorical attribute 'location' (use =, !=, 'in', 'not in' or 'has')");
  CHECK(compile_error("salary_jpy in (1, 2)", A) ==
        "position 12: 'in' is not defined for numeric attribute 'salary_jpy' (use =, !=, <, <=, >, >=)");
  CHECK(compile_error("years has 3", A) ==
        "position 7: 'has' is not defined for numeric attribute 'years' (use =, !=, <, <=, >, >=)");
  CHECK(compile_error("jlpt has N3", A) ==
        "position 6: 'has' is not defined for ordinal attribute 'jlpt' (use comparisons or 'in')");
  CHECK(compile_error("visa_refused > true", A) ==
        "position 14: '>' is not defined for boolean attribute 'visa_refused' (use the bare name, =, != or 'not')");
  CHECK(compile_error("visa_refused not in (true)", A).find("'not in' is not defined for boolean") != std::string::npos);
  CHECK(compile_error("salary_jpy = \"high\"", A) ==
        "position 14: expected a number for numeric attribute 'salary_jpy', found string \"high\"");
  CHECK(compile_error("salary_jpy = high", A) ==
        "position 14: expected a number for numeric attribute 'salary_jpy', found 'high'");
  CHECK(compile_error("location = 42", A) ==
        "position 12: expected a string (write numbers in quotes) for categorical attribute 'location', found number 42");
  CHECK(compile_error("location = true", A) ==
        "position 12: expected a string for categorical attribute 'location', found 'true'");
  CHECK(compile_error("visa_refused = \"yes\"", A) ==
        "position 16: expected true or false for boolean attribute 'visa_refused', found string \"yes\"");
  CHECK(compile_error("jlpt >= 3", A) ==
        "position 9: expected a level (N5, N4, N3, N2, N1) for ordinal attribute 'jlpt', found number 3");
  CHECK(compile_error("remote_ok and salary_jpy", A) ==
        "position 15: numeric attribute 'salary_jpy' needs a comparison (use =, !=, <, <=, >, >=)");
  CHECK(compile_error("location", A) ==
        "position 1: categorical attribute 'location' needs a comparison (use =, !=, 'in', 'not in' or 'has')");
  CHECK(compile_error("jlpt", A) == "position 1: ordinal attribute 'jlpt' needs a comparison (use comparisons or 'in')");
}

TEST_CASE("filter: explanation per clause") {
  AttributeColumns c = sample_columns();
  CompiledFilter f = compile_filter(
      "jlpt >= N3 and location in (\"Tokyo\", \"remote\") and salary_jpy <= 8000000 and not visa_refused", c.schema());
  FilterExplanation e4 = explain(f, c, 4);
  CHECK(e4.passed);
  REQUIRE(e4.clauses.size() == 4);
  CHECK(e4.clauses[0].to_string() == "jlpt >= N3: passed (N2)");
  CHECK(e4.to_string() ==
        "jlpt >= N3: passed (N2)\n"
        "location in (\"Tokyo\", \"remote\"): passed (Tokyo)\n"
        "salary_jpy <= 8000000: passed (8000000)\n"
        "not visa_refused: passed (missing)\n"
        "filter: passed");
  FilterExplanation e0 = explain(f, c, 0);
  CHECK_FALSE(e0.passed);
  CHECK(e0.clauses[2].to_string() == "salary_jpy <= 8000000: failed (9000000)");
  CHECK(e0.clauses[2].value == "9000000");
  FilterExplanation e2 = explain(f, c, 2);
  CHECK(e2.clauses[0].to_string() == "jlpt >= N3: failed (N5)");
  CHECK(e2.clauses[3].to_string() == "not visa_refused: failed (true)");

  CompiledFilter g = compile_filter("languages has \"ja\" or not (years > 3) or exists(jlpt)", c.schema());
  FilterExplanation e3 = explain(g, c, 3);
  CHECK(e3.to_string() ==
        "languages has \"ja\": failed (missing)\n"
        "not years > 3: passed (missing)\n"
        "exists(jlpt): failed (missing)\n"
        "filter: passed");
  CHECK(explain(g, c, 0).clauses[0].to_string() == "languages has \"ja\": passed ([ja, en])");

  CHECK(error_of([&] { (void)explain(f, c, 7); }, ErrorCode::invalid_argument).find("row 7 is out of range") !=
        std::string::npos);
  CHECK(error_of([&] { (void)matches(f, c, 99); }, ErrorCode::invalid_argument).find("row 99") != std::string::npos);
}

TEST_CASE("filter: categorical values are resolved at evaluation, against the columns' dictionary") {
  AttributeColumns c = sample_columns();
  CompiledFilter f = compile_filter("location = \"Nagoya\" or languages has \"ko\"", c.schema());
  Bitmap bits;
  evaluate(f, c, bits);
  CHECK(bits.count() == 0);
  AttributeValues v;
  v.set_string("location", "Nagoya");
  c.append(v);
  v.clear();
  v.add_string("languages", "ko");
  c.append(v);
  FilterScratch scratch;
  evaluate(f, c, bits, scratch);
  CHECK(bits.size() == 9);
  CHECK(bits.count() == 2);
  CHECK(bits.test(7));
  CHECK(bits.test(8));
}

TEST_CASE("filter: columns of another schema are rejected") {
  AttributeColumns c = sample_columns();
  CompiledFilter f = compile_filter("years > 1", c.schema());
  AttributeSchema other;
  other.add_numeric("a");
  AttributeColumns d(other);
  Bitmap bits;
  CHECK(error_of([&] { evaluate(f, d, bits); }, ErrorCode::invalid_argument).find("compiled for 8 attributes") !=
        std::string::npos);
  AttributeSchema same_size;
  for (const char* n : {"a", "b", "c", "d", "e"}) same_size.add_numeric(n);
  same_size.add_categorical("years");
  same_size.add_numeric("g");
  same_size.add_numeric("h");
  AttributeColumns e(same_size);
  CHECK(error_of([&] { (void)matches(f, e, 0); }, ErrorCode::invalid_argument).find("different schema") !=
        std::string::npos);
}

TEST_CASE("filter: empty columns and filters with many clauses") {
  AttributeColumns empty(test_schema());
  Bitmap bits(5, true);
  evaluate(compile_filter("years > 1", empty.schema()), empty, bits);
  CHECK(bits.size() == 0);

  AttributeColumns c = sample_columns();
  std::string expr = "years = 1";
  for (int i = 0; i < 40; ++i) expr += " or years = " + std::to_string(100 + i);  // > 32 clauses
  expr += " or location in (\"Osaka\", \"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\")";
  CHECK(compile_filter(expr, c.schema()).clause_count() == 42);
  CHECK(rows_of(expr, c) == Rows{1, 2});
}

// ---- Randomised comparison with an independent reference -------------------------------------

namespace {

struct ModelRow {
  std::optional<int> jlpt;       // rank 0..4
  std::optional<int> seniority;  // rank 0..2
  std::optional<std::string> location;
  std::optional<std::vector<std::string>> languages;
  std::optional<double> salary;
  std::optional<double> years;
  std::optional<bool> visa;
};

using Ref = std::function<bool(const ModelRow&)>;
struct Expr {
  std::string text;
  Ref ref;
};

const std::vector<std::string> jlpt_names = {"N5", "N4", "N3", "N2", "N1"};
const std::vector<std::string> seniority_names = {"junior", "mid", "senior"};
const std::vector<std::string> cities = {"Tokyo", "Osaka", "remote", "Nagoya", "Kyoto", "c5", "c6", "c7",
                                         "c8",    "c9",    "c10",    "c11"};
const std::vector<double> numbers = {0, 1, 2.5, 3, 5, 8, 13};

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  ModelRow row() {
    ModelRow r;
    if (chance(0.75)) r.jlpt = pick(5);
    if (chance(0.75)) r.seniority = pick(3);
    if (chance(0.75)) r.location = cities[pick(cities.size())];
    if (chance(0.75)) {
      std::vector<std::string> l;
      for (int k = pick(4); k > 0; --k) l.push_back(cities[pick(cities.size())]);
      r.languages = l;
    }
    if (chance(0.75)) r.salary = numbers[pick(numbers.size())] * 1e6;
    if (chance(0.75)) r.years = numbers[pick(numbers.size())];
    if (chance(0.75)) r.visa = chance(0.5);
    return r;
  }

  Expr expr(int depth) {
    if (depth == 0 || chance(0.3)) return leaf();
    switch (pick(3)) {
      case 0: {
        Expr a = expr(depth - 1), b = expr(depth - 1);
        return {"(" + a.text + ") and (" + b.text + ")", [a, b](const ModelRow& r) { return a.ref(r) && b.ref(r); }};
      }
      case 1: {
        Expr a = expr(depth - 1), b = expr(depth - 1);
        return {"(" + a.text + ") or (" + b.text + ")", [a, b](const ModelRow& r) { return a.ref(r) || b.ref(r); }};
      }
      default: {
        Expr a = expr(depth - 1);
        return {"not (" + a.text + ")", [a](const ModelRow& r) { return !a.ref(r); }};
      }
    }
  }

 private:
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  int pick(std::size_t n) { return static_cast<int>(std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_)); }

  static bool compare(double v, int op, double x) {
    switch (op) {
      case 0: return v == x;
      case 1: return v != x;
      case 2: return v < x;
      case 3: return v <= x;
      case 4: return v > x;
      default: return v >= x;
    }
  }
  static constexpr const char* ops[] = {"=", "!=", "<", "<=", ">", ">="};

  std::vector<std::string> some_cities(std::string& list) {
    std::vector<std::string> vals;
    for (int k = 1 + pick(11); k > 0; --k) vals.push_back(chance(0.1) ? "Mars" : cities[pick(cities.size())]);
    for (const auto& v : vals) list += (list.empty() ? "\"" : ", \"") + v + "\"";
    return vals;
  }

  Expr leaf() {
    const int op = pick(6);
    switch (pick(8)) {
      case 0: {  // numeric salary
        double x = numbers[pick(numbers.size())] * 1e6;
        std::ostringstream s;
        s << "salary_jpy " << ops[op] << " " << x;
        return {s.str(), [op, x](const ModelRow& r) { return r.salary && compare(*r.salary, op, x); }};
      }
      case 1: {  // numeric years
        double x = numbers[pick(numbers.size())];
        std::ostringstream s;
        s << "years " << ops[op] << " " << x;
        return {s.str(), [op, x](const ModelRow& r) { return r.years && compare(*r.years, op, x); }};
      }
      case 2: {  // ordinal comparison
        int level = pick(5);
        return {"jlpt " + std::string(ops[op]) + " " + jlpt_names[static_cast<std::size_t>(level)],
                [op, level](const ModelRow& r) { return r.jlpt && compare(*r.jlpt, op, level); }};
      }
      case 3: {  // ordinal list
        bool neg = chance(0.5);
        std::vector<int> levels;
        std::string list;
        for (int k = 1 + pick(3); k > 0; --k) {
          levels.push_back(pick(3));
          list += (list.empty() ? "" : ", ") + seniority_names[static_cast<std::size_t>(levels.back())];
        }
        return {std::string("seniority ") + (neg ? "not in (" : "in (") + list + ")",
                [neg, levels](const ModelRow& r) {
                  if (!r.seniority) return false;
                  bool hit = std::find(levels.begin(), levels.end(), *r.seniority) != levels.end();
                  return hit != neg;
                }};
      }
      case 4: {  // boolean
        if (chance(0.5)) return {"visa_refused", [](const ModelRow& r) { return r.visa && *r.visa; }};
        bool value = chance(0.5), eq = chance(0.5);
        return {std::string("visa_refused ") + (eq ? "= " : "!= ") + (value ? "true" : "false"),
                [value, eq](const ModelRow& r) { return r.visa && ((*r.visa == value) == eq); }};
      }
      case 5: {  // single-valued categorical
        std::string list;
        std::vector<std::string> vals = some_cities(list);
        bool neg = chance(0.5);
        bool as_list = chance(0.5);
        if (!as_list) vals.resize(1), list = "\"" + vals[0] + "\"";
        std::string text = as_list ? std::string("location ") + (neg ? "not in (" : "in (") + list + ")"
                                   : std::string("location ") + (neg ? "!= " : "= ") + list;
        return {text, [vals, neg](const ModelRow& r) {
                  if (!r.location) return false;
                  bool hit = std::find(vals.begin(), vals.end(), *r.location) != vals.end();
                  return hit != neg;
                }};
      }
      case 6: {  // multi-valued categorical
        std::string list;
        std::vector<std::string> vals = some_cities(list);
        bool neg = chance(0.5);
        return {std::string("languages ") + (neg ? "not in (" : "in (") + list + ")",
                [vals, neg](const ModelRow& r) {
                  if (!r.languages) return false;
                  bool hit = false;
                  for (const auto& l : *r.languages) hit |= std::find(vals.begin(), vals.end(), l) != vals.end();
                  return hit != neg;
                }};
      }
      default: {  // presence
        switch (pick(3)) {
          case 0: return {"years is missing", [](const ModelRow& r) { return !r.years.has_value(); }};
          case 1: return {"languages is not missing", [](const ModelRow& r) { return r.languages.has_value(); }};
          default: return {"exists(location)", [](const ModelRow& r) { return r.location.has_value(); }};
        }
      }
    }
  }

  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("filter: block evaluation equals a row-by-row reference on random columns") {
  Generator gen(20261127);
  const std::size_t n = 1000;  // not a multiple of 64: exercises the partial last block
  std::vector<ModelRow> model;
  AttributeColumns c(test_schema());
  for (std::size_t i = 0; i < n; ++i) {
    ModelRow r = gen.row();
    AttributeValues v;
    if (r.jlpt) v.set_string("jlpt", jlpt_names[static_cast<std::size_t>(*r.jlpt)]);
    if (r.seniority) v.set_string("seniority", seniority_names[static_cast<std::size_t>(*r.seniority)]);
    if (r.location) v.set_string("location", *r.location);
    if (r.languages) v.set_strings("languages", *r.languages);
    if (r.salary) v.set_number("salary_jpy", *r.salary);
    if (r.years) v.set_number("years", *r.years);
    if (r.visa) v.set_bool("visa_refused", *r.visa);
    c.append(v);
    model.push_back(r);
  }
  FilterScratch scratch;  // reused across filters
  Bitmap bits;
  std::size_t admitted = 0, checked = 0;
  for (int k = 0; k < 300; ++k) {
    Expr e = gen.expr(4);
    CompiledFilter f = compile_filter(e.text, c.schema());
    evaluate(f, c, bits, scratch);
    REQUIRE(bits.size() == n);
    std::size_t mismatches = 0;
    for (std::size_t r = 0; r < n; ++r) {
      bool want = e.ref(model[r]);
      mismatches += bits.test(r) != want;
      mismatches += matches(f, c, r) != want;
      admitted += want;
    }
    checked += n;
    CHECK_MESSAGE(mismatches == 0, e.text);
  }
  // The random filters are neither all-pass nor all-fail overall.
  CHECK(admitted > checked / 10);
  CHECK(admitted < checked * 9 / 10);
}

TEST_CASE("filter: ordinal level sets on a long scale, over full 64-row blocks") {
  std::vector<std::string> levels;
  for (int i = 0; i < 12; ++i) levels.push_back(std::string("L").append(std::to_string(i)));
  AttributeSchema s;
  s.add_ordinal("grade", OrdinalScale("grade", levels));
  AttributeColumns c(s);
  std::mt19937 rng(7);
  std::vector<int> rank;
  for (int r = 0; r < 64 * 5 + 9; ++r) {
    AttributeValues v;
    int k = static_cast<int>(rng() % 13);  // 12 = missing
    if (k < 12) v.set_string("grade", levels[static_cast<std::size_t>(k)]);
    c.append(v);
    rank.push_back(k);
  }
  Bitmap bits;
  for (int trial = 0; trial < 400; ++trial) {
    std::uint32_t set = static_cast<std::uint32_t>(rng()) & 0xFFFu;
    if (set == 0) set = 1;
    if (trial < 100) set = ((1u << (1 + trial % 12)) - 1) << (trial / 12 % 3);  // runs of levels
    set &= 0xFFFu;
    if (set == 0) set = 2;
    bool negated = trial % 2 == 1;
    std::string list;
    for (int l = 0; l < 12; ++l)
      if (set >> l & 1u) list += (list.empty() ? "" : ", ") + levels[static_cast<std::size_t>(l)];
    std::string expr = std::string("grade ") + (negated ? "not in (" : "in (") + list + ")";
    evaluate(compile_filter(expr, s), c, bits);
    std::size_t wrong = 0;
    for (std::size_t r = 0; r < rank.size(); ++r) {
      bool want = rank[r] < 12 && ((set >> rank[r] & 1u) != 0) != negated;
      wrong += bits.test(r) != want;
    }
    CHECK_MESSAGE(wrong == 0, expr);
  }
  for (const char* op : {"=", "!=", "<", "<=", ">", ">="})
    for (int l = 0; l < 12; ++l) {
      std::string expr = std::string("grade ") + op + " " + levels[static_cast<std::size_t>(l)];
      evaluate(compile_filter(expr, s), c, bits);
      std::size_t wrong = 0;
      for (std::size_t r = 0; r < rank.size(); ++r) {
        int k = rank[r];
        std::string o = op;
        bool want = k < 12 && (o == "=" ? k == l : o == "!=" ? k != l : o == "<" ? k < l : o == "<=" ? k <= l
                                                                       : o == ">" ? k > l : k >= l);
        wrong += bits.test(r) != want;
      }
      CHECK_MESSAGE(wrong == 0, expr);
    }
}
