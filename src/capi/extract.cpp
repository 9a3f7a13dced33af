// C ABI: skill mentions in free text (skm_taxonomy_extract, skm_engine_extract, skm_mentions_*) and
// profiles written as prose (skm_profile_set_text).
#include <boost/json.hpp>

#include "capi_internal.hpp"

using namespace skillmatch;
using namespace skillmatch::capi;

namespace {

skm_extract_options extract_defaults() {
  skm_extract_options o{};
  o.size = sizeof(skm_extract_options);
  const ExtractOptions d;
  o.min_confidence = static_cast<double>(d.min_confidence);
  o.ambiguous_with_context = d.ambiguous_with_context ? 1 : 0;
  o.skills = d.skills ? 1 : 0;
  o.soft_skills = d.soft_skills ? 1 : 0;
  o.max_bytes = d.max_bytes;
  return o;
}

ExtractOptions extract_options_arg(const skm_extract_options* in) {
  const skm_extract_options o = read_options(in, extract_defaults(), abi::extract_options_sizes, "skm_extract_options");
  if (!(o.min_confidence >= 0 && o.min_confidence <= 1))
    reject(SKM_INVALID_ARGUMENT, "options->min_confidence must be in [0, 1]");
  ExtractOptions x;
  x.min_confidence = static_cast<float>(o.min_confidence);
  x.ambiguous_with_context = o.ambiguous_with_context != 0;
  x.skills = o.skills != 0;
  x.soft_skills = o.soft_skills != 0;
  x.max_bytes = o.max_bytes;
  return x;
}

// UTF-16 units of well-formed UTF-8 bytes [from, to): 2 for a 4-byte sequence, else 1 per code point.
std::size_t utf16_units(std::string_view s) noexcept {
  std::size_t n = 0;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if ((b & 0xC0) != 0x80) n += b >= 0xF0 ? 2 : 1;
  }
  return n;
}

void extract_into(const Extractor& ex, const char* text, std::size_t length, const skm_extract_options* options,
                  skm_mentions** out) {
  need(out, "out");
  if (!text && length > 0) reject(SKM_NULL_ARGUMENT, "text is NULL");
  const ExtractOptions o = extract_options_arg(options);
  const std::string_view t(text ? text : "", length);
  if (t.size() > o.max_bytes)
    reject(SKM_INVALID_ARGUMENT, "text of " + std::to_string(t.size()) + " bytes is longer than options->max_bytes (" +
                                     std::to_string(o.max_bytes) + ")");
  if (const std::size_t bad = invalid_utf8_at(t); bad != std::string_view::npos)
    reject(SKM_INVALID_ARGUMENT, "text is not UTF-8 (byte " + std::to_string(bad) + ")");
  auto mentions = ex.extract(t, o);
  auto result = std::make_unique<skm_mentions>();
  result->items.reserve(mentions.size());
  const Taxonomy& tax = ex.taxonomy();
  std::size_t u16 = 0, u16_byte = 0;
  for (Mention& m : mentions) {
    skm_mentions::Item item;
    item.concept_id = tax.id(m.concept_index);
    item.label = tax.preferred_label(m.concept_index);
    item.text = std::move(m.text);
    item.evidence = std::move(m.evidence);
    u16 += utf16_units(t.substr(u16_byte, m.begin - u16_byte));
    item.utf16_start = u16;
    u16 += utf16_units(t.substr(m.begin, m.end - m.begin));
    item.utf16_end = u16;
    u16_byte = m.end;
    item.mention = std::move(m);
    result->items.push_back(std::move(item));
  }
  *out = result.release();
}

const skm_mentions::Item& item_at(const skm_mentions* mentions, std::size_t index) {
  const auto& items = need(mentions, "mentions").items;
  if (index >= items.size())
    reject(SKM_INVALID_ARGUMENT, "index " + std::to_string(index) + " is out of range (count " +
                                     std::to_string(items.size()) + ")");
  return items[index];
}

}  // namespace

