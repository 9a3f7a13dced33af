// The extractor: a token trie over every label, longest match on word boundaries, context rules for
// ambiguous names, requirement cues (extract.hpp documents the method; docs/extract.md the figures).
#include "skillmatch/extract.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "extract/cues.hpp"
#include "extract/requirements.hpp"
#include "extract/words.hpp"
#include "skillmatch/error.hpp"

namespace skillmatch {
namespace {

using extract_detail::Clause;
using extract_detail::Token;
using extract_detail::Tokens;
using extract_detail::Word;

constexpr std::uint32_t kUnknownToken = ~std::uint32_t{0};
constexpr std::uint32_t kNoNode = 0;  // node 0 is the root: never a child
constexpr std::size_t kMaxKeyTokens = 12;
constexpr std::size_t kNearWords = 8;  // how far a supporting skill may be

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

enum : std::uint8_t {
  kAmbiguous = 1,   // needs context
  kNeedsCaps = 2,   // the text must have a capital where every label has one ("Go", "IT", "Excel")
  kBlocked = 4,     // never a mention (learned: almost never a skill)
};

struct Terminal {
  ConceptIndex concept_index = no_concept;
  std::uint32_t label = 0;  // index into taxonomy.all_labels(): the label that made the key
  float confidence = 0;
  std::uint8_t flags = 0;
  MatchMethod method = MatchMethod::exact;
};

bool kind_kept(ConceptKind kind, const ExtractOptions& o) noexcept {
  switch (kind) {
    case ConceptKind::technology:
    case ConceptKind::knowledge:
    case ConceptKind::language:
    case ConceptKind::certification: return true;
    case ConceptKind::skill: return o.skills;
    case ConceptKind::soft_skill: return o.soft_skills;
    case ConceptKind::occupation:
    case ConceptKind::category: return false;
  }
  return false;
}

bool has_ascii_upper(std::string_view s) noexcept {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Only ASCII letters, digits and the punctuation of names: casing tells something there.
bool is_ascii_word(std::string_view s) noexcept {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Length of the well-formed UTF-8 sequence at s[i] (1-4), or 0 when the bytes there are ill-formed.
std::size_t utf8_sequence_at(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  const std::size_t len = b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F) || (b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F))
    return 0;  // overlong, surrogate or beyond U+10FFFF
  return len;
}

// Code points of `s`; each byte of an ill-formed sequence counts as one (as U+FFFD would).
std::size_t code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    const std::size_t len = utf8_sequence_at(s, i);
    i += len == 0 ? 1 : len;
  }
  return n;
}

