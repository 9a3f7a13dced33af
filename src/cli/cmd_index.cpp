// skillmatch index build|info|verify: saved engines (Engine::save / Engine::open, docs/index-format.md).
#include <chrono>
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/portal_data.hpp"
#include "skillmatch/index_file.hpp"

namespace skillmatch::cli {
namespace {

void print_info(const IndexFileInfo& info, const std::string& path) {
  std::printf("file            %s\n", path.c_str());
  std::printf("format version  %u\n", info.format_version);
  std::printf("size            %llu bytes\n", static_cast<unsigned long long>(info.file_size));
  std::printf("written by      skillmatch %s\n", info.library_version.c_str());
  std::printf("taxonomy        content hash %016llx, %llu concepts\n", static_cast<unsigned long long>(info.taxonomy_hash),
              static_cast<unsigned long long>(info.taxonomy_concepts));
  std::printf("vectors         %s, dimension %zu\n", info.external_vectors ? "external" : "learned", info.dimension);
  std::printf("skill vectors   fingerprint %016llx\n", static_cast<unsigned long long>(info.embedding_fingerprint));
  std::printf("jobs            %zu\n", info.jobs);
  std::printf("candidates      %zu\n", info.candidates);
  const std::size_t profiles = info.jobs + info.candidates;
  if (profiles) std::printf("bytes/profile   %.1f\n", double(info.file_size) / double(profiles));
  std::printf("sections\n");
  for (const auto& s : info.sections)
    std::printf("  %-20s offset %12llu  size %12llu  xxh3 %016llx\n", s.name.c_str(), static_cast<unsigned long long>(s.offset),
                static_cast<unsigned long long>(s.size), static_cast<unsigned long long>(s.checksum));
}

int run_build(Args& args) {
  PortalFiles files;
  auto jobs = args.take_option("jobs");
  auto candidates = args.take_option("candidates");
  auto out = args.take_option("out");
  if (!jobs || !candidates || !out) throw UsageError("index build needs --jobs, --candidates and --out");
  files.jobs = *jobs;
  files.candidates = *candidates;
  files.job_schema = args.take_option("job-schema");
  files.candidate_schema = args.take_option("candidate-schema");
  files.skip_bad = args.take_flag("skip-bad");
  files.japan_facts = args.take_flag("japan-facts");
  files.threads = static_cast<std::size_t>(args.take_int("threads", 0, 0, 1024));
  args.finish();
  PortalData data = load_portal(files);  // prints counts, unknown skills, skipped lines, timings
  auto t0 = std::chrono::steady_clock::now();
  data.engine->save(*out);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  auto info = read_index_file_info(*out, false);
  std::fprintf(stderr, "  saved %zu jobs and %zu candidates to %s (%llu bytes) in %.3f s\n", info.jobs, info.candidates,
               out->c_str(), static_cast<unsigned long long>(info.file_size), secs);
  return 0;
}

}  // namespace

int run_index(Args args) {
  auto sub = args.take_positional();
  if (!sub || *sub == "--help" || args.take_flag("help")) {
    std::puts(
        "usage: skillmatch index build --jobs J.jsonl --candidates C.jsonl --out F.skm\n"
        "                              [--job-schema F] [--candidate-schema F] [--skip-bad] [--japan-facts]\n"
        "                              [--threads N]\n"
        "       skillmatch index info F.skm\n"
        "       skillmatch index verify F.skm\n"
        "build: reads, resolves and embeds both files as `skillmatch match` does and saves the engine (both\n"
        "sides, schemas, learned skill vectors, taxonomy identity) to F.skm; `skillmatch match --index F.skm`\n"
        "then starts without re-reading anything. info: the file's identity, counts and sections.\n"
        "verify: checks every checksum and decodes every section; exit status 1 with the damaged part and\n"
        "offset otherwise. Format: docs/index-format.md.");
    return sub ? 0 : 2;
  }
  if (*sub == "build") return run_build(args);
  if (*sub == "info" || *sub == "verify") {
    auto path = args.take_positional();
    if (!path) throw UsageError("index " + *sub + " needs a file");
    args.finish();
    if (*sub == "info") {
      print_info(read_index_file_info(*path, false), *path);
      return 0;
    }
    auto t0 = std::chrono::steady_clock::now();
    auto info = verify_index_file(*path);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%s: ok (%zu sections, %llu bytes, %zu jobs, %zu candidates) in %.3f s\n", path->c_str(),
                info.sections.size(), static_cast<unsigned long long>(info.file_size), info.jobs, info.candidates, secs);
    return 0;
  }
  throw UsageError("unknown index subcommand '" + *sub + "' (build, info, verify)");
}

}  // namespace skillmatch::cli
