#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "skillmatch/core/thread_pool.hpp"

using namespace skillmatch;

TEST_CASE("ThreadPool::parallel_for runs every index exactly once with distinct slots") {
  ThreadPool pool(4);
  CHECK(pool.size() == 4);
  for (std::size_t threads : {0u, 1u, 2u, 4u, 9u}) {
    std::vector<std::atomic<int>> hits(10000);
    std::vector<std::atomic<int>> busy(4);
    std::atomic<bool> slot_overlap{false}, slot_range{false};
    pool.parallel_for(hits.size(), threads, [&](std::size_t i, std::size_t slot) {
      std::size_t limit = threads == 0 ? 4 : std::min<std::size_t>(threads, 4);
      if (slot >= limit) {
        slot_range = true;
        return;
      }
      if (busy[slot].fetch_add(1) != 0) slot_overlap = true;  // two participants sharing a slot
      hits[i].fetch_add(1);
      busy[slot].fetch_sub(1);
    });
    CHECK_FALSE(slot_range.load());
    CHECK_FALSE(slot_overlap.load());
    for (auto& h : hits) REQUIRE(h.load() == 1);
  }
}

TEST_CASE("ThreadPool: exceptions propagate, nesting works, submit returns results") {
  ThreadPool pool(2);
  CHECK_THROWS_AS(pool.parallel_for(1000, 0,
                                    [](std::size_t i, std::size_t) {
                                      if (i == 500) throw std::runtime_error("boom");
                                    }),
                  std::runtime_error);

  std::atomic<long> sum{0};
  pool.parallel_for(8, 0, [&](std::size_t i, std::size_t) {
    pool.parallel_for(100, 0, [&](std::size_t j, std::size_t) { sum += static_cast<long>(i * 100 + j); });
  });
  CHECK(sum.load() == 799 * 800 / 2);

  auto f = pool.submit([] { return 41 + 1; });
  CHECK(f.get() == 42);
  auto g = pool.submit([]() -> int { throw std::logic_error("bad"); });
  CHECK_THROWS_AS(g.get(), std::logic_error);
  pool.parallel_for(0, 0, [](std::size_t, std::size_t) { FAIL("no index expected"); });
}
