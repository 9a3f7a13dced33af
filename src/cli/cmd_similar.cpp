// skillmatch similar TERM [--top K]: the concepts nearest to a skill, with their similarity.
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/taxonomy_option.hpp"
#include "skillmatch/display_label.hpp"
#include "skillmatch/resolver.hpp"
#include "skillmatch/skill_knowledge.hpp"

namespace skillmatch::cli {

int run_similar(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch similar TERM [--top K] [--taxonomy PATH]... [--explain]\n"
        "Resolves TERM to a concept and prints its K nearest concepts (default 10), best first, as TSV:\n"
        "  concept_id<TAB>label<TAB>kind<TAB>similarity\n"
        "The label is the preferred (English) label, or for a TERM written in Japanese the concept's\n"
        "Japanese label where it has one.\n"
        "--explain adds the hierarchy, related, co-occurrence and embedding parts of each similarity.");
    return 0;
  }
  auto taxonomy = take_taxonomy(args);
  const long top = args.take_int("top", 10, 1, 1000);
  const bool explain = args.take_flag("explain");
  auto term = args.take_positional();
  if (!term) throw UsageError("missing TERM (try: skillmatch similar PyTorch)");
  args.finish();

  Resolver resolver(taxonomy);
  auto match = resolver.resolve_best(*term);
  if (!match) {
    std::fprintf(stderr, "skillmatch similar: unknown skill '%s'\n", term->c_str());
    return 1;
  }
  const auto knowledge = learn_skill_knowledge(resolver);
  const SkillSimilarity& similarity = *knowledge.similarity;
  const ConceptIndex c = match->concept_index;
  std::fprintf(stderr, "# %s -> %s (%s), confidence %.3f, %s\n", term->c_str(), std::string(taxonomy->id(c)).c_str(),
               std::string(taxonomy->preferred_label(c)).c_str(), static_cast<double>(match->confidence),
               to_string(match->method));
  long shown = 0;
  for (const auto& n : similarity.neighbours(c)) {
    if (shown++ == top) break;
    std::printf("%s\t%s\t%s\t%.4f", std::string(taxonomy->id(n.concept_index)).c_str(),
                std::string(label_for_query(*taxonomy, n.concept_index, *term)).c_str(), to_string(taxonomy->kind(n.concept_index)),
                static_cast<double>(n.similarity));
    if (explain) {
      auto p = similarity.explain(c, n.concept_index);
      std::printf("\thierarchy=%.3f related=%.3f cooccurrence=%.3f embedding=%.3f", static_cast<double>(p.hierarchy),
                  static_cast<double>(p.related), static_cast<double>(p.cooccurrence), static_cast<double>(p.embedding));
    }
    std::printf("\n");
  }
  return 0;
}

}  // namespace skillmatch::cli
