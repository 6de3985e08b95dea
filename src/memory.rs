//! The process's memory as the kernel counts it, for `run.json` and the benchmarks: the resident
//! set now and its peak so far (`VmRSS` and `VmHWM` of `/proc/self/status`), and the CPU time of
//! the process and of one thread. Where the kernel does not say (another system), nothing is reported.

use std::time::Duration;

/// The resident memory of the process at one moment, in MiB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resident {
    /// Resident now.
    pub now_mib: u64,
    /// The most resident at any moment so far.
    pub peak_mib: u64,
}

impl Resident {
    /// The process's memory now; `None` where `/proc/self/status` does not tell it.
    pub fn read() -> Option<Resident> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        Some(Resident {
            now_mib: field_mib(&status, "VmRSS:")?,
            peak_mib: field_mib(&status, "VmHWM:")?,
        })
    }
}

/// The CPU time the calling thread has used so far; `None` where the system does not tell it.
/// Unlike wall time, it does not grow while the thread waits for a core or for other threads.
pub fn thread_cpu() -> Option<Duration> {
    #[cfg(target_os = "linux")]
    {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
        let secs = u64::try_from(t.tv_sec).ok()?;
        Some(Duration::new(secs, u32::try_from(t.tv_nsec).ok()?))
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// The CPU time every thread of the process has used so far; `None` where the system does not
/// tell it.
pub fn process_cpu() -> Option<Duration> {
    #[cfg(target_os = "linux")]
    {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
        let secs = u64::try_from(t.tv_sec).ok()?;
        Some(Duration::new(secs, u32::try_from(t.tv_nsec).ok()?))
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// A `kB` line of `/proc/self/status` in MiB.
fn field_mib(status: &str, name: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with(name))?;
    let kib: u64 = line[name.len()..]
        .trim()
        .strip_suffix("kB")?
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_lines_read_in_mib() {
        let status = "Name:\trehab\nVmHWM:\t  2097152 kB\nVmRSS:\t  1048576 kB\n";
        assert_eq!(field_mib(status, "VmRSS:"), Some(1024));
        assert_eq!(field_mib(status, "VmHWM:"), Some(2048));
        assert_eq!(field_mib(status, "VmSwap:"), None);
        assert_eq!(field_mib("VmRSS:\t12 MB\n", "VmRSS:"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_thread_counts_its_work_and_not_its_sleep() {
        let start = thread_cpu().unwrap();
        std::thread::sleep(Duration::from_millis(200));
        let slept = thread_cpu().unwrap() - start;
        assert!(slept < Duration::from_millis(100), "{slept:?}");
        let (mut x, began) = (0u64, std::time::Instant::now());
        let process = process_cpu().unwrap();
        while thread_cpu().unwrap() - start < Duration::from_millis(20) {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
            assert!(
                began.elapsed() < Duration::from_secs(60),
                "no CPU time counted"
            );
        }
        assert!(process_cpu().unwrap() - process >= Duration::from_millis(15));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_holds_memory_and_its_peak_is_no_lower() {
        let held = vec![1u8; 64 << 20];
        let resident = Resident::read().expect("linux tells the resident set");
        assert!(held.iter().all(|&b| b == 1));
        assert!(resident.now_mib >= 64, "{resident:?}");
        assert!(resident.peak_mib >= resident.now_mib, "{resident:?}");
    }
}
