// skillmatch demo: the bundled sample portal (real postings as Japanese jobs, candidates generated
// from O*NET occupations as Pakistani IT experts) matched in both directions, with explanations.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/portal_data.hpp"
#include "cli/report_output.hpp"
#include "skillmatch/explain.hpp"

namespace skillmatch::cli {
namespace {

namespace fs = std::filesystem;

fs::path executable_dir() {
  std::error_code ec;
  auto p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path(".") : p.parent_path();
}

// --data, $SKILLMATCH_DATA_DIR, the source tree this binary was built from, then the install prefix.
fs::path find_sample_dir(const std::optional<std::string>& given) {
  std::vector<fs::path> candidates;
  if (given) candidates.emplace_back(*given);
  if (const char* env = std::getenv("SKILLMATCH_DATA_DIR")) candidates.emplace_back(env);
  candidates.emplace_back(SKILLMATCH_SOURCE_DATA_DIR);
  candidates.push_back(executable_dir() / ".." / "share" / "skillmatch");
  for (const auto& c : candidates) {
    if (fs::exists(c / "sample" / "jobs.jsonl")) return c / "sample";
    if (fs::exists(c / "jobs.jsonl")) return c;
  }
  throw UsageError("cannot find the sample data (jobs.jsonl, candidates.jsonl); pass --data DIR");
}

std::string attr_text(const ProfileIndex::ReadView& v, std::uint32_t row, std::string_view name) {
  auto a = v.columns().schema().find(name);
  return a ? v.columns().display(row, *a) : "missing";
}

// The filter a portal would derive from a job's own attributes (docs/profiles.md, example filters).
std::string filter_for_job(const ProfileIndex::ReadView& jobs, std::uint32_t row) {
  std::string f = attr_text(jobs, row, "location") == "Remote" ? "remote_ok" : "willing_to_relocate and not visa_refused";
  std::string jlpt = attr_text(jobs, row, "jlpt_required");
  if (jlpt != "none" && jlpt != "missing") f += " and jlpt >= " + jlpt;
  return f;
}

std::string filter_for_candidate(const ProfileIndex::ReadView& cands, std::uint32_t row) {
  std::string jlpt = attr_text(cands, row, "jlpt");
  std::string f = "jlpt_required <= " + (jlpt == "missing" ? std::string("none") : jlpt);
  if (attr_text(cands, row, "willing_to_relocate") != "true") f += " and location = \"Remote\"";
  else f += " and (visa_sponsorship or location = \"Remote\")";
  return f;
}

// The first job that lists one of these concepts, for a mission area.
std::optional<std::uint32_t> job_with(const Engine& engine, const ProfileIndex::ReadView& jobs,
                                      std::initializer_list<const char*> concept_ids) {
  for (const char* id : concept_ids) {
    auto c = engine.taxonomy().find(id);
    if (!c) continue;
    auto rows = jobs.rows_with(*c);
    if (!rows.empty()) return rows.front();
  }
  return std::nullopt;
}

// Matches a stored profile with a filter and its must-haves as a filter (a recruiter's "must"), and
// prints the best documents with their explanations: which skill met each must-have, and why.
// When no document meets every must-have, says so and shows the best ones without that filter.
void show_best(const Engine& engine, Side query_side, const std::string& id, const std::string& filter, std::size_t top) {
  MatchOptions o;
  o.k = top;
  o.filter = filter;
  o.explain = true;
  o.required_as_filter = true;
  auto r = engine.match_id(query_side, id, o);
  const Side docs = other_side(query_side);
  if (r.admitted == 0) {
    std::printf("   no %s passes the filter and meets every must-have; without the must-have filter:\n", to_string(docs));
    o.required_as_filter = false;
    r = engine.match_id(query_side, id, o);
  }
  std::printf("   %zu of %zu %ss pass the filter%s; best %zu:\n", r.admitted, engine.size(docs), to_string(docs),
              o.required_as_filter ? " and meet every must-have" : "", r.matches.size());
  for (const auto& m : r.matches) std::printf("   %s", explanation_to_text(m, engine.taxonomy()).c_str());
}

}  // namespace

int run_demo(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch demo [--data DIR] [--top K] [--threads N] [--report-dir DIR]\n"
        "Loads the bundled sample portal (data/sample: 300 jobs from real postings, 2,000 candidates\n"
        "generated from O*NET occupations; see data/sample/README.md), shows the best candidates for jobs\n"
        "in AI, animation and cloud computing and the best jobs for a candidate, with explanations, and\n"
        "times a batch match of every job against every candidate, and writes the gap report\n"
        "(skillmatch report) to --report-dir (default: skillmatch-demo-report in the temporary directory).");
    return 0;
  }
  auto data_dir = args.take_option("data");
  const auto top = static_cast<std::size_t>(args.take_int("top", 3, 1, 50));
  const auto threads = static_cast<std::size_t>(args.take_int("threads", 0, 0, 1024));
  const std::string report_dir =
      args.take_option_or("report-dir", (fs::temp_directory_path() / "skillmatch-demo-report").string());
  args.finish();
  const fs::path dir = find_sample_dir(data_dir);

  std::printf("skillmatch demo: Japanese IT employers and Pakistani IT experts (bundled sample data)\n");
  PortalFiles files;
  files.jobs = (dir / "jobs.jsonl").string();
  files.candidates = (dir / "candidates.jsonl").string();
  files.threads = threads;
  PortalData data = load_portal(files);
  const Engine& engine = *data.engine;
  const Taxonomy& tax = engine.taxonomy();
  std::printf("  taxonomy: %zu concepts; %zu jobs, %zu candidates indexed\n", tax.size(), engine.size(Side::job),
              engine.size(Side::candidate));

  struct Area {
    const char* name;
    std::initializer_list<const char*> concepts;
  };
  const Area areas[] = {
      {"AI / machine learning", {"http://data.europa.eu/esco/skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43", "onet:tech:TensorFlow", "onet:tech:PyTorch"}},
      {"animation / 3D", {"onet:tech:Autodesk_Maya", "onet:tech:Blender", "so:animation", "onet:tech:Adobe_After_Effects"}},
      {"cloud computing", {"onet:tech:Amazon_Web_Services_AWS_software", "onet:tech:Microsoft_Azure_software", "onet:tech:Kubernetes"}},
  };
  for (const auto& area : areas) {
    std::string query_id, filter, title, location, jlpt;
    {
      auto jobs = engine.index(Side::job).read();
      auto row = job_with(engine, jobs, area.concepts);
      if (!row) continue;
      query_id = jobs.id(*row);
      filter = filter_for_job(jobs, *row);
      title = jobs.title(*row);
      location = attr_text(jobs, *row, "location");
      jlpt = attr_text(jobs, *row, "jlpt_required");
    }
    std::printf("\n== %s: job %s \"%s\" (%s, JLPT required: %s)\n", area.name, query_id.c_str(), title.c_str(),
                location.c_str(), jlpt.c_str());
    std::printf("   filter on candidates: %s\n", filter.c_str());
    show_best(engine, Side::job, query_id, filter, top);
  }

  {
    std::string cid, cfilter, ctitle;
    {
      auto cands = engine.index(Side::candidate).read();
      std::uint32_t row = 0;
      cands.live().for_each_set([&](std::size_t r) {
        if (cid.empty() && attr_text(cands, static_cast<std::uint32_t>(r), "jlpt") != "missing") row = static_cast<std::uint32_t>(r), cid = cands.id(row);
      });
      if (!cid.empty()) {
        cfilter = filter_for_candidate(cands, row);
        ctitle = cands.title(row);
      }
    }
    if (!cid.empty()) {
      std::printf("\n== candidate %s \"%s\": best jobs\n   filter on jobs: %s\n", cid.c_str(), ctitle.c_str(), cfilter.c_str());
      show_best(engine, Side::candidate, cid, cfilter, top);
    }
  }

  MatchOptions batch;
  batch.k = 10;
  auto t0 = std::chrono::steady_clock::now();
  auto all = engine.match_all(Side::job, batch);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("\n== batch: every job against every candidate, top 10 each: %zu queries in %.3f s (%.0f queries/s)\n",
              all.size(), secs, static_cast<double>(all.size()) / secs);
  ReportRequest report;
  report.out = report_dir;
  report.groups = {"degree"};
  report.threads = threads;
  report.jobs_source = files.jobs;
  report.candidates_source = files.candidates;
  const ReportFiles written = write_gap_report(engine, report);
  std::printf("\n== gap report: %zu skills demanded, %zu in shortage (%.3f s)\n   full report: %s\n   figures:     %s\n",
              written.skills, written.shortage, written.gap_seconds + written.exposure_seconds, written.html.c_str(),
              written.json.c_str());
  std::printf("Try: skillmatch match --jobs %s --candidates %s --top 5 --filter 'jlpt >= N3' | head\n",
              files.jobs.c_str(), files.candidates.c_str());
  return 0;
}

}  // namespace skillmatch::cli
