// Requirement and years cues of a text, clause by clause (extract.hpp, step 5).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/words.hpp"
#include "skillmatch/extract.hpp"

namespace skillmatch::extract_detail {

struct Clause {
  std::size_t begin = 0, end = 0;                         // bytes of the text
  std::vector<std::pair<std::size_t, Requirement>> cues;  // position of each cue, what it says
  std::vector<std::pair<std::size_t, float>> years;       // position of each "N years" / "N年"
  Requirement inherited = Requirement::unstated;          // from a header clause before it
  bool header = false;
};

/// The clauses of `text` as numbered by tokenize() (words[i].clause), with their cues. `lower` is
/// scratch space.
void analyse_clauses(std::string_view text, const std::vector<Word>& words, std::vector<Clause>& out,
                     std::string& lower);

/// What the clause says about a mention at bytes [begin, end): the nearest cue of the clause, else
/// what a header before it said; and the nearest years figure of the clause (0 if none).
Requirement requirement_at(const Clause& clause, std::size_t begin, std::size_t end) noexcept;
float years_at(const Clause& clause, std::size_t begin, std::size_t end) noexcept;

}  // namespace skillmatch::extract_detail
