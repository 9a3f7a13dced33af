#include "skillmatch/error.hpp"

namespace skillmatch {

const char* to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::parse_error: return "parse_error";
    case ErrorCode::io_error: return "io_error";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::cycle: return "cycle";
    case ErrorCode::dimension_mismatch: return "dimension_mismatch";
    case ErrorCode::invalid_value: return "invalid_value";
    case ErrorCode::duplicate: return "duplicate";
    case ErrorCode::corrupt: return "corrupt";
    case ErrorCode::internal: return "internal";
  }
  return "unknown";
}

}  // namespace skillmatch
