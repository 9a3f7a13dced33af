// taxonomy_content_hash(): the identity an index file records of the taxonomy it was built with.
#include <bit>
#include <cstdint>
#include <memory>
#include <new>
#include <string_view>

#include "skillmatch/index_file.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace skillmatch {
namespace {

class Hasher {
 public:
  Hasher() : state_(XXH3_createState(), &XXH3_freeState) {
    if (!state_) throw std::bad_alloc();
    XXH3_64bits_reset(state_.get());
  }
  void u64(std::uint64_t v) {
    unsigned char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<unsigned char>(v >> (8 * i));
    XXH3_64bits_update(state_.get(), b, 8);
  }
  void str(std::string_view s) {
    u64(s.size());
    XXH3_64bits_update(state_.get(), s.data(), s.size());
  }
  std::uint64_t digest() const { return XXH3_64bits_digest(state_.get()); }

 private:
  std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state_;
};

}  // namespace

std::uint64_t taxonomy_content_hash(const Taxonomy& t) {
  Hasher h;
  h.str("skillmatch taxonomy content v1");
  h.u64(t.size());
  for (ConceptIndex c = 0; c < t.size(); ++c) {
    h.str(t.id(c));
    auto aliases = t.alias_ids(c);
    h.u64(aliases.size());
    for (const auto& a : aliases) h.str(a);
    h.u64(static_cast<std::uint64_t>(t.kind(c)));
    auto labels = t.labels(c);
    h.u64(labels.size());
    for (const auto& l : labels) {
      h.str(l.text);
      h.str(l.lang);
      h.u64(static_cast<std::uint64_t>(l.kind));
    }
    auto broader = t.broader(c);
    h.u64(broader.size());
    for (auto b : broader) h.u64(b);
    auto related = t.related(c);
    h.u64(related.size());
    for (const auto& r : related) {
      h.u64(r.target);
      h.u64(std::bit_cast<std::uint32_t>(r.weight));
      h.u64(static_cast<std::uint64_t>(r.kind));
    }
    const auto& s = t.stats(c);
    h.u64(std::bit_cast<std::uint64_t>(s.frequency));
    h.u64(std::bit_cast<std::uint64_t>(s.popularity));
    h.u64((s.hot ? 1u : 0u) | (s.in_demand ? 2u : 0u));
  }
  return h.digest();
}

}  // namespace skillmatch
