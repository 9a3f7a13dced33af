// skillmatch/gap_report.hpp — the gap report as JSON and as one self-contained HTML page (inline SVG
// charts, no script, printable; docs/gap.md lists every figure).
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "skillmatch/gap.hpp"

namespace skillmatch {

struct ReportSources {
  std::string jobs, candidates;  // where the data came from (shown in the report; may be empty)
  std::size_t shortage_top = 20; // skills in the shortage chart
  std::size_t steps_top = 20;    // upskilling steps listed
};

/// The figures as JSON: {"jobs", "candidates", "has_jlpt", "options", "skills": [{concept_id, label,
/// area, demand, must_jobs, nice_jobs, supply, supply_exact, ratio, relative, band, supply_by_jlpt}],
/// "areas": [...], "funnel", "steps", "job_gaps", "jlpt", "exposure"} (exposure: null when not given).
/// `taxonomy` names the concepts of the upskilling examples.
boost::json::object gap_report_to_json(const GapReport& gap, const ExposureReport* exposure, const Taxonomy& taxonomy);

/// The HTML page: shortage top N, areas × Japanese level, the near-qualified funnel with the top
/// upskilling steps, and exposure by group, each chart with the table of its figures beside it.
std::string gap_report_html(const GapReport& gap, const ExposureReport* exposure, const ReportSources& sources);

}  // namespace skillmatch
