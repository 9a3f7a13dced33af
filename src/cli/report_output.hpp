// The gap report's two files from an engine, shared by `skillmatch report` and `skillmatch demo`.
#pragma once

#include <string>
#include <vector>

#include "skillmatch/engine.hpp"

namespace skillmatch::cli {

struct ReportRequest {
  std::string out;                        // directory (created)
  std::vector<std::string> groups;        // candidate attributes for exposure; empty = no exposure section
  std::size_t top = 10;                   // k of the exposure matches
  std::size_t exposure_jobs = 1000;       // ExposureOptions::max_jobs
  std::size_t threads = 0;
  std::string jobs_source, candidates_source;  // shown in the report
};

struct ReportFiles {
  std::string json, html;
  double gap_seconds = 0, exposure_seconds = 0;
  std::size_t skills = 0, shortage = 0;
};

/// Computes the figures and writes DIR/report.json and DIR/report.html. Error(io_error) naming the path.
ReportFiles write_gap_report(const Engine& engine, const ReportRequest& request);

}  // namespace skillmatch::cli
