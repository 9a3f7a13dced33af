#include "cli/portal_data.hpp"

#include <fstream>
#include "skillmatch/extract.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "skillmatch/japan.hpp"
#include "skillmatch/schema_io.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace skillmatch::cli {
namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void print_report(const char* what, const std::string& path, const ProfileParseReport& r) {
  std::fprintf(stderr, "  %-10s %6zu profiles from %s", what, r.profiles, path.c_str());
  if (r.unknown_skills) std::fprintf(stderr, ", %zu unknown skill texts", r.unknown_skills);
  if (r.bad_lines) std::fprintf(stderr, ", %zu bad lines skipped", r.bad_lines);
  std::fputc('\n', stderr);
  for (const auto& e : r.errors) std::fprintf(stderr, "    skipped: %s\n", e.c_str());
}

}  // namespace

AttributeSchema schema_for(const std::optional<std::string>& schema_path, const std::string& jsonl_path,
                           const std::vector<Profile>& profiles) {
  if (schema_path) return read_attribute_schema_file(*schema_path);
  std::filesystem::path sibling(jsonl_path);
  sibling.replace_extension(".schema.json");
  if (std::filesystem::exists(sibling)) return read_attribute_schema_file(sibling.string());
  return infer_attribute_schema(profiles);
}

namespace {
// Whether a JSONL file has a "text" key anywhere (a cheap scan, so that only such files build the
// extractor). An unreadable file is read (and reported) by the parser.
bool mentions_text_field(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line))
    if (line.find("\"text\"") != std::string::npos) return true;
  return false;
}
}  // namespace

PortalData load_portal(const PortalFiles& files) {
  PortalData data;
  auto t0 = std::chrono::steady_clock::now();
  auto resolver = std::make_shared<const Resolver>(bundled_taxonomy());
  ProfileParseOptions parse;
  parse.skip_bad_lines = files.skip_bad;
  // Profiles written as prose ({"id": ..., "text": ...}) need the extractor; the others do not pay for it.
  if (mentions_text_field(files.jobs) || mentions_text_field(files.candidates))
    parse.extractor = std::make_shared<const Extractor>(resolver);
  auto jobs = read_profiles_jsonl_file(files.jobs, *resolver, parse, &data.job_report);
  auto candidates = read_profiles_jsonl_file(files.candidates, *resolver, parse, &data.candidate_report);
  data.parse_seconds = seconds_since(t0);

  t0 = std::chrono::steady_clock::now();
  EngineOptions options;
  options.resolver = resolver;
  options.job_schema = schema_for(files.job_schema, files.jobs, jobs);
  options.candidate_schema = schema_for(files.candidate_schema, files.candidates, candidates);
  if (files.japan_facts) {
    if (!options.candidate_schema.find("visa_route_possible")) add_japan_attributes(options.candidate_schema);
    for (auto& c : candidates) derive_japan_attributes(c);
  }
  options.threads = files.threads;
  options.parsing = parse;
  data.engine = std::make_unique<Engine>(std::move(options));
  data.engine_seconds = seconds_since(t0);

  t0 = std::chrono::steady_clock::now();
  data.engine->upsert_all(Side::job, jobs);
  data.engine->upsert_all(Side::candidate, candidates);
  data.index_seconds = seconds_since(t0);
  if (!files.quiet) {
    print_report("jobs", files.jobs, data.job_report);
    print_report("candidates", files.candidates, data.candidate_report);
    std::fprintf(stderr, "  parsed in %.2f s, engine (similarity + embedding) in %.2f s, indexed in %.2f s\n",
                 data.parse_seconds, data.engine_seconds, data.index_seconds);
  }
  return data;
}

}  // namespace skillmatch::cli