extern "C" {

SKM_API skm_status skm_extract_options_init(skm_extract_options* options, std::size_t size) {
  return guard(__func__, [&] {
    init_options(options, size, extract_defaults(), abi::extract_options_sizes, "skm_extract_options");
  });
}

SKM_API skm_status skm_taxonomy_extract(const skm_taxonomy* taxonomy, const char* text, std::size_t length,
                                        const skm_extract_options* options, skm_mentions** out) {
  clear_out(out);
  return guard(__func__, [&] { extract_into(need(taxonomy, "taxonomy").state->extractor(), text, length, options, out); });
}

SKM_API skm_status skm_engine_extract(const skm_engine* engine, const char* text, std::size_t length,
                                      const skm_extract_options* options, skm_mentions** out) {
  clear_out(out);
  return guard(__func__, [&] { extract_into(need(engine, "engine").engine->extractor(), text, length, options, out); });
}

SKM_API skm_status skm_mentions_count(const skm_mentions* mentions, std::size_t* out_count) {
  return guard(__func__, [&] { need(out_count, "out_count") = need(mentions, "mentions").items.size(); });
}

SKM_API skm_status skm_mentions_get(const skm_mentions* mentions, std::size_t index, const char** out_concept_id,
                                    const char** out_text, std::size_t* out_byte_start, std::size_t* out_byte_end,
                                    std::size_t* out_cp_start, std::size_t* out_cp_end, double* out_confidence,
                                    int* out_requirement, double* out_years) {
  clear_out(out_concept_id);
  clear_out(out_text);
  return guard(__func__, [&] {
    const auto& it = item_at(mentions, index);
    if (out_concept_id) *out_concept_id = it.concept_id.c_str();
    if (out_text) *out_text = it.text.c_str();
    if (out_byte_start) *out_byte_start = it.mention.begin;
    if (out_byte_end) *out_byte_end = it.mention.end;
    if (out_cp_start) *out_cp_start = it.mention.cp_begin;
    if (out_cp_end) *out_cp_end = it.mention.cp_end;
    if (out_confidence) *out_confidence = static_cast<double>(it.mention.confidence);
    if (out_requirement) *out_requirement = static_cast<int>(it.mention.requirement);
    if (out_years) *out_years = static_cast<double>(it.mention.years);
  });
}

SKM_API skm_status skm_mentions_detail(const skm_mentions* mentions, std::size_t index, const char** out_label,
                                       const char** out_evidence, int* out_ambiguous) {
  clear_out(out_label);
  clear_out(out_evidence);
  return guard(__func__, [&] {
    const auto& it = item_at(mentions, index);
    if (out_label) *out_label = it.label.c_str();
    if (out_evidence) *out_evidence = it.evidence.c_str();
    if (out_ambiguous) *out_ambiguous = it.mention.ambiguous ? 1 : 0;
  });
}

SKM_API skm_status skm_mentions_json(const skm_mentions* mentions, const char** out_json) {
  clear_out(out_json);
  return guard(__func__, [&] {
    const skm_mentions& m = need(mentions, "mentions");
    need(out_json, "out_json");
    std::lock_guard lock(m.json_mutex);
    if (!m.json) {
      boost::json::array arr;
      arr.reserve(m.items.size());
      for (const auto& it : m.items) {
        boost::json::object o;
        o["concept_id"] = it.concept_id;
        o["preferred_label"] = it.label;
        o["mention"] = it.text;
        o["start"] = it.mention.cp_begin;
        o["end"] = it.mention.cp_end;
        o["byte_start"] = it.mention.begin;
        o["byte_end"] = it.mention.end;
        o["utf16_start"] = it.utf16_start;
        o["utf16_end"] = it.utf16_end;
        o["confidence"] = static_cast<double>(it.mention.confidence);
        o["requirement"] = to_string(it.mention.requirement);
        o["years"] = static_cast<double>(it.mention.years);
        o["ambiguous"] = it.mention.ambiguous;
        o["evidence"] = it.evidence;
        arr.push_back(std::move(o));
      }
      m.json = std::make_unique<std::string>(boost::json::serialize(arr));
    }
    *out_json = m.json->c_str();
  });
}

SKM_API void skm_mentions_free(skm_mentions* mentions) { delete mentions; }

SKM_API skm_status skm_profile_set_text(skm_profile* profile, const char* text) {
  return guard(__func__, [&] {
    skm_profile& p = need(profile, "profile");
    const std::string_view t = text_arg(text, "text");
    p.json["text"] = t;
    p.modified();
  });
}

}  // extern "C"
