// Compiler: syntax tree + schema -> typed clauses and a postfix program (filter/program.hpp).
#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "attributes/format.hpp"
#include "attributes/names.hpp"
#include "filter/lexer.hpp"
#include "filter/parser.hpp"
#include "filter/program.hpp"
#include "skillmatch/filter.hpp"

namespace skillmatch {
namespace filter_detail {
namespace {

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

std::string describe(const Literal& lit) {
  switch (lit.kind) {
    case Literal::Kind::number: return "number " + names::format_number(lit.number);
    case Literal::Kind::string: return "string " + quote(lit.text);
    case Literal::Kind::word: return "'" + lit.text + "'";
    case Literal::Kind::boolean: return lit.boolean ? "'true'" : "'false'";
  }
  return "?";
}

// A level as written in canonical text: bare when it lexes back as a plain word.
std::string level_text(const std::string& level) {
  return names::is_identifier(level) && !names::is_keyword(level) ? level : quote(level);
}

std::uint64_t below(std::size_t k) noexcept { return k >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << k) - 1; }

NumericOp numeric_op(CompareOp op) noexcept {
  switch (op) {
    case CompareOp::eq: return NumericOp::eq;
    case CompareOp::ne: return NumericOp::ne;
    case CompareOp::lt: return NumericOp::lt;
    case CompareOp::le: return NumericOp::le;
    case CompareOp::gt: return NumericOp::gt;
    case CompareOp::ge: return NumericOp::ge;
  }
  return NumericOp::eq;
}

class Compiler {
 public:
  Compiler(std::string_view src, const AttributeSchema& schema) : src_(src), schema_(schema) {}

  Program run(const Node& root) {
    Program p;
    p.source = std::string(src_);
    p.schema_size = schema_.size();
    p.canonical = emit(root, p).text;
    // The parser's nesting limit bounds the stack; check it anyway since the evaluator relies on it.
    std::size_t depth = 0, deepest = 0;
    for (const Op& op : p.ops) {
      if (op.kind == OpKind::clause) deepest = std::max(deepest, ++depth);
      else if (op.kind != OpKind::negate) --depth;
    }
    if (deepest > max_stack || depth != 1) fail(ErrorCode::internal, "filter program needs an evaluation stack of " + std::to_string(deepest));
    return p;
  }

 private:
  struct Emitted {
    std::string text;
    int precedence;  // 1 or, 2 and, 3 not / clause
  };

  [[noreturn]] void error(ErrorCode code, std::size_t offset, const std::string& msg) const {
    fail_at_offset(code, src_, offset, msg);
  }

  Emitted emit(const Node& n, Program& p) {
    switch (n.kind) {
      case Node::Kind::all_of:
      case Node::Kind::any_of: {
        bool is_and = n.kind == Node::Kind::all_of;
        int prec = is_and ? 2 : 1;
        std::string text;
        for (std::size_t i = 0; i < n.children.size(); ++i) {
          Emitted c = emit(*n.children[i], p);
          if (i > 0) {
            p.ops.push_back(Op{is_and ? OpKind::all : OpKind::any, 0});
            text += is_and ? " and " : " or ";
          }
          text += c.precedence < prec ? "(" + c.text + ")" : c.text;
        }
        return {text, prec};
      }
      case Node::Kind::negation: {
        Emitted c = emit(*n.children[0], p);
        p.ops.push_back(Op{OpKind::negate, 0});
        return {"not " + (c.precedence < 3 ? "(" + c.text + ")" : c.text), 3};
      }
      default: {
        Clause c = clause(n);
        std::string text = c.text;
        p.ops.push_back(Op{OpKind::clause, static_cast<std::uint32_t>(p.clauses.size())});
        p.clauses.push_back(std::move(c));
        return {text, 3};
      }
    }
  }

  Clause clause(const Node& n) {
    auto found = schema_.find(n.attribute);
    if (!found) {
      std::string s = schema_.suggest(n.attribute);
      error(ErrorCode::not_found, n.attribute_offset,
            "unknown attribute '" + n.attribute + "'" + (s.empty() ? "" : " (did you mean '" + s + "'?)"));
    }
    const AttributeDef& d = schema_[*found];
    Clause c;
    c.attribute = static_cast<std::uint32_t>(*found);

    if (n.kind == Node::Kind::presence) {
      c.kind = ClauseKind::presence;
      c.negate = n.negated;
      c.text = n.exists_syntax ? "exists(" + d.name + ")" : d.name + (n.negated ? " is missing" : " is not missing");
      return c;
    }
    switch (d.type) {
      case AttributeType::numeric: numeric_clause(n, d, c); break;
      case AttributeType::ordinal: ordinal_clause(n, d, c); break;
      case AttributeType::boolean: boolean_clause(n, d, c); break;
      case AttributeType::categorical: category_clause(n, d, c); break;
    }
    return c;
  }

  std::string op_name(const Node& n) const {
    switch (n.kind) {
      case Node::Kind::compare: return to_string(n.op);
      case Node::Kind::in_list: return n.negated ? "not in" : "in";
      case Node::Kind::has: return "has";
      default: return "";
    }
  }

  [[noreturn]] void wrong_operator(const Node& n, const AttributeDef& d, const std::string& hint) const {
    if (n.kind == Node::Kind::bare)
      error(ErrorCode::invalid_argument, n.attribute_offset,
            std::string(to_string(d.type)) + " attribute '" + d.name + "' needs a comparison" + hint);
    error(ErrorCode::invalid_argument, n.op_offset,
          "'" + op_name(n) + "' is not defined for " + to_string(d.type) + " attribute '" + d.name + "'" + hint);
  }

