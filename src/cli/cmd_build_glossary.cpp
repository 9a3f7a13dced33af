// skillmatch build-glossary: compiles a term glossary (data/glossary/ja_it_terms.tsv) into native
// `label` records (data/taxonomy/japanese.tsv); every row that does not resolve is reported with its
// line and nothing is written (docs/japanese.md).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.hpp"
#include "skillmatch/glossary.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace skillmatch::cli {

int run_build_glossary(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch build-glossary --glossary FILE --out FILE [--taxonomy PATH]... [--keep-going]\n"
        "Resolves every row of the glossary (japanese<TAB>target<TAB>area; docs/japanese.md) and writes\n"
        "the terms as native `label` records. Targets are concept ids or English names (exact or\n"
        "normalised match). Without --taxonomy the bundled taxonomy minus its compiled glossary file is\n"
        "used. Rows that cannot be used are printed as FILE:LINE: message; then nothing is written and the\n"
        "exit status is 1, unless --keep-going writes the usable rows anyway (still exit status 1).");
    return 0;
  }
  const auto glossary_path = args.take_option("glossary");
  const auto out_path = args.take_option("out");
  if (!glossary_path) throw UsageError("missing --glossary FILE");
  if (!out_path) throw UsageError("missing --out FILE");
  const auto paths = args.take_all("taxonomy");
  const bool keep_going = args.take_flag("keep-going");
  args.finish();

  std::shared_ptr<const Taxonomy> taxonomy;
  if (paths.empty()) {
    taxonomy = glossary_base_taxonomy();
  } else {
    std::vector<std::filesystem::path> files(paths.begin(), paths.end());
    taxonomy = load_taxonomy(files);
  }
  std::ifstream in(*glossary_path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "skillmatch build-glossary: cannot read %s\n", glossary_path->c_str());
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  Resolver resolver(taxonomy);
  const CompiledGlossary glossary = compile_glossary(resolver, text.str(), *glossary_path);
  for (const auto& issue : glossary.issues)
    std::fprintf(stderr, "%s:%zu: %s\n", glossary_path->c_str(), issue.line, issue.message.c_str());
  std::fprintf(stderr, "%zu terms compiled, %zu rows with issues\n", glossary.entries.size(), glossary.issues.size());
  if (!glossary.issues.empty() && !keep_going) return 1;

  const std::vector<std::string> header = {
      "Compiled by `skillmatch build-glossary` from " + std::filesystem::path(*glossary_path).filename().string() +
          "; do not edit, edit the glossary (docs/japanese.md).",
      "Written by the skillmatch authors, Apache-2.0 like the code."};
  std::ofstream out(*out_path, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::fprintf(stderr, "skillmatch build-glossary: cannot write %s\n", out_path->c_str());
    return 1;
  }
  write_glossary_labels(glossary, *taxonomy, out, header);
  return glossary.issues.empty() ? 0 : 1;
}

}  // namespace skillmatch::cli
