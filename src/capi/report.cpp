// C ABI: the gap report (skm_engine_gap_report, skm_report_*; SKM_EXPERIMENTAL section of skillmatch.h).
#include "capi_internal.hpp"
#include "skillmatch/explain.hpp"
#include "skillmatch/gap_report.hpp"

struct skm_report_s {
  std::string json, html;
};

namespace skillmatch::capi {
namespace {

std::vector<std::string> split_names(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) out.emplace_back(name);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace
}  // namespace skillmatch::capi

using namespace skillmatch;
using namespace skillmatch::capi;

extern "C" {

SKM_API skm_status skm_engine_gap_report(const skm_engine* engine, const char* group_attributes, skm_report** out) {
  clear_out(out);
  return guard(__func__, [&] {
    const Engine& e = *need(engine, "engine").engine;
    need(out, "out");
    const GapReport gap = compute_gap(e);
    std::optional<ExposureReport> exposure;
    if (group_attributes) {
      ExposureOptions eo;
      eo.attributes = split_names(text_arg(group_attributes, "group_attributes"));
      eo.max_jobs = 1000;
      exposure = compute_exposure(e, eo);
    }
    auto report = std::make_unique<skm_report_s>();
    report->json = json_text(gap_report_to_json(gap, exposure ? &*exposure : nullptr, e.taxonomy()));
    report->html = gap_report_html(gap, exposure ? &*exposure : nullptr, {});
    *out = report.release();
  });
}

SKM_API skm_status skm_report_json(const skm_report* report, const char** out_json) {
  clear_out(out_json);
  return guard(__func__, [&] { need(out_json, "out_json") = need(report, "report").json.c_str(); });
}

SKM_API skm_status skm_report_html(const skm_report* report, const char** out_html) {
  clear_out(out_html);
  return guard(__func__, [&] { need(out_html, "out_html") = need(report, "report").html.c_str(); });
}

SKM_API void skm_report_free(skm_report* report) { delete report; }

}  // extern "C"
