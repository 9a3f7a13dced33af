// Loading a portal's jobs and candidates (JSONL + optional schema files) into an Engine, shared by
// `skillmatch match` and `skillmatch demo`.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "skillmatch/engine.hpp"

namespace skillmatch::cli {

struct PortalFiles {
  std::string jobs, candidates;                          // JSONL paths
  std::optional<std::string> job_schema, candidate_schema;  // schema files; see schema_for()
  bool skip_bad = false;
  std::size_t threads = 0;
  bool quiet = false;  // no summary on stderr
  /// Derive visa_route_possible, hsp_points and hsp_points_max for every candidate (japan.hpp),
  /// declaring them on the candidate schema, so filters and preferences can use them.
  bool japan_facts = false;
};

struct PortalData {
  std::unique_ptr<Engine> engine;
  ProfileParseReport job_report, candidate_report;
  double parse_seconds = 0, engine_seconds = 0, index_seconds = 0;
};

/// The schema of a JSONL file: the given schema file, else `<name>.schema.json` beside `<name>.jsonl`,
/// else inferred from the profiles.
AttributeSchema schema_for(const std::optional<std::string>& schema_path, const std::string& jsonl_path,
                           const std::vector<Profile>& profiles);

/// Parses both files, builds the engine and indexes every profile. Prints a short summary (counts,
/// unknown skills, skipped lines, timings) on stderr unless quiet.
PortalData load_portal(const PortalFiles& files);

}  // namespace skillmatch::cli
