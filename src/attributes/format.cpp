#include "attributes/format.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace skillmatch::names {

std::string format_number(double v) {
  char buf[64];
  std::to_chars_result r{};
  if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 1e15)
    r = std::to_chars(buf, buf + sizeof buf, static_cast<std::int64_t>(v));
  else
    r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

}  // namespace skillmatch::names
