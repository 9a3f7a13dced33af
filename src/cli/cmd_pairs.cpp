// skillmatch pairs FILE [--split S] [--list]: the figures of a skill-pair sanity set (anchor, related,
// unrelated) through the engine's similarity, as docs/similarity.md reports them.
#include <algorithm>
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/similarity_settings.hpp"
#include "cli/taxonomy_option.hpp"
#include "skillmatch/skill_knowledge.hpp"
#include "skillmatch/skill_pairs.hpp"

namespace skillmatch::cli {
namespace {

std::string name_of(const Taxonomy& t, ConceptIndex c) {
  return c == no_concept ? std::string("(unresolved)") : std::string(t.id(c));
}

void print_figures(const char* split, const SkillPairFigures& f) {
  std::printf("%s\ttriples=%zu\tordered=%zu (%.1f%%)\trelated>=0.5=%zu (%.1f%%)\tunrelated<0.2=%zu (%.1f%%)\tunresolved=%zu\n",
              split, f.triples, f.ordered, 100 * f.ordered_share(), f.related_met, 100 * f.related_met_share(),
              f.unrelated_low, 100 * f.unrelated_low_share(), f.unresolved);
}

}  // namespace

int run_pairs(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch pairs FILE [--split NAME] [--list] [--set OPTION=VALUE]... [--taxonomy PATH]...\n"
        "Reads a skill-pair set (TSV: area, anchor, related, unrelated, split; tests/data/skill_pairs.tsv),\n"
        "resolves every name and prints, per split, how often sim(anchor, related) > sim(anchor, unrelated),\n"
        "sim(anchor, related) >= 0.5 and sim(anchor, unrelated) < 0.2. --list adds one line per triple:\n"
        "  split area anchor related unrelated sim_related sim_unrelated anchor_id related_id unrelated_id\n"
        "  cosine_related cosine_unrelated parts_related parts_unrelated\n"
        "--set changes a SimilarityOptions field (e.g. --set embedding_floor=0.2) to try other tunings.");
    return 0;
  }
  auto taxonomy = take_taxonomy(args);
  SimilarityOptions options;
  for (const std::string& setting : args.take_all("set")) apply_similarity_setting(options, setting);
  const std::string split = args.take_option_or("split", "");
  const bool list = args.take_flag("list");
  auto file = args.take_positional();
  if (!file) throw UsageError("missing FILE (try: skillmatch pairs tests/data/skill_pairs.tsv)");
  args.finish();

  const auto triples = read_skill_pairs_file(*file);
  const Resolver resolver(taxonomy);
  const auto knowledge = learn_skill_knowledge(resolver, {}, options);
  const SkillSimilarity& similarity = *knowledge.similarity;
  const Taxonomy& t = *taxonomy;
  std::vector<std::string> splits;
  if (!split.empty()) {
    splits.push_back(split);
  } else {
    for (const auto& x : triples)
      if (std::find(splits.begin(), splits.end(), x.split) == splits.end()) splits.push_back(x.split);
  }
  auto cosine = [&](ConceptIndex a, ConceptIndex b) {
    return a == no_concept || b == no_concept ? 0.0 : double(knowledge.embedding->cosine(a, b));
  };
  auto parts_of = [&](ConceptIndex a, ConceptIndex b) {
    if (a == no_concept || b == no_concept) return std::string("-");
    auto p = similarity.explain(a, b);
    char buf[96];
    std::snprintf(buf, sizeof buf, "H%.2f R%.2f C%.2f E%.2f", double(p.hierarchy), double(p.related), double(p.cooccurrence), double(p.embedding));
    return std::string(buf);
  };
  for (const auto& s : splits) {
    const auto report = evaluate_skill_pairs(triples, s, resolver, similarity);
    if (list)
      for (const auto& p : report.pairs)
        std::printf("%s\t%s\t%s\t%s\t%s\t%.3f\t%.3f\t%s\t%s\t%s\t%.3f\t%.3f\t%s\t%s\n", p.triple->split.c_str(), p.triple->area.c_str(),
                    p.triple->anchor.c_str(), p.triple->related.c_str(), p.triple->unrelated.c_str(),
                    static_cast<double>(p.related_similarity), static_cast<double>(p.unrelated_similarity),
                    name_of(t, p.anchor).c_str(), name_of(t, p.related).c_str(), name_of(t, p.unrelated).c_str(), cosine(p.anchor, p.related), cosine(p.anchor, p.unrelated), parts_of(p.anchor, p.related).c_str(), parts_of(p.anchor, p.unrelated).c_str());

    print_figures(s.c_str(), report.figures);
  }
  if (split.empty()) print_figures("all", evaluate_skill_pairs(triples, "", resolver, similarity).figures);
  return 0;
}

}  // namespace skillmatch::cli
