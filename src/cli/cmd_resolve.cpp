// skillmatch resolve: one term per line on stdin -> input, concept id, label, confidence (TSV).
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/taxonomy_option.hpp"
#include "skillmatch/resolver.hpp"

namespace skillmatch::cli {

int run_resolve(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch resolve [--taxonomy PATH]... [--min-confidence X] [--no-fuzzy] [--method]\n"
        "Reads one skill term per line on stdin and prints, in input order, one TSV line per term:\n"
        "  input<TAB>concept_id<TAB>preferred_label<TAB>confidence\n"
        "(empty id and label, confidence 0, when the term is unknown). --method adds a fifth column\n"
        "saying how the term matched. Without --taxonomy the bundled default taxonomy is used; PATH is a\n"
        "native-format file or a directory of them (docs/taxonomy-format.md).");
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
  args.finish();

  Resolver resolver(taxonomy);
  std::ios::sync_with_stdio(false);
  std::string line, out;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
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
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace skillmatch::cli
