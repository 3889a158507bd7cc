#pragma once
// Keeps a build's worker processes tied to it: workers die with their parent, the parent stops
// and reaps its workers when it is interrupted, and temporaries of workers that are gone (or are
// zombies, or another program under a reused process id) are recognised as leftovers.
#include <csignal>
#include <string>
#include <vector>

#include <sys/types.h>

namespace pathways {

/// Called in a worker just after fork: it is killed when `parent` dies (PR_SET_PDEATHSIG), exits
/// at once if the parent is already gone, takes default signal handling back, and closes the
/// parent's folder lock (`lock_fd`, -1 for none) so the lock never outlives the parent.
void become_worker(pid_t parent, int lock_fd);

/// While one of these lives, SIGINT, SIGTERM and SIGHUP only set a flag (and interrupt poll()),
/// so the build can stop its workers before it dies; the previous handlers come back after.
class StopSignals {
public:
    StopSignals();
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    /// The signal received, or 0.
    static int pending();
    /// Restores the previous handlers and dies of signal `sig` (the usual status for the caller).
    [[noreturn]] void die(int sig);

private:
    struct sigaction old_[3];
};

/// Stops workers: SIGTERM, then SIGKILL to any still running after a grace period; reaps them all
/// and removes the temporaries they left in `folder` (hidden `.NAME.tmp-PID…` files).
void stop_workers(const std::vector<pid_t>& pids, const std::string& folder);

/// Whether `pid` is a running process (not a zombie) of this same program, the only kind that may
/// still be writing a temporary; false for a dead, zombie or reused process id.
bool is_live_pathways_process(pid_t pid);

/// Removes the temporaries in `folder` made by process `pid`.
void remove_temporaries_of(pid_t pid, const std::string& folder);

}  // namespace pathways
