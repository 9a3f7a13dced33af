// Reader and writer of the native taxonomy format (docs/taxonomy-format.md).
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <deque>
#include <fstream>
#include <ostream>
#include <sstream>
#include <vector>

#include "skillmatch/taxonomy_io.hpp"

#include "io/split_tabs.hpp"
#include "io/utf8_check.hpp"

namespace skillmatch {
namespace {

constexpr std::string_view kMagicV1 = "#skillmatch-taxonomy 1";
constexpr std::string_view kMagicV2 = "#skillmatch-taxonomy 2";

using io::split_tabs;

double parse_number(std::string_view text, const SourceLocation& where, const char* what) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    fail_at(ErrorCode::parse_error, where, std::string("bad ") + what + " '" + std::string(text) + "'");
  return value;
}

void expect_fields(const std::vector<std::string_view>& f, std::size_t n, const SourceLocation& where) {
  if (f.size() != n)
    fail_at(ErrorCode::parse_error, where,
            "'" + std::string(f[0]) + "' record needs " + std::to_string(n) + " tab-separated fields, found " +
                std::to_string(f.size()));
}

void expect_at_least(const std::vector<std::string_view>& f, std::size_t n, const SourceLocation& where) {
  if (f.size() < n)
    fail_at(ErrorCode::parse_error, where,
            "'" + std::string(f[0]) + "' record needs at least " + std::to_string(n) + " tab-separated fields, found " +
                std::to_string(f.size()));
}

// Version 2 spellings of an id (docs/taxonomy-format.md): "@N" is the N-th concept record of this
// file (0-based, declared on an earlier line); "name:rest" with a declared prefix `name` expands.
class IdReader {
 public:
  explicit IdReader(bool v2) : v2_(v2) {}

  void declare_prefix(std::string_view name, std::string_view expansion, const SourceLocation& where) {
    if (!v2_) fail_at(ErrorCode::parse_error, where, "'prefix' records need format version 2");
    if (name.empty() || name.find(':') != std::string_view::npos || name[0] == '@' || expansion.empty())
      fail_at(ErrorCode::parse_error, where, "bad prefix '" + std::string(name) + "' (a name without ':' or '@', and a non-empty expansion)");
    for (const auto& [n, e] : prefixes_)
      if (n == name) fail_at(ErrorCode::duplicate, where, "prefix '" + std::string(name) + "' declared twice");
    prefixes_.emplace_back(std::string(name), std::string(expansion));
  }

  // The concept id as stored; `declaring` records it for later "@N" references.
  std::string_view id(std::string_view text, const SourceLocation& where, bool declaring = false) {
    if (!v2_) return text;
    if (!declaring && text.size() > 1 && text[0] == '@' && text.find_first_not_of("0123456789", 1) == std::string_view::npos) {
      std::size_t n = 0;
      auto [end, ec] = std::from_chars(text.data() + 1, text.data() + text.size(), n);
      if (ec != std::errc() || n >= declared_.size())
        fail_at(ErrorCode::parse_error, where,
                "reference '" + std::string(text) + "' names no concept declared above in this file (" +
                    std::to_string(declared_.size()) + " so far)");
      return declared_[n];
    }
    std::string_view result = text;
    if (auto colon = text.find(':'); colon != std::string_view::npos)
      for (const auto& [name, expansion] : prefixes_)
        if (text.substr(0, colon) == name) {
          scratch_ = expansion;
          scratch_.append(text.substr(colon + 1));
          result = scratch_;
          break;
        }
    if (declaring) {
      declared_.emplace_back(result);
      return declared_.back();
    }
    return result;
  }

