// --taxonomy PATH (repeatable): the taxonomy a subcommand works on; the bundled one by default.
#pragma once

#include <memory>

#include "cli/commands.hpp"
#include "skillmatch/taxonomy.hpp"

namespace skillmatch::cli {

std::shared_ptr<const Taxonomy> take_taxonomy(Args& args);

}  // namespace skillmatch::cli
