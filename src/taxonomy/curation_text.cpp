// Shared helpers of the curated-table compilers (curation_text.hpp).
#include "taxonomy/curation_text.hpp"

#include <unicode/utf8.h>

#include <string>

#include "core/bundled_files.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace skillmatch::detail {

std::size_t ill_formed_utf8_at(std::string_view s) noexcept {
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

std::string_view trim_field(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> f;
  for (std::size_t start = 0;;) {
    const std::size_t tab = line.find('\t', start);
    f.push_back(trim_field(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return f;
}

std::optional<ConceptIndex> resolve_curated_name(const Resolver& resolver, std::string_view name) {
  if (auto id = resolver.taxonomy().find(name)) return id;
  ResolveOptions options;
  options.fuzzy = false;
  options.compounds = false;
  options.min_confidence = 0;
  if (auto m = resolver.resolve_best(name, options)) return m->concept_index;
  return std::nullopt;
}

std::shared_ptr<const Taxonomy> bundled_taxonomy_without(std::string_view excluded) {
  TaxonomyBuilder builder;
  for (std::string_view name : bundled_file_names("taxonomy/"))
    if (name != excluded) read_native_taxonomy(builder, bundled_file_text(name), "bundled:" + std::string(name));
  return builder.build();
}

}  // namespace skillmatch::detail
