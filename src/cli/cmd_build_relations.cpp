// skillmatch build-relations: compiles the curated skill-relation table (data/curation/
// skill_relations.tsv) into native `broader` / `related` records (data/taxonomy/relations.tsv); every
// row that cannot be used is reported with its line (docs/similarity.md, "Curated relations").
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.hpp"
#include "skillmatch/curated_relations.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace skillmatch::cli {

int run_build_relations(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch build-relations --relations FILE --out FILE [--taxonomy PATH]... [--strict]\n"
        "Resolves every row of a curated relation table (skill<TAB>related<TAB>relation<TAB>strength,\n"
        "relation field|part|language|platform|peer; docs/similarity.md) and writes native `broader` and\n"
        "`related` records by concept id. Without --taxonomy the bundled taxonomy minus its compiled\n"
        "relation file is used. Rows that cannot be used (a name the taxonomy does not know, a cycle...)\n"
        "are printed as FILE:LINE: message and left out; --strict then writes nothing and exits with 1.");
    return 0;
  }
  const auto table_path = args.take_option("relations");
  const auto out_path = args.take_option("out");
  if (!table_path) throw UsageError("missing --relations FILE");
  if (!out_path) throw UsageError("missing --out FILE");
  const auto paths = args.take_all("taxonomy");
  const bool strict = args.take_flag("strict");
  args.finish();

  std::shared_ptr<const Taxonomy> taxonomy;
  if (paths.empty()) {
    taxonomy = relations_base_taxonomy();
  } else {
    std::vector<std::filesystem::path> files(paths.begin(), paths.end());
    taxonomy = load_taxonomy(files);
  }
  std::ifstream in(*table_path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "skillmatch build-relations: cannot read %s\n", table_path->c_str());
    return 1;
  }
  std::ostringstream text;
  text << in.rdbuf();
  Resolver resolver(taxonomy);
  const CompiledRelations relations = compile_relations(resolver, text.str(), *table_path);
  for (const auto& issue : relations.issues)
    std::fprintf(stderr, "%s:%zu: %s\n", table_path->c_str(), issue.line, issue.message.c_str());
  std::size_t members = 0;
  for (const auto& e : relations.entries) members += e.membership ? 1 : 0;
  std::fprintf(stderr, "%zu relations compiled (%zu broader, %zu related), %zu rows left out\n",
               relations.entries.size(), members, relations.entries.size() - members, relations.issues.size());
  if (strict && !relations.issues.empty()) return 1;

  const std::vector<std::string> header = {
      "Compiled by `skillmatch build-relations` from " + std::filesystem::path(*table_path).filename().string() +
          "; do not edit, edit the table (docs/similarity.md).",
      "Written by the skillmatch authors, Apache-2.0 like the code."};
  std::ofstream out(*out_path, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::fprintf(stderr, "skillmatch build-relations: cannot write %s\n", out_path->c_str());
    return 1;
  }
  write_relation_records(relations, *taxonomy, out, header);
  return 0;
}

}  // namespace skillmatch::cli
