// src/capi/core.cpp — version, status names, the thread-local last error, and argument checks.
#include <cstdio>

#include "capi_internal.hpp"
#include "io/utf8_check.hpp"
#include "skillmatch/taxonomy_io.hpp"
#include "skillmatch/version.hpp"

namespace skillmatch::capi {
namespace {

// One message per thread. `last_error_text` points either into `last_error_storage` or at a fixed
// message, so skm_last_error() never fails even when the message could not be allocated.
thread_local std::string last_error_storage;
thread_local const char* last_error_text = "";

}  // namespace

void set_last_error(const char* function, const char* message) noexcept {
  try {
    std::string text;
    text.reserve(std::strlen(function) + std::strlen(message) + 2);
    text.append(function).append(": ").append(message);
    last_error_storage.swap(text);
    last_error_text = last_error_storage.c_str();
  } catch (...) {
    last_error_text = "out of memory (while recording an error message)";
  }
}

std::size_t invalid_utf8_at(std::string_view text) noexcept { return io::invalid_utf8_at(text); }

std::string_view text_arg(const char* text, const char* name) {
  need(text, name);
  const std::string_view s(text, std::strlen(text));
  if (const std::size_t at = invalid_utf8_at(s); at != std::string_view::npos)
    reject(SKM_INVALID_ARGUMENT, std::string(name) + " is not valid UTF-8 (byte " + std::to_string(at) + ")");
  return s;
}

Side side_arg(int side) {
  if (side == SKM_SIDE_JOB) return Side::job;
  if (side == SKM_SIDE_CANDIDATE) return Side::candidate;
  reject(SKM_INVALID_ARGUMENT, "side is " + std::to_string(side) + ", expected SKM_SIDE_JOB (0) or SKM_SIDE_CANDIDATE (1)");
}

float float_arg(double value, const char* name) {
  if (!std::isfinite(value) || std::abs(value) > 3.4e38) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", value);
    reject(SKM_INVALID_VALUE, std::string(name) + " is " + buf + ", not a finite number");
  }
  return static_cast<float>(value);
}

const std::shared_ptr<const Resolver>& TaxonomyState::resolver() const {
  std::call_once(resolver_once_, [this] { resolver_ = std::make_shared<const Resolver>(taxonomy); });
  return resolver_;
}

const SkillSimilarity& TaxonomyState::similarity() const {
  // The same similarity an engine on this taxonomy uses: learned vectors and the bundled postings
  // (about a second on first use).
  std::call_once(similarity_once_, [this] { similarity_ = learn_skill_knowledge(*resolver()).similarity; });
  return *similarity_;
}

const Extractor& TaxonomyState::extractor() const {
  std::call_once(extractor_once_, [this] { extractor_ = std::make_shared<const Extractor>(resolver()); });
  return *extractor_;
}

std::shared_ptr<TaxonomyState> bundled_state() {
  // Built once per process (a throwing first attempt is retried by the next caller), then shared, so
  // every handle on the bundled taxonomy shares one resolver and one set of similarity tables.
  static std::mutex mutex;
  static std::shared_ptr<TaxonomyState> state;
  std::lock_guard lock(mutex);
  if (!state) state = std::make_shared<TaxonomyState>(bundled_taxonomy());
  return state;
}

}  // namespace skillmatch::capi

using namespace skillmatch::capi;

extern "C" {

SKM_API const char* skm_version(void) { return skillmatch::version_string(); }

SKM_API skm_status skm_struct_size(const char* type_name, std::size_t* out_size) {
  return skillmatch::capi::guard(__func__, [&] {
    using skillmatch::capi::reject;
    const std::string_view name = skillmatch::capi::text_arg(type_name, "type_name");
    std::size_t& out = skillmatch::capi::need(out_size, "out_size");
    if (name == "skm_resolve_options") out = sizeof(skm_resolve_options);
    else if (name == "skm_engine_options") out = sizeof(skm_engine_options);
    else if (name == "skm_match_options") out = sizeof(skm_match_options);
    else if (name == "skm_requirement") out = sizeof(skm_requirement);
    else if (name == "skm_extract_options") out = sizeof(skm_extract_options);
    else reject(SKM_NOT_FOUND, "no struct named \"" + std::string(name) + "\"");
  });
}

SKM_API const char* skm_status_name(int status) {
  switch (status) {
    case SKM_OK: return "ok";
    case SKM_INVALID_ARGUMENT: return "invalid_argument";
    case SKM_PARSE_ERROR: return "parse_error";
    case SKM_IO_ERROR: return "io_error";
    case SKM_NOT_FOUND: return "not_found";
    case SKM_CYCLE: return "cycle";
    case SKM_DIMENSION_MISMATCH: return "dimension_mismatch";
    case SKM_INVALID_VALUE: return "invalid_value";
    case SKM_DUPLICATE: return "duplicate";
    case SKM_CORRUPT: return "corrupt";
    case SKM_INTERNAL: return "internal";
    case SKM_NULL_ARGUMENT: return "null_argument";
    case SKM_OUT_OF_MEMORY: return "out_of_memory";
    default: return "unknown";
  }
}

SKM_API const char* skm_last_error(void) { return last_error_text; }

}  // extern "C"
