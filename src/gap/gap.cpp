// compute_gap: demand and supply per skill from per-requirement candidate bitmaps (gap.hpp).
#include <algorithm>
#include <cmath>
#include <bit>
#include <cctype>
#include <cstdlib>

#include "skillmatch/gap.hpp"
#include "skillmatch/japan.hpp"

namespace skillmatch {
namespace {

void check_options(const GapOptions& o) {
  for (float w : {o.must_weight, o.nice_weight})
    if (!(w >= 0) || !std::isfinite(w)) fail(ErrorCode::invalid_argument, "gap: must_weight and nice_weight must be finite and >= 0");
  if (!(o.must_threshold >= 0 && o.must_threshold <= 1)) fail(ErrorCode::invalid_argument, "gap: must_threshold must be in [0, 1]");
  if (!(o.similarity_floor >= 0 && o.similarity_floor <= 1)) fail(ErrorCode::invalid_argument, "gap: similarity_floor must be in [0, 1]");
  if (!(o.shortage_below >= 0) || !std::isfinite(o.surplus_above) || o.shortage_below > o.surplus_above)
    fail(ErrorCode::invalid_argument, "gap: need 0 <= shortage_below <= surplus_above (finite)");
}

// Japanese level of each row as a bucket (0 = none or missing, 1..5 = N5..N1), or empty when the
// attribute is absent, not ordinal, or has a level that is none of these names.
std::vector<std::uint8_t> jlpt_buckets(const AttributeColumns& columns, std::string_view name) {
  auto a = columns.schema().find(name);
  if (!a || columns.schema()[*a].type != AttributeType::ordinal) return {};
  const OrdinalScale& scale = *columns.schema()[*a].scale;
  std::vector<std::uint8_t> bucket_of_rank;
  for (const auto& level : scale.levels()) {
    std::size_t b = jlpt_bucket_count;
    for (std::size_t i = 0; i < jlpt_bucket_count; ++i) {
      std::string_view n = jlpt_bucket_names[i];
      if (level.size() == n.size() &&
          std::equal(level.begin(), level.end(), n.begin(), [](char x, char y) {
            return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
          }))
        b = i;
    }
    if (b == jlpt_bucket_count) return {};
    bucket_of_rank.push_back(static_cast<std::uint8_t>(b));
  }
  std::vector<std::uint8_t> out(columns.size(), 0);
  auto ranks = columns.ranks(*a);
  const Bitmap& missing = columns.missing(*a);
  for (std::size_t r = 0; r < out.size(); ++r)
    if (!missing.test(r)) out[r] = bucket_of_rank[ranks[r]];
  return out;
}

std::size_t and_count(const Bitmap& a, const Bitmap& b) noexcept {
  auto x = a.words(), y = b.words();
  std::size_t n = 0;
  for (std::size_t i = 0; i < x.size(); ++i) n += static_cast<std::size_t>(std::popcount(x[i] & y[i]));
  return n;
}

// The area of a profile: the area holding the largest weight of its skills (ties: earlier area).
std::size_t profile_area(std::span<const ProfileSkill> skills, const std::vector<std::uint8_t>& table, std::size_t areas,
                         const GapOptions* demand_weights, std::vector<double>& scratch) {
  scratch.assign(areas + 1, 0.0);
  for (const auto& s : skills) {
    const double w = demand_weights ? (s.required ? demand_weights->must_weight : demand_weights->nice_weight) : s.weight;
    scratch[table[s.concept_index]] += w;
  }
  std::size_t best = areas;
  for (std::size_t a = 0; a < areas; ++a)
    if (scratch[a] > 0 && (best == areas || scratch[a] > scratch[best])) best = a;
  return best;
}

}  // namespace

GapReport compute_gap(const Engine& engine, const GapOptions& options) {
  check_options(options);
  GapReport report;
  report.options = options;
  const Taxonomy& tax = engine.taxonomy();
  if (report.options.areas.empty()) report.options.areas = bundled_mission_areas(tax);
  const auto& areas = report.options.areas;
  const std::vector<std::uint8_t> area_of = area_table(tax, areas);
  const std::size_t n_areas = areas.size();
  auto area_id = [&](std::size_t a) { return a < n_areas ? areas[a].id : std::string("other"); };

  const HybridScorer scorer(engine.similarity(), ScoreWeights{}, options.must_threshold, options.similarity_floor);
  ThreadPool pool(options.threads);

  auto jobs = engine.index(Side::job).read();
  auto cands = engine.index(Side::candidate).read();
  const std::size_t n_rows = cands.rows();
  const Bitmap& live = cands.live();
  report.jobs = static_cast<std::uint32_t>(jobs.live_count());
  report.candidates = static_cast<std::uint32_t>(cands.live_count());

  // Japanese levels.
  const auto job_jlpt = jlpt_buckets(jobs.columns(), options.job_jlpt_attribute);
  const auto cand_jlpt = jlpt_buckets(cands.columns(), options.candidate_jlpt_attribute);
  report.has_jlpt = !job_jlpt.empty() && !cand_jlpt.empty();
  // at_least[b]: live candidates whose level is b or higher.
  std::vector<Bitmap> at_least;
  if (report.has_jlpt) {
    at_least.assign(jlpt_bucket_count, Bitmap(n_rows));
    live.for_each_set([&](std::size_t r) {
      ++report.candidates_by_jlpt[cand_jlpt[r]];
      for (std::size_t b = 0; b <= cand_jlpt[r]; ++b) at_least[b].set(r);
    });
  }

  // Japan's hiring facts, when derived (japan.hpp).
  {
    const AttributeColumns& cc = cands.columns();
    auto visa = cc.schema().find("visa_route_possible");
    auto low = cc.schema().find("hsp_points");
    auto high = cc.schema().find("hsp_points_max");
    if (visa && low && high && cc.schema()[*visa].type == AttributeType::boolean &&
        cc.schema()[*low].type == AttributeType::numeric && cc.schema()[*high].type == AttributeType::numeric) {
      JapanFigures& jf = report.japan;
      jf.present = true;
      for (const auto& row : bundled_japan_rules().hsp)
        if (row.rule == "threshold") jf.hsp_threshold = std::atoi(row.condition.c_str());
      live.for_each_set([&](std::size_t r) {
        if (cc.missing(*visa).test(r)) ++jf.visa_unknown;
        else if (cc.bools(*visa).test(r)) ++jf.visa_likely;
        else ++jf.visa_unlikely;
        if (cc.missing(*low).test(r) || cc.missing(*high).test(r)) ++jf.hsp_unknown;
        else if (cc.numbers(*low)[r] >= jf.hsp_threshold) ++jf.hsp_likely;
        else if (cc.numbers(*high)[r] < jf.hsp_threshold) ++jf.hsp_unlikely;
        else ++jf.hsp_unknown;
      });
    }
  }

  // Distinct requirements of the live jobs, with their demand.
  std::vector<std::uint32_t> slot_of(tax.size(), ~0u);
  std::vector<SkillGap> skills;
  jobs.live().for_each_set([&](std::size_t j) {
    for (const auto& s : jobs.skills(static_cast<std::uint32_t>(j))) {
      auto& slot = slot_of[s.concept_index];
      if (slot == ~0u) {
        slot = static_cast<std::uint32_t>(skills.size());
        SkillGap g;
        g.concept_index = s.concept_index;
        skills.push_back(std::move(g));
      }
      SkillGap& g = skills[slot];
      if (s.required) ++g.must_jobs, g.demand += options.must_weight;
      else ++g.nice_jobs, g.demand += options.nice_weight;
    }
    if (report.has_jlpt) ++report.jobs_by_jlpt[job_jlpt[j]];
  });

  // Distinct concepts the candidates hold, with their rows (the inverted index).
  std::vector<std::pair<ConceptIndex, std::span<const std::uint32_t>>> held;
  cands.for_each_concept([&](ConceptIndex c, std::span<const std::uint32_t> rows) {
    if (!rows.empty()) held.emplace_back(c, rows);
  });
  std::sort(held.begin(), held.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  // One bitmap per requirement: the candidates meeting it (scorer.meets over each held concept once).
  std::vector<Bitmap> met(skills.size());
  pool.parallel_for(skills.size(), options.threads, [&](std::size_t i, std::size_t) {
    ProfileSkill want;
    want.concept_index = skills[i].concept_index;
    want.required = true;
    Bitmap b(n_rows);
    for (const auto& [c, rows] : held)
      if (scorer.meets(want, c))
        for (std::uint32_t r : rows) b.set(r);
    met[i] = std::move(b);
  });

  const double market = report.jobs ? static_cast<double>(report.candidates) / report.jobs : 0.0;
  for (std::size_t i = 0; i < skills.size(); ++i) {
    SkillGap& g = skills[i];
    g.concept_id = std::string(tax.id(g.concept_index));
    g.label = std::string(tax.preferred_label(g.concept_index));
    g.area = area_id(area_of[g.concept_index]);
    g.supply = static_cast<std::uint32_t>(met[i].count());
    g.supply_exact = static_cast<std::uint32_t>(cands.rows_with(g.concept_index).size());
    g.ratio = g.demand > 0 ? g.supply / g.demand : 0.0;
    g.relative = market > 0 ? g.ratio / market : 0.0;
    g.band = g.relative < options.shortage_below ? GapBand::shortage
             : g.relative > options.surplus_above ? GapBand::surplus
                                                  : GapBand::balanced;
    if (report.has_jlpt)
      for (std::size_t b = 0; b < jlpt_bucket_count; ++b) {
        const std::size_t above = and_count(met[i], at_least[b]);
        const std::size_t next = b + 1 < jlpt_bucket_count ? and_count(met[i], at_least[b + 1]) : 0;
        g.supply_by_jlpt[b] = static_cast<std::uint32_t>(above - next);
      }
  }

  // Areas.
  report.areas.resize(n_areas + 1);
  for (std::size_t a = 0; a <= n_areas; ++a) {
    report.areas[a].id = area_id(a);
    report.areas[a].label = a < n_areas ? areas[a].label : "Other";
  }
  {
    std::vector<Bitmap> area_supply(n_areas + 1, Bitmap(n_rows));
    for (std::size_t i = 0; i < skills.size(); ++i) {
      const std::size_t a = area_of[skills[i].concept_index];
      AreaGap& ag = report.areas[a];
      ag.demand += skills[i].demand;
      ++ag.skills;
      if (skills[i].band == GapBand::shortage) ++ag.shortage_skills;
      area_supply[a] |= met[i];
    }
    for (std::size_t a = 0; a <= n_areas; ++a) report.areas[a].supply = static_cast<std::uint32_t>(area_supply[a].count());
    std::vector<double> scratch;
    jobs.live().for_each_set([&](std::size_t j) {
      const std::size_t a = profile_area(jobs.skills(static_cast<std::uint32_t>(j)), area_of, n_areas, &options, scratch);
      ++report.areas[a].jobs;
      if (report.has_jlpt) ++report.areas[a].jobs_by_jlpt[job_jlpt[j]];
    });
    live.for_each_set([&](std::size_t r) {
      const std::size_t a = profile_area(cands.skills(static_cast<std::uint32_t>(r)), area_of, n_areas, nullptr, scratch);
      ++report.areas[a].candidates;
      if (report.has_jlpt) ++report.areas[a].candidates_by_jlpt[cand_jlpt[r]];
    });
  }

  // Per job: the pool (every must-have met) and the near-qualified (exactly one missed), word by word:
  // `once` collects candidates who missed at least one must-have, `twice` at least two.
  std::vector<std::uint32_t> job_rows;
  jobs.live().for_each_set([&](std::size_t j) { job_rows.push_back(static_cast<std::uint32_t>(j)); });
  report.job_gaps.resize(job_rows.size());
  const std::size_t n_words = live.words().size();
  struct Slot {
    Bitmap qualified, qualified_jlpt, near;
    std::vector<std::uint32_t> pairs;   // per requirement slot: near pairs missing only it
    std::vector<Bitmap> unlock;         // per requirement slot: candidates it would qualify (lazily sized)
    std::vector<std::uint64_t> once, twice;
    std::vector<std::uint32_t> musts;
    std::vector<double> area_scratch;
  };
  const std::size_t threads = std::max<std::size_t>(1, std::min(pool.size(), options.threads ? options.threads : pool.size()));
  std::vector<Slot> slots(threads);
  for (auto& s : slots) {
    s.qualified = s.qualified_jlpt = s.near = Bitmap(n_rows);
    s.pairs.assign(skills.size(), 0);
    s.unlock.resize(skills.size());
    s.once.resize(n_words);
    s.twice.resize(n_words);
  }
  pool.parallel_for(job_rows.size(), threads, [&](std::size_t k, std::size_t si) {
    Slot& s = slots[si];
    const std::uint32_t j = job_rows[k];
    JobGap& jg = report.job_gaps[k];
    jg.row = j;
    jg.id = jobs.id(j);
    jg.title = jobs.title(j);
    jg.area = area_id(profile_area(jobs.skills(j), area_of, n_areas, &options, s.area_scratch));
    s.musts.clear();
    for (const auto& sk : jobs.skills(j))
      if (sk.required) s.musts.push_back(slot_of[sk.concept_index]);
    jg.musts = static_cast<std::uint32_t>(s.musts.size());
    auto lw = live.words();
    std::fill(s.once.begin(), s.once.end(), 0);
    std::fill(s.twice.begin(), s.twice.end(), 0);
    for (std::uint32_t m : s.musts) {
      auto mw = met[m].words();
      for (std::size_t w = 0; w < n_words; ++w) {
        const std::uint64_t miss = ~mw[w] & lw[w];
        s.twice[w] |= s.once[w] & miss;
        s.once[w] |= miss;
      }
    }
    const Bitmap* jl = report.has_jlpt ? &at_least[job_jlpt[j]] : nullptr;
    std::size_t qualified = 0, qualified_jlpt = 0, near = 0;
    auto qw = s.qualified.words(), qjw = s.qualified_jlpt.words(), nw = s.near.words();
    for (std::size_t w = 0; w < n_words; ++w) {
      const std::uint64_t q = lw[w] & ~s.once[w];
      const std::uint64_t nq = s.once[w] & ~s.twice[w];
      qualified += static_cast<std::size_t>(std::popcount(q));
      near += static_cast<std::size_t>(std::popcount(nq));
      const std::uint64_t qj = jl ? q & jl->words()[w] : 0;
      qualified_jlpt += static_cast<std::size_t>(std::popcount(qj));
      // A job without must-haves sets no bar: it counts in its own figures, not in the funnel.
      if (!s.musts.empty()) {
        qw[w] |= q;
        nw[w] |= nq;
        qjw[w] |= qj;
      }
      s.once[w] = nq;  // reused below: this job's near-qualified rows
    }
    jg.qualified = static_cast<std::uint32_t>(qualified);
    jg.qualified_jlpt = static_cast<std::uint32_t>(qualified_jlpt);
    jg.near = static_cast<std::uint32_t>(near);
    if (near == 0) return;
    // Which must-have each near-qualified candidate misses: near AND NOT met[m].
    for (std::uint32_t m : s.musts) {
      auto mw = met[m].words();
      std::size_t pairs = 0;
      Bitmap& u = s.unlock[m];
      for (std::size_t w = 0; w < n_words; ++w) {
        const std::uint64_t x = s.once[w] & ~mw[w];
        if (!x) continue;
        if (u.size() == 0) u = Bitmap(n_rows);
        u.words()[w] |= x;
        pairs += static_cast<std::size_t>(std::popcount(x));
      }
      s.pairs[m] += static_cast<std::uint32_t>(pairs);
    }
    // Examples: the first near-qualified rows, with the closest skill they hold to what they miss.
    for (std::size_t w = 0; w < n_words && jg.examples.size() < options.near_examples; ++w)
      for (std::uint64_t x = s.once[w]; x && jg.examples.size() < options.near_examples; x &= x - 1) {
        const auto r = static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(x)));
        UpskillStep step;
        step.candidate_row = r;
        step.candidate_id = cands.id(r);
        for (std::uint32_t m : s.musts)
          if (!met[m].test(r)) step.missing = skills[m].concept_index;
        for (const auto& have : cands.skills(r)) {
          const float c = scorer.credit_similarity(step.missing, have.concept_index);
          if (c > step.credit || (c == step.credit && c > 0 && have.concept_index < step.closest)) {
            step.credit = c;
            step.closest = have.concept_index;
          }
        }
        jg.examples.push_back(std::move(step));
      }
  });

