// compute_exposure: per group of a candidate attribute, top-k slots against the admitted pool (gap.hpp).
#include <algorithm>
#include <map>

#include "skillmatch/filter.hpp"
#include "skillmatch/gap.hpp"

namespace skillmatch {

ExposureReport compute_exposure(const Engine& engine, const ExposureOptions& options) {
  if (options.match.required_as_filter)
    fail(ErrorCode::invalid_argument, "exposure: required_as_filter admits a different pool per job; not supported");
  if (!(options.four_fifths > 0 && options.four_fifths <= 1))
    fail(ErrorCode::invalid_argument, "exposure: four_fifths must be in (0, 1]");
  if (!(options.min_group_share >= 0 && options.min_group_share < 1))
    fail(ErrorCode::invalid_argument, "exposure: min_group_share must be in [0, 1)");
  ExposureReport report;
  report.k = options.match.k;
  report.four_fifths = options.four_fifths;
  report.min_group_share = options.min_group_share;
  std::vector<std::size_t> attrs;
  {
    auto cands = engine.index(Side::candidate).read();
    const AttributeSchema& schema = cands.columns().schema();
    for (const auto& name : options.attributes.empty() ? schema.protected_names() : options.attributes)
      attrs.push_back(schema.index_of(name));
  }
  if (attrs.empty()) return report;

  MatchOptions mo = options.match;
  mo.explain = false;
  mo.progress = nullptr;
  std::vector<MatchResults> results;
  std::vector<std::string> job_ids;
  {
    auto jobs = engine.index(Side::job).read();
    report.live_jobs = jobs.live_count();
    if (options.max_jobs && report.live_jobs > options.max_jobs) {
      const std::size_t stride = (report.live_jobs + options.max_jobs - 1) / options.max_jobs;
      std::size_t i = 0;
      jobs.live().for_each_set([&](std::size_t r) {
        if (i++ % stride == 0) job_ids.push_back(jobs.id(static_cast<std::uint32_t>(r)));
      });
    }
  }
  if (job_ids.empty()) {
    results = engine.match_all(Side::job, mo);
  } else {
    // One query per participant at a time: each match scans single-threaded.
    results.resize(job_ids.size());
    ThreadPool pool(options.threads);
    mo.threads = 1;
    pool.parallel_for(job_ids.size(), 0, [&](std::size_t i, std::size_t) { results[i] = engine.match_id(Side::job, job_ids[i], mo); });
  }

  auto cands = engine.index(Side::candidate).read();
  const AttributeColumns& columns = cands.columns();
  Bitmap admitted = cands.live();
  if (mo.filter.find_first_not_of(" \t\r\n") != std::string::npos) {
    Bitmap passed;
    evaluate(compile_filter(mo.filter, columns.schema()), columns, passed);
    admitted &= passed;
  }
  report.jobs = results.size();
  const std::uint64_t admitted_count = admitted.count();
  report.admitted = admitted_count * results.size();
  for (const auto& r : results) report.slots += r.matches.size();

  for (std::size_t a : attrs) {
    AttributeExposure ae;
    ae.attribute = columns.schema()[a].name;
    std::map<std::string, GroupExposure> groups;
    // A multi-valued attribute puts a row in each of its values' groups.
    auto groups_of = [&](std::size_t row, auto&& f) {
      const AttributeValue v = columns.get(row, a);
      if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
        if (list->empty()) f(std::string("missing"));
        for (const auto& s : *list) f(s);
      } else {
        f(std::holds_alternative<std::monostate>(v) ? std::string("missing") : columns.display(row, a));
      }
    };
    admitted.for_each_set([&](std::size_t row) {
      groups_of(row, [&](const std::string& g) { groups[g].pool += results.size(); });
    });
    for (const auto& r : results)
      for (const auto& m : r.matches)
        if (auto row = cands.row_of(m.id)) groups_of(*row, [&](const std::string& g) { ++groups[g].slots; });
    double max_rate = 0;
    for (auto& [name, g] : groups) {
      g.group = name;
      g.pool_share = report.admitted ? static_cast<double>(g.pool) / static_cast<double>(report.admitted) : 0;
      g.slot_share = report.slots ? static_cast<double>(g.slots) / static_cast<double>(report.slots) : 0;
      g.rate = g.pool_share > 0 ? g.slot_share / g.pool_share : 0;
      g.reference = g.pool > 0 && g.pool_share >= options.min_group_share;
      if (g.reference) max_rate = std::max(max_rate, g.rate);
    }
    for (auto& [name, g] : groups) {
      g.impact = max_rate > 0 ? g.rate / max_rate : 0;
      g.flagged = g.reference && max_rate > 0 && g.impact < options.four_fifths;
      ae.groups.push_back(std::move(g));
    }
    std::sort(ae.groups.begin(), ae.groups.end(), [](const GroupExposure& x, const GroupExposure& y) {
      return x.pool != y.pool ? x.pool > y.pool : x.group < y.group;
    });
    report.attributes.push_back(std::move(ae));
  }
  return report;
}

}  // namespace skillmatch
