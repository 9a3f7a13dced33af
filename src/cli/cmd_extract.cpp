// skillmatch extract: one document per line on stdin -> one line per skill mention (TSV or JSON).
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <boost/json.hpp>

#include "cli/commands.hpp"
#include "cli/taxonomy_option.hpp"
#include "skillmatch/extract.hpp"

namespace skillmatch::cli {

int run_extract(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch extract [--format tsv|json] [--taxonomy PATH]... [--min-confidence X] [--no-ambiguous]\n"
        "Reads UTF-8 text on stdin, one document per line, and prints one line per skill mention:\n"
        "  tsv:  line<TAB>start<TAB>end<TAB>mention<TAB>concept_id<TAB>preferred_label<TAB>confidence\n"
        "        after a header line; line is 1-based, start/end are 0-based code-point offsets into the\n"
        "        line, end exclusive.\n"
        "  json: one JSON object per mention with the same fields plus byte_start, byte_end,\n"
        "        requirement (must|nice|unstated), years, ambiguous and evidence.\n"
        "--no-ambiguous drops ordinary-word names (Go, Spring, Excel) even with supporting context.\n"
        "docs/extract.md describes the method.");
    return 0;
  }
  const std::string format = args.take_option_or("format", "tsv");
  if (format != "tsv" && format != "json") throw UsageError("--format takes tsv or json, not '" + format + "'");
  auto taxonomy = take_taxonomy(args);
  ExtractOptions options;
  if (auto c = args.take_option("min-confidence")) {
    try {
      options.min_confidence = std::stof(*c);
    } catch (const std::exception&) {
      throw UsageError("--min-confidence takes a number in [0, 1], not '" + *c + "'");
    }
    if (!(options.min_confidence >= 0 && options.min_confidence <= 1))
      throw UsageError("--min-confidence takes a number in [0, 1], not '" + *c + "'");
  }
  options.ambiguous_with_context = !args.take_flag("no-ambiguous");
  args.finish();

  Extractor extractor(std::make_shared<const Resolver>(taxonomy));
  std::ios::sync_with_stdio(false);
  std::string line, out;
  std::size_t line_no = 0;
  if (format == "tsv") std::cout << "line\tstart\tend\tmention\tconcept_id\tpreferred_label\tconfidence\n";
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<Mention> mentions;
    try {
      mentions = extractor.extract(line, options);
    } catch (const Error& e) {
      std::fprintf(stderr, "skillmatch extract: line %zu: %s\n", line_no, e.what());
      return 1;
    }
    for (const Mention& m : mentions) {
      char conf[32];
      std::snprintf(conf, sizeof conf, "%.3f", static_cast<double>(m.confidence));
      if (format == "tsv") {
        out = std::to_string(line_no);
        (out += '\t') += std::to_string(m.cp_begin);
        (out += '\t') += std::to_string(m.cp_end);
        out += '\t';
        for (char ch : m.text) out += ch == '\t' ? ' ' : ch;
        (out += '\t') += taxonomy->id(m.concept_index);
        (out += '\t') += taxonomy->preferred_label(m.concept_index);
        (out += '\t') += conf;
      } else {
        boost::json::object o;
        o["line"] = line_no;
        o["start"] = m.cp_begin;
        o["end"] = m.cp_end;
        o["byte_start"] = m.begin;
        o["byte_end"] = m.end;
        // Ill-formed bytes inside a mention cannot occur (they are separators), so the text is UTF-8.
        o["mention"] = m.text;
        o["concept_id"] = taxonomy->id(m.concept_index);
        o["preferred_label"] = taxonomy->preferred_label(m.concept_index);
        o["confidence"] = std::stod(conf);
        o["requirement"] = to_string(m.requirement);
        o["years"] = m.years;
        o["ambiguous"] = m.ambiguous;
        o["evidence"] = m.evidence;
        out = boost::json::serialize(o);
      }
      out += '\n';
      std::cout << out;
    }
  }
  if (std::cin.bad()) {
    std::fprintf(stderr, "skillmatch extract: error reading stdin\n");
    return 1;
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace skillmatch::cli
