//! How long each step of linking took, for `run.json` and the benchmarks.

use std::time::{Duration, Instant};

/// The steps of linking with their times, in the order they ran.
#[derive(Debug, Clone, Default)]
pub struct Steps {
    /// (step, time taken).
    pub times: Vec<(&'static str, Duration)>,
    /// When the current step began.
    started: Option<Instant>,
}

impl Steps {
    /// Starts timing the first step.
    pub(crate) fn start() -> Steps {
        Steps {
            times: Vec::new(),
            started: Some(Instant::now()),
        }
    }

    /// Ends the current step under `name` and starts the next.
    pub(crate) fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        let began = self.started.replace(now).unwrap_or(now);
        self.times.push((name, now - began));
    }
}

/// Two records are equal when they name the same steps: times differ from run to run, and
/// linkages are compared by what they decided.
impl PartialEq for Steps {
    fn eq(&self, other: &Steps) -> bool {
        self.times
            .iter()
            .map(|t| t.0)
            .eq(other.times.iter().map(|t| t.0))
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
        let names: Vec<_> = steps.times.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["first", "second"]);
        assert!(steps.times[0].1 >= Duration::from_millis(5));
        let sum: Duration = steps.times.iter().map(|(_, d)| *d).sum();
        assert!(sum <= begun.elapsed());
        let mut again = Steps::start();
        again.lap("first");
        again.lap("second");
        assert_eq!(steps, again, "the same steps, whatever their times");
        again.lap("third");
        assert_ne!(steps, again);
    }
}
