// skillmatch/gap.hpp — where the jobs' demand and the candidates' supply meet: per skill, per mission
// area and per Japanese level, and per job the qualified and near-qualified pools (docs/gap.md).
//
// Definitions (the same rules the scorer uses, scoring.hpp):
//   met(r, s)      a candidate skill s meets a requirement r when HybridScorer::meets() says so:
//                  credit(r, s) >= must_threshold and >= similarity_floor (1 for the same concept).
//   demand(r)      Σ over live jobs listing r of must_weight (a must-have) or nice_weight (a nice-to-have).
//   supply(r)      live candidates with at least one skill s that meets r.
//   ratio(r)       supply(r) / demand(r): qualified candidates per weighted job asking for r.
//   relative(r)    ratio(r) / (live candidates / live jobs): 1 when r is as common among candidates as
//                  the average job needs; the band is read from it (scale-free, so a portal with 20
//                  candidates per job and one with 2 use the same bands):
//                    shortage  relative < shortage_below (default 0.5)
//                    surplus   relative > surplus_above (default 2)
//                    balanced  otherwise
//   pool(j)        live candidates who meet every must-have of job j (AND of the must-haves' bitmaps).
//   near(j)        live candidates who miss exactly one must-have of j; their upskilling step is that
//                  skill, and the closest skill they already have (largest credit towards it).
// Each requirement's candidates are one bitmap over candidate rows, built from the candidates'
// inverted index: every distinct candidate concept is tested once against each distinct requirement,
// so the cost is (distinct job concepts × distinct candidate concepts) similarity look-ups plus
// bitmap ORs and ANDs, never (jobs × candidates) matching.
//
// What the figures are not: no wages, no time series, no hiring outcomes; a candidate counted as
// supply for a skill may be counted for many; demand counts postings, not openings.
//
// Thread-safety: compute_gap reads the engine through ReadViews (concurrent matches are fine; writes
// wait). A GapReport is a plain value.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/engine.hpp"

