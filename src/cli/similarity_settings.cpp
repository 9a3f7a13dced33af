// NAME=VALUE settings of SimilarityOptions (similarity_settings.hpp).
#include "cli/similarity_settings.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <string>

#include "cli/commands.hpp"

namespace skillmatch::cli {

void apply_similarity_setting(SimilarityOptions& options, std::string_view setting) {
  const auto eq = setting.find('=');
  if (eq == std::string_view::npos) throw UsageError("similarity setting wants NAME=VALUE, got '" + std::string(setting) + "'");
  const std::string_view name = setting.substr(0, eq), text = setting.substr(eq + 1);
  struct Field {
    const char* name;
    float SimilarityOptions::*member;
  };
  static constexpr Field kFields[] = {
      {"hierarchy_weight", &SimilarityOptions::hierarchy_weight},
      {"related_weight", &SimilarityOptions::related_weight},
      {"cooccurrence_weight", &SimilarityOptions::cooccurrence_weight},
      {"embedding_weight", &SimilarityOptions::embedding_weight},
      {"embedding_floor", &SimilarityOptions::embedding_floor},
      {"embedding_full", &SimilarityOptions::embedding_full},
      {"evidence_shrinkage", &SimilarityOptions::evidence_shrinkage},
      {"cooccurrence_shrinkage", &SimilarityOptions::cooccurrence_shrinkage},
      {"related_hop_decay", &SimilarityOptions::related_hop_decay},
      {"twin_similarity", &SimilarityOptions::twin_similarity},
      {"membership_similarity", &SimilarityOptions::membership_similarity},
      {"broader_credit", &SimilarityOptions::broader_credit},
  };
  auto it = std::find_if(std::begin(kFields), std::end(kFields), [&](const Field& f) { return name == f.name; });
  if (it == std::end(kFields)) throw UsageError("unknown similarity option '" + std::string(name) + "'");
  float value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    throw UsageError("similarity option " + std::string(name) + ": '" + std::string(text) + "' is no number");
  options.*(it->member) = value;
}

}  // namespace skillmatch::cli
