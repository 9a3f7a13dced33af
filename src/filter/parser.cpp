// Recursive-descent parser: or_expr > and_expr > not_expr > primary (docs/filters.md).
#include "filter/parser.hpp"

#include <string>
#include <utility>
#include <vector>

#include "filter/lexer.hpp"

namespace skillmatch::filter_detail {

const char* to_string(CompareOp op) noexcept {
  switch (op) {
    case CompareOp::eq: return "=";
    case CompareOp::ne: return "!=";
    case CompareOp::lt: return "<";
    case CompareOp::le: return "<=";
    case CompareOp::gt: return ">";
    case CompareOp::ge: return ">=";
  }
  return "?";
}

namespace {

class Parser {
 public:
  explicit Parser(std::string_view src) : src_(src), tokens_(tokenize(src)) {}

  std::unique_ptr<Node> parse_all() {
    auto node = parse_or();
    if (peek().kind != TokenKind::end) expected("'and', 'or' or end of input");
    return node;
  }

 private:
  const Token& peek() const { return tokens_[pos_]; }
  const Token& take() { return tokens_[pos_ == tokens_.size() - 1 ? pos_ : pos_++]; }
  bool accept(TokenKind k) {
    if (peek().kind != k) return false;
    take();
    return true;
  }
  [[noreturn]] void expected(const std::string& what) const {
    fail_at_offset(ErrorCode::parse_error, src_, peek().offset, "expected " + what + ", found " + describe(peek(), src_));
  }
  std::string source_of(const Token& t) const { return std::string(src_.substr(t.offset, t.length)); }

  struct DepthGuard {
    Parser& p;
    DepthGuard(Parser& parser, std::size_t offset) : p(parser) {
      if (++p.depth_ > max_nesting)
        fail_at_offset(ErrorCode::parse_error, p.src_, offset,
                       "expression nested too deeply (more than " + std::to_string(max_nesting) + " levels)");
    }
    ~DepthGuard() { --p.depth_; }
  };

  std::unique_ptr<Node> parse_or() {
    auto first = parse_and();
    if (peek().kind != TokenKind::kw_or) return first;
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::any_of;
    node->children.push_back(std::move(first));
    while (accept(TokenKind::kw_or)) node->children.push_back(parse_and());
    return node;
  }

  std::unique_ptr<Node> parse_and() {
    auto first = parse_not();
    if (peek().kind != TokenKind::kw_and) return first;
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::all_of;
    node->children.push_back(std::move(first));
    while (accept(TokenKind::kw_and)) node->children.push_back(parse_not());
    return node;
  }

  std::unique_ptr<Node> parse_not() {
    if (peek().kind != TokenKind::kw_not) return parse_primary();
    DepthGuard guard(*this, peek().offset);
    take();
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::negation;
    node->children.push_back(parse_not());
    return node;
  }

  std::unique_ptr<Node> parse_primary() {
    const Token& t = peek();
    if (t.kind == TokenKind::lparen) {
      DepthGuard guard(*this, t.offset);
      std::size_t open = t.offset;
      take();
      auto inner = parse_or();
      if (!accept(TokenKind::rparen))
        expected("')' to close the '(' at position " + std::to_string(char_position(src_, open)));
      return inner;
    }
    if (t.kind == TokenKind::kw_exists) {
      auto node = std::make_unique<Node>();
      node->kind = Node::Kind::presence;
      node->exists_syntax = true;
      node->op_offset = t.offset;
      take();
      if (!accept(TokenKind::lparen)) expected("'(' after 'exists'");
      if (peek().kind != TokenKind::identifier) expected("an attribute name inside exists(...)");
      node->attribute_offset = peek().offset;
      node->attribute = take().text;
      if (!accept(TokenKind::rparen)) expected("')' after the attribute name in exists(...)");
      return node;
    }
    if (t.kind != TokenKind::identifier) expected("an attribute name, 'not', 'exists' or '('");
    auto node = std::make_unique<Node>();
    node->attribute = t.text;
    node->attribute_offset = t.offset;
    take();
    parse_predicate(*node);
    return node;
  }

  void parse_predicate(Node& node) {
    const Token& t = peek();
    node.op_offset = t.offset;
    switch (t.kind) {
      case TokenKind::eq: return compare(node, CompareOp::eq);
      case TokenKind::ne: return compare(node, CompareOp::ne);
      case TokenKind::lt: return compare(node, CompareOp::lt);
      case TokenKind::le: return compare(node, CompareOp::le);
      case TokenKind::gt: return compare(node, CompareOp::gt);
      case TokenKind::ge: return compare(node, CompareOp::ge);
      case TokenKind::kw_has: {
        take();
        node.kind = Node::Kind::has;
        node.values.push_back(value("after 'has'"));
        return;
      }
      case TokenKind::kw_not:
        // `a not in (...)`; `not` here can only start `not in`.
        take();
        if (peek().kind != TokenKind::kw_in) expected("'in' after 'not'");
        node.negated = true;
        [[fallthrough]];
      case TokenKind::kw_in: {
        take();
        node.kind = Node::Kind::in_list;
        if (!accept(TokenKind::lparen)) expected("'(' after 'in'");
        node.values.push_back(value("in the list"));
        while (accept(TokenKind::comma)) node.values.push_back(value("after ','"));
        if (!accept(TokenKind::rparen)) expected("',' or ')' in the list");
        return;
      }
      case TokenKind::kw_is: {
        take();
        node.kind = Node::Kind::presence;
        bool is_not = accept(TokenKind::kw_not);
        if (!accept(TokenKind::kw_missing)) expected(is_not ? "'missing' after 'is not'" : "'missing' or 'not missing' after 'is'");
        node.negated = !is_not;  // `is missing` is the negation of "exists"
        return;
      }
      default:
        node.kind = Node::Kind::bare;
        return;
    }
  }

  void compare(Node& node, CompareOp op) {
    std::string op_text = source_of(take());
    node.kind = Node::Kind::compare;
    node.op = op;
    node.values.push_back(value("after '" + op_text + "'"));
  }

  Literal value(const std::string& where) {
    const Token& t = peek();
    Literal lit;
    lit.offset = t.offset;
    switch (t.kind) {
      case TokenKind::number: lit.kind = Literal::Kind::number; lit.number = t.number; break;
      case TokenKind::string: lit.kind = Literal::Kind::string; lit.text = t.text; break;
      case TokenKind::identifier: lit.kind = Literal::Kind::word; lit.text = t.text; break;
      case TokenKind::kw_true: lit.kind = Literal::Kind::boolean; lit.boolean = true; break;
      case TokenKind::kw_false: lit.kind = Literal::Kind::boolean; lit.boolean = false; break;
      default: expected("a value " + where);
    }
    take();
    return lit;
  }

  std::string_view src_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

std::unique_ptr<Node> parse(std::string_view src) { return Parser(src).parse_all(); }

}  // namespace skillmatch::filter_detail
