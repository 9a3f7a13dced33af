// Resolver evaluation sets (resolver_eval.hpp): the reader and the scorer.
#include "skillmatch/resolver_eval.hpp"

#include <unordered_map>

#include "skillmatch/error.hpp"

namespace skillmatch {

std::vector<ResolverEvalCase> read_resolver_eval(std::istream& in, std::string_view source) {
  std::vector<ResolverEvalCase> cases;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::size_t a = line.find('\t');
    const std::size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    const auto where = [&] { return std::string(source) + ":" + std::to_string(number) + ": "; };
    if (b == std::string::npos || line.find('\t', b + 1) != std::string::npos)
      fail(ErrorCode::parse_error, where() + "expected input<TAB>expected<TAB>set");
    ResolverEvalCase c{line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)};
    if (c.expected.empty() || c.set.empty()) fail(ErrorCode::parse_error, where() + "empty expected or set field");
    cases.push_back(std::move(c));
  }
  if (in.bad()) fail(ErrorCode::io_error, std::string(source) + ": read error");
  return cases;
}

std::vector<ResolverEvalScore> evaluate_resolver(const Resolver& resolver, std::span<const ResolverEvalCase> cases) {
  const Taxonomy& t = resolver.taxonomy();
  ResolveOptions clean;
  clean.fuzzy = false;
  std::vector<ResolverEvalScore> scores;
  std::unordered_map<std::string, std::size_t> slot;
  for (const ResolverEvalCase& c : cases) {
    auto [it, added] = slot.try_emplace(c.set, scores.size());
    if (added) scores.push_back({c.set});
    ResolverEvalScore& s = scores[it->second];
    ConceptIndex expected = no_concept;
    const bool any = c.expected == "?";
    if (!any && c.expected[0] == '=') {
      const auto m = resolver.resolve_best(std::string_view(c.expected).substr(1), clean);
      if (!m) {
        ++s.bad_expected;
        continue;
      }
      expected = m->concept_index;
    } else if (!any) {
      if (auto found = t.find(c.expected)) expected = *found;
      else ++s.bad_expected;  // still scored: a miss
    }
    ++s.cases;
    const auto m = resolver.resolve_best(c.input);
    if (!m) ++s.unknown;
    else if (any || m->concept_index == expected) ++s.correct;
  }
  return scores;
}

}  // namespace skillmatch
