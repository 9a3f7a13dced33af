// Internal: the files of data/ compiled into the library (cmake/BundledData.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace skillmatch::detail {

/// The bytes of the bundled file `name` ("postings/skill2vec_it_postings.tsv"); static storage.
/// Throws Error(not_found) naming the file when it was not bundled.
std::string_view bundled_file_text(std::string_view name);
/// Names of the bundled files under `prefix` ("taxonomy/"), in name order.
std::vector<std::string_view> bundled_file_names(std::string_view prefix);

}  // namespace skillmatch::detail
