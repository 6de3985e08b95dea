//! How long each step of linking took and the memory held at its end, for `run.json` and the
//! benchmarks.

use crate::memory::Resident;
use std::time::{Duration, Instant};

/// One step of linking as it ended.
#[derive(Debug, Clone, Copy)]
pub struct Lap {
    /// The step.
    pub name: &'static str,
    /// The wall time it took.
    pub took: Duration,
    /// The process's memory when it ended, where the system tells it.
    pub memory: Option<Resident>,
    /// The CPU time every thread of the process used in it, where the system tells it.
    pub cpu: Option<Duration>,
}

/// The steps of linking, in the order they ran.
#[derive(Debug, Clone, Default)]
pub struct Steps {
    /// The steps ended so far.
    pub laps: Vec<Lap>,
    /// When the current step began.
    started: Option<Instant>,
    /// The process's CPU time when the current step began.
    cpu_started: Option<Duration>,
}

impl Steps {
    /// Starts timing the first step.
    pub(crate) fn start() -> Steps {
        Steps {
            laps: Vec::new(),
            started: Some(Instant::now()),
            cpu_started: crate::memory::process_cpu(),
        }
    }

    /// Ends the current step under `name` and starts the next.
    pub(crate) fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        let began = self.started.replace(now).unwrap_or(now);
        let cpu_now = crate::memory::process_cpu();
        let cpu_began = std::mem::replace(&mut self.cpu_started, cpu_now);
        self.laps.push(Lap {
            name,
            took: now - began,
            memory: Resident::read(),
            cpu: cpu_now.zip(cpu_began).map(|(now, began)| now - began),
        });
    }
}

/// Two records are equal when they name the same steps: times differ from run to run, and
/// linkages are compared by what they decided.
impl PartialEq for Steps {
    fn eq(&self, other: &Steps) -> bool {
        self.laps
            .iter()
            .map(|l| l.name)
            .eq(other.laps.iter().map(|l| l.name))
    }
}

impl Eq for Steps {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laps_are_kept_in_order_and_add_up_to_the_time_taken() {
        let begun = Instant::now();
        let mut steps = Steps::start();
        std::thread::sleep(Duration::from_millis(5));
        steps.lap("first");
        steps.lap("second");
        let names: Vec<_> = steps.laps.iter().map(|l| l.name).collect();
        assert_eq!(names, ["first", "second"]);
        assert!(steps.laps[0].took >= Duration::from_millis(5));
        let sum: Duration = steps.laps.iter().map(|l| l.took).sum();
        assert!(sum <= begun.elapsed());
        let mut again = Steps::start();
        again.lap("first");
        again.lap("second");
        assert_eq!(steps, again, "the same steps, whatever their times");
        again.lap("third");
        assert_ne!(steps, again);
    }
}
