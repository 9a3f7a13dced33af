// skillmatch/explain.hpp — match results as JSON (for portals and the C ABI) and as text for people.
//
// JSON of one match (docs/matching.md): {"id", "score", "parts": {name: {value, weight, contribution}},
// "requirements": [...], "missing_required": [...], "preferences": [...], "filter": {...}}; parts
// that are absent are left out; the contributions of "parts" add up to "score".
// Thread-safety: free functions over their arguments.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "skillmatch/engine.hpp"

namespace skillmatch {

boost::json::object match_to_json(const Match& match, const Taxonomy& taxonomy);
/// {"query": id, "admitted": n, "matches": [match_to_json...]}
boost::json::object results_to_json(const MatchResults& results, const Taxonomy& taxonomy);
/// JSON text of a value, like boost::json::serialize but with numbers in plain decimal ("0.6626",
/// not "6.626E-1"), so explanations stay readable for people as well as parsers.
std::string json_text(const boost::json::value& value);

/// Several indented lines a recruiter can read: the score, each part, each requirement and what met it.
std::string explanation_to_text(const Match& match, const Taxonomy& taxonomy);

}  // namespace skillmatch