 private:
  bool v2_;
  std::vector<std::pair<std::string, std::string>> prefixes_;
  std::deque<std::string> declared_;  // stable addresses: ids returned by id() stay valid
  std::string scratch_;
};

ConceptKind concept_kind(std::string_view text, const SourceLocation& where) {
  auto kind = parse_concept_kind(text);
  if (!kind) fail_at(ErrorCode::parse_error, where, "unknown concept kind '" + std::string(text) + "'");
  return *kind;
}
LabelKind label_kind(std::string_view text, const SourceLocation& where) {
  auto kind = parse_label_kind(text);
  if (!kind) fail_at(ErrorCode::parse_error, where, "unknown label kind '" + std::string(text) + "'");
  return *kind;
}
RelationKind relation_kind(std::string_view text, const SourceLocation& where) {
  auto kind = parse_relation_kind(text);
  if (!kind) fail_at(ErrorCode::parse_error, where, "unknown relation kind '" + std::string(text) + "'");
  return *kind;
}

/// Ids and labels enter here: a record line must be UTF-8 without NUL (a NUL would end the id at the
/// C ABI and make it name another concept).
void check_record_text(std::string_view line, const SourceLocation& where) {
  if (const std::size_t nul = line.find('\0'); nul != std::string_view::npos)
    fail_at(ErrorCode::parse_error, where, "NUL byte at column " + std::to_string(nul + 1));
  if (const std::size_t bad = io::invalid_utf8_at(line); bad != std::string_view::npos)
    fail_at(ErrorCode::parse_error, where, "invalid UTF-8 at column " + std::to_string(bad + 1));
}

}  // namespace

