// Resolver: the key index (labels and derived keys), lookup, ranking and confidence.
#include "skillmatch/resolver.hpp"

#include <boost/unordered/unordered_flat_map.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <mutex>
#include <tuple>

#include "skillmatch/compound.hpp"
#include "skillmatch/normalizer.hpp"
#include "taxonomy/resolver_internal.hpp"

namespace skillmatch {
namespace {

using detail::KeySource;

struct Posting {
  ConceptIndex concept_index;
  std::uint32_t label;  // index into Taxonomy::all_labels()
  KeySource source;
  LabelKind label_kind;
};

struct Candidate {
  ConceptIndex concept_index;
  float score;
  float prior;
  MatchMethod method;
  float confidence;
};

// Base confidence of each way of meeting a concept (resolver.hpp documents the values).
constexpr float kExact = 1.0f, kNormalized = 0.95f, kSynonym = 0.9f, kVendorDropped = 0.85f,
                kAcronym = 0.85f, kAcronymInner = 0.8f, kAcronymWeak = 0.7f, kFuzzy = 0.8f, kFuzzyDerived = 0.95f;
// A reading of a list part, or of a name without its version, counts a little less than the name alone.
constexpr float kListPart = 0.9f, kVersionDropped = 0.95f;
// A name read without the words a CV writes around it ("advanced Excel"), or in the singular.
constexpr float kQualified = 0.9f;
// The same content words reworded ("budget management" for "manage budgets"): a fair guess.
constexpr float kReworded = 0.8f;
// The same content words with one of them swapped for a learned equivalent ("produce" for "create").
constexpr float kRewordedEquivalent = 0.72f;
// An activity named by its object, completed with a learned verb ("budgeting" -> "manage budgets").
constexpr float kVerbCompleted = 0.72f;
// An occupation met through one of its other names ranks below every skill or technology reading.
constexpr float kOccupationOtherName = 0.75f;
// How much an ambiguous key lowers confidence, and how fast a worse reading stops counting as a rival.
constexpr float kAmbiguityFloor = 0.7f;
constexpr float kRivalDecay = 30.0f;
constexpr std::size_t kMaxDerivedConcepts = 3;
constexpr std::size_t kMaxFuzzyQuery = 128;

float label_kind_factor(LabelKind kind) { return kind == LabelKind::alternative ? 0.98f : 1.0f; }

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void check_options(const ResolveOptions& options) {
  if (!(options.min_confidence >= 0.0f && options.min_confidence <= 1.0f))
    fail(ErrorCode::invalid_argument,
         "ResolveOptions::min_confidence must be in [0, 1], got " + std::to_string(options.min_confidence));
}

}  // namespace

const char* to_string(MatchMethod method) noexcept {
  switch (method) {
    case MatchMethod::exact: return "exact";
    case MatchMethod::normalized: return "normalized";
    case MatchMethod::synonym: return "synonym";
    case MatchMethod::vendor_dropped: return "vendor_dropped";
    case MatchMethod::acronym: return "acronym";
    case MatchMethod::reworded: return "reworded";
    case MatchMethod::version_dropped: return "version_dropped";
    case MatchMethod::list_part: return "list_part";
    case MatchMethod::fuzzy: return "fuzzy";
    case MatchMethod::compound: return "compound";
    case MatchMethod::qualified: return "qualified";
  }
  return "unknown";
}

struct Resolver::Impl {
  std::shared_ptr<const Taxonomy> taxonomy;
  detail::LearnedWords learned;
  std::string arena;                   // every key, back to back
  std::vector<std::string_view> keys;  // views into arena, by key id
  boost::unordered_flat_map<std::string_view, std::uint32_t> key_ids;
  std::vector<std::uint32_t> posting_begin;  // CSR: postings of key k are [begin[k], begin[k+1])
  std::vector<Posting> postings;
  std::vector<float> prior;  // per concept: popularity prior that breaks ties and splits ambiguity
  std::vector<ConceptKind> kinds;
  mutable std::once_flag fuzzy_once;
  mutable detail::FuzzyIndex fuzzy;

  explicit Impl(std::shared_ptr<const Taxonomy> tax);
  const detail::FuzzyIndex& fuzzy_index() const {
    std::call_once(fuzzy_once, [this] { fuzzy.build(keys); });
    return fuzzy;
  }
  std::span<const Candidate> rank(std::string_view text, const ResolveOptions& options) const;

