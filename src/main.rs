//! The `gongkai` command line: a thin layer over the library.

use clap::{Parser, Subcommand};
use gongkai::{Failure, build, check};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "gongkai",
    version,
    about = "Build a bilingual disclosure website from performance self-evaluation reports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default: public/, or output_dir in site.toml).
    Build {
        /// Folder holding site.toml, content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Read and validate everything without writing anything.
    Check {
        /// Folder holding site.toml, content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
    },
}

/// "2 warnings, 3 notes".
fn counts(problems: &[gongkai::diagnostics::Diagnostic]) -> String {
    let warnings = problems.iter().filter(|d| d.is_warning()).count();
    let notes = problems.len() - warnings - problems.iter().filter(|d| d.is_error()).count();
    format!("{warnings} warnings, {notes} notes")
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Build { root, output, strict } => build(&root, output.as_deref(), strict).map(|s| {
            for w in &s.warnings {
                eprintln!("{w}");
            }
            println!(
                "built {} reports of {} units: {} pages, {} files in {} ({}, {} ms)",
                s.reports,
                s.units,
                s.pages,
                s.files,
                s.output.display(),
                counts(&s.warnings),
                s.millis
            );
        }),
        Command::Check { root, strict } => check(&root, strict).map(|warnings| {
            for w in &warnings {
                eprintln!("{w}");
            }
            println!("check passed: no errors, {}", counts(&warnings));
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            for d in failure.diagnostics() {
                eprintln!("{d}");
            }
            let errors = failure.diagnostics().iter().filter(|d| d.is_error()).count();
            eprintln!("failed: {errors} errors; nothing was written, the previous output is unchanged");
            match failure {
                Failure::Content(_) => ExitCode::from(1),
                Failure::Io(_) => ExitCode::from(2),
            }
        }
    }
}
