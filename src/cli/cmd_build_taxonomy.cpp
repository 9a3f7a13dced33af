// skillmatch build-taxonomy: the bundled default taxonomy (data/taxonomy/) from the raw public
// releases, through the library's own loaders, one native file per source so each keeps its licence,
// with same_as cross-links where two sources name the same thing.
#include <algorithm>
#include <cctype>
#include <set>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.hpp"
#include "skillmatch/loaders.hpp"
#include "skillmatch/resolver.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace skillmatch::cli {
namespace {

namespace fs = std::filesystem;

void report(const char* source, const LoadReport& r) {
  std::fprintf(stderr, "%s: %zu concepts, %zu labels, %zu broader, %zu related, %zu skipped, %zu filtered\n", source,
               r.concepts, r.labels, r.broader, r.related, r.skipped, r.filtered);
  for (const auto& w : r.warnings) std::fprintf(stderr, "  %s\n", w.c_str());
}

std::string native_text(const Taxonomy& t, const std::vector<std::string>& header) {
  std::ostringstream out;
  write_native_taxonomy(t, out, header);
  return out.str();
}

// The words of a label in lower case (runs of letters and digits).
std::vector<std::string> lower_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : std::string(text) + ' ') {
    if (std::isalnum(static_cast<unsigned char>(ch))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  return words;
}

// Ordinary English words, learned from the data: words written in lower case inside ESCO's preferred labels
// ("manage ICT data architecture", "use word processing software"). A product name that is such a
// word once its vendor is dropped ("QPSMR Limited Input", "Google Video") must not claim the generic
// tag ("input", "video").
std::set<std::string> ordinary_words(const Taxonomy& t) {
  std::set<std::string> words;
  for (const auto& label : t.all_labels()) {
    if (!t.id(label.concept_index).starts_with("http://data.europa.eu/esco/")) continue;
    std::string word;
    for (char ch : label.text + ' ') {
      if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '+' || ch == '#' || ch == '.') {
        word += ch;
        continue;
      }
      bool lower = !word.empty() && std::none_of(word.begin(), word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
      if (lower && word.size() > 1) words.insert(word);
      word.clear();
    }
  }
  // A word that is by itself the name of a technology or a body of knowledge ("java", "sql") is a
  // name, even where a label writes it in lower case.
  for (const auto& label : t.all_labels()) {
    const ConceptKind k = t.kind(label.concept_index);
    // A body of knowledge names itself with a capital ("SQL", "Haskell"); ESCO's lower-case knowledge
    // ("logistics", "surgery") is ordinary English.
    const bool capitalised = std::any_of(label.text.begin(), label.text.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
    if (k != ConceptKind::technology && !(k == ConceptKind::knowledge && capitalised)) continue;
    std::string lower = label.text;
    for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    words.erase(lower);
  }
  return words;
}

// same_as lines for the concepts of `from` that name one concept of the resolver's taxonomy.
// Accepts only confident, unambiguous readings of a concept's preferred label by the methods given;
// an acronym reading, or a reading that dropped a vendor word, only when the text is not made of
// ordinary words alone ("web services" is not Amazon Web Services; "client" is not Client databases).
std::string cross_links(const Taxonomy& from, const Resolver& into, std::initializer_list<MatchMethod> methods,
                        float min_confidence, const std::set<std::string>& ordinary, std::size_t& count) {
  std::string lines;
  ResolveOptions o;
  o.fuzzy = false;
  o.min_confidence = 0.5f;
  o.max_results = 2;
  const Taxonomy& target = into.taxonomy();
  for (ConceptIndex c = 0; c < from.size(); ++c) {
    const ConceptKind k = from.kind(c);
    if (k == ConceptKind::occupation || k == ConceptKind::category) continue;
    // The best reading must be confident and clearly ahead of the runner-up: two O*NET names for one
    // product ("Oracle Java", "Sun Microsystems Java") lower the confidence without making "java"
    // any less Java, while a near tie between different things must not be decided here.
    auto readings = into.resolve(from.preferred_label(c), o);
    if (readings.empty()) continue;
    const ResolveMatch* m = &readings.front();
    const float margin = readings.size() > 1 ? m->confidence - readings[1].confidence : 1.0f;
    // Confident on its own, or fairly confident and clearly ahead; never a weak acronym form.
    const bool clear = m->confidence >= 0.85f || (m->confidence >= min_confidence && margin >= 0.1f);
    if (!clear || (m->method == MatchMethod::acronym && m->confidence < 0.8f)) continue;
    if (std::find(methods.begin(), methods.end(), m->method) == methods.end()) continue;
    if (m->method == MatchMethod::vendor_dropped || m->method == MatchMethod::acronym) {
      // A skill or body of knowledge written in lower case ("logistics", "data mining") is an activity
      // or a discipline: read only as written, never as a product without its vendor or generic word.
      const std::string_view pref = from.preferred_label(c);
      const bool lower_case = std::none_of(pref.begin(), pref.end(), [](char ch) { return std::isupper(static_cast<unsigned char>(ch)); });
      if (lower_case && k != ConceptKind::technology) continue;
      const auto words = lower_words(from.preferred_label(c));
      const bool ordinary_only =
          !words.empty() && std::all_of(words.begin(), words.end(), [&](const std::string& w) { return w.size() < 2 || ordinary.contains(w); });
      const auto target_words = lower_words(target.preferred_label(m->concept_index));
      const bool vendor_removed = m->method == MatchMethod::vendor_dropped && !target_words.empty() &&
                                  std::find(words.begin(), words.end(), target_words.front()) == words.end();
      // Ordinary words read without a trailing generic word name a body of knowledge or an activity,
      // not the tool category ("project management" is not "Project management software").
      const bool generic_removed = m->method == MatchMethod::vendor_dropped && target_words.size() > words.size();
      if (ordinary_only && (vendor_removed || generic_removed || words.size() == 1 || m->method == MatchMethod::acronym))
        continue;
    }
    const ConceptKind tk = target.kind(m->concept_index);
    if (tk == ConceptKind::occupation || tk == ConceptKind::category) continue;
    lines += "same_as\t" + std::string(target.id(m->concept_index)) + '\t' + std::string(from.id(c)) + '\n';
    ++count;
  }
  return lines;
}

void save(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) fail(ErrorCode::io_error, "cannot write '" + path.string() + "'");
  std::fprintf(stderr, "wrote %s (%zu bytes)\n", path.c_str(), text.size());
}

}  // namespace