  // Occupations are readings of a text only when asked for (options.kind) or when the text is one of
  // their labels: "computer networks" is a field, not "Computer Network Support Specialists".
  bool admit(ConceptIndex c, bool label_hit, const ResolveOptions& options) const {
    if (options.kind) return kinds[c] == *options.kind;
    return label_hit || kinds[c] != ConceptKind::occupation;
  }
  /// Appends the readings of one compact key (no fuzzy), scores multiplied by `factor`.
  void lookup(std::string_view key, std::string_view trimmed, const ResolveOptions& options, float factor,
              std::vector<Candidate>& found) const;
  void fuzzy_lookup(std::string_view spaced, std::string_view key, const ResolveOptions& options,
                    std::vector<Candidate>& found) const;
  /// Every reading of `text` with its confidence, best first, into `found` (buffers given by the caller).
  void rank_into(std::string_view text, const ResolveOptions& options, bool split_lists, std::string& spaced,
                 std::string& key, std::vector<Candidate>& found) const;
  // A list of names ("C/C++") read as the best readings of its parts; a name with a trailing version
  // ("Photoshop CS6", "Python 3.11") read without it. Both only when the whole text is no key.
  bool read_list(std::string_view trimmed, const ResolveOptions& options, std::vector<Candidate>& found) const;
  void read_reworded(std::string_view spaced, std::string_view trimmed, const ResolveOptions& options,
                     std::vector<Candidate>& found) const;
  void read_without_version(std::string_view spaced, const ResolveOptions& options,
                            std::vector<Candidate>& found) const;
  void read_qualified(std::string_view spaced, std::string_view trimmed, const ResolveOptions& options,
                      std::vector<Candidate>& found) const;
  /// Dedupes per concept and turns scores into confidences (ambiguity), best first.
  static void finish(std::vector<Candidate>& found);
  static void sort_by_confidence(std::vector<Candidate>& found);
};

Resolver::Impl::Impl(std::shared_ptr<const Taxonomy> tax) : taxonomy(std::move(tax)) {
  const Taxonomy& t = *taxonomy;
  learned = detail::learn_words(t);
  prior.resize(t.size());
  kinds.resize(t.size());
  for (ConceptIndex c = 0; c < t.size(); ++c) {
    const ConceptStats& s = t.stats(c);
    prior[c] = static_cast<float>(1.0 + std::log1p(std::max(0.0, s.frequency)) +
                                  0.25 * std::log1p(std::max(0.0, s.popularity)));
    kinds[c] = t.kind(c);
  }

  // 1. Every (key, posting): each label's own key and its derived keys.
  std::vector<std::pair<std::string, Posting>> entries;
  const auto labels = t.all_labels();
  entries.reserve(labels.size() * 2);
  std::vector<std::pair<std::string, KeySource>> derived;
  std::string spaced;
  for (std::size_t li = 0; li < labels.size(); ++li) {
    const Label& label = labels[li];
    const ConceptIndex c = label.concept_index;
    const auto label_id = static_cast<std::uint32_t>(li);
    normalize_text_into(label.text, spaced);
    std::string key = compact_key(spaced);
    if (key.empty()) continue;  // a label of punctuation only can never be typed back
    entries.push_back({std::move(key), Posting{c, label_id, KeySource::label, label.kind}});
    derived.clear();
    detail::derive_keys(label, kinds[c], learned, derived);
    for (auto& [k, source] : derived) entries.push_back({std::move(k), Posting{c, label_id, source, label.kind}});
  }
  auto order = [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second.concept_index, a.second.source, a.second.label_kind, a.second.label) <
           std::tie(b.first, b.second.concept_index, b.second.source, b.second.label_kind, b.second.label);
  };
  std::sort(entries.begin(), entries.end(), order);