void read_native_taxonomy(TaxonomyBuilder& builder, std::string_view text, std::string_view source_name) {
  SourceLocation where{std::string(source_name), 0};
  std::size_t pos = 0;
  IdReader ids(false);
  bool v2 = false;
  while (pos < text.size() || where.line == 0) {
    std::size_t eol = text.find('\n', pos);
    std::string_view line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    pos = eol == std::string_view::npos ? text.size() : eol + 1;
    ++where.line;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (where.line == 1) {
      if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // tolerate a UTF-8 BOM
      if (line != kMagicV1 && line != kMagicV2)
        fail_at(ErrorCode::parse_error, where,
                "not a skillmatch taxonomy file: the first line must be '" + std::string(kMagicV1) + "' or '" +
                    std::string(kMagicV2) + "'");
      v2 = line == kMagicV2;
      ids = IdReader(v2);
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    check_record_text(line, where);
    auto f = split_tabs(line);
    const std::string_view type = f[0];
    if (type == "concept") {
      expect_fields(f, 5, where);
      const ConceptKind kind = concept_kind(f[2], where);
      builder.add_concept(ids.id(f[1], where, true), kind, f[3], f[4], where);
    } else if (type == "label") {
      expect_fields(f, 5, where);
      const LabelKind kind = label_kind(f[3], where);
      builder.add_label(ids.id(f[1], where), f[4], f[2], kind, where);
    } else if (type == "labels" && v2) {
      expect_at_least(f, 5, where);
      const LabelKind kind = label_kind(f[3], where);
      const std::string id(ids.id(f[1], where));
      for (std::size_t i = 4; i < f.size(); ++i) builder.add_label(id, f[i], f[2], kind, where);
    } else if (type == "broader") {
      if (v2)
        expect_at_least(f, 3, where);
      else
        expect_fields(f, 3, where);
      const std::string child(ids.id(f[1], where));
      for (std::size_t i = 2; i < f.size(); ++i) builder.add_broader(child, ids.id(f[i], where), where);
    } else if (type == "related") {
      expect_fields(f, 5, where);
      const RelationKind kind = relation_kind(f[3], where);
      const std::string from(ids.id(f[1], where));
      builder.add_related(from, ids.id(f[2], where), kind, static_cast<float>(parse_number(f[4], where, "weight")), where);
    } else if (type == "links" && v2) {
      expect_at_least(f, 5, where);
      const RelationKind kind = relation_kind(f[2], where);
      const auto weight = static_cast<float>(parse_number(f[3], where, "weight"));
      const std::string from(ids.id(f[1], where));
      for (std::size_t i = 4; i < f.size(); ++i) builder.add_related(from, ids.id(f[i], where), kind, weight, where);
    } else if (type == "prefix") {
      expect_fields(f, 3, where);
      ids.declare_prefix(f[1], f[2], where);
    } else if (type == "same_as") {
      expect_fields(f, 3, where);
      const std::string canonical(ids.id(f[1], where));
      builder.add_same_as(canonical, ids.id(f[2], where), where);
    } else if (type == "stats") {
      expect_fields(f, 5, where);
      ConceptStats s;
      s.frequency = parse_number(f[2], where, "frequency");
      s.popularity = parse_number(f[3], where, "popularity");
      if (f[4] != "-") {
        std::string_view flags = f[4];
        while (!flags.empty()) {
          std::size_t comma = flags.find(',');
          std::string_view flag = flags.substr(0, comma);
          if (flag == "hot")
            s.hot = true;
          else if (flag == "in_demand")
            s.in_demand = true;
          else
            fail_at(ErrorCode::parse_error, where, "unknown stats flag '" + std::string(flag) + "' (hot, in_demand)");
          flags = comma == std::string_view::npos ? std::string_view{} : flags.substr(comma + 1);
        }
      }
      builder.add_stats(ids.id(f[1], where), s, where);
    } else {
      fail_at(ErrorCode::parse_error, where,
              "unknown record type '" + std::string(type) +
                  (v2 ? "' (expected concept, label, labels, broader, related, links, prefix, same_as or stats)"
                      : "' (expected concept, label, broader, related, same_as or stats; labels, links and prefix need version 2)"));
    }
  }
}

void read_native_taxonomy_file(TaxonomyBuilder& builder, const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(ErrorCode::io_error, "cannot open taxonomy file '" + file.string() + "'");
  // Bounded: the first line is checked before the rest is read (a device or a wrong file costs a
  // few bytes), and no file is read past kMaxTaxonomyFileBytes.
  constexpr std::size_t kMaxTaxonomyFileBytes = std::size_t{1} << 30;
  std::string text(kMagicV1.size() + 3, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  std::string_view head = text;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  if (!head.starts_with(kMagicV1.substr(0, kMagicV1.size() - 1)))
    read_native_taxonomy(builder, text.substr(0, text.find('\n')), file.string());  // fails naming line 1
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxTaxonomyFileBytes)
      fail(ErrorCode::invalid_argument, "taxonomy file '" + file.string() + "' is larger than " +
                                            std::to_string(kMaxTaxonomyFileBytes >> 20) + " MiB");
  }
  if (in.bad()) fail(ErrorCode::io_error, "cannot read taxonomy file '" + file.string() + "'");
  read_native_taxonomy(builder, text, file.string());
}

std::shared_ptr<const Taxonomy> load_taxonomy(std::span<const std::filesystem::path> paths) {
  TaxonomyBuilder builder;
  for (const auto& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::filesystem::path> files;
      for (const auto& entry : std::filesystem::directory_iterator(path))
        if (entry.path().extension() == ".tsv") files.push_back(entry.path());
      if (files.empty()) fail(ErrorCode::io_error, "no *.tsv taxonomy files in directory '" + path.string() + "'");
      std::sort(files.begin(), files.end());
      for (const auto& f : files) read_native_taxonomy_file(builder, f);
    } else {
      read_native_taxonomy_file(builder, path);
    }
  }
  return builder.build();
}

namespace {

// The id prefix worth abbreviating: the ESCO URI base, when the taxonomy uses it and no id is already
// spelled with the abbreviation.
constexpr std::string_view kEscoBase = "http://data.europa.eu/esco/";
constexpr std::string_view kEscoPrefix = "esco-uri";

}  // namespace

