// Reader and writer of the native taxonomy format (docs/taxonomy-format.md).
#include <algorithm>
#include <charconv>
#include <fstream>
#include <ostream>
#include <sstream>
#include <vector>

#include "skillmatch/taxonomy_io.hpp"

#include "io/split_tabs.hpp"

namespace skillmatch {
namespace {

constexpr std::string_view kMagic = "#skillmatch-taxonomy 1";

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

}  // namespace

void read_native_taxonomy(TaxonomyBuilder& builder, std::string_view text, std::string_view source_name) {
  SourceLocation where{std::string(source_name), 0};
  std::size_t pos = 0;
  while (pos < text.size() || where.line == 0) {
    std::size_t eol = text.find('\n', pos);
    std::string_view line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    pos = eol == std::string_view::npos ? text.size() : eol + 1;
    ++where.line;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (where.line == 1) {
      if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // tolerate a UTF-8 BOM
      if (line != kMagic)
        fail_at(ErrorCode::parse_error, where,
                "not a skillmatch taxonomy file: the first line must be '" + std::string(kMagic) + "'");
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    auto f = split_tabs(line);
    const std::string_view type = f[0];
    if (type == "concept") {
      expect_fields(f, 5, where);
      auto kind = parse_concept_kind(f[2]);
      if (!kind) fail_at(ErrorCode::parse_error, where, "unknown concept kind '" + std::string(f[2]) + "'");
      builder.add_concept(f[1], *kind, f[3], f[4], where);
    } else if (type == "label") {
      expect_fields(f, 5, where);
      auto kind = parse_label_kind(f[3]);
      if (!kind) fail_at(ErrorCode::parse_error, where, "unknown label kind '" + std::string(f[3]) + "'");
      builder.add_label(f[1], f[4], f[2], *kind, where);
    } else if (type == "broader") {
      expect_fields(f, 3, where);
      builder.add_broader(f[1], f[2], where);
    } else if (type == "related") {
      expect_fields(f, 5, where);
      auto kind = parse_relation_kind(f[3]);
      if (!kind) fail_at(ErrorCode::parse_error, where, "unknown relation kind '" + std::string(f[3]) + "'");
      builder.add_related(f[1], f[2], *kind, static_cast<float>(parse_number(f[4], where, "weight")), where);
    } else if (type == "same_as") {
      expect_fields(f, 3, where);
      builder.add_same_as(f[1], f[2], where);
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
      builder.add_stats(f[1], s, where);
    } else {
      fail_at(ErrorCode::parse_error, where,
              "unknown record type '" + std::string(type) +
                  "' (expected concept, label, broader, related, same_as or stats)");
    }
  }
}

void read_native_taxonomy_file(TaxonomyBuilder& builder, const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) fail(ErrorCode::io_error, "cannot open taxonomy file '" + file.string() + "'");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) fail(ErrorCode::io_error, "cannot read taxonomy file '" + file.string() + "'");
  read_native_taxonomy(builder, buffer.view(), file.string());
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

void write_native_taxonomy(const Taxonomy& t, std::ostream& out, std::span<const std::string> header) {
  out << kMagic << '\n';
  for (const auto& line : header) out << "# " << line << '\n';
  for (ConceptIndex c = 0; c < t.size(); ++c) {
    out << "concept\t" << t.id(c) << '\t' << to_string(t.kind(c)) << '\t' << t.preferred_label(c) << '\t'
        << t.labels(c).front().lang << '\n';
    for (const auto& alias : t.alias_ids(c))
      out << "concept\t" << alias << '\t' << to_string(t.kind(c)) << '\t' << t.preferred_label(c) << '\t'
          << t.labels(c).front().lang << "\nsame_as\t" << t.id(c) << '\t' << alias << '\n';
  }
  for (ConceptIndex c = 0; c < t.size(); ++c) {
    for (const auto& l : t.labels(c).subspan(1))
      out << "label\t" << t.id(c) << '\t' << l.lang << '\t' << to_string(l.kind) << '\t' << l.text << '\n';
    for (ConceptIndex p : t.broader(c)) out << "broader\t" << t.id(c) << '\t' << t.id(p) << '\n';
    for (const auto& r : t.related(c))
      out << "related\t" << t.id(c) << '\t' << t.id(r.target) << '\t' << to_string(r.kind) << '\t' << r.weight
          << '\n';
    const auto& s = t.stats(c);
    if (s.frequency > 0 || s.popularity > 0 || s.hot || s.in_demand) {
      std::string flags = s.hot && s.in_demand ? "hot,in_demand" : s.hot ? "hot" : s.in_demand ? "in_demand" : "-";
      out << "stats\t" << t.id(c) << '\t' << s.frequency << '\t' << s.popularity << '\t' << flags << '\n';
    }
  }
  if (!out) fail(ErrorCode::io_error, "writing the taxonomy failed");
}

}  // namespace skillmatch