  // 2. Per key: keep every label posting (each can be an exact hit), the best derived posting per
  //    (concept, source), and no derived posting at all when they name too many concepts.
  std::size_t total = 0;
  for (const auto& e : entries) total += e.first.size();
  arena.reserve(total);
  std::vector<std::size_t> key_offset;
  for (std::size_t b = 0; b < entries.size();) {
    std::size_t e = b;
    // Distinct concepts per derived source (entries are sorted by concept, then source).
    std::array<std::size_t, detail::key_source_count> derived_concepts{};
    for (; e < entries.size() && entries[e].first == entries[b].first; ++e) {
      const Posting& p = entries[e].second;
      const bool repeat = e > b && entries[e - 1].second.concept_index == p.concept_index &&
                          entries[e - 1].second.source == p.source;
      if (!repeat) ++derived_concepts[static_cast<std::size_t>(p.source)];
    }
    const std::size_t before = postings.size();
    for (std::size_t i = b; i < e; ++i) {
      const Posting& p = entries[i].second;
      if (p.source != KeySource::label) {
        // A derived key that many concepts share (the weak acronym "CAD" of every "... CAD" product)
        // says nothing; a stronger source of the same key may still be kept.
        if (derived_concepts[static_cast<std::size_t>(p.source)] > kMaxDerivedConcepts) continue;
        if (i > b && entries[i - 1].second.concept_index == p.concept_index && entries[i - 1].second.source == p.source)
          continue;  // sorted by label kind: the first is the best
      }
      postings.push_back(p);
    }
    if (postings.size() > before) {
      key_offset.push_back(arena.size());
      arena += entries[b].first;
      posting_begin.push_back(static_cast<std::uint32_t>(before));
    }
    b = e;
  }
  posting_begin.push_back(static_cast<std::uint32_t>(postings.size()));
  key_offset.push_back(arena.size());
  keys.reserve(key_offset.size() - 1);
  key_ids.reserve(key_offset.size() - 1);
  for (std::size_t k = 0; k + 1 < key_offset.size(); ++k) {
    keys.emplace_back(arena.data() + key_offset[k], key_offset[k + 1] - key_offset[k]);
    key_ids.emplace(keys.back(), static_cast<std::uint32_t>(k));
  }
  postings.shrink_to_fit();
}

void Resolver::Impl::lookup(std::string_view key, std::string_view trimmed, const ResolveOptions& options,
                            float factor, std::vector<Candidate>& found) const {
  const auto it = key_ids.find(key);
  if (it == key_ids.end()) return;
  const auto labels = taxonomy->all_labels();
  for (std::uint32_t p = posting_begin[it->second]; p < posting_begin[it->second + 1]; ++p) {
    const Posting& post = postings[p];
    if (!admit(post.concept_index, post.source == KeySource::label, options)) continue;
    MatchMethod method = MatchMethod::fuzzy;
    float score = 0;
    switch (post.source) {
      case KeySource::label:
        if (post.label_kind == LabelKind::hidden || post.label_kind == LabelKind::abbreviation) {
          method = MatchMethod::synonym;
          score = kSynonym;
        } else if (labels[post.label].text == trimmed) {
          method = MatchMethod::exact;
          score = kExact;
        } else {
          method = MatchMethod::normalized;
          score = kNormalized;
        }
        break;
      case KeySource::vendor_dropped: method = MatchMethod::vendor_dropped; score = kVendorDropped; break;
      case KeySource::acronym: method = MatchMethod::acronym; score = kAcronym; break;
      case KeySource::acronym_inner: method = MatchMethod::acronym; score = kAcronymInner; break;
      case KeySource::acronym_weak: method = MatchMethod::acronym; score = kAcronymWeak; break;
      case KeySource::reworded: method = MatchMethod::reworded; score = kReworded; break;
    }
    score *= label_kind_factor(post.label_kind) * factor;
    // ESCO gives its 3,039 occupations 30,000 other names, many of them words of the trade ("helm",
    // "logger", "publisher"): in a skill field such a name is the tool or skill when one has it.
    if (kinds[post.concept_index] == ConceptKind::occupation && post.label_kind != LabelKind::preferred)
      score *= kOccupationOtherName;
    found.push_back({post.concept_index, score, prior[post.concept_index], method, 0.0f});
  }
}