namespace skillmatch {

/// A mission area: an id, a label and the concepts that define it. A skill is in an area when it is
/// one of the area's concepts or narrower than one (through the taxonomy's broader links; the area
/// fewest links above it wins, a listed concept being its own area's; ties: the earlier area); otherwise, when occupations among the areas' concepts need
/// it (occupation_skill links), it is in the area whose occupations need it most (the share of the
/// area's occupations, weighted by importance; ties: the earlier area). A profile's area is the area holding the largest weight of
/// its skills (ties: the earlier area); none: "other".
struct MissionArea {
  std::string id;     // "ai"
  std::string label;  // "AI / machine learning"
  std::vector<ConceptIndex> concepts;
};

/// The four areas of the mission (AI, programming, animation, cloud) from the bundled data file
/// data/gap/areas.tsv (docs/gap.md). Concept ids the taxonomy lacks are skipped (reported nowhere:
/// the file lists ids of several sources). Error(corrupt) naming the line for a malformed file.
std::vector<MissionArea> bundled_mission_areas(const Taxonomy& taxonomy);
/// The same from TSV text `area_id<TAB>area_label<TAB>concept_id`, '#' comments; `where` names the
/// source in errors. Error(parse_error) "where:line: ..." for a line without three fields.
std::vector<MissionArea> parse_mission_areas(std::string_view tsv, const Taxonomy& taxonomy, std::string_view where);

enum class GapBand : std::uint8_t { shortage, balanced, surplus };
const char* to_string(GapBand band) noexcept;

/// Japanese levels as the report counts them: index 0 = none (or missing), 1..5 = N5..N1.
inline constexpr std::size_t jlpt_bucket_count = 6;
inline constexpr std::array<const char*, jlpt_bucket_count> jlpt_bucket_names = {"none", "N5", "N4", "N3", "N2", "N1"};

struct GapOptions {
  float must_weight = 1.0f;        // demand of a must-have
  float nice_weight = 0.5f;        // demand of a nice-to-have
  float must_threshold = 0.5f;     // as MatchOptions::must_threshold
  float similarity_floor = 0.15f;  // as MatchOptions::similarity_floor
  float shortage_below = 0.5f;     // band thresholds on the relative ratio
  float surplus_above = 2.0f;
  /// Ordinal attributes holding the Japanese level: the job's requirement and the candidate's level.
  /// Levels are read by name (none, N5..N1, any case); an attribute the schema lacks (or that is not
  /// ordinal) turns the Japanese-level figures off (GapReport::has_jlpt false).
  std::string job_jlpt_attribute = "jlpt_required";
  std::string candidate_jlpt_attribute = "jlpt";
  std::vector<MissionArea> areas;  // empty = bundled_mission_areas()
  std::size_t near_examples = 3;   // near-qualified candidates named per job, with their step
  std::size_t threads = 0;         // 0 = hardware threads
};

struct SkillGap {
  ConceptIndex concept_index = no_concept;
  std::string concept_id, label;
  std::string area;                      // area id, or "other"
  std::uint32_t must_jobs = 0, nice_jobs = 0;  // live jobs listing it as must-have / nice-to-have
  double demand = 0;
  std::uint32_t supply = 0;              // candidates meeting it (same concept or similar enough)
  std::uint32_t supply_exact = 0;        // candidates listing this very concept
  double ratio = 0;                      // supply / demand
  double relative = 0;                   // ratio / (candidates / jobs)
  GapBand band = GapBand::balanced;
  std::array<std::uint32_t, jlpt_bucket_count> supply_by_jlpt{};  // supply split by Japanese level
};

struct AreaGap {
  std::string id, label;
  std::uint32_t jobs = 0, candidates = 0;  // profiles whose area this is
  double demand = 0;                       // Σ demand of the area's skills
  std::uint32_t supply = 0;                // candidates meeting at least one of the area's demanded skills
  std::uint32_t skills = 0, shortage_skills = 0;  // demanded skills of the area; of them in shortage
  std::array<std::uint32_t, jlpt_bucket_count> jobs_by_jlpt{};        // jobs of the area by required level
  std::array<std::uint32_t, jlpt_bucket_count> candidates_by_jlpt{};  // candidates of the area by level
};

struct UpskillStep {
  std::uint32_t candidate_row = 0;
  std::string candidate_id;
  ConceptIndex missing = no_concept;  // the one must-have not met
  ConceptIndex closest = no_concept;  // their skill with the largest credit towards it; no_concept if none
  float credit = 0;                   // credit(missing, closest), below must_threshold
};

struct JobGap {
  std::uint32_t row = 0;
  std::string id, title, area;
  std::uint32_t musts = 0;        // distinct must-have concepts
  std::uint32_t qualified = 0;    // |pool|: meet every must-have
  std::uint32_t qualified_jlpt = 0;  // of them, at or above the job's Japanese requirement (has_jlpt)
  std::uint32_t near = 0;         // miss exactly one must-have
  std::vector<UpskillStep> examples;  // up to near_examples, lowest candidate rows first
};

/// A missing must-have that keeps near-qualified candidates out, over all jobs.
struct StepSummary {
  ConceptIndex missing = no_concept;
  std::string concept_id, label;
  std::uint32_t pairs = 0;       // (job, candidate) near-qualified pairs missing only this skill
  std::uint32_t candidates = 0;  // distinct candidates it would make qualified for at least one job
};

/// The near-qualified funnel over candidates. "A job" here is a job with at least one must-have (a
/// job without any sets no skill bar; its pool is every candidate and it would fill every stage).
struct Funnel {
  std::uint32_t candidates = 0;     // live candidates
  std::uint32_t clear_jlpt = 0;     // clear the Japanese bar of at least one job, any job (has_jlpt)
  std::uint32_t qualified = 0;      // meet every must-have of at least one job with must-haves
  std::uint32_t qualified_jlpt = 0; // both, for the same job
  std::uint32_t near_only = 0;      // qualified for no such job, one skill away from at least one
};

/// Japan's hiring facts over the live candidates, when the candidate schema carries the derived
/// attributes (japan.hpp: visa_route_possible boolean, hsp_points and hsp_points_max numeric).
struct JapanFigures {
  bool present = false;
  std::uint32_t visa_likely = 0, visa_unlikely = 0, visa_unknown = 0;  // visa_route_possible true / false / missing
  std::uint32_t hsp_likely = 0, hsp_unlikely = 0, hsp_unknown = 0;     // hsp_points >= threshold / max < threshold / between
  int hsp_threshold = 70;
};

struct GapReport {
  std::uint32_t jobs = 0, candidates = 0;  // live profiles
  bool has_jlpt = false;
  GapOptions options;                       // as used (areas filled in)
  std::vector<SkillGap> skills;             // every demanded concept, by descending demand, then concept id
  std::vector<AreaGap> areas;               // the options' areas in order, then "other"
  std::vector<JobGap> job_gaps;             // live jobs in row order
  std::vector<StepSummary> steps;           // by descending pairs, then id
  Funnel funnel;
  JapanFigures japan;
  std::array<std::uint32_t, jlpt_bucket_count> candidates_by_jlpt{};
  std::array<std::uint32_t, jlpt_bucket_count> jobs_by_jlpt{};
};

/// The gap figures of an engine's live jobs and candidates. Errors: Error(invalid_argument) for
/// weights < 0 or not finite, thresholds outside [0, 1], shortage_below > surplus_above.
GapReport compute_gap(const Engine& engine, const GapOptions& options = {});

/// Per concept of `taxonomy`, the index of its area in `areas` (the rule of MissionArea), or
/// areas.size() for none. O(concepts below the areas' concepts). Error(invalid_argument) for more than
/// 254 areas or a concept out of range.
std::vector<std::uint8_t> area_table(const Taxonomy& taxonomy, std::span<const MissionArea> areas);

// ---- Fair exposure ---------------------------------------------------------------------------------
//
// For an attribute of the candidates (gender, age band, nationality...), how the top-k slots of
// every job's match are shared between its groups against how the admitted pool is shared:
//   slot_share(g)  = top-k slots held by g / all top-k slots
//   pool_share(g)  = Σ over jobs of admitted candidates in g / Σ of admitted candidates
//   rate(g)        = slot_share(g) / pool_share(g)   (1 = exposure in proportion to presence)
//   impact(g)      = rate(g) / max rate over the groups holding at least min_group_share of the pool:
//                    the disparate-impact ratio. The four-fifths rule (US EEOC Uniform Guidelines,
//                    29 CFR 1607.4(D)) flags impact < 0.8.
// Rows where the attribute is missing form the group "missing". The matches are the engine's own
// (match_all with `match`), so the figures describe what a recruiter would see.

struct ExposureOptions {
  std::vector<std::string> attributes;  // candidate attributes to group by; empty = the schema's protected ones
  MatchOptions match;                   // k, filter... of the matches measured (explain is ignored)
  double four_fifths = 0.8;             // the impact threshold
  /// Groups holding less than this share of the pool are listed, but neither flagged nor the
  /// reference (highest-rate) group: a handful of people make a noisy rate.
  double min_group_share = 0.01;
  /// At most this many jobs are matched, spread evenly over the live rows (every ⌈n / max_jobs⌉-th):
  /// shares settle long before every job is seen, and each match costs a re-rank. 0 = every job.
  std::size_t max_jobs = 0;
  std::size_t threads = 0;  // for the sampled matches (0 = hardware threads); match_all uses match.threads
};

struct GroupExposure {
  std::string group;            // the value's display text, or "missing"
  std::uint64_t pool = 0;       // Σ over jobs of admitted candidates of this group
  std::uint64_t slots = 0;      // top-k slots held
  double pool_share = 0, slot_share = 0, rate = 0, impact = 0;
  bool reference = false;       // pool_share >= min_group_share: takes part in the comparison
  bool flagged = false;         // reference and impact < four_fifths
};

struct AttributeExposure {
  std::string attribute;
  std::vector<GroupExposure> groups;  // by descending pool, then name
};

struct ExposureReport {
  std::size_t k = 0, jobs = 0;   // jobs matched
  std::size_t live_jobs = 0;     // of the live jobs
  std::uint64_t slots = 0, admitted = 0;
  double four_fifths = 0.8, min_group_share = 0.01;
  std::vector<AttributeExposure> attributes;
};

/// Exposure of the candidates' groups in every live job's top-k. Errors: Error(not_found) for an
/// attribute the candidate schema lacks; match errors (filter...). Thread-safety as Engine::match_all.
ExposureReport compute_exposure(const Engine& engine, const ExposureOptions& options);

}  // namespace skillmatch