// Whether a multi-word key may continue across the bytes between two words: not across a clause
// break, nor across ill-formed bytes (a mention's text is always UTF-8).
bool joinable_gap(std::string_view gap) noexcept {
  if (extract_detail::is_clause_break(gap)) return false;
  for (std::size_t i = 0; i < gap.size();) {
    const std::size_t len = utf8_sequence_at(gap, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

// Whether the bytes between two words make them items of one list: a comma, slash, 、, ・, |, &, +
// or parentheses, and nothing that ends a clause.
bool list_separator(std::string_view between) noexcept {
  if (extract_detail::is_clause_break(between)) return false;
  for (std::string_view sep : {",", "/", "|", "&", "(", ")", "\xE3\x80\x81", "\xE3\x83\xBB", "\xEF\xBC\x8C", "\xEF\xBC\x8F", "\xEF\xBC\x88", "\xEF\xBC\x89"})
    if (between.find(sep) != std::string_view::npos) return true;
  return false;
}

struct Scratch {
  Tokens tokens;
  std::vector<Clause> clauses;
  std::string lower;
  struct Candidate {
    std::uint32_t first_word, last_word;  // words [first_word, last_word]
    std::uint32_t terminal;
  };
  std::vector<Candidate> candidates;
};

}  // namespace

struct Extractor::Impl {
  std::shared_ptr<const Resolver> resolver;
  const Taxonomy* taxonomy = nullptr;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> vocab;
  std::vector<std::uint32_t> root_child;                        // by token id
  std::vector<std::pair<std::uint64_t, std::uint32_t>> edges;   // (parent << 32 | token) -> child, sorted
  std::vector<std::uint32_t> node_terminal;                     // by node: terminal + 1, 0 = none
  std::vector<Terminal> terminals;
  std::size_t node_count = 1;

  std::uint32_t child(std::uint32_t node, std::uint32_t token) const noexcept {
    if (token == kUnknownToken) return kNoNode;
    if (node == 0) return root_child[token];
    const std::uint64_t key = (std::uint64_t{node} << 32) | token;
    auto it = std::lower_bound(edges.begin(), edges.end(), key,
                               [](const auto& e, std::uint64_t k) { return e.first < k; });
    return it != edges.end() && it->first == key ? it->second : kNoNode;
  }

  std::uint32_t token_id(std::string_view t) const {
    auto it = vocab.find(t);
    return it == vocab.end() ? kUnknownToken : it->second;
  }
  // A text token's id; an English plural the labels only have in the singular ("turbines",
  // "libraries") reads as that singular.
  std::uint32_t text_token_id(std::string_view t, std::string& buf) const {
    std::uint32_t id = token_id(t);
    if (id != kUnknownToken || t.size() < 4 || t.back() != 's' || t[t.size() - 2] == 's') return id;
    if (t.ends_with("ies")) {
      buf.assign(t.substr(0, t.size() - 3));
      buf += 'y';
      if ((id = token_id(buf)) != kUnknownToken) return id;
    }
    return token_id(t.substr(0, t.size() - 1));
  }

  void build();
  void extract(std::string_view text, const ExtractOptions& options, std::vector<Mention>& out) const;
};

void Extractor::Impl::build() {
  const auto labels = taxonomy->all_labels();
  std::unordered_map<std::uint64_t, std::uint32_t> build_edges;
  std::vector<std::uint32_t> root;
  std::vector<std::vector<std::uint32_t>> key_labels;  // by terminal: labels that gave the key
  node_terminal.assign(1, 0);
  Tokens tk;
  for (std::uint32_t li = 0; li < labels.size(); ++li) {
    const Label& label = labels[li];
    const ConceptKind kind = taxonomy->kind(label.concept_index);
    if (kind == ConceptKind::occupation || kind == ConceptKind::category) continue;
    if (label.text.size() > 200) continue;  // a description, not a name a text would repeat
    extract_detail::tokenize(label.text, tk);
    if (tk.tokens.empty() || tk.tokens.size() > kMaxKeyTokens) continue;
    std::uint32_t node = 0;
    for (const Token& t : tk.tokens) {
      const std::string_view s = tk.token(t);
      auto [it, added] = vocab.try_emplace(std::string(s), static_cast<std::uint32_t>(vocab.size()));
      const std::uint32_t id = it->second;
      if (added) root.push_back(kNoNode);
      std::uint32_t next = kNoNode;
      if (node == 0) {
        if (root[id] == kNoNode) root[id] = static_cast<std::uint32_t>(node_terminal.size()), node_terminal.push_back(0);
        next = root[id];
      } else {
        auto [e, fresh] = build_edges.try_emplace((std::uint64_t{node} << 32) | id, 0);
        if (fresh) e->second = static_cast<std::uint32_t>(node_terminal.size()), node_terminal.push_back(0);
        next = e->second;
      }
      node = next;
    }
    if (node_terminal[node] == 0) {
      terminals.push_back(Terminal{label.concept_index, li, 0, 0, MatchMethod::exact});
      key_labels.emplace_back();
      node_terminal[node] = static_cast<std::uint32_t>(terminals.size());
    }
    key_labels[node_terminal[node] - 1].push_back(li);
  }
  root_child = std::move(root);
  edges.assign(build_edges.begin(), build_edges.end());
  std::sort(edges.begin(), edges.end());
  node_count = node_terminal.size();

  // Which concept each key means: the resolver's best reading of the label text (it weighs shared
  // labels by popularity), skipping occupations and grouping nodes.
  ResolveOptions ro;
  ro.fuzzy = false;
  ro.compounds = false;
  ro.min_confidence = 0;
  ro.max_results = 8;
  auto set_of = [](std::span<const std::string_view> list) {
    std::vector<std::string> v(list.begin(), list.end());
    std::sort(v.begin(), v.end());
    return v;
  };
  const auto curated = set_of(extract_detail::curated_ambiguous_keys());
  const auto learned = set_of(extract_detail::learned_ambiguous_keys());
  auto blocked = set_of(extract_detail::learned_blocked_keys());
  for (std::string_view k : extract_detail::curated_blocked_keys()) {
    // Stored as normalised text, as the tokens give them.
    extract_detail::tokenize(k, tk);
    std::string n;
    for (const Token& tok : tk.tokens) (n.empty() ? n : n += ' ') += tk.token(tok);
    blocked.push_back(n);
  }
  std::sort(blocked.begin(), blocked.end());
  std::string key;
  for (std::size_t t = 0; t < terminals.size(); ++t) {
    Terminal& term = terminals[t];
    // The label to resolve: a name as written ("Azure", "TensorFlow") before a tag slug ("azure").
    for (std::uint32_t li : key_labels[t]) {
      if (labels[li].kind != LabelKind::hidden && has_ascii_upper(labels[li].text)) {
        term.label = li;
        term.concept_index = labels[li].concept_index;
        break;
      }
    }
    const Label& first = labels[term.label];
    bool found = false;
    for (const ResolveMatch& m : resolver->resolve(first.text, ro)) {
      const ConceptKind kind = taxonomy->kind(m.concept_index);
      if (kind == ConceptKind::occupation || kind == ConceptKind::category) continue;
      term.concept_index = m.concept_index;
      term.confidence = m.confidence;
      term.method = m.method;
      found = true;
      break;
    }
    if (!found) term.confidence = 0.9f;  // the label's own concept, read as written
    // The key as normalised text, for the word lists.
    extract_detail::tokenize(first.text, tk);
    key.clear();
    for (const Token& tok : tk.tokens) {
      if (!key.empty()) key += ' ';
      key += tk.token(tok);
    }
    auto in = [&](const std::vector<std::string>& v) { return std::binary_search(v.begin(), v.end(), key); };
    if (in(curated) || in(learned)) term.flags |= kAmbiguous;
    if (in(blocked)) term.flags |= kBlocked;
    // One letter ("R", "C") or one CJK character: always needs context.
    if (code_points(key) == 1) term.flags |= kAmbiguous;
    // A short one-word name that every label writes with a capital ("Go", "IT", "Excel", "React"):
    // the text must have a capital too, or it is the ordinary word.
    // A one-word key that only tag synonyms give ("for" of for-loop, "list"): an ordinary word.
    if (tk.tokens.size() == 1) {
      bool all_hidden = true;
      for (std::uint32_t li : key_labels[t]) all_hidden = all_hidden && labels[li].kind == LabelKind::hidden;
      if (all_hidden) term.flags |= kAmbiguous;
    }
    if (tk.tokens.size() == 1 && key.size() <= 5) {
      bool all_caps = true;
      for (std::uint32_t li : key_labels[t]) all_caps = all_caps && has_ascii_upper(labels[li].text);
      if (all_caps) term.flags |= kNeedsCaps;
    }
  }
}

void Extractor::Impl::extract(std::string_view text, const ExtractOptions& options, std::vector<Mention>& out) const {
  thread_local Scratch scratch;
  Scratch& s = scratch;
  extract_detail::tokenize(text, s.tokens);
  std::vector<Word>& words = s.tokens.words;
  std::vector<Token>& tokens = s.tokens.tokens;
  for (Token& t : tokens) t.id = text_token_id(s.tokens.token(t), s.lower);
  extract_detail::analyse_clauses(text, words, s.clauses, s.lower);

  // 1. Candidates: at each word start, the longest key that ends on a word end.
  s.candidates.clear();
  for (std::size_t w = 0; w < words.size();) {
    std::uint32_t node = 0, best_terminal = 0, best_last = 0;
    const std::size_t first = words[w].first_token;
    for (std::size_t k = first; k < tokens.size() && k - first < kMaxKeyTokens; ++k) {
      node = child(node, tokens[k].id);
      if (node == kNoNode) break;
      if (k > first && tokens[k].word != tokens[k - 1].word) {
        const Word& prev = words[tokens[k - 1].word];
        if (!joinable_gap(text.substr(prev.end, words[tokens[k].word].begin - prev.end))) break;
      }
      const Word& wk = words[tokens[k].word];
      const bool word_end = k + 1 == wk.first_token + wk.token_count;
      if (!word_end || node_terminal[node] == 0) continue;
      const Terminal& term = terminals[node_terminal[node] - 1];
      if ((term.flags & kBlocked) || !kind_kept(taxonomy->kind(term.concept_index), options)) continue;
      best_terminal = node_terminal[node];
      best_last = tokens[k].word;
    }
    if (best_terminal != 0) {
      s.candidates.push_back({static_cast<std::uint32_t>(w), best_last, best_terminal - 1});
      w = best_last + 1;
    } else {
      ++w;
    }
  }

  // 2. Context for ambiguous candidates; then the mentions.
  auto token_of_word = [&](std::size_t w) { return s.tokens.token(tokens[words[w].first_token]); };
  auto between = [&](std::size_t a, std::size_t b) {  // bytes between word a's end and word b's start
    return text.substr(words[a].end, words[b].begin - words[a].end);
  };
  std::size_t cp_pos = 0, cp_byte = 0;
  const Label* all = taxonomy->all_labels().data();
  for (std::size_t ci = 0; ci < s.candidates.size() && out.size() < options.max_mentions; ++ci) {
    const auto& cand = s.candidates[ci];
    const Terminal& term = terminals[cand.terminal];
    const Word& fw = words[cand.first_word];
    const Word& lw = words[cand.last_word];
    const std::string_view written = text.substr(fw.begin, lw.end - fw.begin);
    std::string evidence = "label '";
    evidence += all[term.label].text;
    evidence += "' (";
    evidence += to_string(term.method);
    evidence += ')';
    float confidence = term.confidence;
    bool ambiguous = (term.flags & kAmbiguous) != 0;
    if ((term.flags & kNeedsCaps) && !has_ascii_upper(written)) {
      if (!ambiguous) {
        // Lower-case "it", "go", "excel": the ordinary word unless the context says otherwise.
        ambiguous = true;
      }
      confidence *= 0.9f;
    }
    if (ambiguous) {
      if (!options.ambiguous_with_context) continue;
      // Capitals: "Go" and "Spring" may be names, "go" and "spring" are the ordinary words.
      if (is_ascii_word(written) && !has_ascii_upper(written)) continue;
      int support = 0;
      // A plain (unambiguous) skill nearby in the same clause.
      for (std::size_t cj = ci >= 3 ? ci - 3 : 0; cj < std::min(s.candidates.size(), ci + 4); ++cj) {
        if (cj == ci) continue;
        const auto& o = s.candidates[cj];
        const Terminal& ot = terminals[o.terminal];
        if ((ot.flags & (kAmbiguous | kNeedsCaps)) != 0) continue;
        if (words[o.first_word].clause != fw.clause) continue;
        const std::size_t gap = o.first_word > cand.last_word ? o.first_word - cand.last_word : cand.first_word - o.last_word;
        if (gap <= kNearWords) {
          ++support;
          evidence += "; near '";
          evidence += text.substr(words[o.first_word].begin, words[o.last_word].end - words[o.first_word].begin);
          evidence += '\'';
          break;
        }
      }
      // Items of a list: a neighbouring candidate across a comma, slash, 、 or "and"/"or".
      auto list_with = [&](std::size_t other) {
        for (std::size_t cj = ci >= 1 ? ci - 1 : 0; cj < std::min(s.candidates.size(), ci + 2); ++cj) {
          if (cj == ci) continue;
          const auto& o = s.candidates[cj];
          // Not a one-letter neighbour: "R&D" and "A/B" are no list of R and D.
          if (other >= o.first_word && other <= o.last_word && words[o.last_word].end - words[o.first_word].begin > 1) return true;
        }
        return false;
      };
      bool list = false;
      if (cand.first_word > 0) {
        const std::size_t p = cand.first_word - 1;
        if (list_separator(between(p, cand.first_word)) && list_with(p)) list = true;
        if (p > 0 && (token_of_word(p) == "and" || token_of_word(p) == "or") && list_with(p - 1)) list = true;
      }
      if (cand.last_word + 1 < words.size()) {
        const std::size_t n = cand.last_word + 1;
        if (list_separator(between(cand.last_word, n)) && list_with(n)) list = true;
        if (n + 1 < words.size() && (token_of_word(n) == "and" || token_of_word(n) == "or") && list_with(n + 1)) list = true;
      }
      if (list) ++support, evidence += "; list";
      // A Latin name written inside Japanese text ("Excelでの", "Unityを用いた"): a name, not the word.
      auto cjk_at = [&](std::size_t i) { return i < text.size() && static_cast<unsigned char>(text[i]) >= 0xE3; };
      if (is_ascii_word(written) && ((fw.begin >= 3 && cjk_at(fw.begin - 3)) || cjk_at(lw.end)))
        ++support, evidence += "; in Japanese text";
      // A skills header earlier in the clause, or a name cue right after ("Go言語", "Swift language").
      for (std::size_t w = cand.first_word; w-- > 0 && words[w].clause == fw.clause && cand.first_word - w <= 12;) {
        if (extract_detail::is_skills_cue(token_of_word(w))) {
          ++support, evidence += "; after '", evidence += token_of_word(w), evidence += '\'';
          break;
        }
      }
      // "years of Java", "experience with Swift", "proficient in R", "using Go".
      if (cand.first_word >= 1 && words[cand.first_word - 1].clause == fw.clause) {
        const std::string_view p1 = token_of_word(cand.first_word - 1);
        const std::string_view p2 = cand.first_word >= 2 ? token_of_word(cand.first_word - 2) : std::string_view();
        if (p1 == "using" || ((p1 == "of" || p1 == "in" || p1 == "with") && extract_detail::is_lead_cue(p2)))
          ++support, evidence += "; after '", evidence += p2, evidence += ' ', evidence += p1, evidence += '\'';
      }
      if (cand.last_word + 1 < words.size() && words[cand.last_word + 1].clause == fw.clause &&
          extract_detail::is_name_cue(token_of_word(cand.last_word + 1)))
        ++support, evidence += "; before '", evidence += token_of_word(cand.last_word + 1), evidence += '\'';
      if (support == 0) continue;
      confidence *= std::min(1.0f, 0.7f + 0.1f * static_cast<float>(support));
    }
    if (confidence < options.min_confidence) continue;
    Mention m;
    m.concept_index = term.concept_index;
    m.begin = fw.begin;
    m.end = lw.end;
    cp_pos += code_points(text.substr(cp_byte, m.begin - cp_byte));
    m.cp_begin = cp_pos;
    m.cp_end = cp_pos + code_points(written);
    cp_pos = m.cp_end;
    cp_byte = m.end;
    m.text.assign(written);
    m.confidence = confidence;
    m.ambiguous = ambiguous;
    const Clause& clause = s.clauses[fw.clause];
    m.requirement = extract_detail::requirement_at(clause, m.begin, m.end);
    m.years = extract_detail::years_at(clause, m.begin, m.end);
    if (m.requirement != Requirement::unstated) (evidence += "; ") += to_string(m.requirement);
    if (m.years > 0) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "; %g years", static_cast<double>(m.years));
      evidence += buf;
    }
    m.evidence = std::move(evidence);
    out.push_back(std::move(m));
  }
  // The per-thread buffers are kept for the next text, but not the ~7 bytes per input byte that a
  // multi-megabyte text needed.
  if (s.tokens.words.capacity() > (std::size_t{1} << 18)) s = Scratch{};
}

