// skillmatch evaluate-extractor: loose-overlap precision/recall/F1 on SkillSpan CoNLL files
// (knowledge spans) and concept-level precision/recall/F1 on the Japanese posting sets
// (benchmarks/quality/extract/ja_*.tsv); --learn writes the learned key lists from training files.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/taxonomy_option.hpp"
#include "skillmatch/extract.hpp"
#include "skillmatch/normalizer.hpp"

namespace skillmatch::cli {
namespace {

struct Span {
  std::size_t begin, end;  // bytes of the sentence
};
struct Sentence {
  std::string text;
  std::vector<Span> knowledge, skill;
};

// CoNLL: token<TAB>skill tag<TAB>knowledge tag, sentences separated by blank lines. The sentence
// text is its tokens joined by single spaces.
std::vector<Sentence> read_conll(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw UsageError("cannot read " + path.string());
  std::vector<Sentence> out;
  Sentence cur;
  std::optional<Span> open_k, open_s;
  auto close = [&](std::optional<Span>& open, std::vector<Span>& into) {
    if (open) into.push_back(*open), open.reset();
  };
  auto flush = [&] {
    close(open_k, cur.knowledge);
    close(open_s, cur.skill);
    if (!cur.text.empty()) out.push_back(std::move(cur));
    cur = Sentence{};
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    const auto t1 = line.find('\t');
    const auto t2 = t1 == std::string::npos ? std::string::npos : line.find('\t', t1 + 1);
    if (t2 == std::string::npos) continue;
    const std::string token = line.substr(0, t1), stag = line.substr(t1 + 1, t2 - t1 - 1), ktag = line.substr(t2 + 1);
    if (!cur.text.empty()) cur.text += ' ';
    const std::size_t b = cur.text.size();
    cur.text += token;
    const std::size_t e = cur.text.size();
    auto step = [&](const std::string& tag, std::optional<Span>& open, std::vector<Span>& into) {
      if (tag.starts_with("B")) {
        close(open, into);
        open = Span{b, e};
      } else if (tag.starts_with("I") && open) {
        open->end = e;
      } else {
        close(open, into);
      }
    };
    step(ktag, open_k, cur.knowledge);
    step(stag, open_s, cur.skill);
  }
  flush();
  return out;
}

bool overlaps(const Span& a, std::size_t b, std::size_t e) { return a.begin < e && b < a.end; }

bool knowledge_kind(ConceptKind k) {
  return k == ConceptKind::technology || k == ConceptKind::knowledge || k == ConceptKind::language ||
         k == ConceptKind::certification;
}

struct Prf {
  std::size_t pred = 0, pred_ok = 0, gold = 0, gold_found = 0;
  double p() const { return pred ? double(pred_ok) / double(pred) : 0; }
  double r() const { return gold ? double(gold_found) / double(gold) : 0; }
  double f() const { return p() + r() > 0 ? 2 * p() * r() / (p() + r()) : 0; }
};

void print_prf(const std::string& name, const Prf& x) {
  std::printf("%-34s P %.3f  R %.3f  F1 %.3f  (pred %zu, gold %zu)\n", name.c_str(), x.p(), x.r(), x.f(), x.pred, x.gold);
}

// Japanese set: id<TAB>text<TAB>gold names separated by '|' (each resolved to its concept).
int evaluate_japanese(const Extractor& ex, const std::filesystem::path& path, bool show_errors) {
  std::ifstream in(path);
  if (!in) throw UsageError("cannot read " + path.string());
  const Taxonomy& tax = ex.taxonomy();
  Prf prf;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    if (t1 == std::string::npos || t2 == std::string::npos) {
      std::fprintf(stderr, "%s:%zu: expected id<TAB>text<TAB>gold\n", path.c_str(), line_no);
      return 1;
    }
    const std::string text = line.substr(t1 + 1, t2 - t1 - 1), gold_names = line.substr(t2 + 1);
    std::set<ConceptIndex> gold, pred;
    for (std::size_t i = 0; i <= gold_names.size();) {
      std::size_t j = gold_names.find('|', i);
      if (j == std::string::npos) j = gold_names.size();
      const std::string name = gold_names.substr(i, j - i);
      i = j + 1;
      if (name.empty()) continue;
      ResolveOptions ro;
      ro.fuzzy = false;
      auto m = ex.resolver().resolve_best(name, ro);
      if (!m) {
        std::fprintf(stderr, "%s:%zu: gold name '%s' is not in the taxonomy\n", path.c_str(), line_no, name.c_str());
        return 1;
      }
      gold.insert(m->concept_index);
    }
    for (const Mention& m : ex.extract(text)) pred.insert(m.concept_index);
    prf.pred += pred.size();
    prf.gold += gold.size();
    for (ConceptIndex c : pred) prf.pred_ok += gold.count(c);
    for (ConceptIndex c : gold) prf.gold_found += pred.count(c);
    if (show_errors) {
      for (ConceptIndex c : pred)
        if (!gold.count(c)) std::printf("  FP %s: %s\n", std::string(tax.preferred_label(c)).c_str(), text.c_str());
      for (ConceptIndex c : gold)
        if (!pred.count(c)) std::printf("  FN %s: %s\n", std::string(tax.preferred_label(c)).c_str(), text.c_str());
    }
  }
  print_prf(path.filename().string() + " concepts", prf);
  return 0;
}

}  // namespace

