// The table of subcommands. Each subcommand lives in its own file (cmd_<name>.cpp).
#include "cli/commands.hpp"

namespace skillmatch::cli {

int run_version(Args args);

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"version", "print the skillmatch version", run_version},
  };
  return table;
}

}  // namespace skillmatch::cli
