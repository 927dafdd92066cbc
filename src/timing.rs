//! Per-stage timings, printed to stderr when `GONGKAI_TIMINGS` is set (used by the benchmark):
//! wall time and, on Linux, the process's CPU time (user + system, all threads) in the stage,
//! so a stage that leaves a core idle shows as CPU < 2 × wall.

use std::time::Instant;

/// Measures the time since the previous stage.
pub struct Timer {
    last: Instant,
    last_cpu: Option<u64>,
    on: bool,
}

impl Timer {
    pub fn new() -> Timer {
        let on = std::env::var_os("GONGKAI_TIMINGS").is_some();
        Timer {
            last: Instant::now(),
            last_cpu: if on { cpu_millis() } else { None },
            on,
        }
    }

    /// Ends a stage: prints `stage <name> <ms> ms (cpu <ms> ms) (peak <n> MiB)` when timings are on.
    pub fn stage(&mut self, name: &str) {
        let now = Instant::now();
        if self.on {
            let cpu = cpu_millis();
            let used = match (cpu, self.last_cpu) {
                (Some(c), Some(l)) => format!(" (cpu {} ms)", c.saturating_sub(l)),
                _ => String::new(),
            };
            let peak = peak_mib().map(|m| format!(" (peak {m} MiB)")).unwrap_or_default();
            eprintln!("stage {name} {} ms{used}{peak}", (now - self.last).as_millis());
            self.last_cpu = cpu;
        }
        self.last = now;
    }
}

impl Default for Timer {
    fn default() -> Self {
        Timer::new()
    }
}

/// The process's peak resident memory so far (VmHWM), in MiB; `None` off Linux.
fn peak_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

/// User + system CPU time of the whole process so far, from /proc (Linux); `None` elsewhere.
fn cpu_millis() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may contain spaces).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // The kernel's USER_HZ is 100 on every Linux platform Rust supports.
    Some(ticks * 10)
}