void Resolver::Impl::fuzzy_lookup(std::string_view spaced, std::string_view key, const ResolveOptions& options,
                                  std::vector<Candidate>& found) const {
  if (key.size() < detail::FuzzyIndex::min_key_length || key.size() > kMaxFuzzyQuery || !is_ascii(key)) return;
  // A word of the label vocabulary is not a typo: a query made only of known words is not fuzzed at
  // all ("market analysis" is not "packet analysis"), and a key reached by fuzzing must still
  // contain every known word of the query, so only the unknown words were corrected.
  thread_local std::vector<std::string_view> known_words;
  known_words.clear();
  bool any_unknown = false;
  for (std::string_view rest = spaced; !rest.empty();) {
    const std::size_t space = rest.find(' ');
    const std::string_view word = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    if (learned.is_known(word)) known_words.push_back(word);
    else any_unknown = true;
  }
  if (!any_unknown) return;
  thread_local std::vector<std::pair<std::uint32_t, int>> near;
  const int bound = key.size() >= 8 ? 2 : 1;
  near.clear();
  fuzzy_index().find(key, bound, keys, near);
  for (const auto& [k, distance] : near) {
    const std::string_view hit = keys[k];
    if (!std::all_of(known_words.begin(), known_words.end(),
                     [&](std::string_view w) { return hit.find(w) != std::string_view::npos; }))
      continue;
    // Distance relative to the letters beyond the first two: one edit in a 4-letter word ("node" ->
    // "nose") is a weak hint (0.4, under the default threshold), one in "javascrpt" a strong one.
    const float closeness = kFuzzy * (1.0f - static_cast<float>(distance) / static_cast<float>(key.size() - 2));
    for (std::uint32_t p = posting_begin[k]; p < posting_begin[k + 1]; ++p) {
      const Posting& post = postings[p];
      if (!admit(post.concept_index, false, options)) continue;
      const float score =
          closeness * label_kind_factor(post.label_kind) * (post.source == KeySource::label ? 1.0f : kFuzzyDerived);
      found.push_back({post.concept_index, score, prior[post.concept_index], MatchMethod::fuzzy, 0.0f});
    }
  }
}

void Resolver::Impl::rank_into(std::string_view text, const ResolveOptions& options, bool split_lists,
                               std::string& spaced, std::string& key, std::vector<Candidate>& found) const {
  found.clear();
  const std::string_view trimmed = trim(text);
  normalize_text_into(trimmed, spaced);
  key.assign(spaced);
  std::erase(key, ' ');
  if (key.empty()) return;
  lookup(key, trimmed, options, 1.0f, found);
  if (found.empty()) {
    // Text that is no key as a whole: a name with a version ("Photoshop CS6", "Java 8") or a list
    // ("C/C++", "HTML, CSS"); see resolver_fallbacks.cpp.
    read_reworded(spaced, trimmed, options, found);
    if (found.empty() && split_lists && read_list(trimmed, options, found)) return;
    if (found.empty()) read_without_version(spaced, options, found);
    if (found.empty()) read_qualified(spaced, trimmed, options, found);
  }
  if (found.empty() && options.fuzzy) fuzzy_lookup(spaced, key, options, found);
  if (found.empty()) return;
  finish(found);
}

void Resolver::Impl::finish(std::vector<Candidate>& found) {
  // One reading per concept (its best), best first: score, then popularity, then index for determinism.
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return a.concept_index != b.concept_index ? a.concept_index < b.concept_index : a.score > b.score;
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const Candidate& a, const Candidate& b) { return a.concept_index == b.concept_index; }),
              found.end());
  // Confidence: the score, lowered by the share of rivals; a rival counts less the worse its score,
  // so a clearly better method wins whatever the popularity, while close readings (an exact hit on a
  // rare concept, a normalised hit on a popular one) are decided by popularity.
  float best = 0;
  for (const auto& f : found) best = std::max(best, f.score);
  if (found.size() == 1) {
    found.front().confidence = best;
  } else {
    float total = 0;
    for (auto& f : found) total += f.prior * std::exp(-kRivalDecay * (best - f.score));
    for (auto& f : found) {
      const float share = f.prior * std::exp(-kRivalDecay * (best - f.score)) / total;
      f.confidence = f.score * (kAmbiguityFloor + (1.0f - kAmbiguityFloor) * share);
    }
  }
  sort_by_confidence(found);
}

void Resolver::Impl::sort_by_confidence(std::vector<Candidate>& found) {
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    if (a.score != b.score) return a.score > b.score;
    return a.concept_index < b.concept_index;
  });
}

