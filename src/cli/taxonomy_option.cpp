#include "cli/taxonomy_option.hpp"

#include <filesystem>
#include <vector>

#include "skillmatch/taxonomy_io.hpp"

namespace skillmatch::cli {

std::shared_ptr<const Taxonomy> take_taxonomy(Args& args) {
  auto paths = args.take_all("taxonomy");
  if (paths.empty()) return bundled_taxonomy();
  std::vector<std::filesystem::path> files(paths.begin(), paths.end());
  return load_taxonomy(files);
}

}  // namespace skillmatch::cli
