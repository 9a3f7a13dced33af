#include "cli/matching_evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <exception>
#include <map>
#include <thread>

#include <boost/json.hpp>

#include "skillmatch/error.hpp"

namespace skillmatch::cli {
namespace {

namespace json = boost::json;

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// `_occupation` and `_split` of every line (the profile parser ignores `_` fields by design).
void read_labels(const std::string& path, EvalSet& set, std::vector<std::string>& ids) {
  std::ifstream in(path);
  if (!in) fail(ErrorCode::io_error, "cannot open " + path);
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(n);
    json::error_code ec;
    json::value v = json::parse(line, ec);
    if (ec || !v.is_object()) fail(ErrorCode::parse_error, where + ": not a JSON object");
    const auto& o = v.get_object();
    auto text = [&](const char* key) -> std::string {
      const json::value* x = o.if_contains(key);
      if (!x || !x->is_string()) fail(ErrorCode::invalid_argument, where + ": missing string field " + key);
      return std::string(x->get_string());
    };
    std::string id = text("id"), occupation = text("_occupation"), split = text("_split");
    if (split != "dev" && split != "test") fail(ErrorCode::invalid_argument, where + ": _split must be dev or test");
    set.occupation[id] = occupation;
    set.split[id] = split;
    ids.push_back(id);
  }
}

void add_texts(EvalSet& set, const std::vector<Profile>& profiles) {
  for (const auto& p : profiles) {
    auto& t = set.texts[p.id];
    for (const auto& s : p.skills) t.push_back(lower(s.text));
    for (const auto& s : p.unknown_skills) t.push_back(lower(s));
  }
}

std::string split_filter(const std::string& split) { return "split = \"" + split + "\""; }

}  // namespace

EvalSet load_eval_set(const std::string& dir, std::shared_ptr<const Resolver> resolver, std::size_t threads,
                      const SimilarityOptions& similarity) {
  EvalSet set;
  set.name = dir;
  const std::string jobs_path = dir + "/jobs.jsonl", cands_path = dir + "/candidates.jsonl";
  read_labels(jobs_path, set, set.job_ids);
  read_labels(cands_path, set, set.candidate_ids);
  auto jobs = read_profiles_jsonl_file(jobs_path, *resolver);
  auto cands = read_profiles_jsonl_file(cands_path, *resolver);
  for (auto* side : {&jobs, &cands})
    for (auto& p : *side) p.attributes.set_string("split", set.split.at(p.id));
  add_texts(set, jobs);
  add_texts(set, cands);
  EngineOptions o;
  o.resolver = std::move(resolver);
  o.threads = threads;
  o.similarity = similarity;
  o.job_schema.add_categorical("split");
  o.candidate_schema.add_categorical("split");
  set.engine = std::make_unique<Engine>(std::move(o));
  set.engine->upsert_all(Side::job, jobs);
  set.engine->upsert_all(Side::candidate, cands);
  return set;
}

MatchOptions evaluation_options(const MatchOptions& base) {
  MatchOptions o = base;
  o.k = 200;
  o.rerank_depth = 200;  // what k = 10 re-ranks by default
  o.explain = false;
  return o;
}

Rankings engine_rankings(const EvalSet& set, Side query_side, const std::string& split, MatchOptions options) {
  // The split's queries one by one (match_id, the same pipeline as match_all), on two threads: a
  // batch over every stored query would also run the other split's.
  options.filter = split_filter(split);
  options.threads = 1;
  std::vector<std::string> queries;
  for (const auto& id : query_side == Side::job ? set.job_ids : set.candidate_ids)
    if (set.split.at(id) == split) queries.push_back(id);
  std::vector<std::vector<std::string>> ranked(queries.size());
  auto work = [&](std::size_t first) {
    for (std::size_t i = first; i < queries.size(); i += 2)
      for (auto& m : set.engine->match_id(query_side, queries[i], options).matches) ranked[i].push_back(std::move(m.id));
  };
  std::exception_ptr failed;
  std::thread other([&] {
    try {
      work(1);
    } catch (...) {
      failed = std::current_exception();
    }
  });
  try {
    work(0);
  } catch (...) {
    other.join();
    throw;
  }
  other.join();
  if (failed) std::rethrow_exception(failed);
  Rankings out;
  for (std::size_t i = 0; i < queries.size(); ++i) out[queries[i]] = std::move(ranked[i]);
  return out;
}

