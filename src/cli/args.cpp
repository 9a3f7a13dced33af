#include <charconv>

#include "cli/commands.hpp"

namespace skillmatch::cli {

Args::Args(int argc, char** argv) : items_(argv, argv + argc), used_(static_cast<std::size_t>(argc), false) {}

std::optional<std::string> Args::take_option(std::string_view name) {
  const std::string flag = "--" + std::string(name);
  std::optional<std::string> value;
  for (std::size_t i = 0; i < items_.size(); ++i) {
    if (used_[i]) continue;
    if (items_[i] == flag) {
      if (i + 1 >= items_.size()) throw UsageError("option " + flag + " needs a value");
      used_[i] = used_[i + 1] = true;
      value = items_[i + 1];
      ++i;
    } else if (items_[i].rfind(flag + "=", 0) == 0) {
      used_[i] = true;
      value = items_[i].substr(flag.size() + 1);
    }
  }
  return value;  // the last occurrence wins, as in most Unix tools
}

std::string Args::take_option_or(std::string_view name, std::string fallback) {
  auto v = take_option(name);
  return v ? *v : std::move(fallback);
}

std::vector<std::string> Args::take_all(std::string_view name) {
  std::vector<std::string> values;
  const std::string flag = "--" + std::string(name);
  for (std::size_t i = 0; i < items_.size(); ++i) {
    if (used_[i]) continue;
    if (items_[i] == flag) {
      if (i + 1 >= items_.size()) throw UsageError("option " + flag + " needs a value");
      used_[i] = used_[i + 1] = true;
      values.push_back(items_[++i]);
    } else if (items_[i].rfind(flag + "=", 0) == 0) {
      used_[i] = true;
      values.push_back(items_[i].substr(flag.size() + 1));
    }
  }
  return values;
}

bool Args::take_flag(std::string_view name) {
  const std::string flag = "--" + std::string(name);
  bool found = false;
  for (std::size_t i = 0; i < items_.size(); ++i)
    if (!used_[i] && items_[i] == flag) used_[i] = found = true;
  return found;
}

std::optional<std::string> Args::take_positional() {
  for (std::size_t i = 0; i < items_.size(); ++i)
    if (!used_[i] && (items_[i].empty() || items_[i][0] != '-' || items_[i] == "-")) {
      used_[i] = true;
      return items_[i];
    }
  return std::nullopt;
}

long Args::take_int(std::string_view name, long fallback, long min, long max) {
  auto text = take_option(name);
  if (!text) return fallback;
  long value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max)
    throw UsageError("--" + std::string(name) + " takes a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", not '" + *text + "'");
  return value;
}

void Args::finish() const {
  for (std::size_t i = 0; i < items_.size(); ++i)
    if (!used_[i]) throw UsageError("unexpected argument '" + items_[i] + "'");
}

}  // namespace skillmatch::cli