int run_evaluate_extractor(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch evaluate-extractor [--conll FILE]... [--japanese FILE]... [--errors] [--learn OUT.inc]\n"
        "--conll: SkillSpan CoNLL files (token, skill tag, knowledge tag). Prints loose-overlap precision,\n"
        "  recall and F1 against knowledge spans of every mention, and of technology/knowledge/language/\n"
        "  certificate mentions only (a mention is right when it overlaps a gold span; a gold span is found\n"
        "  when a mention overlaps it), and of every mention against skill or knowledge spans.\n"
        "--errors also lists false positives (mentions on no span) and missed knowledge spans.\n"
        "--japanese: benchmarks/quality/extract/ja_*.tsv (id, text, gold names separated by '|'). Prints\n"
        "  concept-level precision, recall and F1 (a sentence's set of concepts against its gold set).\n"
        "--learn OUT.inc: from the CoNLL files (training splits only), writes the learned key lists of\n"
        "  src/extract/learned_keys.inc: keys right in under 40 % of at least 3 predictions need context,\n"
        "  keys right in under 15 % of at least 4 are never mentions (a technology or knowledge mention is\n"
        "  right on a knowledge span, a skill mention on a skill or knowledge span).\n"
        "Default: every ja_dev/ja_test file of benchmarks/quality/extract when run from the source tree.");
    return 0;
  }
  auto conll = args.take_all("conll");
  auto japanese = args.take_all("japanese");
  const bool errors = args.take_flag("errors");
  const auto learn = args.take_option("learn");
  auto taxonomy = take_taxonomy(args);
  args.finish();
  if (conll.empty() && japanese.empty()) {
    for (const char* f : {"benchmarks/quality/extract/ja_dev.tsv", "benchmarks/quality/extract/ja_test.tsv"})
      if (std::filesystem::exists(f)) japanese.emplace_back(f);
    if (japanese.empty()) throw UsageError("nothing to evaluate: give --conll or --japanese files");
  }
  Extractor ex(std::make_shared<const Resolver>(taxonomy));
  std::map<std::string, std::pair<std::size_t, std::size_t>> key_stats;  // normalised mention -> (pred, right)
  for (const std::string& file : conll) {
    const auto sentences = read_conll(file);
    Prf know_all, know_kinds, any;
    for (const Sentence& s : sentences) {
      const auto mentions = ex.extract(s.text);
      know_all.gold += s.knowledge.size();
      know_kinds.gold += s.knowledge.size();
      any.gold += s.knowledge.size() + s.skill.size();
      std::vector<bool> k_all(s.knowledge.size()), k_kinds(s.knowledge.size()), s_found(s.skill.size());
      for (const Mention& m : mentions) {
        const bool kk = knowledge_kind(ex.taxonomy().kind(m.concept_index));
        bool in_k = false, in_s = false;
        for (std::size_t i = 0; i < s.knowledge.size(); ++i)
          if (overlaps(s.knowledge[i], m.begin, m.end)) in_k = true, k_all[i] = true, k_kinds[i] = k_kinds[i] || kk;
        for (std::size_t i = 0; i < s.skill.size(); ++i)
          if (overlaps(s.skill[i], m.begin, m.end)) in_s = true, s_found[i] = true;
        ++know_all.pred;
        know_all.pred_ok += in_k;
        if (kk) ++know_kinds.pred, know_kinds.pred_ok += in_k;
        if (errors && !in_k && !in_s)
          std::printf("  FP %s [%s]: %s\n", m.text.c_str(), std::string(ex.taxonomy().preferred_label(m.concept_index)).c_str(), s.text.c_str());
        ++any.pred;
        any.pred_ok += in_k || in_s;
        auto& ks = key_stats[normalize_text(m.text)];
        ++ks.first;
        // A technology or body of knowledge is right on a knowledge span; a skill on either kind.
        ks.second += kk ? in_k : (in_k || in_s);
      }
      for (std::size_t i = 0; i < s.knowledge.size(); ++i) {
        know_all.gold_found += k_all[i];
        know_kinds.gold_found += k_kinds[i];
        any.gold_found += k_all[i];
        if (errors && !k_all[i])
          std::printf("  FN %s: %s\n", s.text.substr(s.knowledge[i].begin, s.knowledge[i].end - s.knowledge[i].begin).c_str(), s.text.c_str());
      }
      for (bool f : s_found) any.gold_found += f;
    }
    const std::string name = std::filesystem::path(file).filename().string();
    std::printf("%s: %zu sentences\n", name.c_str(), sentences.size());
    print_prf("  knowledge, all mentions", know_all);
    print_prf("  knowledge, tech/knowledge kinds", know_kinds);
    print_prf("  skill+knowledge, all mentions", any);
  }
  if (learn) {
    std::ofstream out(*learn);
    if (!out) throw UsageError("cannot write " + *learn);
    std::vector<std::string> ambiguous, blocked;
    for (const auto& [key, st] : key_stats) {
      const double p = double(st.second) / double(st.first);
      if (st.first >= 4 && p < 0.15) blocked.push_back(key);
      else if (st.first >= 3 && p < 0.4) ambiguous.push_back(key);
    }
    auto write = [&](const char* name, const std::vector<std::string>& keys) {
      out << "constexpr std::array<std::string_view, " << std::max<std::size_t>(1, keys.size()) << "> " << name << " = {\n";
      if (keys.empty()) out << "    \"\\x01\"sv,\n";
      for (const auto& k : keys) {
        out << "    \"";
        for (char c : k) {
          if (c == '"' || c == '\\') out << '\\';
          out << c;
        }
        out << "\"sv,\n";
      }
      out << "};\n";
    };
    out << "// Written by `skillmatch evaluate-extractor --learn` from SkillSpan's training splits (MIT,\n"
           "// Zhang et al. 2022; data/PROVENANCE.md); do not edit. Normalised keys, sorted.\n";
    write("kLearnedAmbiguous", ambiguous);
    write("kLearnedBlocked", blocked);
    std::printf("learned: %zu keys need context, %zu blocked -> %s\n", ambiguous.size(), blocked.size(), learn->c_str());
  }
  for (const std::string& file : japanese)
    if (int rc = evaluate_japanese(ex, file, errors)) return rc;
  return 0;
}

}  // namespace skillmatch::cli