int run_build_taxonomy(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch build-taxonomy --raw DIR [--out DIR] [--so-min-questions N]\n"
        "Builds the bundled default taxonomy from the raw releases in DIR (DIR/onet: O*NET 29.3 text\n"
        "release; DIR/esco: ESCO 1.2.0 CSV; DIR/stackexchange: Stack Overflow Tags and TagSynonyms CSV)\n"
        "into --out (default data/taxonomy): onet.tsv, esco.tsv, stackoverflow.tsv. O*NET's IT occupations\n"
        "with every O*NET technology; all ESCO occupations and every skill they name. ESCO skills and Stack Overflow tags\n"
        "that name an O*NET technology (or ESCO skill) become part of it through same_as records.\n"
        "Deterministic: the same input gives the same bytes.");
    return 0;
  }
  auto raw = args.take_option("raw");
  if (!raw) throw UsageError("--raw DIR is required (e.g. ../shared/data/raw)");
  const fs::path out_dir = args.take_option_or("out", "data/taxonomy");
  const long so_min = args.take_int("so-min-questions", 1000, 0, 100000000);
  args.finish();
  const fs::path dir(*raw);
  fs::create_directories(out_dir);

  TaxonomyBuilder onet_builder;
  OnetOptions onet_options;
  onet_options.occupations = it_occupation_codes();
  report("onet", load_onet(onet_builder, dir / "onet", onet_options));
  auto onet = onet_builder.build();
  const std::string onet_text = native_text(*onet, {
      "O*NET 29.3 Database (May 2025), O*NET Resource Center, US Department of Labor/ETA. CC BY 4.0.",
      "Built by `skillmatch build-taxonomy` (docs/loaders.md): every technology example under its UNSPSC",
      "commodity, class, family and segment; the IT occupations with their titles, technologies, skills and knowledge."});
  save(out_dir / "onet.tsv", onet_text);

  TaxonomyBuilder esco_builder;
  report("esco", load_esco(esco_builder, dir / "esco"));
  auto esco = esco_builder.build();
  std::size_t esco_links = 0;
  Resolver onet_resolver(onet);
  std::string esco_text = native_text(*esco, {
      "ESCO classification v1.2.0, (c) European Union; reuse under Commission Decision 2011/833/EU.",
      "Built by `skillmatch build-taxonomy` (docs/loaders.md): the digital, transversal and digComp collections,",
      "every other skill the occupations name (ids esco:label:<preferred label>), the skills hierarchy, skill",
      "relations, all occupations with their essential and optional skills; same_as records name the O*NET technology",
      "a skill is the same as (its preferred label read exactly, after normalisation, without a vendor word or as",
      "the acronym written in the name, unambiguously)."});
  esco_text += cross_links(*esco, onet_resolver,
                           {MatchMethod::exact, MatchMethod::normalized, MatchMethod::vendor_dropped, MatchMethod::acronym},
                           0.75f, ordinary_words(*esco), esco_links);
  save(out_dir / "esco.tsv", esco_text);

  TaxonomyBuilder so_builder;
  StackOverflowOptions so_options;
  so_options.min_questions = static_cast<double>(so_min);
  report("stackoverflow", load_stackoverflow(so_builder, dir / "stackexchange" / "stackoverflow_Tags.csv",
                                             dir / "stackexchange" / "stackoverflow_TagSynonyms.csv", so_options));
  auto so = so_builder.build();
  TaxonomyBuilder base_builder;
  read_native_taxonomy(base_builder, onet_text, "onet.tsv");
  read_native_taxonomy(base_builder, esco_text, "esco.tsv");
  auto base = base_builder.build();
  Resolver base_resolver(base);
  std::size_t so_links = 0;
  std::string so_text = native_text(*so, {
      "Stack Overflow tags and tag synonyms, Stack Exchange Data Explorer exports. CC BY-SA 4.0: this file and",
      "files derived from it stay under CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).",
      "Built by `skillmatch build-taxonomy` (docs/loaders.md): tags with >= " + std::to_string(so_min) +
          " questions and their synonyms (hidden labels); same_as",
      "records name the O*NET technology or ESCO skill a tag is the same as (read exactly, after normalisation,",
      "without a vendor word learned from the data, or as the acronym written in the name, unambiguously)."});
  so_text += cross_links(*so, base_resolver,
                         {MatchMethod::exact, MatchMethod::normalized, MatchMethod::vendor_dropped, MatchMethod::acronym},
                         0.75f, ordinary_words(*base), so_links);
  save(out_dir / "stackoverflow.tsv", so_text);
  std::fprintf(stderr, "cross-links: %zu ESCO -> O*NET, %zu Stack Overflow -> O*NET/ESCO\n", esco_links, so_links);
  return 0;
}

}  // namespace skillmatch::cli
