// src/io/json_keys.hpp — finds a key repeated in one JSON object. Boost.JSON (1.81) keeps the last
// of repeated keys silently; docs/profiles.md promises a parse error, so every parser of profile and
// schema JSON runs this on text that Boost.JSON has already accepted.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace skillmatch::io {

/// The first key that appears twice in one object of `json` (decoded, with its object's path such
/// as `skills[2]`), or nullopt. `json` must be well-formed JSON (already parsed); on malformed text
/// the result is unspecified but the scan stays in bounds. Linear in the text; allocates only for
/// objects that hold keys.
struct RepeatedKey {
  std::string key;
  std::string path;  // "" for the top-level object, else e.g. "skills[2]" or "attributes"
};
std::optional<RepeatedKey> find_repeated_key(std::string_view json);

}  // namespace skillmatch::io
