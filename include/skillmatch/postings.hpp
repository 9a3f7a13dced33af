// skillmatch/postings.hpp — reading a corpus of job postings (sets of skill texts) into concept sets.
//
// The corpus feeds SkillEmbedding::learn(). The file format is the one of data/postings/ (see its
// README.md): UTF-8, tab-separated, a header line naming the columns, one posting per line; the column
// "skills" holds the posting's skills as free text separated by '|'; a column "posting_id" (optional)
// names the posting. Turning skill text into a concept is the caller's job (normally the Resolver), so
// the reader takes a lookup callable.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "skillmatch/taxonomy.hpp"

namespace skillmatch {

/// Maps one skill text (trimmed, never empty) to a concept, or nullopt when it names none.
using SkillLookup = std::function<std::optional<ConceptIndex>(std::string_view)>;

struct PostingCorpus {
  std::vector<std::string> posting_ids;               // one per posting ("" without a posting_id column)
  std::vector<std::vector<ConceptIndex>> postings;    // per posting: distinct resolved concepts, ascending
  std::size_t skill_mentions = 0;                     // non-empty skill texts read
  std::size_t resolved_mentions = 0;                  // of those, how many the lookup mapped to a concept
  /// Distinct skill texts the lookup did not map, with how often each occurred; most frequent first,
  /// then by text. Unknown terms are reported, not silently dropped.
  std::vector<std::pair<std::string, std::size_t>> unresolved;
};

/// Reads a postings table from `in`; `source_name` names it in error messages. Every line after the
/// header becomes one posting (also when none of its skills resolve, so positions match the file).
/// Throws Error(parse_error) naming source:line for a missing header, a header without a "skills"
/// column, or a line with a different number of columns than the header; whatever `lookup` throws
/// passes through. Not thread-safe on `in`; `lookup` is called from the calling thread only.
PostingCorpus read_postings(std::istream& in, std::string_view source_name, const SkillLookup& lookup);

/// read_postings() on a file. Throws Error(io_error) naming the path when it cannot be read.
PostingCorpus read_postings_file(const std::filesystem::path& path, const SkillLookup& lookup);

/// read_postings() on the bundled corpus (data/postings/skill2vec_it_postings.tsv, compiled into the
/// library): 8,385 real IT job postings from the skill2vec dataset (MIT licence), the default data of
/// the learned skill vectors. Throws as read_postings().
PostingCorpus read_bundled_postings(const SkillLookup& lookup);

}  // namespace skillmatch