bool Resolver::Impl::read_list(std::string_view trimmed, const ResolveOptions& options,
                               std::vector<Candidate>& found) const {
  const auto parts = detail::list_parts(trimmed);
  if (parts.empty()) return false;
  std::string spaced, key;
  std::vector<Candidate> part_found;
  for (std::string_view part : parts) {
    rank_into(part, options, false, spaced, key, part_found);
    if (part_found.empty()) continue;
    Candidate best = part_found.front();
    best.confidence *= kListPart;
    best.score *= kListPart;
    best.method = MatchMethod::list_part;
    found.push_back(best);
  }
  if (found.empty()) return false;
  // A concept named twice ("Java/java") is one reading, its best.
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return a.concept_index != b.concept_index ? a.concept_index < b.concept_index : a.confidence > b.confidence;
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const Candidate& a, const Candidate& b) { return a.concept_index == b.concept_index; }),
              found.end());
  sort_by_confidence(found);
  return true;
}

void Resolver::Impl::read_reworded(std::string_view spaced, std::string_view trimmed, const ResolveOptions& options,
                                     std::vector<Candidate>& found) const {
  thread_local std::vector<std::string_view> words;
  words.clear();
  for (std::string_view rest = spaced; !rest.empty();) {
    const std::size_t space = rest.find(' ');
    words.push_back(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  if (words.empty() || words.size() > 4) return;
  const auto stems = detail::reworded_stems(words);
  if (stems.empty()) return;
  const std::size_t before = found.size();
  if (const std::string bag = detail::reworded_key_of(stems); !bag.empty()) {
    lookup(bag, trimmed, options, 1.0f, found);
    if (found.size() > before) return;
    // Nothing with these words: one word at a time swapped for each equivalent the labels taught
    // (learn_words). Done here, on the fallback path, rather than as index keys: the index stays the
    // size it was, and an unknown text costs a few more hash lookups.
    thread_local std::vector<std::string> swapped;
    for (std::size_t i = 0; i < stems.size(); ++i)
      for (const auto& [from, to] : learned.equivalents(stems[i])) {
        swapped = stems;
        swapped[i] = to;
        std::sort(swapped.begin(), swapped.end());
        swapped.erase(std::unique(swapped.begin(), swapped.end()), swapped.end());
        const std::string key = detail::reworded_key_of(swapped);
        if (!key.empty()) lookup(key, trimmed, options, kRewordedEquivalent / kReworded, found);
      }
    if (found.size() > before) return;
  }
  // Still nothing: an activity named by its object ("budgeting", "video editing") is the skill label
  // that adds one of the learned verbs to these words. The most frequent verb that gives a reading
  // wins alone ("manage budgets", not also "evaluate budgets"), so the readings do not rival.
  thread_local std::vector<std::string> completed;
  for (const std::string& verb : learned.activity_verbs) {
    if (std::binary_search(stems.begin(), stems.end(), verb)) continue;
    completed = stems;
    completed.insert(std::lower_bound(completed.begin(), completed.end(), verb), verb);
    lookup(detail::reworded_key_of(completed), trimmed, options, kVerbCompleted / kReworded, found);
    if (found.size() > before) return;
  }
}

void Resolver::Impl::read_without_version(std::string_view spaced, const ResolveOptions& options,
                                          std::vector<Candidate>& found) const {
  const std::string_view name = detail::without_version(spaced);
  if (name.size() == spaced.size() || name.empty()) return;
  std::string key(name);
  std::erase(key, ' ');
  const std::size_t before = found.size();
  lookup(key, name, options, kVersionDropped, found);
  for (std::size_t i = before; i < found.size(); ++i) found[i].method = MatchMethod::version_dropped;
}

namespace {
// Is `word` (lower case) written in `text` with a capital first letter ("React development")?
bool written_capitalised(std::string_view text, std::string_view word) {
  for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
    if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) continue;
    std::size_t j = 0;
    while (j < word.size() && std::tolower(static_cast<unsigned char>(text[i + j])) == word[j]) ++j;
    if (j == word.size() && std::isupper(static_cast<unsigned char>(text[i]))) return true;
  }
  return false;
}
}  // namespace

