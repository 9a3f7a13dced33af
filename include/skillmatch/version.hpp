// skillmatch/version.hpp — version of the headers and of the linked library.
#pragma once

#define SKILLMATCH_VERSION_MAJOR 0
#define SKILLMATCH_VERSION_MINOR 1
#define SKILLMATCH_VERSION_PATCH 0

namespace skillmatch {
/// "MAJOR.MINOR.PATCH" of the library actually linked (may differ from the headers' macros when a
/// shared library is swapped). Static storage; thread-safe.
const char* version_string() noexcept;
}  // namespace skillmatch
