// skillmatch match: every job against the candidates (or every candidate against the jobs).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/portal_data.hpp"
#include "skillmatch/explain.hpp"

namespace skillmatch::cli {

int run_match(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch match (--jobs J.jsonl --candidates C.jsonl | --index F.skm) [--direction job2cand|cand2job]\n"
        "                        [--top K] [--filter EXPR] [--format tsv|json] [--explain]\n"
        "                        [--required-as-filter] [--query ID] [--job-schema F] [--candidate-schema F]\n"
        "                        [--skip-bad] [--japan-facts] [--threads N]\n"
        "Matches every job against the candidates (job2cand, the default) or every candidate against the\n"
        "jobs (cand2job). tsv prints query_id<TAB>doc_id<TAB>score, best first per query; json prints one\n"
        "object per query with explanations (--explain adds them to json; tsv never has them).\n"
        "--filter applies to the side being searched (candidate attributes for job2cand).\n"
        "Schemas: --job-schema/--candidate-schema, else X.schema.json beside X.jsonl, else inferred.\n"
        "--japan-facts: derive visa_route_possible, hsp_points, hsp_points_max for candidates (docs/japan.md),\n"
        "usable in --filter ('hsp_points >= 70').\n"
        "--index F.skm: a saved engine (`skillmatch index build`) instead of the JSONL files; same output.\n"
        "Profile format: docs/profiles.md; filters: docs/filters.md; scores: docs/matching.md.");
    return 0;
  }
  PortalFiles files;
  auto jobs = args.take_option("jobs");
  auto candidates = args.take_option("candidates");
  auto index_file = args.take_option("index");
  if (index_file && (jobs || candidates)) throw UsageError("--index replaces --jobs and --candidates");
  if (!index_file && (!jobs || !candidates)) throw UsageError("--jobs and --candidates (or --index) are required");
  if (!index_file) {
    files.jobs = *jobs;
    files.candidates = *candidates;
  }
  files.job_schema = args.take_option("job-schema");
  files.candidate_schema = args.take_option("candidate-schema");
  files.skip_bad = args.take_flag("skip-bad");
  files.japan_facts = args.take_flag("japan-facts");
  files.threads = static_cast<std::size_t>(args.take_int("threads", 0, 0, 1024));
  const std::string direction = args.take_option_or("direction", "job2cand");
  if (direction != "job2cand" && direction != "cand2job") throw UsageError("--direction is job2cand or cand2job");
  const std::string format = args.take_option_or("format", "tsv");
  if (format != "tsv" && format != "json") throw UsageError("--format is tsv or json");
  MatchOptions options;
  options.k = static_cast<std::size_t>(args.take_int("top", 10, 1, 100000));
  options.filter = args.take_option_or("filter", "");
  options.explain = args.take_flag("explain") && format == "json";
  options.required_as_filter = args.take_flag("required-as-filter");
  auto only = args.take_option("query");
  args.finish();

  const Side query_side = direction == "job2cand" ? Side::job : Side::candidate;
  files.quiet = false;
  PortalData data;
  if (index_file) {
    if (files.job_schema || files.candidate_schema || files.skip_bad || files.japan_facts)
      throw UsageError("--job-schema, --candidate-schema, --skip-bad and --japan-facts apply to JSONL input, not --index");
    auto t_open = std::chrono::steady_clock::now();
    EngineOptions eo;
    eo.threads = files.threads;
    data.engine = Engine::open(*index_file, std::move(eo));
    std::fprintf(stderr, "  opened %s: %zu jobs, %zu candidates in %.3f s\n", index_file->c_str(), data.engine->size(Side::job),
                 data.engine->size(Side::candidate),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t_open).count());
  } else {
    data = load_portal(files);
  }
  const Engine& engine = *data.engine;

  std::vector<MatchResults> results;
  auto t0 = std::chrono::steady_clock::now();
  if (only) {
    results.push_back(engine.match_id(query_side, *only, options));
  } else {
    // A progress bar on stderr when it is a terminal and the work takes more than a second.
    const bool tty = isatty(STDERR_FILENO) != 0;
    options.progress = [&, last = -1](std::size_t done, std::size_t total) mutable {
      double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (!tty || elapsed < 1.0) return;
      int pct = static_cast<int>(100 * done / total);
      if (pct == last && done != total) return;
      last = pct;
      std::fprintf(stderr, "\r  matching %zu/%zu [%-40s] %3d%%", done, total, std::string(static_cast<std::size_t>(pct) * 40 / 100, '#').c_str(), pct);
      if (done == total) std::fputc('\n', stderr);
    };
    results = engine.match_all(query_side, options);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "  matched %zu %s queries in %.3f s\n", results.size(), to_string(query_side), secs);

  std::ios::sync_with_stdio(false);
  for (const auto& r : results) {
    if (format == "json") {
      std::cout << json_text(results_to_json(r, engine.taxonomy())) << '\n';
      continue;
    }
    char score[32];
    for (const auto& m : r.matches) {
      std::snprintf(score, sizeof score, "%.6f", static_cast<double>(m.score));
      std::cout << r.query_id << '\t' << m.id << '\t' << score << '\n';
    }
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace skillmatch::cli
