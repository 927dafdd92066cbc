//! Per-stage timings, printed to stderr when `GONGKAI_TIMINGS` is set (used by the benchmark).

use std::time::Instant;

/// Measures the time since the previous stage.
pub struct Timer {
    last: Instant,
    on: bool,
}

impl Timer {
    pub fn new() -> Timer {
        Timer {
            last: Instant::now(),
            on: std::env::var_os("GONGKAI_TIMINGS").is_some(),
        }
    }

    /// Ends a stage: prints `stage <name> <ms>` when timings are on.
    pub fn stage(&mut self, name: &str) {
        let now = Instant::now();
        if self.on {
            eprintln!("stage {name} {} ms", (now - self.last).as_millis());
        }
        self.last = now;
    }
}

impl Default for Timer {
    fn default() -> Self {
        Timer::new()
    }
}
