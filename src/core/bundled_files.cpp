#include "core/bundled_files.hpp"

#include <string>

#include "skillmatch/error.hpp"
#include "skillmatch_bundled_files.hpp"

namespace skillmatch::detail {

std::string_view bundled_file_text(std::string_view name) {
  for (const auto& file : bundled_files)
    if (name == file.name) return {file.begin, static_cast<std::size_t>(file.end - file.begin)};
  fail(ErrorCode::not_found, "no bundled data file '" + std::string(name) + "'");
}

std::vector<std::string_view> bundled_file_names(std::string_view prefix) {
  std::vector<std::string_view> names;
  for (const auto& file : bundled_files)
    if (std::string_view(file.name).starts_with(prefix)) names.emplace_back(file.name);
  return names;
}

}  // namespace skillmatch::detail
