// skillmatch resolve: one term per line on stdin -> input, concept id, label, confidence (TSV).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/commands.hpp"
#include "cli/taxonomy_option.hpp"
#include "skillmatch/resolver.hpp"

namespace skillmatch::cli {

int run_resolve(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch resolve [--taxonomy PATH]... [--min-confidence X] [--no-fuzzy] [--method] [--unknown]\n"
        "Reads one skill term per line on stdin and prints, in input order, one TSV line per term:\n"
        "  input<TAB>concept_id<TAB>preferred_label<TAB>confidence\n"
        "(empty id and label, confidence 0, when the term is unknown). --method adds a fifth column\n"
        "saying how the term matched. Without --taxonomy the bundled default taxonomy is used; PATH is a\n"
        "native-format file or a directory of them (docs/taxonomy-format.md).\n"
        "--unknown prints instead the terms that did not resolve, one per line as count<TAB>term, most\n"
        "frequent first (ties in byte order; blank lines are not terms), so an operator can extend the taxonomy.");
    return 0;
  }
  auto taxonomy = take_taxonomy(args);
  ResolveOptions options;
  options.max_results = 1;
  if (auto c = args.take_option("min-confidence")) {
    try {
      options.min_confidence = std::stof(*c);
    } catch (const std::exception&) {
      throw UsageError("--min-confidence takes a number in [0, 1], not '" + *c + "'");
    }
    if (!(options.min_confidence >= 0 && options.min_confidence <= 1))
      throw UsageError("--min-confidence takes a number in [0, 1], not '" + *c + "'");
  }
  options.fuzzy = !args.take_flag("no-fuzzy");
  const bool with_method = args.take_flag("method");
  const bool unknown_only = args.take_flag("unknown");
  args.finish();

  Resolver resolver(taxonomy);
  std::ios::sync_with_stdio(false);
  std::string line, out;
  std::unordered_map<std::string, std::size_t> unknown;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (unknown_only) {
      if (line.find_first_not_of(" \t") != std::string::npos && !resolver.resolve_best(line, options)) ++unknown[line];
      continue;
    }
    out.clear();
    // The input column is echoed as given, except that a TAB would break the TSV: shown as a space.
    for (char ch : line) out += ch == '\t' ? ' ' : ch;
    if (auto m = resolver.resolve_best(line, options)) {
      char conf[32];
      std::snprintf(conf, sizeof conf, "%.3f", static_cast<double>(m->confidence));
      out += '\t';
      out += taxonomy->id(m->concept_index);
      out += '\t';
      out += taxonomy->preferred_label(m->concept_index);
      out += '\t';
      out += conf;
      if (with_method) (out += '\t') += to_string(m->method);
    } else {
      out += "\t\t\t0";
      if (with_method) out += "\tunknown";
    }
    out += '\n';
    std::cout << out;
  }
  if (unknown_only) {
    std::vector<std::pair<std::string, std::size_t>> sorted(unknown.begin(), unknown.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    for (const auto& [term, count] : sorted) {
      out = std::to_string(count);
      out += '\t';
      for (char ch : term) out += ch == '\t' ? ' ' : ch;
      out += '\n';
      std::cout << out;
    }
  }
  if (std::cin.bad()) {
    std::fprintf(stderr, "skillmatch resolve: error reading stdin\n");
    return 1;
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace skillmatch::cli
