// skillmatch command-line tool: dispatches to one subcommand per file in src/cli/.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string_view>

#include "cli/commands.hpp"
#include "skillmatch/error.hpp"

namespace {

void usage(std::FILE* out) {
  std::fputs(
      "usage: skillmatch <command> [options]    (skillmatch --version, skillmatch --help)\n"
      "commands:\n",
      out);
  for (const auto& c : skillmatch::cli::commands()) std::fprintf(out, "  %-16s %s\n", c.name, c.summary);
  std::fputs("Run 'skillmatch <command> --help' for a command's options.\n", out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::string_view name = argv[1];
  if (name == "--version" || name == "-V") name = "version";
  for (const auto& c : skillmatch::cli::commands()) {
    if (name != c.name) continue;
    try {
      return c.run(skillmatch::cli::Args(argc - 2, argv + 2));
    } catch (const skillmatch::cli::UsageError& e) {
      std::fprintf(stderr, "skillmatch %s: %s\n", c.name, e.what());
      return 2;
    } catch (const skillmatch::Error& e) {
      std::fprintf(stderr, "skillmatch %s: error (%s): %s\n", c.name, skillmatch::to_string(e.code()), e.what());
      return 1;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "skillmatch %s: error: %s\n", c.name, e.what());
      return 1;
    }
  }
  std::fprintf(stderr, "skillmatch: unknown command '%s'\n", argv[1]);
  usage(stderr);
  return 2;
}
