//! The `gongkai` command line: a thin layer over the library.

use clap::{Parser, Subcommand};

/// Building a site allocates millions of small strings; mimalloc handles that markedly faster
/// than the system allocator on both cores.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use gongkai::{BuildOptions, Failure, build_with, check};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
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
        /// Replace an output folder that holds files gongkai did not write (they are listed,
        /// then removed).
        #[arg(long)]
        force: bool,
    },
    /// Build into memory and serve on 127.0.0.1; rebuild and reload the page on every change.
    Serve {
        /// Folder holding site.toml, content/ and themes/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port on 127.0.0.1 (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
    },
    /// Create a new file ready to fill in.
    New {
        #[command(subcommand)]
        what: New,
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

/// A progress bar on a terminal, for sites large enough to wait for.
fn progress_bar(done: usize, total: usize) {
    let stderr = std::io::stderr();
    if total < 400 || !stderr.is_terminal() || (!done.is_multiple_of(50) && done != total) {
        return;
    }
    let width = 30;
    let filled = done * width / total.max(1);
    let mut e = stderr.lock();
    let _ = write!(
        e,
        "\r[{}{}] {done}/{total} report pages",
        "#".repeat(filled),
        " ".repeat(width - filled)
    );
    if done == total {
        let _ = writeln!(e);
    }
    let _ = e.flush();
}

/// "2 warnings, 3 notes".
fn counts(problems: &[gongkai::diagnostics::Diagnostic]) -> String {
    let warnings = problems.iter().filter(|d| d.is_warning()).count();
    let notes = problems.len() - warnings - problems.iter().filter(|d| d.is_error()).count();
    format!("{warnings} warnings, {notes} notes")
}

/// What failed a run: "3 errors"; with `--strict` and no errors, the warnings it promoted.
fn failure_count(problems: &[gongkai::diagnostics::Diagnostic]) -> String {
    let errors = problems.iter().filter(|d| d.is_error()).count();
    match problems.iter().filter(|d| d.is_warning()).count() {
        1 if errors == 0 => "1 warning treated as an error (--strict)".into(),
        n if errors == 0 && n > 0 => format!("{n} warnings treated as errors (--strict)"),
        _ if errors == 1 => "1 error".into(),
        _ => format!("{errors} errors"),
    }
}

#[derive(Subcommand)]
enum New {
    /// A report with every key present and explained, values empty.
    Report {
        /// Unit id (the folder under content/parks/).
        #[arg(long)]
        park: String,
        /// Fiscal year.
        #[arg(long)]
        year: u16,
        /// department (部门整体支出) or project (项目支出).
        #[arg(long, default_value = "department")]
        kind: String,
        /// Folder holding site.toml and content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
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
    let writes = matches!(cli.command, Command::Build { .. });
    let result = match cli.command {
        Command::Build {
            root,
            output,
            strict,
            force,
        } => build(&root, output.as_deref(), strict, force),
        Command::New {
            what: New::Report { park, year, kind, root },
        } => {
            let kind = match kind.as_str() {
                "department" => gongkai::content::model::Kind::Department,
                "project" => gongkai::content::model::Kind::Project,
                other => {
                    eprintln!("error: --kind {other}: use department or project");
                    return ExitCode::from(2);
                }
            };
            gongkai::scaffold::new_report(&root, &park, year, kind)
                .map(|file| {
                    println!(
                        "created {}: fill in the figures, then run gongkai check",
                        file.display()
                    )
                })
                .map_err(|d| Failure::Io(vec![d]))
        }
        Command::Serve { root, port } => gongkai::serve::serve(&root, port),
        Command::Check { root, strict } => check(&root, strict).map(|warnings| {
            for w in &warnings {
                eprintln!("{w}");
            }
            println!("check passed: no errors, {}", counts(&warnings));
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failed(&failure, writes),
    }
}

/// `gongkai build`: the warnings, then one line of what was built.
fn build(root: &Path, output: Option<&Path>, strict: bool, force: bool) -> Result<(), Failure> {
    let s = build_with(
        root,
        &BuildOptions {
            output,
            strict,
            force,
            progress: &progress_bar,
            notify: &|text| eprintln!("{text}"),
        },
    )?;
    for w in &s.warnings {
        eprintln!("{w}");
    }
    println!(
        "built {} reports of {} units: {} pages, {} files in {} ({}, {} ms; {} written, {} unchanged, {} removed)",
        s.reports,
        s.units,
        s.pages,
        s.files,
        s.output.display(),
        counts(&s.warnings),
        s.millis,
        s.written.written,
        s.written.unchanged,
        s.written.removed
    );
    Ok(())
}

/// Prints a failure's problems and what became of the output (`writes`: the command writes
/// one), and gives the exit code: 1 for problems in the content, settings or templates, 2 when
/// reading or writing files failed.
fn failed(failure: &Failure, writes: bool) -> ExitCode {
    for d in failure.diagnostics() {
        eprintln!("{d}");
    }
    let errors = failure_count(failure.diagnostics());
    if failure.output_changed() {
        eprintln!(
            "failed: {errors}; the output folder was partly updated: build again to finish it (the record beside it lists every file gongkai wrote, nothing outside the folder was touched)"
        );
    } else if writes {
        eprintln!("failed: {errors}; nothing was written, the previous output is unchanged");
    } else {
        eprintln!("failed: {errors}");
    }
    match failure {
        Failure::Content(_) => ExitCode::from(1),
        Failure::Io(_) | Failure::Interrupted(_) => ExitCode::from(2),
    }
}
