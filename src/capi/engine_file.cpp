// C ABI: saving and opening an engine (skm_engine_save, skm_engine_open; docs/index-format.md).
#include "capi_internal.hpp"

namespace skillmatch::capi {
namespace {

skm_open_options default_open_options() {
  skm_open_options o{};
  o.size = sizeof o;
  o.min_confidence = 0.6;
  o.verify_checksums = 1;
  return o;
}

}  // namespace
}  // namespace skillmatch::capi

using namespace skillmatch;
using namespace skillmatch::capi;

extern "C" {

SKM_API skm_status skm_open_options_init(skm_open_options* options, std::size_t size) {
  return guard(__func__, [&] {
    init_options(options, size, default_open_options(), abi::open_options_sizes, "skm_open_options");
  });
}

SKM_API skm_status skm_engine_save(const skm_engine* engine, const char* path) {
  return guard(__func__, [&] {
    const skm_engine& e = need(engine, "engine");
    const std::string_view p = text_arg(path, "path");
    e.engine->save(std::string(p));
  });
}

SKM_API skm_status skm_engine_open(const char* path, const skm_open_options* options, skm_engine** out) {
  clear_out(out);
  return guard(__func__, [&] {
    const std::string_view p = text_arg(path, "path");
    need(out, "out");
    const skm_open_options o = read_options(options, default_open_options(), abi::open_options_sizes, "skm_open_options");
    if (o.threads > 1024) reject(SKM_INVALID_ARGUMENT, "options->threads " + std::to_string(o.threads) + " is more than 1024");
    if (!(o.min_confidence >= 0 && o.min_confidence <= 1))
      reject(SKM_INVALID_ARGUMENT, "options->min_confidence must be in [0, 1]");
    std::shared_ptr<TaxonomyState> state = o.taxonomy ? o.taxonomy->state : bundled_state();
    EngineOptions eo;
    eo.taxonomy = state->taxonomy;
    eo.resolver = state->resolver();
    eo.threads = o.threads;
    eo.parsing.min_confidence = static_cast<float>(o.min_confidence);
    OpenOptions oo;
    oo.verify_checksums = o.verify_checksums != 0;
    auto handle = std::make_unique<skm_engine>();
    handle->taxonomy = std::move(state);
    handle->parsing = eo.parsing;
    handle->engine = Engine::open(std::string(p), std::move(eo), oo);
    *out = handle.release();
  });
}

}  // extern "C"
