// The Resolver's text fallbacks for text that is no key as a whole: lists of names written in one
// string, names followed by a version, and names with the words a CV writes around them
// (resolver.hpp documents when they apply).
#include <algorithm>
#include <span>
#include <string>

#include "taxonomy/resolver_internal.hpp"

namespace skillmatch::detail {
namespace {

constexpr std::size_t kMaxListParts = 16;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A version word of the spaced normal form: "8", "2019", "3.11" (the normaliser keeps no '.', so
// "3 11"), "v2", "cs6", "sp1", or the bare "cc" / "version" / "x".
bool is_version_word(std::string_view w) {
  if (w == "cc" || w == "version" || w == "x") return true;
  for (std::string_view prefix : {"version", "ver", "cs", "cc", "sp", "v", "r"}) {
    if (w.size() > prefix.size() && w.substr(0, prefix.size()) == prefix) {
      w.remove_prefix(prefix.size());
      break;
    }
  }
  if (w.empty() || w.size() > 8) return false;
  // Digits, with an optional trailing "x" ("3x" from "3.x").
  if (w.back() == 'x') w.remove_suffix(1);
  return !w.empty() && std::all_of(w.begin(), w.end(), is_digit);
}


// Words a CV or a posting writes around a skill's name to say how well or in what role, not which
// skill: "advanced Excel", "Python programming", "Java skills", "hands-on AWS experience". English
// usage, not taxonomy data, so a fixed list (the taxonomies never write these words around names,
// which is why they cannot be learned from them). Spaced normal form (lower case, '-' as space).
constexpr std::string_view kLeadingQualifiers[] = {
    "advanced", "basic", "basics", "expert", "expertise", "proficient", "proficiency", "strong", "solid",
    "good", "excellent", "deep", "extensive", "working", "practical", "hands", "on", "senior", "junior",
    "intermediate", "beginner", "professional", "experienced", "familiarity", "with", "knowledge", "of", "in",
    "experience", "skilled", "fluent", "certified"};
constexpr std::string_view kTrailingContext[] = {
    "programming", "development", "developer", "developers", "experience", "experiences", "skill", "skills",
    "knowledge", "expertise", "proficiency", "basics", "fundamentals", "coding", "usage",
    "certification", "certified", "expert", "specialist",
    // what a named product is used as or for ("Docker containers", "Spring framework", "AWS services")
    "platform", "platforms", "service", "services", "tool", "tools", "framework", "frameworks", "library",
    "libraries", "stack", "ecosystem", "environment", "environments", "container", "containers", "apps",
    "application", "applications", "dashboards", "scripting", "administration", "cloud"};

bool one_of(std::string_view w, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

std::vector<std::string_view> spaced_words(std::string_view spaced) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < spaced.size();) {
    const std::size_t space = spaced.find(' ', i);
    const std::size_t end = space == std::string_view::npos ? spaced.size() : space;
    if (end > i) words.push_back(spaced.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

// The singular forms an English plural last word may have, most likely first ("apis" -> "api",
// "technologies" -> "technology", "caches" -> "cache", "switches" -> "switch"); none when the word
// does not look plural. Only ever tried as keys, so a wrong form ("status" -> "statu") meets nothing.
std::vector<std::string> singulars_of(std::string_view w) {
  std::vector<std::string> out;
  if (w.size() < 4 || w.back() != 's' || w.ends_with("ss") || std::all_of(w.begin(), w.end(), is_digit)) return out;
  if (w.ends_with("ies")) out.push_back(std::string(w.substr(0, w.size() - 3)) + "y");
  out.emplace_back(w.substr(0, w.size() - 1));
  if (w.ends_with("es")) out.emplace_back(w.substr(0, w.size() - 2));
  return out;
}

}  // namespace

std::vector<std::string_view> list_parts(std::string_view text) {
  std::vector<std::string_view> parts;
  if (text.find_first_of("/,;|&") == std::string_view::npos) return parts;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && std::string_view("/,;|&").find(text[i]) == std::string_view::npos) continue;
    const std::string_view part = trim_spaces(text.substr(begin, i - begin));
    if (!part.empty()) parts.push_back(part);
    if (parts.size() > kMaxListParts) return {};
    begin = i + 1;
  }
  if (parts.size() < 2) parts.clear();
  return parts;
}

std::string_view without_version(std::string_view spaced) {
  std::string_view rest = spaced;
  while (!rest.empty()) {
    const std::size_t space = rest.rfind(' ');
    const std::string_view last = space == std::string_view::npos ? rest : rest.substr(space + 1);
    if (!is_version_word(last)) break;
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(0, space);
  }
  return rest;
}

std::vector<std::string> qualified_readings(std::string_view spaced, const LearnedWords& learned) {
  std::vector<std::string> out;
  const std::vector<std::string_view> words = spaced_words(spaced);
  const std::size_t n = words.size();
  if (n == 0 || n > kMaxQualifiedWords) return out;
  // Also the generic words learned from product names ("server", "database", "software").
  auto trailing = [&](std::string_view w) {
    if (one_of(w, kTrailingContext) || learned.is_generic(w)) return true;
    const std::vector<std::string> forms = singulars_of(w);
    return std::any_of(forms.begin(), forms.end(), [&](const std::string& f) { return learned.is_generic(f); });
  };
  std::size_t max_lead = 0, max_trail = 0;
  while (max_lead + 1 < n && one_of(words[max_lead], kLeadingQualifiers)) ++max_lead;
  while (max_trail + 1 < n && trailing(words[n - 1 - max_trail])) ++max_trail;
  auto add_form = [&](std::size_t b, std::size_t e, std::string_view last_word) {
    // A qualifier or context word alone says nothing: "programming skills" is itself or nothing.
    if (e - b == 1 && (one_of(last_word, kLeadingQualifiers) || trailing(last_word))) return;
    std::string s;
    for (std::size_t i = b; i + 1 < e; ++i) s.append(words[i]).push_back(' ');
    s.append(last_word);
    if (std::find(out.begin(), out.end(), s) == out.end() && s != spaced) out.push_back(std::move(s));
  };
  // The fewest words dropped first ("deep learning skills" is "deep learning", never "learning";
  // "Google Cloud Platform services" is Google Cloud Platform before it is Google), trailing words
  // before leading ones, each form before its singular.
  for (std::size_t dropped = 0; dropped < n; ++dropped) {
    for (std::size_t lead = 0; lead <= dropped; ++lead) {
      const std::size_t trail = dropped - lead;
      if (lead > max_lead || trail > max_trail || lead + trail >= n) continue;
      const std::size_t b = lead, e = n - trail;
      if (dropped > 0) add_form(b, e, words[e - 1]);
      for (const std::string& form : singulars_of(words[e - 1])) add_form(b, e, form);
    }
  }
  return out;
}

}  // namespace skillmatch::detail
