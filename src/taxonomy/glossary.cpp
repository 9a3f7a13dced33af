// Glossary compiler: glossary rows -> resolved concepts -> native `label` records (glossary.hpp).
#include "skillmatch/glossary.hpp"

#include <algorithm>
#include <ostream>
#include <unordered_map>

#include "skillmatch/normalizer.hpp"
#include "taxonomy/curation_text.hpp"

namespace skillmatch {
namespace {

using detail::ill_formed_utf8_at;
using detail::trim_field;

constexpr std::string_view kHeader = "japanese\ttarget\tarea";
constexpr std::string_view kCompiledFile = "taxonomy/japanese.tsv";

}  // namespace

CompiledGlossary compile_glossary(const Resolver& resolver, std::string_view text, std::string_view source_name) {
  CompiledGlossary out;
  // Normalised key of each term seen -> index into out.entries, to catch a term given twice.
  std::unordered_map<std::string, std::size_t> seen;
  std::string spaced;
  auto row = [&](std::size_t line_no, std::string_view line) {
    auto issue = [&](std::string message) { out.issues.push_back({line_no, std::move(message)}); };
    const std::vector<std::string_view> f = detail::split_fields(line);
    if (f.size() != 3) {
      issue("malformed row: expected 3 tab-separated fields (japanese, target, area), found " + std::to_string(f.size()));
      return;
    }
    if (f[0].empty() || f[1].empty() || f[2].empty()) {
      issue(std::string("malformed row: empty ") + (f[0].empty() ? "japanese" : f[1].empty() ? "target" : "area") +
            " field");
      return;
    }
    if (std::find(glossary_areas.begin(), glossary_areas.end(), f[2]) == glossary_areas.end()) {
      issue("unknown area '" + std::string(f[2]) + "' (ai_data, programming, cg_games, infra_security, posting, general)");
      return;
    }
    std::optional<ConceptIndex> concept_index;
    std::string target;
    for (std::size_t start = 0; !concept_index;) {
      const std::size_t bar = f[1].find(" | ", start);
      target = trim_field(f[1].substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
      if (!target.empty()) concept_index = detail::resolve_curated_name(resolver, target);
      if (bar == std::string_view::npos) break;
      start = bar + 3;
    }
    if (!concept_index) {
      issue("target '" + std::string(f[1]) + "' is no concept id and no English name the taxonomy knows");
      return;
    }
    // A term that already names another concept (an English abbreviation such as "PS" or "AE")
    // would make that name ambiguous for everyone: reported, not added.
    if (auto existing = detail::resolve_curated_name(resolver, f[0]); existing && *existing != *concept_index) {
      issue("term '" + std::string(f[0]) + "' already names '" +
            std::string(resolver.taxonomy().preferred_label(*existing)) + "' (" +
            std::string(resolver.taxonomy().id(*existing)) + "), not the target '" + target + "'");
      return;
    }
    normalize_text_into(f[0], spaced);
    const std::string key = compact_key(spaced);
    if (key.empty()) {
      issue("term '" + std::string(f[0]) + "' has no letters or digits");
      return;
    }
    if (auto it = seen.find(key); it != seen.end()) {
      const GlossaryEntry& before = out.entries[it->second];
      if (before.concept_index != *concept_index) {
        issue("term '" + std::string(f[0]) + "' (target '" + target + "') is a variant of '" + before.japanese +
              "' on line " + std::to_string(before.line) + ", which names another concept ('" + before.target + "')");
        return;
      }
      if (before.japanese == f[0]) return;  // the same row twice: one label says it all
    } else {
      seen.emplace(key, out.entries.size());
    }
    out.entries.push_back({line_no, std::string(f[0]), std::move(target), std::string(f[2]), *concept_index});
  };
  detail::for_each_table_row(text, kHeader, source_name, max_glossary_line, row,
                             [&](std::size_t line_no, std::string message) { out.issues.push_back({line_no, std::move(message)}); });
  return out;
}

void write_glossary_labels(const CompiledGlossary& glossary, const Taxonomy& taxonomy, std::ostream& out,
                           std::span<const std::string> header) {
  out << "#skillmatch-taxonomy 1\n";
  for (const auto& h : header) out << "# " << h << '\n';
  for (const GlossaryEntry& e : glossary.entries)
    out << "label\t" << taxonomy.id(e.concept_index) << "\tja\talternative\t" << e.japanese << '\n';
  out.flush();
  if (!out) fail(ErrorCode::io_error, "write_glossary_labels: the output stream failed");
}

std::shared_ptr<const Taxonomy> glossary_base_taxonomy() { return detail::bundled_taxonomy_without(kCompiledFile); }

}  // namespace skillmatch
