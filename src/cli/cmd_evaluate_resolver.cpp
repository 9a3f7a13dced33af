// skillmatch evaluate-resolver: top-1 accuracy and unknown rate of the resolver on evaluation sets.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/commands.hpp"
#include "cli/taxonomy_option.hpp"
#include "skillmatch/resolver_eval.hpp"

namespace skillmatch::cli {

int run_evaluate_resolver(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch evaluate-resolver [--taxonomy PATH]... [--sets DIR | FILE...]\n"
        "Scores the resolver (default options) on evaluation sets: every *.tsv of DIR (default\n"
        "benchmarks/quality/resolver) or the FILEs given. Lines are input<TAB>expected<TAB>set, expected\n"
        "a concept id, =Name (the concept Name resolves to) or ? (only resolving at all counts); see\n"
        "docs/resolver-evaluation.md. Prints one TSV line per file and set:\n"
        "  file<TAB>split<TAB>set<TAB>cases<TAB>accuracy<TAB>unknown_rate<TAB>bad_expected\n"
        "split is what the file name ends with (english_dev.tsv -> dev). Tune on dev, report test.");
    return 0;
  }
  auto taxonomy = take_taxonomy(args);
  const std::string dir = args.take_option_or("sets", "benchmarks/quality/resolver");
  std::vector<std::filesystem::path> files;
  while (auto f = args.take_positional()) files.emplace_back(*f);
  args.finish();
  if (files.empty()) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
      if (e.path().extension() == ".tsv") files.push_back(e.path());
    if (ec) throw UsageError("cannot read --sets directory '" + dir + "': " + ec.message());
    std::sort(files.begin(), files.end());
    if (files.empty()) throw UsageError("no *.tsv evaluation sets in '" + dir + "'");
  }
  const Resolver resolver(taxonomy);
  std::puts("file\tsplit\tset\tcases\taccuracy\tunknown_rate\tbad_expected");
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(ErrorCode::io_error, "cannot open '" + path.string() + "'");
    const auto cases = read_resolver_eval(in, path.string());
    const std::string stem = path.stem().string();
    const std::size_t us = stem.rfind('_');
    const std::string split = us == std::string::npos ? "-" : stem.substr(us + 1);
    for (const auto& s : evaluate_resolver(resolver, cases))
      std::printf("%s\t%s\t%s\t%zu\t%.3f\t%.3f\t%zu\n", path.filename().c_str(), split.c_str(), s.set.c_str(), s.cases,
                  s.accuracy(), s.unknown_rate(), s.bad_expected);
  }
  return 0;
}

}  // namespace skillmatch::cli