void Resolver::Impl::read_qualified(std::string_view spaced, std::string_view trimmed, const ResolveOptions& options,
                                    std::vector<Candidate>& found) const {
  for (const std::string& reading : detail::qualified_readings(spaced, learned)) {
    std::string key(reading);
    std::erase(key, ' ');
    const std::size_t before = found.size();
    lookup(key, reading, options, kQualified, found);
    if (found.size() == before && reading.find(' ') != std::string::npos) {
      // "video editing skills": the remainder read as a reworded skill ("perform video editing").
      read_reworded(reading, reading, options, found);
      for (std::size_t i = before; i < found.size(); ++i) found[i].score *= kQualified;
    }
    // A lone word left over must be a label of its own, not a derived key; and a word of the
    // ordinary vocabulary only names a skill, or a product its writer capitalised: "strong
    // communication skills" is communication and "React development" React, but "prompt engineering"
    // is not Stack Overflow's "prompt" tag, nor "system development" its "system".
    if (reading.find(' ') == std::string::npos) {
      const bool ordinary = learned.is_ordinary(reading);
      const bool capitalised = ordinary && written_capitalised(trimmed, reading);
      const auto dropped = std::remove_if(found.begin() + static_cast<std::ptrdiff_t>(before), found.end(), [&](const Candidate& c) {
        if (c.method != MatchMethod::exact && c.method != MatchMethod::normalized && c.method != MatchMethod::synonym)
          return true;
        const ConceptKind k = kinds[c.concept_index];
        const bool skill = k == ConceptKind::skill || k == ConceptKind::knowledge || k == ConceptKind::soft_skill;
        return ordinary && !capitalised && !skill;
      });
      found.erase(dropped, found.end());
    }
    for (std::size_t i = before; i < found.size(); ++i) found[i].method = MatchMethod::qualified;
    if (found.size() > before) return;
  }
}

std::span<const Candidate> Resolver::Impl::rank(std::string_view text, const ResolveOptions& options) const {
  check_options(options);
  thread_local std::string spaced, key;
  thread_local std::vector<Candidate> found;
  rank_into(text, options, true, spaced, key, found);
  return found;
}

Resolver::Resolver(std::shared_ptr<const Taxonomy> taxonomy) {
  if (!taxonomy) fail(ErrorCode::invalid_argument, "Resolver: taxonomy is null");
  impl_ = std::make_unique<Impl>(std::move(taxonomy));
}
Resolver::~Resolver() = default;
Resolver::Resolver(Resolver&&) noexcept = default;
Resolver& Resolver::operator=(Resolver&&) noexcept = default;

std::vector<ResolveMatch> Resolver::resolve(std::string_view text, const ResolveOptions& options) const {
  std::vector<ResolveMatch> out;
  const auto ranked = impl_->rank(text, options);
  if (ranked.empty()) return detail::compound_readings(*this, text, options);  // compound.hpp
  for (const Candidate& c : ranked) {
    if (out.size() >= options.max_results) break;
    if (c.confidence >= options.min_confidence) out.push_back({c.concept_index, c.confidence, c.method});
  }
  return out;
}

std::optional<ResolveMatch> Resolver::resolve_best(std::string_view text, const ResolveOptions& options) const {
  const auto ranked = impl_->rank(text, options);
  if (ranked.empty()) {  // compound.hpp; nothing is allocated for ASCII text
    auto parts = detail::compound_readings(*this, text, options);
    if (parts.empty()) return std::nullopt;
    return parts.front();
  }
  if (ranked.front().confidence < options.min_confidence) return std::nullopt;
  return ResolveMatch{ranked.front().concept_index, ranked.front().confidence, ranked.front().method};
}

std::vector<std::optional<ResolveMatch>> Resolver::resolve_batch(std::span<const std::string_view> texts,
                                                                 const ResolveOptions& options) const {
  check_options(options);
  std::vector<std::optional<ResolveMatch>> out;
  out.reserve(texts.size());
  for (std::string_view text : texts) out.push_back(resolve_best(text, options));
  return out;
}

const Taxonomy& Resolver::taxonomy() const noexcept { return *impl_->taxonomy; }
std::shared_ptr<const Taxonomy> Resolver::taxonomy_ptr() const noexcept { return impl_->taxonomy; }
std::span<const std::string> Resolver::vendor_words() const noexcept { return impl_->learned.vendor; }
std::span<const std::string> Resolver::generic_words() const noexcept { return impl_->learned.generic; }
std::span<const std::string> Resolver::trailing_generic_words() const noexcept { return impl_->learned.trailing; }
std::size_t Resolver::key_count() const noexcept { return impl_->keys.size(); }

}  // namespace skillmatch
