// src/capi/capi_internal.hpp — what the C ABI's translation units share: the handle structs behind
// the opaque types of skillmatch.h, the exception guard every entry point runs in, and argument
// checks (NULL, UTF-8, sizes, options structs).
#pragma once

#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "abi_versions.hpp"
#include "skillmatch/engine.hpp"
#include "skillmatch/error.hpp"
#include "skillmatch/extract.hpp"
#include "skillmatch/resolver.hpp"
#include "skillmatch/similarity.hpp"
#include "skillmatch/skill_knowledge.hpp"
#include "skillmatch/skillmatch.h"
#include "skillmatch/taxonomy.hpp"

namespace skillmatch::capi {

/// A failure found by the C ABI itself (NULL pointer, bad UTF-8, out-of-range option).
struct CapiError {
  skm_status status;
  std::string message;
};

[[noreturn]] inline void reject(skm_status status, std::string message) { throw CapiError{status, std::move(message)}; }

/// Records `message` as the calling thread's last error, prefixed by the entry point's name.
/// Never throws (falls back to a fixed message when the text cannot be allocated).
void set_last_error(const char* function, const char* message) noexcept;

/// Runs `body` and maps every exception to a status and a last-error message. The one place the
/// "no exception crosses the boundary" rule is enforced.
template <class Body>
skm_status guard(const char* function, Body&& body) noexcept {
  try {
    body();
    return SKM_OK;
  } catch (const CapiError& e) {
    set_last_error(function, e.message.c_str());
    return e.status;
  } catch (const Error& e) {
    set_last_error(function, e.what());
    const int code = static_cast<int>(e.code());
    return code >= SKM_INVALID_ARGUMENT && code <= SKM_INTERNAL ? static_cast<skm_status>(code) : SKM_INTERNAL;
  } catch (const std::bad_alloc&) {
    set_last_error(function, "out of memory");
    return SKM_OUT_OF_MEMORY;
  } catch (const std::exception& e) {
    set_last_error(function, e.what());
    return SKM_INTERNAL;
  } catch (...) {
    set_last_error(function, "unknown exception");
    return SKM_INTERNAL;
  }
}

template <class T>
T& need(T* pointer, const char* name) {
  if (!pointer) reject(SKM_NULL_ARGUMENT, std::string(name) + " is NULL");
  return *pointer;
}

/// Sets a handle or string out-parameter to NULL up front, so it is NULL on every error path.
template <class T>
void clear_out(T** out) noexcept {
  if (out) *out = nullptr;
}

/// Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code points beyond
/// U+10FFFF count as broken), or npos when `text` is well-formed.
std::size_t invalid_utf8_at(std::string_view text) noexcept;

/// A required NUL-terminated UTF-8 string argument.
std::string_view text_arg(const char* text, const char* name);

/// Side argument: SKM_SIDE_JOB or SKM_SIDE_CANDIDATE.
Side side_arg(int side);

/// A finite double that fits a float (so the conversion is defined), else SKM_INVALID_VALUE.
float float_arg(double value, const char* name);

/// Reads a caller's options struct: defaults for everything, then the fields of the published
/// version the caller's `size` names (abi_versions.hpp). SKM_INVALID_ARGUMENT for any other size.
template <class T>
T read_options(const T* in, const T& defaults, std::span<const std::size_t> sizes, const char* name) {
  T out = defaults;
  if (in) {
    const std::size_t known = abi::known_bytes(in->size, sizes);
    if (known == 0)
      reject(SKM_INVALID_ARGUMENT, std::string(name) + "->size is " + std::to_string(in->size) + ", expected " +
                                       abi::accepted_sizes(sizes) + " (call " + name + "_init or set size = sizeof)");
    std::memcpy(static_cast<void*>(&out), in, known);
    out.size = sizeof(T);
  }
  return out;
}

/// The `init` of an options struct: size check, then the defaults of the fields the caller has.
template <class T>
void init_options(T* options, std::size_t size, const T& defaults, std::span<const std::size_t> sizes, const char* name) {
  need(options, "options");
  const std::size_t known = abi::known_bytes(size, sizes);
  if (known == 0)
    reject(SKM_INVALID_ARGUMENT, std::string("size is ") + std::to_string(size) + ", expected " +
                                     abi::accepted_sizes(sizes) + " (sizeof(" + name + "))");
  // The caller's struct may be older (smaller) or newer (larger): write only what both know.
  std::memcpy(static_cast<void*>(options), &defaults, known);
  options->size = known;
}

/// A taxonomy with the resolver and similarity tables built on first use. Shared by every handle
/// on the same taxonomy (skm_taxonomy_bundled hands out one state; an engine shares its state).
struct TaxonomyState {
  explicit TaxonomyState(std::shared_ptr<const Taxonomy> t) : taxonomy(std::move(t)) {}
  std::shared_ptr<const Taxonomy> taxonomy;

