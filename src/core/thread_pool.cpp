#include "skillmatch/core/thread_pool.hpp"

#include <algorithm>

namespace skillmatch {

struct ThreadPool::ParallelJob final : Job {
  void* ctx = nullptr;
  Invoke invoke = nullptr;
  std::size_t n = 0;
  std::atomic<std::size_t> next_index{0};
  std::mutex error_mutex;
  std::exception_ptr error;

  void run(std::size_t slot) override {
    try {
      for (std::size_t i = next_index.fetch_add(1, std::memory_order_relaxed); i < n;
           i = next_index.fetch_add(1, std::memory_order_relaxed))
        invoke(ctx, i, slot);
    } catch (...) {
      next_index.store(n, std::memory_order_relaxed);  // others stop claiming
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
    }
  }
};

ThreadPool::ThreadPool(std::size_t threads) {
  if (threads == 0) threads = std::max<std::size_t>(1, std::thread::hardware_concurrency());
  workers_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i)
    workers_.emplace_back([this](std::stop_token stop) { worker_loop(stop); });
}

ThreadPool::~ThreadPool() {
  for (auto& w : workers_) w.request_stop();
  work_cv_.notify_all();
  workers_.clear();  // joins; workers drain the queue before leaving
}

void ThreadPool::remove_locked(Job* job) noexcept {
  Job* prev = nullptr;
  for (Job* j = head_; j; prev = j, j = j->next) {
    if (j != job) continue;
    (prev ? prev->next : head_) = j->next;
    if (tail_ == j) tail_ = prev;
    j->next = nullptr;
    return;
  }
}

void ThreadPool::enqueue_detached(Job* job) {
  {
    std::lock_guard lock(mutex_);
    job->helpers_wanted = 1;
    (tail_ ? tail_->next : head_) = job;
    tail_ = job;
  }
  work_cv_.notify_one();
}

void ThreadPool::worker_loop(std::stop_token stop) {
  std::unique_lock lock(mutex_);
  for (;;) {
    work_cv_.wait(lock, stop, [this] { return head_ != nullptr; });
    if (!head_) return;  // stop requested and nothing left to do
    Job* job = head_;
    std::size_t slot = ++job->helpers_joined;  // the caller of parallel_for is slot 0
    if (--job->helpers_wanted == 0) remove_locked(job);
    if (job->detached) {
      lock.unlock();
      job->run(0);  // deletes itself; exceptions land in its future
      lock.lock();
      continue;
    }
    ++job->helpers_active;
    lock.unlock();
    job->run(slot);
    lock.lock();
    if (--job->helpers_active == 0) done_cv_.notify_all();
  }
}

void ThreadPool::run_parallel(std::size_t n, std::size_t max_threads, void* ctx, Invoke invoke) {
  if (n == 0) return;
  std::size_t threads = max_threads == 0 ? size() : std::min(max_threads, size());
  threads = std::min(threads, n);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) invoke(ctx, i, 0);
    return;
  }
  ParallelJob job;
  job.ctx = ctx;
  job.invoke = invoke;
  job.n = n;
  job.helpers_wanted = threads - 1;
  {
    std::lock_guard lock(mutex_);
    (tail_ ? tail_->next : head_) = &job;
    tail_ = &job;
  }
  for (std::size_t i = 0; i + 1 < threads; ++i) work_cv_.notify_one();
  job.run(0);
  {
    // No helper may join after this: the job leaves the queue, then we wait for those running.
    std::unique_lock lock(mutex_);
    if (job.helpers_wanted > 0) remove_locked(&job);
    done_cv_.wait(lock, [&] { return job.helpers_active == 0; });
  }
  if (job.error) std::rethrow_exception(job.error);
}

}  // namespace skillmatch
