#pragma once
// Building posters, one job each, here or in forked worker processes that die with the build.
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <sys/types.h>

#include "pathways/batch.hpp"
#include "progress.hpp"

namespace pathways {

/// One poster to build, and where its outcome goes in the report.
struct Job {
    const PosterSpec* spec = nullptr;
    std::string key;
    std::size_t index = 0;  // in the report
};

/// What one job produced: the hashes of the files it wrote, or why it failed.
struct JobResult {
    bool ok = false;
    std::string message;                       // failure
    std::string detail;                        // anything else its worker printed
    std::map<std::string, std::string> files;  // name -> hash
    double seconds = 0;
};

/// Renders and writes the job's poster in this process.
JobResult run_job_here(const BuildPlan& plan, const Job& job, const std::string& date);

/// Called as a job starts, and as it ends with its result.
using JobStarted = std::function<void(const Job&)>;
using JobDone = std::function<void(const Job&, const JobResult&)>;

/// Runs every job in worker processes, at most `jobs` at once, calling `started` and `done` in this
/// process. However it ends (an exception, Ctrl-C), no worker is left running, unreaped, or with
/// its pipes open, and their temporaries in the output folder are removed.
void run_in_workers(const BuildPlan& plan, const std::vector<Job>& queue, unsigned jobs, const std::string& date,
                    int lock_fd, Progress& progress, const JobStarted& started, const JobDone& done);

}  // namespace pathways