Rankings tfidf_rankings(const EvalSet& set, Side query_side, const std::string& split) {
  std::vector<const std::string*> jobs, cands;
  for (const auto& id : set.job_ids)
    if (set.split.at(id) == split) jobs.push_back(&id);
  for (const auto& id : set.candidate_ids)
    if (set.split.at(id) == split) cands.push_back(&id);
  std::map<std::string, double> df;
  for (const auto* side : {&jobs, &cands})
    for (const auto* id : *side) {
      auto t = set.texts.at(*id);
      std::sort(t.begin(), t.end());
      t.erase(std::unique(t.begin(), t.end()), t.end());
      for (const auto& term : t) df[term] += 1;
    }
  const double n = double(jobs.size() + cands.size());
  auto vec = [&](const std::string& id) {
    std::map<std::string, double> v;
    for (const auto& term : set.texts.at(id)) v[term] += 1;
    double norm = 0;
    for (auto& [term, x] : v) {
      x *= std::log((1 + n) / (1 + df[term])) + 1;
      norm += x * x;
    }
    for (auto& [term, x] : v) x /= std::sqrt(norm);
    return v;
  };
  std::unordered_map<std::string, std::map<std::string, double>> vectors;
  for (const auto* side : {&jobs, &cands})
    for (const auto* id : *side) vectors[*id] = vec(*id);
  const auto& queries = query_side == Side::job ? jobs : cands;
  const auto& docs = query_side == Side::job ? cands : jobs;
  Rankings out;
  for (const auto* q : queries) {
    const auto& qv = vectors.at(*q);
    std::vector<std::pair<double, const std::string*>> scored;
    for (const auto* d : docs) {
      double s = 0;
      for (const auto& [term, x] : vectors.at(*d))
        if (auto it = qv.find(term); it != qv.end()) s += x * it->second;
      scored.emplace_back(s, d);
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : *a.second < *b.second;
    });
    auto& ids = out[*q];
    for (const auto& [s, d] : scored) ids.push_back(*d);
  }
  return out;
}

BothDirections evaluate(const EvalSet& set, const std::string& split, const Rankings& job_queries,
                        const Rankings& candidate_queries) {
  // How many documents of each side share an occupation within the split.
  std::map<std::string, std::size_t> jobs_of, cands_of;
  for (const auto& id : set.job_ids)
    if (set.split.at(id) == split) ++jobs_of[set.occupation.at(id)];
  for (const auto& id : set.candidate_ids)
    if (set.split.at(id) == split) ++cands_of[set.occupation.at(id)];
  auto mean = [&](const Rankings& rankings, const std::map<std::string, std::size_t>& relevant_of) {
    MeanMetrics m;
    std::vector<std::uint8_t> rel;
    for (const auto& [query, docs] : rankings) {
      const std::string& occ = set.occupation.at(query);
      auto it = relevant_of.find(occ);
      if (it == relevant_of.end()) continue;  // a distractor: nothing is relevant to it
      rel.clear();
      for (const auto& d : docs) rel.push_back(set.occupation.at(d) == occ);
      m.add(ranking_metrics(rel, it->second, 10));
    }
    return m.mean();
  };
  return {mean(job_queries, cands_of), mean(candidate_queries, jobs_of)};
}

double objective(const std::vector<EvalSet*>& sets, const std::string& split, const MatchOptions& options) {
  double total = 0;
  const MatchOptions o = evaluation_options(options);
  for (const EvalSet* s : sets) {
    auto m = evaluate(*s, split, engine_rankings(*s, Side::job, split, o), engine_rankings(*s, Side::candidate, split, o));
    total += (m.job_to_candidates.recall + m.job_to_candidates.ndcg + m.candidate_to_jobs.rr) / 3;
  }
  return total / double(sets.size());
}

MatchOptions fit_on_dev(const std::vector<EvalSet*>& sets, MatchOptions start) {
  // Parameters: the skill share a of the non-preference weight, the must-have share b of the skill
  // weight, similarity_floor and specificity. Scores are linear in the weights, so fixing their sum
  // loses nothing.
  const float rest = 1.0f - start.weights.preferences;
  auto apply = [&](MatchOptions o, const std::vector<float>& p) {
    o.weights.vector = rest * (1 - p[0]);
    o.weights.required = rest * p[0] * p[1];
    o.weights.preferred = rest * p[0] * (1 - p[1]);
    o.similarity_floor = p[2];
    o.specificity = p[3];
    return o;
  };
  const float skills = start.weights.vector + start.weights.required + start.weights.preferred;
  std::vector<float> p = {(start.weights.required + start.weights.preferred) / skills,
                          start.weights.required / std::max(1e-6f, start.weights.required + start.weights.preferred),
                          start.similarity_floor, start.specificity};
  std::vector<std::vector<float>> grids(4);
  for (int i = 0; i <= 20; ++i) grids[0].push_back(float(i) / 20);
  // A must-have never counts less than a nice-to-have (what a recruiter reads in the explanation), so
  // the must-have share of the skill weight is fitted in [0.5, 1].
  for (int i = 5; i <= 10; ++i) grids[1].push_back(float(i) / 10);
  for (int i = 0; i <= 12; ++i) grids[2].push_back(float(i) / 20);
  for (int i = 0; i <= 4; ++i) grids[3].push_back(float(i) / 4);
  const char* names[] = {"skill share", "must-have share", "similarity_floor", "specificity"};
  double best = objective(sets, "dev", apply(start, p));
  std::fprintf(stderr, "  fit: start dev objective %.4f\n", best);
  for (int sweep = 0; sweep < 4; ++sweep) {
    bool improved = false;
    for (std::size_t d = 0; d < p.size(); ++d) {
      for (float v : grids[d]) {
        if (v == p[d]) continue;
        auto q = p;
        q[d] = v;
        double f = objective(sets, "dev", apply(start, q));
        if (f > best + 1e-6) {
          best = f;
          p = q;
          improved = true;
          std::fprintf(stderr, "  fit: sweep %d %s = %.2f -> dev objective %.4f\n", sweep + 1, names[d], double(v), best);
        }
      }
    }
    if (!improved) break;
  }
  return apply(start, p);
}

}  // namespace skillmatch::cli
