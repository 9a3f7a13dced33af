// The subcommands of the skillmatch tool and the small argument parser they share.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace skillmatch::cli {

/// Wrong command-line usage: printed with the command's name, exit status 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Arguments after the subcommand name. Options are "--name value" or "--name=value"; flags are
/// "--name"; everything else is positional. take_*() consume what they read, and finish() rejects
/// anything left over, so a misspelt option is an error rather than silently ignored.
class Args {
 public:
  Args(int argc, char** argv);
  std::optional<std::string> take_option(std::string_view name);
  std::string take_option_or(std::string_view name, std::string fallback);
  std::vector<std::string> take_all(std::string_view name);  // a repeatable option
  bool take_flag(std::string_view name);
  std::optional<std::string> take_positional();
  long take_int(std::string_view name, long fallback, long min, long max);
  void finish() const;

 private:
  std::vector<std::string> items_;
  std::vector<bool> used_;
};

struct Command {
  const char* name;
  const char* summary;
  int (*run)(Args args);
};

/// Every subcommand, in the order `skillmatch --help` lists them.
const std::vector<Command>& commands();

}  // namespace skillmatch::cli
