// skillmatch/resolver_eval.hpp — resolver evaluation sets: reading them and scoring a Resolver on them.
//
// A set file (benchmarks/quality/resolver/*.tsv, docs/resolver-evaluation.md) has one case per line,
// `input<TAB>expected<TAB>set`; blank lines and lines starting with '#' are comments. `expected` is
// a concept id (primary or alias id), `=Name` (the concept Name itself resolves to, without fuzzy
// matching: noisy forms of a name must agree with the clean name), or `?` (only whether the input
// resolves at all is scored).
//
// Thread-safety: free functions without shared state; evaluate_resolver() only reads the resolver.
#pragma once

#include <cstddef>
#include <istream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/resolver.hpp"

namespace skillmatch {

struct ResolverEvalCase {
  std::string input;
  std::string expected;  // id, "=Name" or "?"
  std::string set;
};

/// Reads the cases of one set file. Throws Error(parse_error) naming `source` and the line for a
/// line without exactly three fields or with an empty expected or set field.
std::vector<ResolverEvalCase> read_resolver_eval(std::istream& in, std::string_view source);

struct ResolverEvalScore {
  std::string set;
  std::size_t cases = 0;       // cases scored (those with an expected concept that exists)
  std::size_t correct = 0;     // top-1 reading is the expected concept (for `?`: any reading)
  std::size_t unknown = 0;     // no reading at the default confidence threshold
  std::size_t bad_expected = 0;  // expected id unknown to the taxonomy, or `=Name` that does not resolve
  double accuracy() const noexcept { return cases ? static_cast<double>(correct) / static_cast<double>(cases) : 0.0; }
  double unknown_rate() const noexcept {
    return cases ? static_cast<double>(unknown) / static_cast<double>(cases) : 0.0;
  }
};

/// Scores resolve_best(input) (default options) on every case, one score per set in order of first
/// appearance. An expected id the taxonomy lacks counts as a miss (the taxonomy should have it);
/// `=Name` that does not resolve is not scored (counted in bad_expected). Allocation only.
std::vector<ResolverEvalScore> evaluate_resolver(const Resolver& resolver, std::span<const ResolverEvalCase> cases);

}  // namespace skillmatch
