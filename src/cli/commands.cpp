// The table of subcommands. Each subcommand lives in its own file (cmd_<name>.cpp).
#include "cli/commands.hpp"

namespace skillmatch::cli {

int run_version(Args args);
int run_resolve(Args args);
int run_similar(Args args);
int run_pairs(Args args);
int run_match(Args args);
int run_index(Args args);
int run_demo(Args args);
int run_report(Args args);
int run_build_taxonomy(Args args);
int run_evaluate_resolver(Args args);
int run_build_glossary(Args args);
int run_build_relations(Args args);
int run_evaluate_matching(Args args);
int run_extract(Args args);
int run_evaluate_extractor(Args args);

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"demo", "match the bundled sample jobs and candidates, with explanations", run_demo},
      {"match", "match jobs and candidates from JSONL files or a saved index", run_match},
      {"report", "the skill gap report (demand vs supply, areas, Japanese level, near-qualified, exposure)", run_report},
      {"index", "build, inspect or verify a saved engine (index file)", run_index},
      {"resolve", "resolve skill terms (one per line on stdin) to taxonomy concepts", run_resolve},
      {"evaluate-resolver", "accuracy and unknown rate of the resolver on evaluation sets", run_evaluate_resolver},
      {"extract", "skill mentions in free text (one document per line on stdin)", run_extract},
      {"evaluate-extractor", "precision/recall/F1 of the extractor on span-annotated sets (dev/test)", run_evaluate_extractor},
      {"similar", "the concepts nearest to a skill", run_similar},
      {"pairs", "figures of a skill-pair sanity set (related vs unrelated similarity)", run_pairs},
      {"evaluate-matching", "ranking quality of the score on the evaluation sets (dev/test); --fit fits its weights", run_evaluate_matching},
      {"version", "print the skillmatch version", run_version},
      {"build-taxonomy", "build the bundled taxonomy from raw O*NET, ESCO and Stack Overflow releases", run_build_taxonomy},
      {"build-glossary", "compile a Japanese term glossary into taxonomy label records", run_build_glossary},
      {"build-relations", "compile the curated skill-relation table into taxonomy records", run_build_relations},
  };
  return table;
}

}  // namespace skillmatch::cli
