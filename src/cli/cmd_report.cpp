// skillmatch report: the gap report (demand vs supply per skill, areas × Japanese level, the
// near-qualified funnel, exposure by group) as DIR/report.json and DIR/report.html.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/commands.hpp"
#include "cli/portal_data.hpp"
#include "cli/report_output.hpp"
#include "skillmatch/explain.hpp"
#include "skillmatch/gap_report.hpp"

namespace skillmatch::cli {

namespace fs = std::filesystem;

ReportFiles write_gap_report(const Engine& engine, const ReportRequest& request) {
  auto t0 = std::chrono::steady_clock::now();
  GapOptions go;
  go.threads = request.threads;
  GapReport gap = compute_gap(engine, go);
  const double gap_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::optional<ExposureReport> exposure;
  t0 = std::chrono::steady_clock::now();
  if (!request.groups.empty()) {
    ExposureOptions eo;
    eo.attributes = request.groups;
    eo.match.k = request.top;
    eo.match.threads = request.threads;
    eo.threads = request.threads;
    eo.max_jobs = request.exposure_jobs;
    exposure = compute_exposure(engine, eo);
  }
  const double exposure_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::error_code ec;
  fs::create_directories(request.out, ec);
  if (ec) fail(ErrorCode::io_error, "cannot create '" + request.out + "': " + ec.message());
  ReportFiles files{(fs::path(request.out) / "report.json").string(), (fs::path(request.out) / "report.html").string()};
  auto write = [](const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) fail(ErrorCode::io_error, "cannot write '" + path + "'");
  };
  write(files.json, json_text(gap_report_to_json(gap, exposure ? &*exposure : nullptr, engine.taxonomy())) + "\n");
  ReportSources sources;
  sources.jobs = request.jobs_source;
  sources.candidates = request.candidates_source;
  write(files.html, gap_report_html(gap, exposure ? &*exposure : nullptr, sources));
  files.gap_seconds = gap_seconds;
  files.exposure_seconds = exposure_seconds;
  files.skills = gap.skills.size();
  std::size_t shortage = 0;
  for (const auto& s : gap.skills) shortage += s.band == GapBand::shortage;
  files.shortage = shortage;
  return files;
}

int run_report(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch report (--jobs J.jsonl --candidates C.jsonl | --index F.skm) --out DIR\n"
        "                         [--group ATTR]... [--top K] [--exposure-jobs N] [--job-schema F]\n"
        "                         [--candidate-schema F] [--skip-bad] [--japan-facts] [--threads N]\n"
        "Writes DIR/report.json and DIR/report.html (one self-contained page, inline SVG, no script):\n"
        "per skill demand (jobs asking, must-haves 1, nice-to-haves 0.5) against supply (candidates who\n"
        "meet it as the matcher's must-have rule does), shortage/balanced/surplus bands, mission areas\n"
        "(data/gap/areas.tsv) × Japanese level, the near-qualified funnel and upskilling steps, and, with\n"
        "--group ATTR (a candidate attribute, repeatable), each group's share of every job's top-K slots\n"
        "(default K 10) against its share of the pool, with the four-fifths rule; --exposure-jobs N matches\n"
        "at most N jobs for that (spread evenly; default 1000, 0 = all). --japan-facts derives the visa\n"
        "route and HSP estimates (docs/japan.md) and adds their counts. Definitions: docs/gap.md.");
    return 0;
  }
  auto jobs = args.take_option("jobs");
  auto candidates = args.take_option("candidates");
  auto index_file = args.take_option("index");
  auto out = args.take_option("out");
  if (!out) throw UsageError("--out DIR is required");
  if (index_file && (jobs || candidates)) throw UsageError("--index replaces --jobs and --candidates");
  if (!index_file && (!jobs || !candidates)) throw UsageError("--jobs and --candidates (or --index) are required");
  PortalFiles files;
  if (!index_file) {
    files.jobs = *jobs;
    files.candidates = *candidates;
  }
  files.job_schema = args.take_option("job-schema");
  files.candidate_schema = args.take_option("candidate-schema");
  files.skip_bad = args.take_flag("skip-bad");
  files.japan_facts = args.take_flag("japan-facts");
  files.threads = static_cast<std::size_t>(args.take_int("threads", 0, 0, 1024));
  ReportRequest request;
  request.out = *out;
  request.groups = args.take_all("group");
  request.top = static_cast<std::size_t>(args.take_int("top", 10, 1, 1000));
  request.exposure_jobs = static_cast<std::size_t>(args.take_int("exposure-jobs", 1000, 0, 100000000));
  request.threads = files.threads;
  args.finish();

  PortalData data;
  if (index_file) {
    if (files.job_schema || files.candidate_schema || files.skip_bad || files.japan_facts)
      throw UsageError("--job-schema, --candidate-schema, --skip-bad and --japan-facts apply to JSONL input, not --index");
    EngineOptions eo;
    eo.threads = files.threads;
    data.engine = Engine::open(*index_file, std::move(eo));
    request.jobs_source = request.candidates_source = *index_file;
  } else {
    data = load_portal(files);
    request.jobs_source = files.jobs;
    request.candidates_source = files.candidates;
  }
  const ReportFiles written = write_gap_report(*data.engine, request);
  std::fprintf(stderr, "  gap figures in %.3f s, exposure in %.3f s\n", written.gap_seconds, written.exposure_seconds);
  std::printf("%zu skills demanded, %zu in shortage\nwrote %s\nwrote %s\n", written.skills, written.shortage,
              written.json.c_str(), written.html.c_str());
  return 0;
}

}  // namespace skillmatch::cli