const char* to_string(Requirement requirement) noexcept {
  switch (requirement) {
    case Requirement::unstated: return "unstated";
    case Requirement::must: return "must";
    case Requirement::nice: return "nice";
  }
  return "unstated";
}

Extractor::Extractor(std::shared_ptr<const Resolver> resolver) : impl_(std::make_unique<Impl>()) {
  if (!resolver) fail(ErrorCode::invalid_argument, "Extractor: null resolver");
  impl_->resolver = std::move(resolver);
  impl_->taxonomy = &impl_->resolver->taxonomy();
  impl_->build();
}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

std::vector<Mention> Extractor::extract(std::string_view utf8, const ExtractOptions& options) const {
  if (!(options.min_confidence >= 0 && options.min_confidence <= 1))
    fail(ErrorCode::invalid_argument, "extract: min_confidence must be in [0, 1]");
  if (utf8.size() > options.max_bytes)
    fail(ErrorCode::invalid_argument, "extract: text of " + std::to_string(utf8.size()) + " bytes is longer than max_bytes (" +
                                          std::to_string(options.max_bytes) + ")");
  std::vector<Mention> out;
  impl_->extract(utf8, options, out);
  return out;
}

const Resolver& Extractor::resolver() const noexcept { return *impl_->resolver; }
const Taxonomy& Extractor::taxonomy() const noexcept { return *impl_->taxonomy; }

