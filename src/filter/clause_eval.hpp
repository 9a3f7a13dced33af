// Shared by the block evaluator and the row-at-a-time matcher/explainer.
#pragma once

#include <cstddef>

#include "filter/program.hpp"
#include "skillmatch/filter.hpp"

namespace skillmatch::filter_detail {

/// Throws Error(invalid_argument) unless `columns` has the schema shape the filter was compiled for
/// (same attribute count; each clause's attribute of the type it was compiled for).
void check_columns(const Program& p, const AttributeColumns& columns);

/// Whether `row` passes clause `c` (a missing value fails every clause except `is missing`).
bool clause_passes(const Clause& c, const AttributeColumns& columns, std::size_t row);

}  // namespace skillmatch::filter_detail
