#include <cstdio>

#include "cli/commands.hpp"
#include "skillmatch/version.hpp"

namespace skillmatch::cli {

int run_version(Args args) {
  args.finish();
  std::printf("skillmatch %s\n", skillmatch::version_string());
  return 0;
}

}  // namespace skillmatch::cli