void write_native_taxonomy(const Taxonomy& t, std::ostream& out, std::span<const std::string> header) {
  out << kMagicV2 << '\n';
  for (const auto& line : header) out << "# " << line << '\n';
  bool abbreviate = false, clash = false;
  const std::string prefix_colon = std::string(kEscoPrefix) + ':';
  auto check_id = [&](std::string_view id) {
    abbreviate |= id.starts_with(kEscoBase);
    clash |= id.starts_with(prefix_colon) ||
             (id.size() > 1 && id[0] == '@' && id.find_first_not_of("0123456789", 1) == std::string_view::npos);
  };
  for (ConceptIndex c = 0; c < t.size(); ++c) {
    check_id(t.id(c));
    for (const auto& alias : t.alias_ids(c)) check_id(alias);
  }
  if (clash) fail(ErrorCode::invalid_argument, "an id looks like a version-2 reference or prefix ('@N', 'esco-uri:…')");
  abbreviate &= !clash;
  if (abbreviate) out << "prefix\t" << kEscoPrefix << '\t' << kEscoBase << '\n';
  auto spell = [&](std::string_view id) -> std::string {
    if (abbreviate && id.starts_with(kEscoBase)) return prefix_colon + std::string(id.substr(kEscoBase.size()));
    return std::string(id);
  };
  // Concept records in index order; a link target is written as "@N", its concept record's ordinal.
  std::vector<std::uint32_t> ordinal(t.size());
  std::uint32_t records = 0;
  for (ConceptIndex c = 0; c < t.size(); ++c) {
    ordinal[c] = records++;
    out << "concept\t" << spell(t.id(c)) << '\t' << to_string(t.kind(c)) << '\t' << t.preferred_label(c) << '\t'
        << t.labels(c).front().lang << '\n';
    for (const auto& alias : t.alias_ids(c)) {
      ++records;
      out << "concept\t" << spell(alias) << '\t' << to_string(t.kind(c)) << '\t' << t.preferred_label(c) << '\t'
          << t.labels(c).front().lang << "\nsame_as\t@" << ordinal[c] << "\t@" << records - 1 << '\n';
    }
  }
  for (ConceptIndex c = 0; c < t.size(); ++c) {
    const std::string subject = spell(t.id(c));
    // Labels: one record per run of labels with the same language and kind.
    const auto labels = t.labels(c).subspan(1);
    for (std::size_t i = 0; i < labels.size();) {
      std::size_t j = i + 1;
      while (j < labels.size() && labels[j].lang == labels[i].lang && labels[j].kind == labels[i].kind) ++j;
      out << "labels\t" << subject << '\t' << labels[i].lang << '\t' << to_string(labels[i].kind);
      for (; i < j; ++i) out << '\t' << labels[i].text;
      out << '\n';
    }
    if (!t.broader(c).empty()) {
      out << "broader\t" << subject;
      for (ConceptIndex p : t.broader(c)) out << "\t@" << ordinal[p];
      out << '\n';
    }
    // Links: one record per (kind, weight), targets in index order (the builder sorts links by kind and
    // target, so the order of the records does not matter to the result).
    const auto related = t.related(c);
    std::vector<bool> written(related.size(), false);
    for (std::size_t i = 0; i < related.size(); ++i) {
      if (written[i]) continue;
      out << "links\t" << subject << '\t' << to_string(related[i].kind) << '\t' << related[i].weight;
      for (std::size_t j = i; j < related.size(); ++j)
        if (!written[j] && related[j].kind == related[i].kind && related[j].weight == related[i].weight) {
          written[j] = true;
          out << "\t@" << ordinal[related[j].target];
        }
      out << '\n';
    }
    const auto& s = t.stats(c);
    if (s.frequency > 0 || s.popularity > 0 || s.hot || s.in_demand) {
      std::string flags = s.hot && s.in_demand ? "hot,in_demand" : s.hot ? "hot" : s.in_demand ? "in_demand" : "-";
      out << "stats\t" << subject << '\t' << s.frequency << '\t' << s.popularity << '\t' << flags << '\n';
    }
  }
  if (!out) fail(ErrorCode::io_error, "writing the taxonomy failed");
}

}  // namespace skillmatch
