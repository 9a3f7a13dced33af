// Glossary compiler: glossary rows -> resolved concepts -> native `label` records (glossary.hpp).
#include "skillmatch/glossary.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <ostream>
#include <unordered_map>

#include "core/bundled_files.hpp"
#include "skillmatch/normalizer.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace skillmatch {
namespace {

constexpr std::string_view kHeader = "japanese\ttarget\tarea";
constexpr std::string_view kCompiledFile = "taxonomy/japanese.tsv";

// Byte offset of the first ill-formed UTF-8 sequence, or npos.
std::size_t ill_formed_at(std::string_view s) {
  const auto len = static_cast<std::int32_t>(s.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
  for (std::int32_t i = 0; i < len;) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, len, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A target that names a concept id, or an English name: the concept the name resolves to without
// typo or compound readings, so the Japanese term resolves exactly like its English name.
std::optional<ConceptIndex> resolve_target(const Resolver& resolver, std::string_view target) {
  const Taxonomy& taxonomy = resolver.taxonomy();
  if (auto id = taxonomy.find(target)) return id;
  ResolveOptions options;
  options.fuzzy = false;
  options.compounds = false;
  options.min_confidence = 0;
  if (auto m = resolver.resolve_best(target, options)) return m->concept_index;
  return std::nullopt;
}

}  // namespace

CompiledGlossary compile_glossary(const Resolver& resolver, std::string_view text, std::string_view source_name) {
  CompiledGlossary out;
  // Normalised key of each term seen -> index into out.entries, to catch a term given twice.
  std::unordered_map<std::string, std::size_t> seen;
  bool header_seen = false;
  std::size_t line_no = 0;
  std::string spaced;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t eol = text.find('\n', pos);
    std::string_view line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    pos = eol == std::string_view::npos ? text.size() : eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // a UTF-8 BOM
    auto issue = [&](std::string message) { out.issues.push_back({line_no, std::move(message)}); };
    if (line.size() > max_glossary_line) {
      issue("line of " + std::to_string(line.size()) + " bytes is longer than the limit of " +
            std::to_string(max_glossary_line));
      continue;
    }
    if (const std::size_t bad = ill_formed_at(line); bad != std::string_view::npos) {
      issue("ill-formed UTF-8 at byte " + std::to_string(bad + 1) + " of the line");
      continue;
    }
    if (trim(line).empty() || line[0] == '#') continue;
    if (!header_seen) {
      header_seen = true;
      if (line != kHeader)
        issue("the first row of " + std::string(source_name) + " must be the header 'japanese<TAB>target<TAB>area'");
      continue;
    }
    std::vector<std::string_view> f;
    for (std::size_t start = 0;;) {
      const std::size_t tab = line.find('\t', start);
      f.push_back(trim(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (f.size() != 3) {
      issue("malformed row: expected 3 tab-separated fields (japanese, target, area), found " + std::to_string(f.size()));
      continue;
    }
    if (f[0].empty() || f[1].empty() || f[2].empty()) {
      issue(std::string("malformed row: empty ") + (f[0].empty() ? "japanese" : f[1].empty() ? "target" : "area") +
            " field");
      continue;
    }
    if (std::find(glossary_areas.begin(), glossary_areas.end(), f[2]) == glossary_areas.end()) {
      issue("unknown area '" + std::string(f[2]) + "' (ai_data, programming, cg_games, infra_security, posting, general)");
      continue;
    }
    std::optional<ConceptIndex> concept_index;
    std::string target;
    for (std::size_t start = 0; !concept_index;) {
      const std::size_t bar = f[1].find(" | ", start);
      target = trim(f[1].substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
      if (!target.empty()) concept_index = resolve_target(resolver, target);
      if (bar == std::string_view::npos) break;
      start = bar + 3;
    }
    if (!concept_index) {
      issue("target '" + std::string(f[1]) + "' is no concept id and no English name the taxonomy knows");
      continue;
    }
    // A term that already names another concept (an English abbreviation such as "PS" or "AE")
    // would make that name ambiguous for everyone: reported, not added.
    if (auto existing = resolve_target(resolver, f[0]); existing && *existing != *concept_index) {
      issue("term '" + std::string(f[0]) + "' already names '" +
            std::string(resolver.taxonomy().preferred_label(*existing)) + "' (" +
            std::string(resolver.taxonomy().id(*existing)) + "), not the target '" + target + "'");
      continue;
    }
    normalize_text_into(f[0], spaced);
    const std::string key = compact_key(spaced);
    if (key.empty()) {
      issue("term '" + std::string(f[0]) + "' has no letters or digits");
      continue;
    }
    if (auto it = seen.find(key); it != seen.end()) {
      const GlossaryEntry& before = out.entries[it->second];
      if (before.concept_index != *concept_index) {
        issue("term '" + std::string(f[0]) + "' (target '" + target + "') is a variant of '" + before.japanese +
              "' on line " + std::to_string(before.line) + ", which names another concept ('" + before.target + "')");
        continue;
      }
      if (before.japanese == f[0]) continue;  // the same row twice: one label says it all
    } else {
      seen.emplace(key, out.entries.size());
    }
    out.entries.push_back({line_no, std::string(f[0]), std::move(target), std::string(f[2]), *concept_index});
  }
  if (!header_seen) out.issues.push_back({line_no, std::string(source_name) + " has no header row 'japanese<TAB>target<TAB>area'"});
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

std::shared_ptr<const Taxonomy> glossary_base_taxonomy() {
  TaxonomyBuilder builder;
  for (std::string_view name : detail::bundled_file_names("taxonomy/"))
    if (name != kCompiledFile) read_native_taxonomy(builder, detail::bundled_file_text(name), "bundled:" + std::string(name));
  return builder.build();
}

}  // namespace skillmatch
