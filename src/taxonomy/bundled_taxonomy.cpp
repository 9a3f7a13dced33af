// The bundled default taxonomy: data/taxonomy/*.tsv embedded in the library by
// cmake/BundledData.cmake and parsed on first use.
#include <mutex>

#include "skillmatch/taxonomy_io.hpp"
#include "skillmatch_bundled_files.hpp"

namespace skillmatch {

void add_bundled_taxonomy(TaxonomyBuilder& builder) {
  for (const auto& file : detail::bundled_files)
    read_native_taxonomy(builder, std::string_view(file.begin, static_cast<std::size_t>(file.end - file.begin)),
                         std::string("bundled:") + file.name);
}

std::shared_ptr<const Taxonomy> bundled_taxonomy() {
  // A function-local static is initialised once, thread-safely; if building throws (it cannot for
  // data the tests check, but memory may run out) the next call tries again.
  static const std::shared_ptr<const Taxonomy> taxonomy = [] {
    TaxonomyBuilder builder;
    add_bundled_taxonomy(builder);
    return builder.build();
  }();
  return taxonomy;
}

}  // namespace skillmatch
