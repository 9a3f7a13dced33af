#include <cstdio>

#include "cli/commands.hpp"
#include "skillmatch/version.hpp"

namespace skillmatch::cli {

int run_version(Args args) {
  if (args.take_flag("help")) {
    std::puts(
        "usage: skillmatch version\n"
        "Prints \"skillmatch MAJOR.MINOR.PATCH\" of the library linked (also: skillmatch --version).");
    return 0;
  }
  args.finish();
  std::printf("skillmatch %s\n", skillmatch::version_string());
  return 0;
}

}  // namespace skillmatch::cli