  [[noreturn]] void wrong_value(const Literal& lit, const AttributeDef& d, const std::string& expected) const {
    error(ErrorCode::invalid_argument, lit.offset,
          "expected " + expected + " for " + to_string(d.type) + " attribute '" + d.name + "', found " + describe(lit));
  }

  void numeric_clause(const Node& n, const AttributeDef& d, Clause& c) const {
    if (n.kind != Node::Kind::compare) wrong_operator(n, d, " (use =, !=, <, <=, >, >=)");
    const Literal& v = n.values[0];
    if (v.kind != Literal::Kind::number) wrong_value(v, d, "a number");
    c.kind = ClauseKind::numeric;
    c.op = numeric_op(n.op);
    c.number = v.number;
    c.text = d.name + " " + to_string(n.op) + " " + names::format_number(v.number);
  }

  std::uint8_t level(const Literal& v, const AttributeDef& d) const {
    if (v.kind != Literal::Kind::word && v.kind != Literal::Kind::string)
      wrong_value(v, d, "a level (" + d.scale->describe() + ")");
    if (auto r = d.scale->find(v.text)) return *r;
    std::vector<std::string> levels(d.scale->levels().begin(), d.scale->levels().end());
    std::string s = names::nearest(v.text, levels);
    error(ErrorCode::not_found, v.offset,
          "unknown level '" + v.text + "' for attribute '" + d.name + "'" +
              (s.empty() ? "" : " (did you mean '" + s + "'?)") + "; levels, lowest first: " + d.scale->describe());
  }

  void ordinal_clause(const Node& n, const AttributeDef& d, Clause& c) const {
    const std::uint64_t all = below(d.scale->size());
    c.kind = ClauseKind::ordinal;
    if (n.kind == Node::Kind::compare) {
      std::uint8_t r = level(n.values[0], d);
      switch (n.op) {
        case CompareOp::eq: c.level_mask = std::uint64_t{1} << r; break;
        case CompareOp::ne: c.level_mask = all & ~(std::uint64_t{1} << r); break;
        case CompareOp::lt: c.level_mask = below(r); break;
        case CompareOp::le: c.level_mask = below(std::size_t{r} + 1); break;
        case CompareOp::gt: c.level_mask = all & ~below(std::size_t{r} + 1); break;
        case CompareOp::ge: c.level_mask = all & ~below(r); break;
      }
      c.text = d.name + " " + to_string(n.op) + " " + level_text(d.scale->levels()[r]);
      return;
    }
    if (n.kind != Node::Kind::in_list) wrong_operator(n, d, " (use comparisons or 'in')");
    std::string list;
    for (const Literal& v : n.values) {
      std::uint8_t r = level(v, d);
      c.level_mask |= std::uint64_t{1} << r;
      list += (list.empty() ? "" : ", ") + level_text(d.scale->levels()[r]);
    }
    if (n.negated) c.level_mask = all & ~c.level_mask;
    c.text = d.name + (n.negated ? " not in (" : " in (") + list + ")";
  }

  void boolean_clause(const Node& n, const AttributeDef& d, Clause& c) const {
    c.kind = ClauseKind::boolean;
    if (n.kind == Node::Kind::bare) {
      c.value = true;
      c.text = d.name;
      return;
    }
    if (n.kind != Node::Kind::compare || (n.op != CompareOp::eq && n.op != CompareOp::ne))
      wrong_operator(n, d, " (use the bare name, =, != or 'not')");
    const Literal& v = n.values[0];
    if (v.kind != Literal::Kind::boolean) wrong_value(v, d, "true or false");
    c.value = n.op == CompareOp::eq ? v.boolean : !v.boolean;
    c.text = d.name + " " + to_string(n.op) + " " + (v.boolean ? "true" : "false");
  }

  void category_clause(const Node& n, const AttributeDef& d, Clause& c) const {
    c.kind = d.multi_valued ? ClauseKind::multi_category : ClauseKind::category;
    bool is_in = n.kind == Node::Kind::in_list;
    bool is_has = n.kind == Node::Kind::has;
    bool is_eq = n.kind == Node::Kind::compare && (n.op == CompareOp::eq || n.op == CompareOp::ne);
    if (!is_in && !is_has && !is_eq) wrong_operator(n, d, " (use =, !=, 'in', 'not in' or 'has')");
    std::string list;
    for (const Literal& v : n.values) {
      if (v.kind != Literal::Kind::string && v.kind != Literal::Kind::word)
        wrong_value(v, d, v.kind == Literal::Kind::number ? "a string (write numbers in quotes)" : "a string");
      c.strings.push_back(v.text);
      list += (list.empty() ? "" : ", ") + quote(v.text);
    }
    c.negate = n.negated || (is_eq && n.op == CompareOp::ne);
    if (is_in) c.text = d.name + (n.negated ? " not in (" : " in (") + list + ")";
    else if (is_has) c.text = d.name + " has " + list;
    else c.text = d.name + " " + to_string(n.op) + " " + list;
  }

  std::string_view src_;
  const AttributeSchema& schema_;
};

}  // namespace
}  // namespace filter_detail

const std::string& CompiledFilter::source() const noexcept { return program_->source; }
std::string CompiledFilter::to_string() const { return program_->canonical; }
std::size_t CompiledFilter::clause_count() const noexcept { return program_->clauses.size(); }
std::size_t CompiledFilter::schema_size() const noexcept { return program_->schema_size; }

CompiledFilter compile_filter(std::string_view expr, const AttributeSchema& schema) {
  auto tree = filter_detail::parse(expr);
  auto program = std::make_shared<filter_detail::Program>(filter_detail::Compiler(expr, schema).run(*tree));
  return CompiledFilter(std::move(program));
}

}  // namespace skillmatch
