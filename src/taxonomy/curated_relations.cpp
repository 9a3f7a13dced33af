// Curated relation compiler: table rows -> resolved concept pairs -> native `broader` / `related`
// records (curated_relations.hpp).
#include "skillmatch/curated_relations.hpp"

#include <algorithm>
#include <cmath>
#include <charconv>
#include <ostream>
#include <set>
#include <unordered_map>

#include "taxonomy/curation_text.hpp"

namespace skillmatch {
namespace {

constexpr std::string_view kHeader = "skill\trelated\trelation\tstrength";
constexpr std::string_view kCompiledFile = "taxonomy/relations.tsv";
// Membership needs a typical or strong relation; a loose one is written as an association.
constexpr float kMembershipStrength = 0.7f;

std::optional<CuratedRelation> parse_relation(std::string_view s) {
  if (s == "field") return CuratedRelation::field;
  if (s == "part") return CuratedRelation::part;
  if (s == "language") return CuratedRelation::language;
  if (s == "platform") return CuratedRelation::platform;
  if (s == "peer") return CuratedRelation::peer;
  return std::nullopt;
}

std::optional<float> parse_strength(std::string_view s) {
  float v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Whether `target` is reachable from `from` going up the broader links of the taxonomy and of the rows
// accepted so far (`added`: child -> parents).
bool reaches(const Taxonomy& taxonomy, const std::unordered_map<ConceptIndex, std::vector<ConceptIndex>>& added,
             ConceptIndex from, ConceptIndex target) {
  std::vector<ConceptIndex> stack{from};
  std::set<ConceptIndex> seen{from};
  while (!stack.empty()) {
    const ConceptIndex c = stack.back();
    stack.pop_back();
    if (c == target) return true;
    auto visit = [&](ConceptIndex p) {
      if (seen.insert(p).second) stack.push_back(p);
    };
    for (ConceptIndex p : taxonomy.broader(c)) visit(p);
    if (auto it = added.find(c); it != added.end())
      for (ConceptIndex p : it->second) visit(p);
  }
  return false;
}

bool has_related(const Taxonomy& taxonomy, ConceptIndex a, ConceptIndex b) {
  for (const RelatedLink& l : taxonomy.related(a))
    if (l.target == b && l.kind == RelationKind::related) return true;
  for (const RelatedLink& l : taxonomy.related(b))
    if (l.target == a && l.kind == RelationKind::related) return true;
  return false;
}

}  // namespace

CompiledRelations compile_relations(const Resolver& resolver, std::string_view text, std::string_view source_name) {
  const Taxonomy& taxonomy = resolver.taxonomy();
  CompiledRelations out;
  std::unordered_map<ConceptIndex, std::vector<ConceptIndex>> added_broader;
  std::set<std::pair<ConceptIndex, ConceptIndex>> added_related;  // (min, max)
  auto row = [&](std::size_t line_no, std::string_view line) {
    auto issue = [&](std::string message) { out.issues.push_back({line_no, std::move(message)}); };
    const std::vector<std::string_view> f = detail::split_fields(line);
    if (f.size() != 4) {
      issue("malformed row: expected 4 tab-separated fields (skill, related, relation, strength), found " +
            std::to_string(f.size()));
      return;
    }
    for (std::size_t i = 0; i < 4; ++i)
      if (f[i].empty()) {
        static constexpr const char* names[] = {"skill", "related", "relation", "strength"};
        issue(std::string("malformed row: empty ") + names[i] + " field");
        return;
      }
    const auto relation = parse_relation(f[2]);
    if (!relation) {
      issue("unknown relation '" + std::string(f[2]) + "' (field, part, language, platform, peer)");
      return;
    }
    const auto strength = parse_strength(f[3]);
    if (!strength || !(*strength > 0 && *strength <= 1)) {
      issue("strength '" + std::string(f[3]) + "' is not a number in (0, 1]");
      return;
    }
    ConceptIndex c[2];
    for (int i = 0; i < 2; ++i) {
      const auto found = detail::resolve_curated_name(resolver, f[static_cast<std::size_t>(i)]);
      if (!found) {
        issue("'" + std::string(f[static_cast<std::size_t>(i)]) + "' is no concept id and no name the taxonomy knows");
        return;
      }
      const ConceptKind kind = taxonomy.kind(*found);
      if (kind == ConceptKind::category || kind == ConceptKind::occupation) {
        issue("'" + std::string(f[static_cast<std::size_t>(i)]) + "' names the " + to_string(kind) + " '" +
              std::string(taxonomy.preferred_label(*found)) + "'; relations are between skills");
        return;
      }
      c[i] = *found;
    }
    if (c[0] == c[1]) {
      issue("'" + std::string(f[0]) + "' and '" + std::string(f[1]) + "' name the same concept '" +
            std::string(taxonomy.preferred_label(c[0])) + "'");
      return;
    }
    CuratedRelationEntry e{line_no, c[0], c[1], *relation, *strength, false};
    e.membership = *relation != CuratedRelation::peer && *strength >= kMembershipStrength;
    if (e.membership) {
      if (reaches(taxonomy, added_broader, c[1], c[0])) {
        issue("'" + std::string(f[1]) + "' is already below '" + std::string(f[0]) +
              "' in the hierarchy; the row would close a cycle");
        return;
      }
      if (reaches(taxonomy, added_broader, c[0], c[1])) return;  // already a member (directly or below)
      added_broader[c[0]].push_back(c[1]);
    } else {
      const auto key = std::minmax(c[0], c[1]);
      if (has_related(taxonomy, c[0], c[1]) || !added_related.insert(key).second) return;  // kept once
    }
    out.entries.push_back(e);
  };
  detail::for_each_table_row(text, kHeader, source_name, max_relation_line, row,
                             [&](std::size_t line_no, std::string message) { out.issues.push_back({line_no, std::move(message)}); });
  return out;
}

void write_relation_records(const CompiledRelations& relations, const Taxonomy& taxonomy, std::ostream& out,
                            std::span<const std::string> header) {
  out << "#skillmatch-taxonomy 1\n";
  for (const auto& h : header) out << "# " << h << '\n';
  for (const CuratedRelationEntry& e : relations.entries) {
    if (e.membership)
      out << "broader\t" << taxonomy.id(e.narrower) << '\t' << taxonomy.id(e.broader) << '\n';
    else
      out << "related\t" << taxonomy.id(e.narrower) << '\t' << taxonomy.id(e.broader) << "\trelated\t" << e.strength
          << '\n';
  }
  out.flush();
  if (!out) fail(ErrorCode::io_error, "write_relation_records: the output stream failed");
}

std::shared_ptr<const Taxonomy> relations_base_taxonomy() { return detail::bundled_taxonomy_without(kCompiledFile); }

}  // namespace skillmatch
