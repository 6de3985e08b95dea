//! The writing threads' shares of the cores. The database is the longest chain of writing: the
//! data tables feed it row by row and its indexes are sorted after the last row. The reports
//! depend on nothing but the outcome, so their thread yields the cores to that chain and fills
//! the time the chain leaves idle; the run then ends when the database is done, not after it.

/// Nice steps the reports' thread takes below the other writers.
pub(crate) const REPORTS_NICE: i32 = 10;

/// Lowers the calling thread's scheduling priority by `steps` nice steps (its own nice value on
/// Linux, where each thread has one); elsewhere, or where the system refuses, it stays as it
/// was: priority changes how fast, never what is written.
pub(crate) fn lower_priority(steps: i32) {
    if let Err(e) = lower(steps) {
        tracing::debug!(error = %e, "the thread keeps its priority");
    }
}

#[cfg(target_os = "linux")]
fn lower(steps: i32) -> std::io::Result<()> {
    use rustix::process::{getpriority_process, setpriority_process};
    let thread = Some(rustix::thread::gettid());
    let now = getpriority_process(thread)?;
    setpriority_process(thread, now.saturating_add(steps))?;
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn lower(_steps: i32) -> std::io::Result<()> {
    Ok(())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use rustix::process::getpriority_process;

    #[test]
    fn only_the_calling_thread_is_lowered() {
        let process = getpriority_process(None).unwrap();
        let lowered = std::thread::spawn(|| {
            let thread = Some(rustix::thread::gettid());
            let before = getpriority_process(thread).unwrap();
            lower_priority(3);
            (before, getpriority_process(thread).unwrap())
        })
        .join()
        .unwrap();
        assert_eq!(lowered.1, (lowered.0 + 3).min(19));
        let here = Some(rustix::thread::gettid());
        assert_eq!(getpriority_process(here).unwrap(), process);
    }
}
