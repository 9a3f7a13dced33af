// Matching quality on data built from O*NET, against a TF-IDF cosine baseline over raw skill names.
//
// Jobs: one per O*NET IT occupation of the bundled taxonomy, listing 15 technologies the occupation
// uses (hot / in-demand first, then the most specific; the top three as must-haves) as O*NET names them.
// Candidates: for each occupation, noisy samples of its technologies written the way people write
// them (lower case, vendor word dropped, a synonym or abbreviation, a typo, full-width letters).
// Metrics: recall@10 of same-occupation candidates for each job, and the mean reciprocal rank of the
// candidate's own occupation's job among all jobs. The noise and sampling are seeded and generic
// (no list of chosen terms), so the figures measure the pipeline, not the test.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <unordered_map>

#include "skillmatch/engine.hpp"
#include "skillmatch/taxonomy_io.hpp"

using namespace skillmatch;

namespace {

struct Doc {
  std::string id;
  std::string occupation;
  std::vector<std::string> skill_texts;
  std::vector<bool> required;
};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string full_width(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c > 0x20 && c < 0x7f) {
      unsigned cp = 0xFF01 + (c - 0x21);  // U+FF01..U+FF5E
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// One noisy rendering of a concept's name, chosen at random among generic transformations.
std::string noisy_name(const Taxonomy& t, ConceptIndex c, std::mt19937& rng) {
  std::string name(t.preferred_label(c));
  std::uniform_int_distribution<int> pick(0, 9);
  switch (pick(rng)) {
    case 0:
    case 1: return lower(name);
    case 2: {  // another label the taxonomy knows (synonym, abbreviation, Stack Overflow tag)
      std::vector<std::string> others;
      for (const auto& l : t.labels(c))
        if (l.kind != LabelKind::preferred && l.lang != "ja") others.push_back(l.text);
      if (!others.empty()) return others[std::uniform_int_distribution<std::size_t>(0, others.size() - 1)(rng)];
      return lower(name);
    }
    case 3: {  // drop the first word of a multi-word name (often the vendor)
      auto sp = name.find(' ');
      return sp != std::string::npos && name.size() - sp > 4 ? name.substr(sp + 1) : name;
    }
    case 4: {  // a typo in a long name: swap two neighbouring letters
      if (name.size() < 8) return name;
      std::size_t i = std::uniform_int_distribution<std::size_t>(1, name.size() - 3)(rng);
      std::swap(name[i], name[i + 1]);
      return name;
    }
    case 5: return full_width(name);
    default: return name;
  }
}

struct Corpus {
  std::vector<Doc> jobs, candidates;
};

Corpus build_corpus(const Taxonomy& t) {
  Corpus corpus;
  std::mt19937 rng(2024);
  for (ConceptIndex occ = 0; occ < t.size(); ++occ) {
    if (t.kind(occ) != ConceptKind::occupation || !t.id(occ).starts_with("onet:")) continue;
    std::vector<RelatedLink> techs;
    for (const auto& l : t.related(occ))
      if (l.kind == RelationKind::occupation_skill && t.kind(l.target) == ConceptKind::technology) techs.push_back(l);
    if (techs.size() < 12) continue;
    // Most weighted (hot / in-demand) first, then the most specific (used by the fewest O*NET
    // occupations), as a posting lists what is characteristic of the role rather than e-mail and
    // spreadsheets; then index, so the order is deterministic.
    std::sort(techs.begin(), techs.end(), [&](const RelatedLink& a, const RelatedLink& b) {
      if (a.weight != b.weight) return a.weight > b.weight;
      if (t.stats(a.target).frequency != t.stats(b.target).frequency) return t.stats(a.target).frequency < t.stats(b.target).frequency;
      return a.target < b.target;
    });
    Doc job{"J" + std::string(t.id(occ)), std::string(t.id(occ)), {}, {}};
    for (std::size_t i = 0; i < std::min<std::size_t>(15, techs.size()); ++i) {
      job.skill_texts.emplace_back(t.preferred_label(techs[i].target));
      job.required.push_back(i < 3);
    }
    corpus.jobs.push_back(job);
    // Candidates sample from the occupation's technologies, favouring the weighted ones.
    std::vector<double> w;
    for (const auto& l : techs) w.push_back(l.weight * l.weight);
    for (int k = 0; k < 12; ++k) {
      Doc cand{"C" + std::string(t.id(occ)) + "-" + std::to_string(k), std::string(t.id(occ)), {}, {}};
      std::discrete_distribution<std::size_t> draw(w.begin(), w.end());
      std::vector<ConceptIndex> chosen;
      int want = std::uniform_int_distribution<int>(6, 12)(rng);
      for (int tries = 0; tries < 200 && static_cast<int>(chosen.size()) < want; ++tries) {
        ConceptIndex c = techs[draw(rng)].target;
        if (std::find(chosen.begin(), chosen.end(), c) == chosen.end()) chosen.push_back(c);
      }
      for (ConceptIndex c : chosen) {
        cand.skill_texts.push_back(noisy_name(t, c, rng));
        cand.required.push_back(false);
      }
      corpus.candidates.push_back(cand);
    }
  }
  return corpus;
}

// TF-IDF cosine over raw skill names (each lower-cased name is one term).
struct TfIdf {
  std::unordered_map<std::string, double> idf;
  void fit(const Corpus& c) {
    std::unordered_map<std::string, int> df;
    std::size_t n = 0;
    for (const auto* side : {&c.jobs, &c.candidates})
      for (const auto& d : *side) {
        ++n;
        std::vector<std::string> seen;
        for (const auto& s : d.skill_texts) seen.push_back(lower(s));
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (const auto& s : seen) ++df[s];
      }
    for (const auto& [term, f] : df) idf[term] = std::log((1.0 + double(n)) / (1.0 + f)) + 1.0;
  }
  std::map<std::string, double> vec(const Doc& d) const {
    std::map<std::string, double> v;
    for (const auto& s : d.skill_texts) v[lower(s)] += 1.0;
    double norm = 0;
    for (auto& [term, x] : v) {
      x *= idf.at(term);
      norm += x * x;
    }
    for (auto& [term, x] : v) x /= std::sqrt(norm);
    return v;
  }
  static double cosine(const std::map<std::string, double>& a, const std::map<std::string, double>& b) {
    double s = 0;
    for (const auto& [term, x] : a)
      if (auto it = b.find(term); it != b.end()) s += x * it->second;
    return s;
  }
};

struct Metrics {
  double recall_at_10 = 0, mrr = 0;
};

template <typename ScoreFn>
Metrics evaluate(const Corpus& c, ScoreFn score) {
  Metrics m;
  for (const auto& job : c.jobs) {
    std::vector<std::pair<double, const Doc*>> ranked;
    for (const auto& cand : c.candidates) ranked.emplace_back(score(job, cand), &cand);
    std::stable_sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.first > b.first; });
    int hits = 0, relevant = 0;
    for (const auto& cand : c.candidates) relevant += cand.occupation == job.occupation;
    for (std::size_t i = 0; i < 10 && i < ranked.size(); ++i) hits += ranked[i].second->occupation == job.occupation;
    m.recall_at_10 += double(hits) / std::min(10, relevant);
  }
  m.recall_at_10 /= double(c.jobs.size());
  for (const auto& cand : c.candidates) {
    std::vector<std::pair<double, const Doc*>> ranked;
    for (const auto& job : c.jobs) ranked.emplace_back(score(job, cand), &job);
    std::stable_sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < ranked.size(); ++i)
      if (ranked[i].second->occupation == cand.occupation) {
        m.mrr += 1.0 / double(i + 1);
        break;
      }
  }
  m.mrr /= double(c.candidates.size());
  return m;
}

