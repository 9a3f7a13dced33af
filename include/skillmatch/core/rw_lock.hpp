// skillmatch/core/rw_lock.hpp — a reader/writer lock that lets a waiting writer in.
//
// Why not std::shared_mutex: on glibc it is a default pthread_rwlock, which prefers readers, so a
// steady stream of overlapping readers (matcher threads running back to back) keeps a writer out
// for as long as the stream lasts. This lock is a pthread_rwlock of kind
// PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP: once a writer waits, new readers queue behind it,
// so a writer waits at most for the readers already inside. The price, which callers must respect:
// a thread must never take the shared side twice (or a second WriterPreferringLock in shared mode
// while holding one, unless every thread takes them in the same order): with a writer queued
// between the two acquisitions, the second waits for the writer and the writer for the first.
//
// Satisfies SharedLockable (std::shared_lock / std::unique_lock work). Thread-safety: it is a lock.
// lock() and lock_shared() throw std::system_error if the system refuses (e.g. too many readers).
#pragma once

#include <pthread.h>

#include <cerrno>
#include <system_error>

namespace skillmatch {

class WriterPreferringLock {
 public:
  WriterPreferringLock() {
    pthread_rwlockattr_t attr;
    pthread_rwlockattr_init(&attr);
    pthread_rwlockattr_setkind_np(&attr, PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    const int rc = pthread_rwlock_init(&lock_, &attr);
    pthread_rwlockattr_destroy(&attr);
    if (rc != 0) throw std::system_error(rc, std::generic_category(), "pthread_rwlock_init");
  }
  ~WriterPreferringLock() { pthread_rwlock_destroy(&lock_); }
  WriterPreferringLock(const WriterPreferringLock&) = delete;
  WriterPreferringLock& operator=(const WriterPreferringLock&) = delete;

  void lock() { check(pthread_rwlock_wrlock(&lock_), "pthread_rwlock_wrlock"); }
  bool try_lock() noexcept { return pthread_rwlock_trywrlock(&lock_) == 0; }
  void unlock() noexcept { pthread_rwlock_unlock(&lock_); }
  void lock_shared() { check(pthread_rwlock_rdlock(&lock_), "pthread_rwlock_rdlock"); }
  bool try_lock_shared() noexcept { return pthread_rwlock_tryrdlock(&lock_) == 0; }
  void unlock_shared() noexcept { pthread_rwlock_unlock(&lock_); }

 private:
  static void check(int rc, const char* what) {
    if (rc != 0) throw std::system_error(rc, std::generic_category(), what);
  }
  pthread_rwlock_t lock_;
};

}  // namespace skillmatch
