// skillmatch/core/thread_pool.hpp — a small fixed pool of worker threads shared by search and engine.
//
// Two ways to use it:
//   - parallel_for(n, max_threads, body): runs body(i, slot) for every i in [0, n). The calling thread
//     takes part, indices are claimed dynamically (an atomic counter), and `slot` in [0, threads used)
//     names the participant, so a caller can keep per-participant scratch (e.g. one top-k heap each)
//     without locks. No heap allocation: the job lives on the caller's stack. Nested calls from inside a
//     body are fine (the caller always makes progress itself, so no deadlock).
//   - submit(f): fire-and-forget task returning a std::future (allocates; not for hot paths).
//
// Thread-safety: all member functions may be called concurrently from any thread, including from
// inside tasks. The destructor finishes every submitted task, then joins the workers; it must not
// run while another thread still calls into the pool.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace skillmatch {

class ThreadPool {
 public:
  /// `threads` workers; 0 = std::thread::hardware_concurrency() (at least 1).
  /// Throws std::system_error if a thread cannot be started.
  explicit ThreadPool(std::size_t threads = 0);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  /// Number of worker threads.
  std::size_t size() const noexcept { return workers_.size(); }

  /// Runs body(i, slot) for every i in [0, n) on at most `max_threads` threads (the caller plus up to
  /// max_threads - 1 workers; 0 = size(); capped at size() and n). Returns when every index is done.
  /// slot < min(max_threads, size(), n) and is distinct for concurrently running participants.
  /// If a body throws, remaining unclaimed indices are skipped and the first exception is rethrown here
  /// after every participant has stopped.
  template <typename Body>
  void parallel_for(std::size_t n, std::size_t max_threads, Body&& body) {
    using B = std::remove_reference_t<Body>;
    run_parallel(n, max_threads, const_cast<void*>(static_cast<const void*>(std::addressof(body))),
                 [](void* ctx, std::size_t i, std::size_t slot) { (*static_cast<B*>(ctx))(i, slot); });
  }

  /// Queues f() to run on a worker; its result or exception arrives through the future.
  template <typename F>
  auto submit(F&& f) -> std::future<std::invoke_result_t<std::decay_t<F>>> {
    using R = std::invoke_result_t<std::decay_t<F>>;
    auto node = std::make_unique<SubmittedJob<R>>(std::forward<F>(f));
    auto future = node->task.get_future();
    enqueue_detached(node.release());
    return future;
  }

 private:
  // Intrusive queue node: a parallel_for job (on the caller's stack, taken by several helpers) or a
  // submitted task (heap-allocated, taken once, deletes itself).
  struct Job {
    Job* next = nullptr;
    bool detached = false;          // submitted task: run once, then it deletes itself
    std::size_t helpers_wanted = 0; // parallel job: helpers that may still join
    std::size_t helpers_joined = 0; // parallel job: slots handed out so far
    std::size_t helpers_active = 0; // parallel job: helpers running now
    virtual void run(std::size_t slot) = 0;
    virtual ~Job() = default;
  };
  template <typename R>
  struct SubmittedJob final : Job {
    template <typename F>
    explicit SubmittedJob(F&& f) : task(std::forward<F>(f)) { detached = true; }
    void run(std::size_t) override {
      std::unique_ptr<SubmittedJob> self(this);
      task();
    }
    std::packaged_task<R()> task;
  };
  struct ParallelJob;

  using Invoke = void (*)(void*, std::size_t, std::size_t);
  void run_parallel(std::size_t n, std::size_t max_threads, void* ctx, Invoke invoke);
  void enqueue_detached(Job* job);
  void worker_loop(std::stop_token stop);
  void remove_locked(Job* job) noexcept;

  std::mutex mutex_;
  std::condition_variable_any work_cv_;
  std::condition_variable done_cv_;
  Job* head_ = nullptr;
  Job* tail_ = nullptr;
  std::vector<std::jthread> workers_;
};

}  // namespace skillmatch