  // Merge the participants' accumulators.
  Bitmap qualified(n_rows), qualified_jlpt(n_rows), near(n_rows);
  std::vector<std::uint32_t> pairs(skills.size(), 0);
  std::vector<Bitmap> unlock(skills.size());
  for (auto& s : slots) {
    qualified |= s.qualified;
    qualified_jlpt |= s.qualified_jlpt;
    near |= s.near;
    for (std::size_t i = 0; i < skills.size(); ++i) {
      pairs[i] += s.pairs[i];
      if (s.unlock[i].size() == 0) continue;
      if (unlock[i].size() == 0) unlock[i] = std::move(s.unlock[i]);
      else unlock[i] |= s.unlock[i];
    }
  }
  Funnel& f = report.funnel;
  f.candidates = report.candidates;
  if (report.has_jlpt && report.jobs) {
    std::uint8_t lowest = jlpt_bucket_count - 1;
    for (std::uint32_t j : job_rows) lowest = std::min(lowest, job_jlpt[j]);
    f.clear_jlpt = static_cast<std::uint32_t>(at_least[lowest].count());
  }
  f.qualified = static_cast<std::uint32_t>(qualified.count());
  f.qualified_jlpt = static_cast<std::uint32_t>(qualified_jlpt.count());
  {
    Bitmap near_only = qualified;
    near_only.flip();
    near_only &= near;
    f.near_only = static_cast<std::uint32_t>(near_only.count());
  }
  for (std::size_t i = 0; i < skills.size(); ++i) {
    if (!pairs[i]) continue;
    StepSummary st;
    st.missing = skills[i].concept_index;
    st.concept_id = skills[i].concept_id;
    st.label = skills[i].label;
    st.pairs = pairs[i];
    st.candidates = static_cast<std::uint32_t>(unlock[i].count());
    report.steps.push_back(std::move(st));
  }
  std::sort(report.steps.begin(), report.steps.end(), [](const StepSummary& a, const StepSummary& b) {
    return a.pairs != b.pairs ? a.pairs > b.pairs : a.concept_id < b.concept_id;
  });
  std::sort(skills.begin(), skills.end(), [](const SkillGap& a, const SkillGap& b) {
    return a.demand != b.demand ? a.demand > b.demand : a.concept_id < b.concept_id;
  });
  report.skills = std::move(skills);
  return report;
}

}  // namespace skillmatch
