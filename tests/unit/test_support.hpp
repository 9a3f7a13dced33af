// Helpers shared by the unit tests: what an expected Error says.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "skillmatch/error.hpp"

namespace skillmatch::test {

/// Runs f and returns "code: message" of the Error it throws, or "no error".
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return std::string(to_string(e.code())) + ": " + e.what();
  }
  return "no error";
}

/// Runs f, which must throw Error with `code` (checked); returns the message.
template <typename F>
std::string error_of(F&& f, ErrorCode code) {
  try {
    f();
  } catch (const Error& e) {
    CHECK_MESSAGE(e.code() == code, "code was " << to_string(e.code()) << ": " << e.what());
    return e.what();
  }
  FAIL("no Error thrown");
  return {};
}

inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

/// The whole file (REQUIREd to be readable).
inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// "line: message" per issue of a compiled curated table (glossary, relations), one per line.
template <typename Compiled>
std::string issues_text(const Compiled& compiled) {
  std::string out;
  for (const auto& i : compiled.issues) out += std::to_string(i.line) + ": " + i.message + "\n";
  return out;
}

}  // namespace skillmatch::test
