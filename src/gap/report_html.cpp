// gap_report_html: one self-contained page, inline SVG charts and a table beside each (gap_report.hpp).
// No script and no external resource: it reads offline, prints (print CSS keeps each section on one
// page) and survives e-mail.
#include <algorithm>
#include <cstdio>

#include "skillmatch/gap_report.hpp"

namespace skillmatch {
namespace {

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string num(double v, int decimals = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}
std::string pct(double share) { return num(100.0 * share, 1) + "%"; }

// A label cut to `n` bytes at a UTF-8 boundary, with an ellipsis.
std::string clip(std::string_view s, std::size_t n) {
  if (s.size() <= n) return std::string(s);
  std::size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

const char* const level_colours[jlpt_bucket_count] = {"#d0d0d0", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"};
const char* const demand_colour = "#e6550d";
const char* const supply_colour = "#3182bd";

struct Page {
  std::string html;
  void section(const char* id, const char* title, const std::string& intro) {
    html += "<section id=\"" + std::string(id) + "\"><h2>" + esc(title) + "</h2><p>" + intro + "</p><div class=\"pair\">";
  }
  void end_section() { html += "</div></section>\n"; }
};

void legend(std::string& svg, double x, double y, const char* colour, const std::string& text) {
  svg += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"12\" height=\"12\" fill=\"" + colour + "\"/>";
  svg += "<text x=\"" + num(x + 16) + "\" y=\"" + num(y + 10) + "\">" + esc(text) + "</text>";
}

// Horizontal paired bars: for each row two shares in [0, 1] (demand share, supply share).
std::string paired_bars(const std::vector<std::string>& labels, const std::vector<std::pair<double, double>>& values,
                        const char* a_name, const char* b_name, const char* chart_class) {
  const double label_w = 200, bar_w = 240, row_h = 26, top = 30;
  double max_v = 0;
  for (const auto& [a, b] : values) max_v = std::max({max_v, a, b});
  if (max_v <= 0) max_v = 1;
  const double h = top + row_h * static_cast<double>(labels.size()) + 10;
  std::string svg = "<svg class=\"chart " + std::string(chart_class) + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    num(label_w + bar_w + 100) + "\" height=\"" + num(h) + "\" role=\"img\">";
  legend(svg, label_w - 100, 6, demand_colour, a_name);
  legend(svg, label_w + 110, 6, supply_colour, b_name);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double y = top + row_h * static_cast<double>(i);
    svg += "<text x=\"" + num(label_w - 6) + "\" y=\"" + num(y + 15) + "\" text-anchor=\"end\">" + esc(clip(labels[i], 28)) + "</text>";
    const double wa = bar_w * values[i].first / max_v, wb = bar_w * values[i].second / max_v;
    svg += "<rect x=\"" + num(label_w) + "\" y=\"" + num(y + 2) + "\" width=\"" + num(std::max(wa, 0.5), 1) +
           "\" height=\"10\" fill=\"" + demand_colour + "\"/>";
    svg += "<rect x=\"" + num(label_w) + "\" y=\"" + num(y + 12) + "\" width=\"" + num(std::max(wb, 0.5), 1) +
           "\" height=\"10\" fill=\"" + supply_colour + "\"/>";
    svg += "<text x=\"" + num(label_w + std::max(wa, wb) + 4) + "\" y=\"" + num(y + 15) + "\" class=\"small\">" +
           pct(values[i].first) + " / " + pct(values[i].second) + "</text>";
  }
  return svg + "</svg>";
}

// 100% stacked bars by Japanese level: for each row, counts per level.
std::string stacked_levels(const std::vector<std::string>& labels,
                           const std::vector<std::array<std::uint32_t, jlpt_bucket_count>>& rows) {
  const double label_w = 200, bar_w = 300, row_h = 22, top = 30;
  const double h = top + row_h * static_cast<double>(rows.size()) + 10;
  std::string svg = "<svg class=\"chart levels\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(label_w + bar_w + 20) +
                    "\" height=\"" + num(h) + "\" role=\"img\">";
  for (std::size_t b = 0; b < jlpt_bucket_count; ++b)
    legend(svg, label_w + 50 * static_cast<double>(b), 6, level_colours[b], jlpt_bucket_names[b]);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double y = top + row_h * static_cast<double>(i);
    svg += "<text x=\"" + num(label_w - 6) + "\" y=\"" + num(y + 13) + "\" text-anchor=\"end\">" + esc(labels[i]) + "</text>";
    double total = 0;
    for (auto c : rows[i]) total += c;
    double x = label_w;
    for (std::size_t b = 0; b < jlpt_bucket_count && total > 0; ++b) {
      const double w = bar_w * rows[i][b] / total;
      if (w <= 0) continue;
      svg += "<rect x=\"" + num(x, 1) + "\" y=\"" + num(y + 2) + "\" width=\"" + num(w, 1) + "\" height=\"16\" fill=\"" +
             level_colours[b] + "\"/>";
      x += w;
    }
    if (total <= 0) svg += "<text x=\"" + num(label_w) + "\" y=\"" + num(y + 13) + "\" class=\"small\">none</text>";
  }
  return svg + "</svg>";
}

// Single horizontal bars of counts (the funnel).
std::string count_bars(const std::vector<std::string>& labels, const std::vector<double>& values) {
  const double label_w = 240, bar_w = 240, row_h = 28, top = 10;
  double max_v = 1;
  for (double v : values) max_v = std::max(max_v, v);
  const double h = top + row_h * static_cast<double>(labels.size()) + 10;
  std::string svg = "<svg class=\"chart funnel\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(label_w + bar_w + 70) +
                    "\" height=\"" + num(h) + "\" role=\"img\">";
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double y = top + row_h * static_cast<double>(i);
    const double w = bar_w * values[i] / max_v;
    svg += "<text x=\"" + num(label_w - 6) + "\" y=\"" + num(y + 15) + "\" text-anchor=\"end\">" + esc(labels[i]) + "</text>";
    svg += "<rect x=\"" + num(label_w) + "\" y=\"" + num(y + 3) + "\" width=\"" + num(std::max(w, 0.5), 1) +
           "\" height=\"18\" fill=\"" + supply_colour + "\"/>";
    svg += "<text x=\"" + num(label_w + w + 4) + "\" y=\"" + num(y + 16) + "\" class=\"small\">" + num(values[i]) + "</text>";
  }
  return svg + "</svg>";
}

std::string level_cells(const std::array<std::uint32_t, jlpt_bucket_count>& a) {
  std::string s;
  for (auto c : a) s += "<td>" + std::to_string(c) + "</td>";
  return s;
}
std::string level_heads() {
  std::string s;
  for (auto n : jlpt_bucket_names) s += "<th>" + std::string(n) + "</th>";
  return s;
}

}  // namespace

