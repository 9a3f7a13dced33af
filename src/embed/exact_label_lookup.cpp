#include "embed/exact_label_lookup.hpp"

namespace skillmatch::detail {
namespace {

int rank_of(LabelKind kind) {
  switch (kind) {
    case LabelKind::preferred: return 0;
    case LabelKind::alternative:
    case LabelKind::abbreviation: return 1;
    case LabelKind::hidden: return 2;
  }
  return 3;
}

}  // namespace

std::string fold_ascii(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::string out(text);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

ExactLabelLookup::ExactLabelLookup(const Taxonomy& taxonomy) {
  for (const Label& label : taxonomy.all_labels()) {
    const Entry entry{label.concept_index, rank_of(label.kind)};
    auto [it, inserted] = index_.emplace(fold_ascii(label.text), entry);
    if (!inserted && (entry.rank < it->second.rank ||
                      (entry.rank == it->second.rank && entry.concept_index < it->second.concept_index)))
      it->second = entry;
  }
}

std::optional<ConceptIndex> ExactLabelLookup::operator()(std::string_view text) const {
  const auto it = index_.find(fold_ascii(text));
  if (it == index_.end()) return std::nullopt;
  return it->second.concept_index;
}

}  // namespace skillmatch::detail