ExtractorStats Extractor::stats() const noexcept {
  ExtractorStats st;
  const Impl& i = *impl_;
  st.keys = i.terminals.size();
  st.nodes = i.node_count;
  st.tokens = i.vocab.size();
  for (const Terminal& t : i.terminals) st.ambiguous += (t.flags & kAmbiguous) != 0;
  std::size_t vocab_bytes = i.vocab.bucket_count() * sizeof(void*);
  for (const auto& [k, v] : i.vocab) vocab_bytes += sizeof(std::pair<const std::string, std::uint32_t>) + 16 + (k.size() > 15 ? k.capacity() + 1 : 0);
  st.memory_bytes = vocab_bytes + i.root_child.capacity() * sizeof(std::uint32_t) +
                    i.edges.capacity() * sizeof(i.edges[0]) + i.node_terminal.capacity() * sizeof(std::uint32_t) +
                    i.terminals.capacity() * sizeof(Terminal);
  return st;
}

bool Extractor::is_ambiguous_key(std::string_view normalized) const {
  std::uint32_t node = 0;
  for (std::size_t i = 0; i <= normalized.size();) {
    std::size_t j = normalized.find(' ', i);
    if (j == std::string_view::npos) j = normalized.size();
    node = impl_->child(node, impl_->token_id(normalized.substr(i, j - i)));
    if (node == kNoNode) return false;
    i = j + 1;
  }
  const std::uint32_t t = impl_->node_terminal[node];
  return t != 0 && (impl_->terminals[t - 1].flags & (kAmbiguous | kNeedsCaps)) != 0;
}

TextProfile profile_from_text(const Extractor& extractor, std::string_view id, std::string_view utf8,
                              const ExtractOptions& options) {
  if (id.empty()) fail(ErrorCode::invalid_argument, "profile_from_text: empty id");
  TextProfile tp;
  tp.profile.id.assign(id);
  tp.mentions = extractor.extract(utf8, options);
  for (const Mention& m : tp.mentions) {
    ProfileSkill skill;
    skill.concept_index = m.concept_index;
    skill.text = m.text;
    skill.required = m.requirement == Requirement::must;
    skill.years = m.years;
    skill.confidence = m.confidence;
    tp.profile.add_skill(skill);
  }
  return tp;
}

}  // namespace skillmatch
