#include "skillmatch/version.hpp"

#define SKILLMATCH_STR2(x) #x
#define SKILLMATCH_STR(x) SKILLMATCH_STR2(x)

namespace skillmatch {
const char* version_string() noexcept {
  return SKILLMATCH_STR(SKILLMATCH_VERSION_MAJOR) "." SKILLMATCH_STR(SKILLMATCH_VERSION_MINOR) "." SKILLMATCH_STR(
      SKILLMATCH_VERSION_PATCH);
}
}  // namespace skillmatch
