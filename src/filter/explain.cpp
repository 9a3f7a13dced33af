// Row-at-a-time evaluation: matches() and explain(), plus the schema-shape check shared with the
// block evaluator.
#include <algorithm>
#include <array>
#include <string>

#include "filter/clause_eval.hpp"

namespace skillmatch {
namespace filter_detail {

void check_columns(const Program& p, const AttributeColumns& columns) {
  const AttributeSchema& s = columns.schema();
  if (s.size() != p.schema_size)
    fail(ErrorCode::invalid_argument, "filter '" + p.source + "' was compiled for " + std::to_string(p.schema_size) +
                                          " attributes; the columns have " + std::to_string(s.size()));
  for (const Clause& c : p.clauses) {
    const AttributeDef& d = s[c.attribute];
    bool ok = true;
    switch (c.kind) {
      case ClauseKind::presence: break;
      case ClauseKind::numeric: ok = d.type == AttributeType::numeric; break;
      case ClauseKind::ordinal: ok = d.type == AttributeType::ordinal; break;
      case ClauseKind::boolean: ok = d.type == AttributeType::boolean; break;
      case ClauseKind::category: ok = d.type == AttributeType::categorical && !d.multi_valued; break;
      case ClauseKind::multi_category: ok = d.type == AttributeType::categorical && d.multi_valued; break;
    }
    if (!ok)
      fail(ErrorCode::invalid_argument, "filter clause '" + c.text + "' does not fit attribute '" + d.name +
                                            "' of the columns: they use a different schema");
  }
}

bool clause_passes(const Clause& c, const AttributeColumns& columns, std::size_t row) {
  const bool present = !columns.missing(c.attribute).test(row);
  if (c.kind == ClauseKind::presence) return present != c.negate;
  if (!present) return false;
  switch (c.kind) {
    case ClauseKind::numeric: {
      const double v = columns.numbers(c.attribute)[row];
      switch (c.op) {
        case NumericOp::eq: return v == c.number;
        case NumericOp::ne: return v != c.number;
        case NumericOp::lt: return v < c.number;
        case NumericOp::le: return v <= c.number;
        case NumericOp::gt: return v > c.number;
        case NumericOp::ge: return v >= c.number;
      }
      return false;
    }
    case ClauseKind::ordinal: return (c.level_mask >> columns.ranks(c.attribute)[row]) & 1u;
    case ClauseKind::boolean: return columns.bools(c.attribute).test(row) == c.value;
    case ClauseKind::category: {
      const std::uint32_t code = columns.codes(c.attribute)[row];
      bool hit = std::any_of(c.strings.begin(), c.strings.end(),
                             [&](const std::string& s) { return columns.code_of(c.attribute, s) == code; });
      return hit != c.negate;
    }
    case ClauseKind::multi_category: {
      bool hit = false;
      for (std::uint32_t code : columns.multi_codes(row, c.attribute))
        for (const auto& s : c.strings) hit |= columns.code_of(c.attribute, s) == code;
      return hit != c.negate;
    }
    case ClauseKind::presence: break;
  }
  return false;
}

namespace {

void check_row(const AttributeColumns& columns, std::size_t row) {
  if (row >= columns.size())
    fail(ErrorCode::invalid_argument,
         "filter: row " + std::to_string(row) + " is out of range (size " + std::to_string(columns.size()) + ")");
}

// Runs the postfix program over per-clause outcomes.
bool run(const Program& p, const std::vector<bool>& outcome) {
  std::array<bool, max_stack> stack{};
  std::size_t sp = 0;
  for (const Op& op : p.ops) {
    switch (op.kind) {
      case OpKind::clause: stack[sp++] = outcome[op.clause]; break;
      case OpKind::all: --sp; stack[sp - 1] = stack[sp - 1] && stack[sp]; break;
      case OpKind::any: --sp; stack[sp - 1] = stack[sp - 1] || stack[sp]; break;
      case OpKind::negate: stack[sp - 1] = !stack[sp - 1]; break;
    }
  }
  return stack[0];
}

std::vector<bool> outcomes(const Program& p, const AttributeColumns& columns, std::size_t row) {
  std::vector<bool> out(p.clauses.size());
  for (std::size_t i = 0; i < p.clauses.size(); ++i) out[i] = clause_passes(p.clauses[i], columns, row);
  return out;
}

}  // namespace
}  // namespace filter_detail

bool matches(const CompiledFilter& filter, const AttributeColumns& columns, std::size_t row) {
  using namespace filter_detail;
  const Program& p = filter.program();
  check_columns(p, columns);
  check_row(columns, row);
  return run(p, outcomes(p, columns, row));
}

FilterExplanation explain(const CompiledFilter& filter, const AttributeColumns& columns, std::size_t row) {
  using namespace filter_detail;
  const Program& p = filter.program();
  check_columns(p, columns);
  check_row(columns, row);
  std::vector<bool> outcome = outcomes(p, columns, row);
  FilterExplanation e;
  e.passed = run(p, outcome);
  // Clauses appear in the program in source order; a `not` right after a clause applies to it alone.
  for (std::size_t k = 0; k < p.ops.size(); ++k) {
    if (p.ops[k].kind != OpKind::clause) continue;
    const Clause& c = p.clauses[p.ops[k].clause];
    ClauseOutcome o;
    o.clause = c.text;
    o.passed = outcome[p.ops[k].clause];
    o.value = columns.display(row, c.attribute);
    while (k + 1 < p.ops.size() && p.ops[k + 1].kind == OpKind::negate) {
      o.clause = "not " + o.clause;
      o.passed = !o.passed;
      ++k;
    }
    e.clauses.push_back(std::move(o));
  }
  return e;
}

std::string FilterExplanation::to_string() const {
  std::string out;
  for (const auto& c : clauses) out += c.to_string() + "\n";
  out += passed ? "filter: passed" : "filter: failed";
  return out;
}

}  // namespace skillmatch