std::string gap_report_html(const GapReport& gap, const ExposureReport* exposure, const ReportSources& sources) {
  Page p;
  std::string& h = p.html;
  h += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>skillmatch gap report</title>\n<style>\n"
       "body{font-family:sans-serif;margin:24px;color:#222;background:#fff;max-width:1400px}\n"
       "h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ccc;padding-bottom:4px}\n"
       ".pair{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}\n"
       "table{border-collapse:collapse;font-size:11px}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}\n"
       "td:first-child,th:first-child{text-align:left}svg text{font-size:11px;fill:#222}svg text.small{font-size:10px}\n"
       ".note{color:#555;font-size:12px}.flag{color:#b30000;font-weight:bold}\n"
       "@media print{section{break-inside:avoid;page-break-inside:avoid}body{margin:8mm}}\n"
       "</style></head><body>\n<h1>Where demand and supply meet: skill gap report</h1>\n";
  h += "<p>" + std::to_string(gap.jobs) + " jobs" + (sources.jobs.empty() ? "" : " (" + esc(sources.jobs) + ")") + ", " +
       std::to_string(gap.candidates) + " candidates" +
       (sources.candidates.empty() ? "" : " (" + esc(sources.candidates) + ")") + ". Demand counts a must-have as " +
       num(gap.options.must_weight, 2) + " and a nice-to-have as " + num(gap.options.nice_weight, 2) +
       "; a candidate supplies a skill when one of their skills meets it as the matcher's must-have rule does (similarity &ge; " +
       num(gap.options.must_threshold, 2) + "). A skill is in <b>shortage</b> when the share of candidates who meet it is below " +
       num(gap.options.shortage_below, 2) + "&times; its share of weighted demand, in <b>surplus</b> above " +
       num(gap.options.surplus_above, 2) + "&times;.</p>\n<p class=\"note\">What these figures are not: no wages, no time "
       "series, no hiring outcomes; demand counts postings, not openings; one candidate supplies every skill they meet.</p>\n";

  // 1. Shortage top N.
  {
    std::vector<const SkillGap*> top;
    for (const auto& s : gap.skills)
      if (s.band == GapBand::shortage) top.push_back(&s);
    // gap.skills is by descending demand: the most demanded shortages first.
    if (top.size() > sources.shortage_top) top.resize(sources.shortage_top);
    p.section("shortage", "Shortage: the most demanded skills candidates lack",
              "Share of weighted demand (jobs asking, orange) against share of candidates who meet the skill (blue), for the " +
                  std::to_string(top.size()) + " most demanded skills in shortage.");
    std::vector<std::string> labels;
    std::vector<std::pair<double, double>> values;
    for (const auto* s : top) {
      labels.push_back(s->label);
      values.emplace_back(gap.jobs ? s->demand / gap.jobs : 0, gap.candidates ? double(s->supply) / gap.candidates : 0);
    }
    h += top.empty() ? std::string("<p>No skill is in shortage.</p>") : paired_bars(labels, values, "jobs asking", "candidates meeting it", "shortage");
    h += "<table class=\"shortage\"><tr><th>skill</th><th>area</th><th>must</th><th>nice</th><th>demand</th><th>supply</th>"
         "<th>exact</th><th>ratio</th><th>relative</th></tr>";
    for (const auto* s : top)
      h += "<tr><td title=\"" + esc(s->concept_id) + "\">" + esc(clip(s->label, 40)) + "</td><td>" + esc(s->area) + "</td><td>" +
           std::to_string(s->must_jobs) + "</td><td>" + std::to_string(s->nice_jobs) + "</td><td>" + num(s->demand, 1) +
           "</td><td>" + std::to_string(s->supply) + "</td><td>" + std::to_string(s->supply_exact) + "</td><td>" +
           num(s->ratio, 2) + "</td><td>" + num(s->relative, 2) + "</td></tr>";
    h += "</table>";
    p.end_section();
  }

  // 2. Areas × Japanese level.
  {
    p.section("areas", "Mission areas and Japanese level",
              gap.has_jlpt ? std::string("Per area, the Japanese level its jobs require (· jobs) and the level its candidates hold (· candidates); "
                                         "a profile's area is the area holding most of its skills' weight.")
                           : std::string("The data has no Japanese level attribute (" + esc(gap.options.job_jlpt_attribute) +
                                         ", " + esc(gap.options.candidate_jlpt_attribute) + "): areas only."));
    if (gap.has_jlpt) {
      std::vector<std::string> labels;
      std::vector<std::array<std::uint32_t, jlpt_bucket_count>> rows;
      for (const auto& a : gap.areas) {
        labels.push_back(clip(a.label, 20) + " · jobs");
        rows.push_back(a.jobs_by_jlpt);
        labels.push_back(clip(a.label, 20) + " · candidates");
        rows.push_back(a.candidates_by_jlpt);
      }
      h += stacked_levels(labels, rows);
    }
    h += "<table class=\"areas\"><tr><th>area</th><th>side</th><th>profiles</th>" + (gap.has_jlpt ? level_heads() : "") +
         "<th>demand</th><th>supply</th><th>skills</th><th>in shortage</th></tr>";
    for (const auto& a : gap.areas) {
      h += "<tr><td>" + esc(a.label) + "</td><td>jobs</td><td>" + std::to_string(a.jobs) + "</td>" +
           (gap.has_jlpt ? level_cells(a.jobs_by_jlpt) : "") + "<td>" + num(a.demand, 1) + "</td><td>" +
           std::to_string(a.supply) + "</td><td>" + std::to_string(a.skills) + "</td><td>" +
           std::to_string(a.shortage_skills) + "</td></tr>";
      h += "<tr><td></td><td>candidates</td><td>" + std::to_string(a.candidates) + "</td>" +
           (gap.has_jlpt ? level_cells(a.candidates_by_jlpt) : "") + "<td></td><td></td><td></td><td></td></tr>";
    }
    h += "</table>";
    p.end_section();
  }

  // 3. Funnel and upskilling steps.
  {
    const Funnel& f = gap.funnel;
    p.section("funnel", "Near-qualified funnel",
              "Candidates who clear at least one job's bar. Near-qualified: qualified for no job, but missing only one "
              "must-have of some job; the steps are the missing skills that would qualify the most of them.");
    std::vector<std::string> labels = {"candidates"};
    std::vector<double> values = {double(f.candidates)};
    if (gap.has_jlpt) labels.push_back("clear a job's Japanese bar"), values.push_back(f.clear_jlpt);
    labels.push_back("meet every must-have of a job"), values.push_back(f.qualified);
    if (gap.has_jlpt) labels.push_back("both, for the same job"), values.push_back(f.qualified_jlpt);
    labels.push_back("one skill away (near-qualified only)"), values.push_back(f.near_only);
    h += count_bars(labels, values);
    h += "<table class=\"funnel\"><tr><th>stage</th><th>candidates</th></tr>";
    for (std::size_t i = 0; i < labels.size(); ++i)
      h += "<tr><td>" + esc(labels[i]) + "</td><td>" + num(values[i]) + "</td></tr>";
    h += "</table><table class=\"steps\"><tr><th>upskilling step (missing must-have)</th><th>job–candidate pairs</th>"
         "<th>candidates</th></tr>";
    for (std::size_t i = 0; i < gap.steps.size() && i < sources.steps_top; ++i)
      h += "<tr><td title=\"" + esc(gap.steps[i].concept_id) + "\">" + esc(gap.steps[i].label) + "</td><td>" +
           std::to_string(gap.steps[i].pairs) + "</td><td>" + std::to_string(gap.steps[i].candidates) + "</td></tr>";
    h += "</table>";
    p.end_section();
  }

  // 3b. Japan's hiring facts (with --japan-facts / derive_japan_attributes).
  if (gap.japan.present) {
    const JapanFigures& j = gap.japan;
    p.section("japan", "Visa route and Highly Skilled Professional points (estimates)",
              "Engineer/Specialist in Humanities/International Services: a related degree, 10 years of experience or a listed IT "
              "exam. HSP 1(b): likely when the known facts give " + std::to_string(j.hsp_threshold) +
                  " points, unlikely when even the best case for the unknown facts does not. Estimates, not decisions "
                  "(docs/japan.md); unknown = the candidate did not state the facts.");
    const std::vector<std::string> labels = {"visa route likely", "visa route unknown", "visa route unlikely",
                                             "HSP likely", "HSP unknown", "HSP unlikely"};
    const std::vector<double> values = {double(j.visa_likely), double(j.visa_unknown), double(j.visa_unlikely),
                                        double(j.hsp_likely),  double(j.hsp_unknown),  double(j.hsp_unlikely)};
    h += count_bars(labels, values);
    h += "<table class=\"japan\"><tr><th>estimate</th><th>likely</th><th>unknown</th><th>unlikely</th></tr><tr><td>visa route</td><td>" +
         std::to_string(j.visa_likely) + "</td><td>" + std::to_string(j.visa_unknown) + "</td><td>" + std::to_string(j.visa_unlikely) +
         "</td></tr><tr><td>HSP 1(b) &ge; " + std::to_string(j.hsp_threshold) + "</td><td>" + std::to_string(j.hsp_likely) + "</td><td>" +
         std::to_string(j.hsp_unknown) + "</td><td>" + std::to_string(j.hsp_unlikely) + "</td></tr></table>";
    p.end_section();
  }

  // 4. Exposure.
  {
    p.section("exposure", "Exposure by group",
              exposure && !exposure->attributes.empty()
                  ? "Share of the top-" + std::to_string(exposure->k) + " slots of " +
                        (exposure->jobs == exposure->live_jobs ? "every job"
                                                               : std::to_string(exposure->jobs) + " of the " +
                                                                     std::to_string(exposure->live_jobs) + " jobs (spread evenly)") +
                        " (orange) against share of the admitted pool "
                        "(blue), per group. Impact = the group's slot/pool rate over the highest group's; below " +
                        num(exposure->four_fifths, 2) + " (the four-fifths rule) is flagged; groups under " + pct(exposure->min_group_share) +
                        " of the pool are listed but neither flagged nor the reference."
                  : std::string("No group attribute was given (declare protected attributes, or pass --group)."));
    if (exposure)
      for (const auto& a : exposure->attributes) {
        std::vector<std::string> labels;
        std::vector<std::pair<double, double>> values;
        for (const auto& g : a.groups) labels.push_back(a.attribute + " = " + g.group), values.emplace_back(g.slot_share, g.pool_share);
        h += paired_bars(labels, values, "top-k slots", "admitted pool", "exposure");
        h += "<table class=\"exposure\"><tr><th>" + esc(a.attribute) +
             "</th><th>slots</th><th>slot share</th><th>pool share</th><th>rate</th><th>impact</th></tr>";
        for (const auto& g : a.groups)
          h += "<tr><td>" + esc(g.group) + "</td><td>" + std::to_string(g.slots) + "</td><td>" + pct(g.slot_share) + "</td><td>" +
               pct(g.pool_share) + "</td><td>" + num(g.rate, 2) + "</td><td" + (g.flagged ? " class=\"flag\"" : "") + ">" +
               num(g.impact, 2) + (g.flagged ? " (below four-fifths)" : g.reference ? "" : " (small group)") + "</td></tr>";
        h += "</table>";
      }
    p.end_section();
  }
  h += "<p class=\"note\">Generated by skillmatch. Definitions: docs/gap.md.</p>\n</body></html>\n";
  return h;
}

}  // namespace skillmatch
