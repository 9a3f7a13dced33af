#include "io/json_keys.hpp"

#include <algorithm>
#include <vector>

#include <boost/json/parse.hpp>

namespace skillmatch::io {
namespace {

struct Frame {
  bool object = false;
  bool expect_key = false;  // object: the next string is a key
  std::size_t index = 0;    // array: index of the current element
  std::string label;        // path of this container
  std::string last_key;     // object: the key of the current member
  std::vector<std::string> keys;
};

/// The string starting at json[i] == '"'; sets `end` past the closing quote.
std::string read_string(std::string_view json, std::size_t i, std::size_t& end) {
  std::size_t j = i + 1;
  bool escaped = false;
  while (j < json.size() && json[j] != '"') j += json[j] == '\\' ? (escaped = true, 2) : 1;
  end = std::min(j + 1, json.size());
  const std::string_view raw = json.substr(i, end - i);
  if (!escaped) return std::string(raw.substr(1, raw.size() >= 2 ? raw.size() - 2 : 0));
  boost::system::error_code ec;
  const auto v = boost::json::parse(boost::json::string_view(raw.data(), raw.size()), ec);
  return !ec && v.is_string() ? std::string(v.get_string()) : std::string(raw);
}

std::string child_path(const Frame& parent) {
  if (parent.object) return parent.label.empty() ? parent.last_key : parent.label + "." + parent.last_key;
  return parent.label + "[" + std::to_string(parent.index) + "]";
}

}  // namespace

std::optional<RepeatedKey> find_repeated_key(std::string_view json) {
  std::vector<Frame> stack;
  for (std::size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (c == '"') {
      std::size_t end = i;
      std::string s = read_string(json, i, end);
      if (!stack.empty() && stack.back().object && stack.back().expect_key) {
        Frame& f = stack.back();
        if (std::find(f.keys.begin(), f.keys.end(), s) != f.keys.end()) return RepeatedKey{std::move(s), f.label};
        f.keys.push_back(s);
        f.last_key = std::move(s);
        f.expect_key = false;
      }
      i = end;
      continue;
    }
    if (c == '{' || c == '[') {
      Frame f;
      f.object = c == '{';
      f.expect_key = f.object;
      f.label = stack.empty() ? std::string() : child_path(stack.back());
      stack.push_back(std::move(f));
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (c == ',' && !stack.empty()) {
      if (stack.back().object)
        stack.back().expect_key = true;
      else
        ++stack.back().index;
    }
    ++i;
  }
  return std::nullopt;
}

}  // namespace skillmatch::io
