// Number formatting shared by attribute display and filter explanations.
#pragma once

#include <string>

namespace skillmatch::names {

/// Shortest text that reads back as `v`; integral values print without exponent ("8000000").
std::string format_number(double v);

}  // namespace skillmatch::names
