// Resolver quality on the bundled taxonomy: a deterministic sample of O*NET technology examples is
// turned into the noisy forms people write, one noise kind at a time, and the top-1 accuracy of each
// kind is printed and checked against a floor. The floors were set below what was measured when the
// test was written (see the report in the commit), leaving margin for taxonomy updates; they guard
// against regressions, not against the exact items.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "skillmatch/resolver.hpp"
#include "skillmatch/taxonomy_io.hpp"

using namespace skillmatch;

namespace {

constexpr unsigned kSeed = 20261127;
constexpr std::size_t kSample = 600;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return is_upper(c) || (c >= 'a' && c <= 'z'); }

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string full_width(std::string_view s) {
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == ' ') {
      out += "\xE3\x80\x80";  // U+3000 ideographic space
    } else if (c >= 0x21 && c <= 0x7E) {
      const unsigned cp = 0xFF01 + (c - 0x21);  // U+FF01..U+FF5E
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += ch;
    }
  }
  return out;
}

struct Tally {
  std::size_t total = 0, correct = 0;
  double accuracy() const { return total ? static_cast<double>(correct) / static_cast<double>(total) : 0.0; }
};

}  // namespace

TEST_CASE("Resolver quality on noisy O*NET technology names (bundled taxonomy)") {
  const auto taxonomy = bundled_taxonomy();
  const Resolver resolver(taxonomy);
  std::mt19937 rng(kSeed);

  // Every O*NET technology example, and how many example names each first word starts (to tell
  // vendor prefixes without asking the resolver what it learned).
  std::vector<ConceptIndex> examples;
  std::map<std::string, std::size_t> first_word_count, word_count, prefix_count;
  for (ConceptIndex c = 0; c < taxonomy->size(); ++c) {
    if (!starts_with(taxonomy->id(c), "onet:tech:") || taxonomy->kind(c) != ConceptKind::technology) continue;
    examples.push_back(c);
    const auto words = split_words(taxonomy->preferred_label(c));
    if (words.size() >= 2) ++first_word_count[words[0]];
    for (const auto& w : words) ++word_count[w];
    std::string prefix;
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
      prefix += (k ? " " : "") + words[k];
      ++prefix_count[prefix];
    }
  }
  // A vendor word starts at least five example names and is (nearly) always first where it occurs.
  auto is_vendor = [&](const std::string& w) {
    const std::size_t first = first_word_count[w];
    return first >= 5 && 5 * first >= 4 * word_count[w];
  };
  REQUIRE(examples.size() > 5000);
  std::vector<ConceptIndex> sample = examples;
  std::shuffle(sample.begin(), sample.end(), rng);
  sample.resize(kSample);

  std::map<std::string, Tally> tally;
  std::map<std::string, std::vector<std::string>> misses;
  // Misses where the winner carries the text as one of its own labels: the taxonomy has another
  // concept of that name (an unmerged duplicate or a true homonym), which no resolver can undo.
  std::map<std::string, std::size_t> label_of_winner;
  auto check = [&](const std::string& kind, const std::string& text, ConceptIndex expected) {
    const auto m = resolver.resolve_best(text);
    Tally& t = tally[kind];
    ++t.total;
    if (m && m->concept_index == expected) {
      ++t.correct;
      return;
    }
    if (m) {
      ResolveOptions no_fuzzy;
      no_fuzzy.fuzzy = false;
      const auto direct = resolver.resolve(text, no_fuzzy);
      if (!direct.empty() && direct.front().method <= MatchMethod::synonym) ++label_of_winner[kind];
    }
    if (misses[kind].size() < 5) {
      misses[kind].push_back(text + " -> " + (m ? std::string(taxonomy->id(m->concept_index)) : "<none>") +
                             " (want " + std::string(taxonomy->id(expected)) + ")");
    }
  };

  std::uniform_int_distribution<int> coin(0, 1), three(0, 2);
  const std::vector<std::string> separators = {"", "-", "_", ".", " - ", "  ", "/"};
  for (ConceptIndex c : sample) {
    const std::string label(taxonomy->preferred_label(c));
    const auto words = split_words(label);

    // Case changes.
    std::string cased = label;
    switch (three(rng)) {
      case 0: std::transform(cased.begin(), cased.end(), cased.begin(), [](char ch) { return is_upper(ch) ? static_cast<char>(ch + 32) : ch; }); break;
      case 1: std::transform(cased.begin(), cased.end(), cased.begin(), [](char ch) { return (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 32) : ch; }); break;
      default:
        for (auto& ch : cased)
          if (is_alpha(ch) && coin(rng)) ch = static_cast<char>(ch ^ 0x20);
    }
    check("case", cased, c);

    // Spacing and punctuation changes: names of several words joined differently.
    if (words.size() >= 2) {
      std::string spaced = words[0];
      for (std::size_t i = 1; i < words.size(); ++i)
        spaced += separators[std::uniform_int_distribution<std::size_t>(0, separators.size() - 1)(rng)] + words[i];
      check("spacing", spaced, c);
    }

    // Vendor dropped ("Microsoft Excel" -> "Excel"): the vendor word, extended while every example
    // name (at least three) that starts like it goes on with the same word ("Turtle Creek Software",
    // "Red Hat", but not "IBM Rational"); what remains must look like a product name (capital or
    // digit first), not a description ("Wide area network WAN software" does not become
    // "area network WAN software").
    if (words.size() >= 2 && is_vendor(words[0])) {
      std::size_t drop = 1;
      std::string prefix = words[0];
      while (drop + 1 < words.size()) {
        const std::string longer = prefix + " " + words[drop];
        if (prefix_count[prefix] < 3 || prefix_count[longer] != prefix_count[prefix]) break;
        prefix = longer;
        ++drop;
      }
      std::string rest = words[drop];
      for (std::size_t i = drop + 1; i < words.size(); ++i) rest += " " + words[i];
      if (is_upper(rest[0]) || (rest[0] >= '0' && rest[0] <= '9')) check("vendor_dropped", rest, c);
    }

    // Single typo in a long name: substitute, delete, insert or transpose one letter.
    if (label.size() >= 8) {
      std::vector<std::size_t> letters;
      for (std::size_t i = 0; i < label.size(); ++i)
        if (is_alpha(label[i])) letters.push_back(i);
      if (!letters.empty()) {
        std::string typo = label;
        const std::size_t at = letters[std::uniform_int_distribution<std::size_t>(0, letters.size() - 1)(rng)];
        const char other = static_cast<char>('a' + std::uniform_int_distribution<int>(0, 25)(rng));
        switch (std::uniform_int_distribution<int>(0, 3)(rng)) {
          case 0: typo[at] = (other == static_cast<char>(typo[at] | 0x20)) ? static_cast<char>(other == 'z' ? 'a' : other + 1) : other; break;
          case 1: typo.erase(at, 1); break;
          case 2: typo.insert(at, 1, other); break;
          default:
            if (at + 1 < typo.size() && typo[at] != typo[at + 1]) std::swap(typo[at], typo[at + 1]);
            else typo.erase(at, 1);
        }
        check("typo", typo, c);
      }
    }

    check("full_width", full_width(label), c);
  }

  // Acronym only: every example with an all-caps token of 2-6 letters that are the initials of the
  // words just before it, ending the name or followed only by "software"
  // ("Amazon Web Services AWS software" -> "AWS", "Job control language JCL" -> "JCL").
  for (ConceptIndex c : examples) {
    const auto words = split_words(taxonomy->preferred_label(c));
    for (std::size_t i = 2; i < words.size(); ++i) {
      const std::string& w = words[i];
      const bool caps = w.size() >= 2 && w.size() <= 6 && std::all_of(w.begin(), w.end(), is_upper);
      const bool at_end = i + 1 == words.size() || (i + 2 == words.size() && words[i + 1] == "software");
      if (!caps || !at_end || w.size() > i) continue;
      bool initials = true;
      for (std::size_t k = 0; k < w.size(); ++k)
        initials = initials && (words[i - w.size() + k][0] | 0x20) == (w[k] | 0x20);
      if (initials) check("acronym_only", w, c);
    }
  }

  // Stack Overflow synonyms: examples that carry hidden labels (tag synonyms merged into them).
  std::vector<ConceptIndex> with_hidden;
  for (ConceptIndex c : examples)
    for (const Label& l : taxonomy->labels(c))
      if (l.kind == LabelKind::hidden) {
        with_hidden.push_back(c);
        break;
      }
  std::shuffle(with_hidden.begin(), with_hidden.end(), rng);
  if (with_hidden.size() > kSample) with_hidden.resize(kSample);
  for (ConceptIndex c : with_hidden) {
    std::vector<std::string> hidden;
    for (const Label& l : taxonomy->labels(c))
      if (l.kind == LabelKind::hidden) hidden.push_back(l.text);
    check("so_synonym", hidden[std::uniform_int_distribution<std::size_t>(0, hidden.size() - 1)(rng)], c);
  }

  // Floors per kind, set under the accuracy measured when this test was written (in the comment).
  // Measured at commit time (seed 20261127, 600 sampled examples): case 1.00 (600/600), spacing 1.00
  // (529/529), full_width 1.00 (600/600), typo 1.00 (565/565), so_synonym 0.976 (124/127),
  // vendor_dropped 0.81 (73/90), acronym_only 0.70 (284/406; most misses are other concepts that
  // have the acronym as their own label, e.g. "SQL", "AWS", "CSS" in ESCO or Stack Overflow).
  const std::map<std::string, double> floors = {
      {"case", 0.97},           {"spacing", 0.97}, {"vendor_dropped", 0.65}, {"acronym_only", 0.55},
      {"so_synonym", 0.90},     {"typo", 0.90},    {"full_width", 0.97}};
  for (const auto& [kind, floor] : floors) {
    const Tally& t = tally[kind];
    std::string examples_missed;
    for (const auto& m : misses[kind]) examples_missed += "\n    " + m;
    MESSAGE(kind << ": top-1 accuracy " << t.accuracy() << " (" << t.correct << "/" << t.total << "), floor " << floor
                 << "; misses won by a concept labelled with the text itself: " << label_of_winner[kind]
                 << examples_missed);
    CHECK(t.total >= 20);
    CHECK(t.accuracy() >= floor);
  }

  // Nonsense stays unknown even against the whole taxonomy.
  for (const char* s : {"banana smoothie", "qwertyuiop", "asdfghjkl", "purple elephant dance", "lorem ipsum dolor"})
    CHECK_MESSAGE(!resolver.resolve_best(s), s);
}