  const std::shared_ptr<const Resolver>& resolver() const;
  const SkillSimilarity& similarity() const;
  const Extractor& extractor() const;

 private:
  mutable std::once_flag resolver_once_, similarity_once_, extractor_once_;
  mutable std::shared_ptr<const Extractor> extractor_;
  mutable std::shared_ptr<const Resolver> resolver_;
  mutable std::shared_ptr<const SkillSimilarity> similarity_;
};

std::shared_ptr<TaxonomyState> bundled_state();

}  // namespace skillmatch::capi

struct skm_taxonomy_s {
  std::shared_ptr<skillmatch::capi::TaxonomyState> state;
};

struct skm_concept_list_s {
  struct Item {
    std::string id, label;
    double score = 0;
    const char* detail = "";  // static storage (method or kind name)
  };
  std::vector<Item> items;
};

struct skm_schema_s {
  skillmatch::AttributeSchema schema;
};

struct skm_profile_s {
  boost::json::object json;  // the profile in docs/profiles.md form; parsed by the engine that uses it
  std::string id;
  mutable std::mutex text_mutex;
  mutable std::string text;   // serialised on demand
  mutable bool text_fresh = false;
  /// The JSON text (thread-safe for concurrent readers; invalidated by a modification).
  const std::string& json_text() const;
  void modified() noexcept { text_fresh = false; }
};

struct skm_engine_s {
  std::shared_ptr<skillmatch::capi::TaxonomyState> taxonomy;
  std::unique_ptr<skillmatch::Engine> engine;
  skillmatch::ProfileParseOptions parsing;  // the engine's, for JSONL read outside Engine::parse_profile
};

namespace skillmatch::capi {

/// Result sets plus what their strings refer to; shared by a batch and the results handles taken
/// from it, so either can be freed first.
struct ResultsData {
  std::vector<MatchResults> sets;
  std::shared_ptr<const Taxonomy> taxonomy;
  bool explained = false;
};

}  // namespace skillmatch::capi

struct skm_results_s {
  std::shared_ptr<const skillmatch::capi::ResultsData> data;
  const skillmatch::MatchResults* results = nullptr;
  // Lazily built JSON text, under a lock so concurrent readers are safe.
  mutable std::mutex json_mutex;
  mutable std::unique_ptr<std::string> all_json;
  mutable std::vector<std::unique_ptr<std::string>> match_json;
};

struct skm_mentions_s {
  struct Item {
    std::string concept_id, label, text, evidence;
    skillmatch::Mention mention;  // offsets, confidence, requirement, years (its text moved into `text`)
    std::size_t utf16_start = 0, utf16_end = 0;
  };
  std::vector<Item> items;
  mutable std::mutex json_mutex;
  mutable std::unique_ptr<std::string> json;  // built on first skm_mentions_json
};

struct skm_batch_s {
  std::shared_ptr<const skillmatch::capi::ResultsData> data;
};
