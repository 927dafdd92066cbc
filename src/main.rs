//! The `gongkai` command line: a thin layer over the library.

use clap::{Parser, Subcommand};

/// Building a site allocates millions of small strings; mimalloc handles that markedly faster
/// than the system allocator on both cores.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;
use gongkai::diagnostics::{Diagnostic, counts, failure_count, render_all};
use gongkai::messages::{Language, Msg, Text};
use gongkai::{BuildOptions, Failure, build_with, check, msg};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "gongkai",
    version,
    about = "Build a bilingual disclosure website from performance self-evaluation reports"
)]
struct Cli {
    /// Language of messages: zh (中文) or en. Default: from LC_ALL, LC_MESSAGES or LANG
    /// (Chinese when it starts with zh).
    #[arg(long, global = true, value_parser = ["zh", "en"])]
    lang: Option<String>,
    /// List every note, not only how many there are.
    #[arg(long, short = 'v', global = true)]
    verbose: bool,
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
    /// Import a report from a .docx, an .xlsx or a .txt (text copied from a PDF or web page)
    /// as a draft content/parks/ID/<year>.md, each figure commented with where it came from;
    /// then check the site as `gongkai check` does. Never overwrites a file.
    Import {
        /// The report: .docx, .xlsx or .txt.
        source: PathBuf,
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
    /// A unit's profile (content/parks/ID/_index.md) with its names filled in and every other
    /// key present, empty.
    Unit {
        /// Unit id: the folder under content/parks/ and part of the web address (lowercase
        /// letters, digits and hyphens, e.g. lengshuitan).
        id: String,
        /// The unit's name in Chinese (名称).
        #[arg(long)]
        name: String,
        /// The unit's name in English.
        #[arg(long = "name-en")]
        name_en: String,
        /// Folder holding site.toml and content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

/// A progress bar on a terminal, for sites large enough to wait for.
fn progress_bar(done: usize, total: usize, lang: Language) {
    let stderr = std::io::stderr();
    if total < 400 || !stderr.is_terminal() || (!done.is_multiple_of(50) && done != total) {
        return;
    }
    let width = 30;
    let filled = done * width / total.max(1);
    let mut e = stderr.lock();
    let _ = write!(
        e,
        "\r[{}{}] {}",
        "#".repeat(filled),
        " ".repeat(width - filled),
        msg!(ProgressReportPages, done, total).render(lang)
    );
    if done == total {
        let _ = writeln!(e);
    }
    let _ = e.flush();
}

/// How messages are printed: in which language, and whether every note is listed.
#[derive(Clone, Copy)]
struct Out {
    lang: Language,
    verbose: bool,
}

impl Out {
    /// `problems` on stderr: errors, warnings, then the notes or how many there are.
    fn problems(self, problems: &[Diagnostic]) {
        for text in render_all(problems, self.verbose, self.lang) {
            eprintln!("{text}");
        }
    }

    fn say(self, text: &Text) -> String {
        text.render(self.lang)
    }
}

/// What `gongkai import` filled, what it left empty and why.
fn import_summary(out: Out, done: &gongkai::import::Outcome) {
    if let Some((file, name)) = &done.profile {
        println!("{}", out.say(&msg!(ImportWroteProfile, file = file.display(), name)));
    }
    println!("{}", out.say(&msg!(ImportWroteReport, file = done.report.display())));
    let warning = out.say(&Msg::LabelWarning.into());
    for note in &done.notes {
        println!("{warning}: {}", out.say(note));
    }
    let d = &done.decided;
    println!("{}", out.say(&msg!(ImportFilledCount, n = d.filled.len())));
    for (path, f, _) in &d.filled {
        println!(
            "{}",
            out.say(&msg!(ImportFilledLine, path, value = &f.value, at = &f.at))
        );
    }
    if !d.conflicts.is_empty() {
        println!("{}", out.say(&msg!(ImportConflictCount, n = d.conflicts.len())));
        for (path, all) in &d.conflicts {
            let values: Vec<String> = all
                .iter()
                .map(|f| {
                    match f
                        .note
                        .as_deref()
                        .filter(|n| n.starts_with(gongkai::import::forms::DOUBT))
                    {
                        Some(n) => format!("{} ({}; {n})", f.value, f.at),
                        None => format!("{} ({})", f.value, f.at),
                    }
                })
                .collect();
            println!(
                "{}",
                out.say(&msg!(ImportConflictLine, path, values = values.join(", ")))
            );
        }
    }
    if !done.skipped.is_empty() {
        println!("{}", out.say(&msg!(ImportSkippedCount, n = done.skipped.len())));
        for (value, at, _) in &done.skipped {
            println!("{}", out.say(&msg!(ImportSkippedLine, value, at)));
        }
    }
    println!("{}", out.say(&Msg::ImportUnstated.into()));
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
    let lang = cli
        .lang
        .as_deref()
        .and_then(Language::from_code)
        .unwrap_or_else(Language::from_env);
    let out = Out {
        lang,
        verbose: cli.verbose,
    };
    // What a failure says beyond its count depends on whether the command writes the site.
    let failed = match cli.command {
        Command::Build { .. } => Msg::FailedNothingWritten,
        Command::Check { .. } => Msg::CheckFailed,
        _ => Msg::Failed,
    };
    let result = match cli.command {
        Command::Build {
            root,
            output,
            strict,
            force,
        } => build_with(
            &root,
            &BuildOptions {
                output: output.as_deref(),
                strict,
                force,
                progress: &|done, total| progress_bar(done, total, lang),
                notify: &|text| eprintln!("{}", out.say(text)),
            },
        )
        .map(|s| {
            out.problems(&s.warnings);
            println!(
                "{}",
                out.say(&msg!(
                    Built,
                    reports = s.reports,
                    units = s.units,
                    pages = s.pages,
                    files = s.files,
                    output = s.output.display(),
                    counts = counts(&s.warnings),
                    ms = s.millis,
                    written = s.written.written,
                    unchanged = s.written.unchanged,
                    removed = s.written.removed
                ))
            );
        }),
        Command::New {
            what: New::Report { park, year, kind, root },
        } => {
            let kind = match kind.as_str() {
                "department" => gongkai::content::model::Kind::Department,
                "project" => gongkai::content::model::Kind::Project,
                other => {
                    let label = Text::new(Msg::LabelError).render(lang);
                    eprintln!("{label}: {}", out.say(&msg!(BadKindArg, kind = other)));
                    return ExitCode::from(2);
                }
            };
            gongkai::scaffold::new_report(&root, &park, year, kind)
                .map(|file| println!("{}", out.say(&msg!(CreatedReport, file = file.display()))))
                .map_err(|d| Failure::Io(vec![d]))
        }
        Command::New {
            what:
                New::Unit {
                    id,
                    name,
                    name_en,
                    root,
                },
        } => gongkai::scaffold::new_unit(&root, &id, &name, &name_en)
            .map(|file| println!("{}", out.say(&msg!(CreatedUnit, file = file.display(), id))))
            .map_err(|d| Failure::Io(vec![d])),
        Command::Import {
            source,
            park,
            year,
            kind,
            root,
        } => {
            let kind = match kind.as_str() {
                "department" => gongkai::content::model::Kind::Department,
                "project" => gongkai::content::model::Kind::Project,
                other => {
                    let label = Text::new(Msg::LabelError).render(lang);
                    eprintln!("{label}: {}", out.say(&msg!(BadKindArg, kind = other)));
                    return ExitCode::from(2);
                }
            };
            let request = gongkai::import::Request {
                root: &root,
                source: &source,
                park: &park,
                year,
                kind,
            };
            match gongkai::import::import(&request) {
                Err(d) => Err(Failure::Io(vec![d])),
                Ok(done) => {
                    import_summary(out, &done);
                    println!("{}", out.say(&Msg::ImportChecking.into()));
                    check(&root, false).map(|warnings| {
                        out.problems(&warnings);
                        println!("{}", out.say(&msg!(CheckPassed, counts = counts(&warnings))));
                    })
                }
            }
        }
        Command::Serve { root, port } => gongkai::serve::serve(&root, port, lang, cli.verbose),
        Command::Check { root, strict } => check(&root, strict).map(|warnings| {
            out.problems(&warnings);
            println!("{}", out.say(&msg!(CheckPassed, counts = counts(&warnings))));
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            out.problems(failure.diagnostics());
            let errors = failure_count(failure.diagnostics());
            let last = if failure.output_changed() {
                msg!(FailedPartlyWritten, errors)
            } else {
                Text::new(failed).arg("errors", errors)
            };
            eprintln!("{}", out.say(&last));
            match failure {
                Failure::Content(_) => ExitCode::from(1),
                Failure::Io(_) | Failure::Interrupted(_) => ExitCode::from(2),
            }
        }
    }
}
