// skillmatch/profile_json.hpp — profiles from JSON text, one object per line (JSONL); the format is
// documented in docs/profiles.md.
//
//   {"id": "C00001", "title": "Backend engineer",
//    "skills": ["Python", {"name": "AWS", "years": 3, "required": true, "weight": 2}],
//    "attributes": {"jlpt": "N2", "location": "Lahore", "salary_jpy": 6000000, "remote": true},
//    "vector": [0.1, ...]}
//   {"id": "J7", "text": "PythonとPyTorchを用いたモデル開発経験3年以上（必須）"}
//
// "text" (a posting or CV as prose) goes through an Extractor (extract.hpp), given in
// ProfileParseOptions::extractor: each concept mentioned becomes a skill, required when the text
// says it is a must, with the years it states; "skills" may stand beside it.
// Skill texts go through the Resolver; texts it cannot place land in Profile::unknown_skills. Fields
// whose name starts with '_' are ignored (comments, ground truth); any other unknown field is an
// error, so a misspelt "skils" is caught rather than silently matching nothing.
// Attributes are only parsed here; they are checked against an index's schema when the profile is
// added to an index.
//
// Thread-safety: free functions; they only read the Resolver, which is thread-safe.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "skillmatch/profile.hpp"
#include "skillmatch/resolver.hpp"

namespace skillmatch {
class ThreadPool;
}

namespace skillmatch {

class Extractor;

struct ProfileParseOptions {
  /// Reads a profile's "text" field; null: a profile with "text" is Error(invalid_argument).
  std::shared_ptr<const Extractor> extractor;
  /// Readings below this confidence count as unknown (reported, not guessed).
  float min_confidence = 0.6f;
  /// Keep reading past a bad line, counting it in the report, instead of throwing.
  bool skip_bad_lines = false;
  /// How many error messages a report keeps (the count is always exact).
  std::size_t max_reported_errors = 20;
};

struct ProfileParseReport {
  std::size_t lines = 0;           // non-blank lines read
  std::size_t profiles = 0;        // profiles returned
  std::size_t bad_lines = 0;       // lines skipped (only with skip_bad_lines)
  std::size_t unknown_skills = 0;  // skill texts left unresolved, over all profiles
  std::vector<std::string> errors; // the first max_reported_errors messages, "file:line: ..."
};

/// Parses one JSON object into a Profile. `where` prefixes error messages ("jobs.jsonl:12").
/// Throws Error(parse_error) for malformed JSON, a missing or empty id, a field of the wrong type,
/// an unknown field, a skill without a name, a non-positive or non-finite weight, years or level out
/// of range; Error(invalid_value) for a NaN/Inf or non-numeric vector component.
Profile parse_profile_json(std::string_view json, const Resolver& resolver, std::string_view where,
                           const ProfileParseOptions& options = {});

/// Reads JSONL (blank lines allowed). Without skip_bad_lines the first bad line throws its Error with
/// "source:line:" in the message; with it, bad lines are counted in `report` and skipped.
/// A repeated id within the stream is an error (Error(duplicate)) like any other bad line.
std::vector<Profile> read_profiles_jsonl(std::istream& in, std::string_view source_name, const Resolver& resolver,
                                         const ProfileParseOptions& options = {},
                                         ProfileParseReport* report = nullptr);

/// read_profiles_jsonl over text in memory, the lines parsed and resolved in parallel on `pool`
/// (null = the calling thread): the same profiles, errors, messages and report, in line order.
/// Thread-safety: as read_profiles_jsonl.
std::vector<Profile> read_profiles_jsonl_text(std::string_view text, std::string_view source_name,
                                              const Resolver& resolver, const ProfileParseOptions& options = {},
                                              ThreadPool* pool = nullptr, ProfileParseReport* report = nullptr);

/// Opens and reads a JSONL file; Error(io_error) naming the path when it cannot be opened.
std::vector<Profile> read_profiles_jsonl_file(const std::string& path, const Resolver& resolver,
                                              const ProfileParseOptions& options = {},
                                              ProfileParseReport* report = nullptr);

}  // namespace skillmatch
