// The bundled default taxonomy: data/taxonomy/*.tsv embedded in the library by
// cmake/BundledData.cmake and parsed on first use.
#include <string>

#include "core/bundled_files.hpp"
#include "skillmatch/taxonomy_io.hpp"

namespace skillmatch {

void add_bundled_taxonomy(TaxonomyBuilder& builder) {
  for (std::string_view name : detail::bundled_file_names("taxonomy/"))
    read_native_taxonomy(builder, detail::bundled_file_text(name), "bundled:" + std::string(name));
}

std::shared_ptr<const Taxonomy> bundled_taxonomy() {
  // A function-local static is initialised once, thread-safely; if building throws (memory may run
  // out) the next call tries again.
  static const std::shared_ptr<const Taxonomy> taxonomy = [] {
    TaxonomyBuilder builder;
    add_bundled_taxonomy(builder);
    return builder.build();
  }();
  return taxonomy;
}

}  // namespace skillmatch