Profile to_profile(const Doc& d, const Resolver& resolver) {
  Profile p;
  p.id = d.id;
  for (std::size_t i = 0; i < d.skill_texts.size(); ++i) {
    auto m = resolver.resolve_best(d.skill_texts[i], {5, 0.6f, true, std::nullopt});
    if (!m) {
      p.unknown_skills.push_back(d.skill_texts[i]);
      continue;
    }
    ProfileSkill s;
    s.concept_index = m->concept_index;
    s.text = d.skill_texts[i];
    s.required = d.required[i];
    s.confidence = m->confidence;
    p.add_skill(s);
  }
  return p;
}

}  // namespace

TEST_CASE("matching quality on O*NET occupations beats a TF-IDF baseline over raw skill names") {
  EngineOptions options;
  options.threads = 2;
  Engine engine(options);
  Corpus corpus = build_corpus(engine.taxonomy());
  REQUIRE(corpus.jobs.size() >= 30);

  std::map<std::string, std::size_t> job_pos, cand_pos;
  std::vector<Profile> jobs, cands;
  for (const auto& d : corpus.jobs) job_pos[d.id] = jobs.size(), jobs.push_back(to_profile(d, engine.resolver()));
  for (const auto& d : corpus.candidates) cand_pos[d.id] = cands.size(), cands.push_back(to_profile(d, engine.resolver()));
  engine.upsert_all(Side::job, jobs);
  engine.upsert_all(Side::candidate, cands);

  // Scores of every pair through the engine: job -> candidates, all candidates ranked.
  MatchOptions o;
  o.k = cands.size();
  o.rerank_depth = cands.size();
  std::map<std::pair<std::string, std::string>, double> ours;
  for (const auto& r : engine.match_all(Side::job, o))
    for (const auto& m : r.matches) ours[{r.query_id, m.id}] = m.score;
  Metrics pipeline = evaluate(corpus, [&](const Doc& j, const Doc& c) {
    auto it = ours.find({j.id, c.id});
    return it == ours.end() ? 0.0 : it->second;
  });

  TfIdf tfidf;
  tfidf.fit(corpus);
  std::map<std::string, std::map<std::string, double>> vecs;
  for (const auto* side : {&corpus.jobs, &corpus.candidates})
    for (const auto& d : *side) vecs[d.id] = tfidf.vec(d);
  Metrics baseline = evaluate(corpus, [&](const Doc& j, const Doc& c) { return TfIdf::cosine(vecs[j.id], vecs[c.id]); });

  MESSAGE("jobs " << corpus.jobs.size() << ", candidates " << corpus.candidates.size());
  MESSAGE("skillmatch: recall@10 = " << pipeline.recall_at_10 << ", MRR = " << pipeline.mrr);
  MESSAGE("TF-IDF baseline: recall@10 = " << baseline.recall_at_10 << ", MRR = " << baseline.mrr);
  CHECK(pipeline.recall_at_10 > baseline.recall_at_10 + 0.05);
  CHECK(pipeline.mrr > baseline.mrr + 0.05);
}
