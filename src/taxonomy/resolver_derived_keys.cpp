// Derived keys of the Resolver: vendor words, generic trailing words and embedded acronyms, all
// learned from the taxonomy's own labels (see resolver.hpp for the rules and why).
#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "skillmatch/normalizer.hpp"
#include "taxonomy/resolver_internal.hpp"

namespace skillmatch::detail {
namespace {

// Thresholds of the learning. Counts scale with the number of multi-word names so that a small
// taxonomy (tests, a portal's own list) learns from the same proportions as the bundled one.
constexpr std::size_t kMinVendorCount = 3;      // names a vendor word must start
constexpr double kMinVendorShare = 0.8;         // of the names containing the word, share it starts
constexpr std::size_t kGenericPerNames = 500;   // a word ending 1 in 500 names is generic...
constexpr std::size_t kTrailingPerNames = 150;  // ...and 1 in 150 may be dropped from a name's end
constexpr double kMinTrailingShare = 0.6;       // of the names containing the word, share it ends
// A generic last word of skill/knowledge labels ("regulations", "techniques") ends at least 1 in 500 of
// them and 70 % of the labels containing it: "engineering" (63 %) or "language" (64 %) are heads, not fillers.
constexpr double kMinAreaTrailingShare = 0.7;
constexpr std::size_t kMinGenericCount = 3;
constexpr std::size_t kMaxVendorWords = 3;      // "Scientific Software Group", "Turtle Creek Software"

// Function words skipped when checking that an acronym spells the words before it
// ("Visual Basic for Applications VBA"): English grammar, not a list of skills.
constexpr std::array<std::string_view, 10> kFunctionWords = {"a", "an", "and", "for", "in",
                                                             "of", "on", "the", "to", "with"};
bool is_function_word(std::string_view w) {
  return std::find(kFunctionWords.begin(), kFunctionWords.end(), w) != kFunctionWords.end();
}

bool sorted_contains(const std::vector<std::string>& v, std::string_view w) {
  return std::binary_search(v.begin(), v.end(), w, std::less<>{});
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string join(std::span<const std::string> words) {
  std::string out;
  for (const auto& w : words) out += w;
  return out;
}

// Can acr[a..] be split into consecutive non-empty chunks, one per content word of words[k..end),
// each chunk a subsequence of its word? A chunk normally starts at its word's first letter; one
// chunk may start inside its word ("eXtensible markup language XML").
bool spells(std::string_view acr, std::size_t a, std::span<const std::string> words, std::size_t k,
            bool exception_left) {
  if (k == words.size()) return a == acr.size();
  const std::string& w = words[k];
  if (is_function_word(w) && spells(acr, a, words, k + 1, exception_left)) return true;
  if (a == acr.size()) return false;
  const bool anchored = !w.empty() && w[0] == acr[a];
  if (!anchored && !exception_left) return false;
  // Take chunk acr[a, a + len) greedily as a subsequence of w.
  std::size_t pos = anchored ? 1 : w.find(acr[a]);
  if (pos == std::string::npos) return false;
  if (!anchored) ++pos;
  for (std::size_t end = a + 1;; ++end) {
    if (spells(acr, end, words, k + 1, exception_left && anchored)) return true;
    if (end == acr.size()) return false;
    pos = w.find(acr[end], pos);
    if (pos == std::string::npos) return false;
    ++pos;
  }
}

// The start of the words that `words[i]` spells as an acronym, or -1.
int acronym_span(const std::vector<std::string>& words, std::size_t i) {
  const std::string& acr = words[i];
  for (std::size_t s = i; s-- > 0;) {
    std::size_t content = 0;
    for (std::size_t k = s; k < i; ++k) content += is_function_word(words[k]) ? 0 : 1;
    if (content > acr.size()) break;
    if (content < 2) continue;
    if (spells(acr, 0, std::span(words).subspan(s, i - s), 0, true)) return static_cast<int>(s);
  }
  return -1;
}

bool is_caps_token(std::string_view raw, bool& letters_only) {
  while (!raw.empty() && std::string_view("()[]{},;:\"").find(raw.front()) != std::string_view::npos)
    raw.remove_prefix(1);
  while (!raw.empty() && std::string_view("()[]{},;:\"").find(raw.back()) != std::string_view::npos)
    raw.remove_suffix(1);
  if (raw.size() < 2 || raw.size() > 6 || raw[0] < 'A' || raw[0] > 'Z') return false;
  std::size_t letters = 0;
  for (char c : raw) {
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c < '0' || c > '9') return false;
  }
  letters_only = letters == raw.size();
  return letters >= 2;
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A crude English stem: enough for two wordings of one skill to meet, not a linguistic analysis.
std::string stem(std::string_view word) {
  std::string w(word);
  auto replace_tail = [&](std::string_view tail, std::string_view with) {
    if (!ends_with(w, tail) || w.size() < tail.size() + 2) return false;
    w.replace(w.size() - tail.size(), tail.size(), with);
    return true;
  };
  // British -> American spelling, then the analysis/analyse family.
  replace_tail("isation", "ization") || replace_tail("ise", "ize") || replace_tail("ised", "ized") ||
      replace_tail("ising", "izing") || replace_tail("ises", "izes") || replace_tail("yse", "yze") ||
      replace_tail("ysed", "yzed") || replace_tail("ysing", "yzing") || replace_tail("ysis", "yze") ||
      replace_tail("yses", "yze") || replace_tail("tre", "ter") || replace_tail("ogue", "og");
  // Plural.
  if (!replace_tail("ies", "y") && ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") && w.size() > 3)
    w.pop_back();
  // Verb and noun endings, longest first, keeping a stem of at least four letters.
  for (std::string_view tail : {"ization", "ation", "ment", "ing", "ion", "ed", "er", "e"}) {
    if (ends_with(w, tail) && w.size() >= tail.size() + 4) {
      w.resize(w.size() - tail.size());
      break;
    }
  }
  if (w.size() >= 5 && w[w.size() - 1] == w[w.size() - 2] && std::string_view("aeiou").find(w.back()) == std::string_view::npos)
    w.pop_back();  // "programm" -> "program", "plann" -> "plan"
  return w;
}

}  // namespace

std::vector<std::string> reworded_stems(std::span<const std::string_view> words) {
  std::vector<std::string> stems;
  for (std::string_view w : words)
    if (!w.empty() && !is_function_word(w)) stems.push_back(stem(w));
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
  return stems;
}

std::string reworded_key_of(std::span<const std::string> stems) {
  if (stems.size() < 2) return {};
  std::string key(1, '\x01');
  for (const auto& s : stems) (key += s) += ' ';
  return key;
}

std::string reworded_key(std::span<const std::string_view> words) { return reworded_key_of(reworded_stems(words)); }

bool LearnedWords::is_vendor(std::string_view w) const { return sorted_contains(vendor, w); }
std::size_t LearnedWords::vendor_prefix_length(std::span<const std::string> words) const {
  for (std::size_t k = std::min<std::size_t>(kMaxVendorWords, words.size() - (words.empty() ? 0 : 1)); k >= 2; --k) {
    std::string phrase = words[0];
    for (std::size_t i = 1; i < k; ++i) phrase.append(" ").append(words[i]);
    if (sorted_contains(vendor_phrase, phrase)) return k;
  }
  return words.size() > 1 && is_vendor(words[0]) ? 1 : 0;
}
bool LearnedWords::is_generic(std::string_view w) const { return sorted_contains(generic, w); }
bool LearnedWords::is_trailing(std::string_view w) const { return sorted_contains(trailing, w); }
bool LearnedWords::is_area_trailing(std::string_view w) const { return sorted_contains(area_trailing, w); }
bool LearnedWords::is_ordinary(std::string_view w) const { return sorted_contains(ordinary, w); }
bool LearnedWords::is_ordinary_phrase(std::string_view compact) const { return sorted_contains(ordinary_phrase, compact); }
bool LearnedWords::is_known(std::string_view w) const { return sorted_contains(known, w); }
std::span<const std::pair<std::string, std::string>> LearnedWords::equivalents(std::string_view stem) const {
  auto lo = std::lower_bound(equivalent_stems.begin(), equivalent_stems.end(), stem,
                             [](const auto& e, std::string_view s) { return e.first < s; });
  auto hi = lo;
  while (hi != equivalent_stems.end() && hi->first == stem) ++hi;
  return {lo, hi};
}

LabelWords split_label(std::string_view text) {
  LabelWords out;
  std::string spaced;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j == i) break;
    const std::string_view raw = text.substr(i, j - i);
    normalize_text_into(raw, spaced);
    std::string word = compact_key(spaced);
    if (!word.empty()) {
      bool letters_only = false;
      const bool caps = is_caps_token(raw, letters_only);
      out.words.push_back(std::move(word));
      out.caps.push_back(caps);
      out.caps_letters_only.push_back(caps && letters_only);
    }
    i = j;
  }
  return out;
}

bool is_name_label(const Label& label, ConceptKind kind) {
  // A product name has a space and a capital ("Microsoft Excel"); a tag written out with spaces
  // ("mysql python", "excel 2007") does not, and its first word is a topic, not a vendor.
  return kind == ConceptKind::technology &&
         (label.kind == LabelKind::preferred || label.kind == LabelKind::alternative) &&
         label.text.find(' ') != std::string::npos &&
         std::any_of(label.text.begin(), label.text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

namespace {

// Two wordings of one skill that differ in exactly one content word each ("create infrared imagery",
// "produce infrared imagery") make those words' stems equivalent for that concept. A pair seen in at
// least this many concepts is a rewording people use, not one concept's accident; ESCO's collections
// give about 170 such pairs (create/produce, manage/oversee, model/simulate, ICT/IT, colour/color).
// Pairs are used one substitution at a time and never chained (manage~maintain and maintain~repair do
// not make manage~repair).
constexpr std::size_t kMinEquivalentConcepts = 2;

// The verbs that start skill labels: a first word starting at least 1 in 500 skill labels counts,
// the 48 most frequent are kept (ESCO: manage, ensure, use, perform, create, ...). Bounded because the
// resolver tries each on the fallback path of an unknown text.
constexpr std::size_t kVerbPerLabels = 500;
constexpr std::size_t kMaxActivityVerbs = 48;

void learn_activity_verbs(const Taxonomy& taxonomy, LearnedWords& out) {
  std::unordered_map<std::string, std::size_t> first;  // stem of the first word -> skill labels
  std::size_t labels = 0;
  for (const Label& label : taxonomy.all_labels()) {
    if (label.kind != LabelKind::preferred && label.kind != LabelKind::alternative) continue;
    if (taxonomy.kind(label.concept_index) != ConceptKind::skill) continue;
    const auto words = split_label(label.text).words;
    if (words.size() < 2 || is_function_word(words[0])) continue;
    ++labels;
    ++first[stem(words[0])];
  }
  const std::size_t min_count = std::max<std::size_t>(kMinGenericCount, labels / kVerbPerLabels);
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (auto& [w, n] : first)
    if (n >= min_count) ranked.emplace_back(n, w);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (ranked.size() > kMaxActivityVerbs) ranked.resize(kMaxActivityVerbs);
  for (auto& [n, w] : ranked) out.activity_verbs.push_back(std::move(w));
}

void learn_equivalent_stems(const Taxonomy& taxonomy, LearnedWords& out) {
  std::map<std::pair<std::string, std::string>, std::size_t> concepts_per_pair;
  std::set<std::pair<std::string, std::string>> of_concept;
  std::vector<std::string_view> views;
  auto stems_of = [&](const Label& label) {
    const auto words = split_label(label.text).words;
    views.assign(words.begin(), words.end());
    return reworded_stems(views);
  };
  for (ConceptIndex c = 0; c < taxonomy.size(); ++c) {
    const ConceptKind k = taxonomy.kind(c);
    if (k != ConceptKind::skill && k != ConceptKind::knowledge && k != ConceptKind::soft_skill) continue;
    const auto labels = taxonomy.labels(c);
    if (labels.size() < 2) continue;
    const auto preferred = stems_of(labels.front());
    if (preferred.size() < 2) continue;
    of_concept.clear();
    for (const Label& alt : labels.subspan(1)) {
      if (alt.kind != LabelKind::alternative) continue;
      const auto other = stems_of(alt);
      std::vector<std::string> only_p, only_a;
      std::set_difference(preferred.begin(), preferred.end(), other.begin(), other.end(), std::back_inserter(only_p));
      std::set_difference(other.begin(), other.end(), preferred.begin(), preferred.end(), std::back_inserter(only_a));
      if (only_p.size() != 1 || only_a.size() != 1 || other.size() < 2) continue;
      of_concept.insert(std::minmax(only_p[0], only_a[0]));
    }
    for (const auto& pair : of_concept) ++concepts_per_pair[pair];
  }
  for (const auto& [pair, n] : concepts_per_pair) {
    if (n < kMinEquivalentConcepts) continue;
    out.equivalent_stems.emplace_back(pair.first, pair.second);
    out.equivalent_stems.emplace_back(pair.second, pair.first);
  }
  std::sort(out.equivalent_stems.begin(), out.equivalent_stems.end());
}

}  // namespace

LearnedWords learn_words(const Taxonomy& taxonomy) {
  struct Counts {
    std::size_t first = 0, last = 0, anywhere = 0;
  };
  std::unordered_map<std::string, Counts> word;
  // Phrases of 2..kMaxVendorWords words: first = starts a longer name, anywhere = occurs in a name.
  std::unordered_map<std::string, Counts> phrase;
  std::size_t names = 0;
  std::unordered_set<std::string> seen, known, ordinary, ordinary_phrase;
  std::unordered_map<std::string, Counts> area_word;  // last and anywhere, over skill/knowledge labels
  std::size_t area_labels = 0;
  LearnedWords out;
  for (const Label& label : taxonomy.all_labels()) {
    if (label.kind != LabelKind::preferred && label.kind != LabelKind::alternative) continue;
    const LabelWords lw = split_label(label.text);
    for (const auto& w : lw.words) known.insert(w);
    const ConceptKind k = taxonomy.kind(label.concept_index);
    if (lw.words.size() < 2 || k == ConceptKind::technology || k == ConceptKind::category ||
        k == ConceptKind::language || k == ConceptKind::certification)
      continue;
    if (k == ConceptKind::skill || k == ConceptKind::knowledge || k == ConceptKind::soft_skill) {
      ++area_labels;
      ++area_word[lw.words.back()].last;
      seen.clear();
      for (const auto& w : lw.words)
        if (seen.insert(w).second) ++area_word[w].anywhere;
    }
    // Lower-case words of a phrase: the ordinary vocabulary (names are written with capitals), and
    // runs of 2-3 of them: the ordinary phrases ("big data" in "big data analysis").
    std::string run[3];
    std::size_t run_length = 0;
    for (std::string_view text = label.text; !text.empty();) {
      const std::size_t space = text.find(' ');
      const std::string_view raw = text.substr(0, space);
      text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
      if (!(raw.size() >= 2 && std::all_of(raw.begin(), raw.end(), [](char c) { return c >= 'a' && c <= 'z'; }))) {
        run_length = 0;
        continue;
      }
      ordinary.emplace(raw);
      run[0] = std::move(run[1]), run[1] = std::move(run[2]), run[2] = std::string(raw);
      run_length = std::min<std::size_t>(run_length + 1, 3);
      if (run_length >= 2) ordinary_phrase.insert(run[1] + run[2]);
      if (run_length == 3) ordinary_phrase.insert(run[0] + run[1] + run[2]);
    }
  }
  out.ordinary_phrase.assign(ordinary_phrase.begin(), ordinary_phrase.end());
  std::sort(out.ordinary_phrase.begin(), out.ordinary_phrase.end());
  // Deduplicated in hash sets first: 70,000 labels repeat the same 20,000 words.
  out.known.assign(known.begin(), known.end());
  out.ordinary.assign(ordinary.begin(), ordinary.end());
  std::sort(out.known.begin(), out.known.end());
  std::sort(out.ordinary.begin(), out.ordinary.end());
  for (const Label& label : taxonomy.all_labels()) {
    if (!is_name_label(label, taxonomy.kind(label.concept_index))) continue;
    const auto words = split_label(label.text).words;
    if (words.size() < 2) continue;
    ++names;
    ++word[words.front()].first;
    ++word[words.back()].last;
    seen.clear();
    for (const auto& w : words)
      if (seen.insert(w).second) ++word[w].anywhere;
    seen.clear();
    for (std::size_t k = 0; k < words.size(); ++k) {
      std::string p = words[k];
      for (std::size_t len = 2; len <= kMaxVendorWords && k + len <= words.size(); ++len) {
        p.append(" ").append(words[k + len - 1]);
        if (seen.insert(p).second) ++phrase[p].anywhere;
        if (k == 0 && len < words.size()) ++phrase[p].first;
      }
    }
  }

  auto share_at_least = [](std::size_t part, std::size_t whole, double share) {
    return static_cast<double>(part) >= share * static_cast<double>(whole);
  };
  const std::size_t generic_min = std::max(kMinGenericCount, names / kGenericPerNames);
  const std::size_t trailing_min = std::max(kMinGenericCount, names / kTrailingPerNames);
  for (const auto& [w, n] : word) {
    if (n.first >= kMinVendorCount && share_at_least(n.first, n.anywhere, kMinVendorShare) && w.size() >= 2 &&
        !all_digits(w))
      out.vendor.push_back(w);
    if (n.last >= generic_min) out.generic.push_back(w);
    if (n.last >= trailing_min && share_at_least(n.last, n.anywhere, kMinTrailingShare)) out.trailing.push_back(w);
  }
  std::sort(out.vendor.begin(), out.vendor.end());
  // Shorter phrases first, so a phrase can be checked against the vendor phrases inside it.
  std::vector<std::pair<std::size_t, const std::string*>> by_length;
  for (const auto& [p, n] : phrase)
    if (n.first >= kMinVendorCount && share_at_least(n.first, n.anywhere, kMinVendorShare))
      by_length.emplace_back(static_cast<std::size_t>(std::count(p.begin(), p.end(), ' ')), &p);
  std::sort(by_length.begin(), by_length.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : *a.second < *b.second; });
  std::unordered_set<std::string> accepted;
  for (const auto& [spaces, pp] : by_length) {
    const std::string& p = *pp;
    // "hewlett packard" is one vendor: nearly every name starting "hewlett" goes on with "packard".
    // "microsoft visual" is a vendor followed by some of its products, not a longer vendor name; so
    // is "apple final cut" (Final Cut Express, Pro and Studio among Apple's many products): the
    // phrase is measured against the longest vendor inside it, not merely its own shorter prefix.
    std::size_t vendor_first = 0;
    for (std::string prefix = p.substr(0, p.rfind(' '));; prefix = prefix.substr(0, prefix.rfind(' '))) {
      const bool one_word = prefix.find(' ') == std::string::npos;
      if (one_word ? out.is_vendor(prefix) : accepted.count(prefix) > 0) {
        if (one_word) {
          if (auto it = word.find(prefix); it != word.end()) vendor_first = it->second.first;
        } else if (auto it = phrase.find(prefix); it != phrase.end()) {
          vendor_first = it->second.first;
        }
        break;
      }
      if (one_word) break;
    }
    if (vendor_first > 0 && !share_at_least(phrase.at(p).first, vendor_first, kMinVendorShare)) continue;
    accepted.insert(p);
    out.vendor_phrase.push_back(p);
  }
  std::sort(out.vendor_phrase.begin(), out.vendor_phrase.end());
  for (const auto& t : out.trailing)
    if (std::find(out.generic.begin(), out.generic.end(), t) == out.generic.end()) out.generic.push_back(t);
  std::sort(out.generic.begin(), out.generic.end());
  std::sort(out.trailing.begin(), out.trailing.end());
  const std::size_t area_min = std::max(kMinGenericCount, area_labels / kGenericPerNames);
  for (const auto& [w, n] : area_word)
    if (n.last >= area_min && share_at_least(n.last, n.anywhere, kMinAreaTrailingShare)) out.area_trailing.push_back(w);
  std::sort(out.area_trailing.begin(), out.area_trailing.end());
  learn_equivalent_stems(taxonomy, out);
  learn_activity_verbs(taxonomy, out);
  return out;
}

void derive_keys(const Label& label, ConceptKind kind, const LearnedWords& learned,
                 std::vector<std::pair<std::string, KeySource>>& out) {
  if (label.kind != LabelKind::preferred && label.kind != LabelKind::alternative) return;
  const LabelWords lw = split_label(label.text);
  const std::vector<std::string>& words = lw.words;
  const std::size_t n = words.size();
  if (n < 2) return;
  const std::string own = join(words);

  auto emit = [&](std::span<const std::string> part, KeySource source) {
    if (part.empty()) return;
    // A lone generic word ("server" from "Microsoft Server") names nothing in particular.
    if (source == KeySource::vendor_dropped && part.size() == 1 && learned.is_generic(part[0]) &&
        !learned.is_vendor(part[0]))
      return;
    // "Informatica Big Data" without its vendor is "big data", the field, not the product; "Project
    // management software" without "software" is the discipline. A remainder made only of ordinary
    // words is not a name of the product.
    // Several ordinary words that never form a phrase of the ordinary vocabulary ("Apple Final Cut Pro",
    // "Microsoft Windows Server") are the product's own name, though.
    if (source == KeySource::vendor_dropped &&
        std::all_of(part.begin(), part.end(), [&](const std::string& w) { return learned.is_ordinary(w); }) &&
        (part.size() == 1 || part.size() > 3 || learned.is_ordinary_phrase(join(part))))
      return;
    std::string key = join(part);
    if (key.size() < 2 || all_digits(key) || key == own) return;
    out.emplace_back(std::move(key), source);
  };
  auto rest_is_trailing = [&](std::size_t i) {
    for (std::size_t j = i + 1; j < n; ++j)
      if (!learned.is_trailing(words[j])) return false;
    return true;
  };

  if (kind == ConceptKind::skill || kind == ConceptKind::knowledge || kind == ConceptKind::soft_skill) {
    std::vector<std::string_view> views(words.begin(), words.end());
    if (std::string bag = reworded_key(views); !bag.empty()) out.emplace_back(std::move(bag), KeySource::reworded);
    // "bookkeeping regulations" is what someone writing "bookkeeping" means: the label without its
    // generic last word, unless what is left is a lone generic word ("computer systems").
    if (learned.is_area_trailing(words.back())) {
      const auto part = std::span<const std::string>(words).first(n - 1);
      if (!(part.size() == 1 && (learned.is_generic(part[0]) || learned.is_area_trailing(part[0])))) {
        std::string key = join(part);
        if (key.size() >= 3 && !all_digits(key)) out.emplace_back(std::move(key), KeySource::vendor_dropped);
      }
    }
  }
  const bool name = is_name_label(label, kind);
  std::vector<std::pair<std::vector<std::string>, KeySource>> bases;
  bases.emplace_back(words, KeySource::vendor_dropped);
  for (std::size_t i = 0; i < n; ++i) {
    if (!lw.caps[i] || learned.is_vendor(words[i])) continue;
    const int start = lw.caps_letters_only[i] ? acronym_span(words, i) : -1;
    if (start >= 0) {
      const auto s = static_cast<std::size_t>(start);
      if (rest_is_trailing(i)) {
        emit(std::span(words).subspan(i, 1), s == 0 ? KeySource::acronym : KeySource::acronym_inner);
      } else {  // "Amazon Web Services AWS CloudFormation" -> "aws cloudformation"
        std::vector<std::string> replaced(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(s));
        replaced.insert(replaced.end(), words.begin() + static_cast<std::ptrdiff_t>(i), words.end());
        emit(replaced, KeySource::acronym);
      }
      std::vector<std::string> without = words;
      without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
      emit(without, KeySource::acronym);
      bases.emplace_back(std::move(without), KeySource::acronym);
    } else if (name && i > 0 && rest_is_trailing(i)) {
      emit(std::span(words).subspan(i, 1), KeySource::acronym_weak);  // "IBM DB2" -> "db2"
    }
  }
  if (!name) return;
  // A distinctive last word of a product name is its name without the maker, learned or not
  // ("Pixologic ZBrush", "SideFX Houdini", "The Foundry Nuke"): a word of at least four letters or
  // digits that is no ordinary, generic or vendor word. Several products sharing the word make the
  // key ambiguous, and it is dropped (see the ambiguity rule in resolver.hpp).
  if (const std::string& last = words.back();
      last.size() >= 4 && !lw.caps[n - 1] && !learned.is_ordinary(last) && !learned.is_generic(last) &&
      !learned.is_vendor(last) && !all_digits(last))
    emit(std::span(words).last(1), KeySource::vendor_dropped);
  for (const auto& [base, source] : bases) {
    std::span<const std::string> trimmed(base);
    while (trimmed.size() > 1 && learned.is_trailing(trimmed.back())) trimmed = trimmed.first(trimmed.size() - 1);
    if (trimmed.size() != base.size()) emit(trimmed, source);
    for (std::span<const std::string> part : {std::span<const std::string>(base), trimmed}) {
      if (const std::size_t vendor = learned.vendor_prefix_length(part)) emit(part.subspan(vendor), source);
    }
  }
}

}  // namespace skillmatch::detail
