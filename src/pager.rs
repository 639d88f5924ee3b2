//! Standard output on a terminal: written straight through while it fits
//! the screen, handed to a pager once it does not (as git and bat do).
//!
//! Output is held until it is one line short of the screen's height. If
//! the run ends first, it is written as is and no pager is started, which
//! keeps short answers instant. Past that, the pager is started, given what
//! was held, and everything after is piped to it as it comes, so streamed
//! input (a log, an endless chain) pages too.

use std::io::{self, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

use crate::cli::PagerChoice;

/// Used when neither `$HTTPCODE_PAGER` nor `$PAGER` is set: quit at once
/// when the text fits one screen (-F), pass colours through (-R), leave the
/// text on the screen after quitting (-X).
const DEFAULT_PAGER: &[&str] = &["less", "-FRX"];

/// Screen height when the terminal does not say.
const DEFAULT_ROWS: usize = 24;

/// The pager program and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagerCommand {
    pub program: String,
    pub args: Vec<String>,
}

impl PagerCommand {
    /// The pager to run, from `$HTTPCODE_PAGER`, else `$PAGER`, else
    /// `less -FRX`. An empty value or `cat` means no pager, as in git.
    pub fn from_env(httpcode_pager: Option<&str>, pager: Option<&str>) -> Option<PagerCommand> {
        let words: Vec<String> = match httpcode_pager.or(pager) {
            Some(text) => text.split_whitespace().map(str::to_string).collect(),
            None => DEFAULT_PAGER.iter().map(|w| w.to_string()).collect(),
        };
        let (program, args) = words.split_first()?;
        if program == "cat" && args.is_empty() {
            return None;
        }
        Some(PagerCommand {
            program: program.clone(),
            args: args.to_vec(),
        })
    }
}

/// Whether and when to page, decided once from the flags and the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    pub command: PagerCommand,
    /// Page once the output reaches this many lines; 0 pages everything.
    pub threshold: usize,
}

impl Paging {
    /// `None` when output goes straight to stdout: not a terminal, paging
    /// turned off, or no pager configured.
    pub fn decide(
        choice: PagerChoice,
        stdout_is_terminal: bool,
        rows: Option<u16>,
        command: Option<PagerCommand>,
    ) -> Option<Paging> {
        if !stdout_is_terminal || choice == PagerChoice::Never {
            return None;
        }
        let rows = rows
            .map(usize::from)
            .filter(|&r| r > 1)
            .unwrap_or(DEFAULT_ROWS);
        Some(Paging {
            command: command?,
            // The shell's prompt needs the last line of the screen.
            threshold: if choice == PagerChoice::Always {
                0
            } else {
                rows - 1
            },
        })
    }

    /// From the process environment and the terminal's size.
    pub fn from_terminal(choice: PagerChoice, stdout_is_terminal: bool) -> Option<Paging> {
        if !stdout_is_terminal || choice == PagerChoice::Never {
            return None;
        }
        let var = |name| std::env::var(name).ok();
        let command =
            PagerCommand::from_env(var("HTTPCODE_PAGER").as_deref(), var("PAGER").as_deref());
        let rows = terminal_size::terminal_size().map(|(_, terminal_size::Height(h))| h);
        Paging::decide(choice, stdout_is_terminal, rows, command)
    }
}

/// Standard output, paged or not. `finish` must be called at the end; it
/// writes what was held and waits for the pager to quit.
pub struct Output<'a> {
    stdout: &'a mut dyn Write,
    state: State,
}

enum State {
    /// Going straight to stdout.
    Direct,
    /// Held until it is known whether it fits the screen.
    Holding {
        held: Vec<u8>,
        lines: usize,
        paging: Paging,
    },
    Paged {
        child: Child,
        input: ChildStdin,
    },
}

impl<'a> Output<'a> {
    pub fn new(stdout: &'a mut dyn Write, paging: Option<Paging>) -> Output<'a> {
        let state = match paging {
            Some(paging) => State::Holding {
                held: Vec::new(),
                lines: 0,
                paging,
            },
            None => State::Direct,
        };
        Output { stdout, state }
    }

    /// Writes what is still held and waits for the pager. Errors writing
    /// held text are returned; the pager's own exit status is not ours.
    pub fn finish(&mut self) -> io::Result<()> {
        match std::mem::replace(&mut self.state, State::Direct) {
            State::Direct => self.stdout.flush(),
            State::Holding { held, .. } => {
                self.stdout.write_all(&held)?;
                self.stdout.flush()
            }
            State::Paged { mut child, input } => {
                drop(input);
                let _ = child.wait();
                Ok(())
            }
        }
    }

    /// Starts the pager and hands it the held text; a pager that cannot be
    /// started leaves the output going straight to stdout.
    fn start_pager(&mut self, held: Vec<u8>, paging: &Paging) -> io::Result<()> {
        let mut command = Command::new(&paging.command.program);
        command.args(&paging.command.args).stdin(Stdio::piped());
        // `PAGER=less` alone would show colours as escapes and page even a
        // short text: give it git's defaults unless the user set LESS.
        if std::env::var_os("LESS").is_none() {
            command.env("LESS", "FRX");
        }
        match command.spawn() {
            Ok(mut child) => {
                let Some(mut input) = child.stdin.take() else {
                    let _ = child.wait();
                    return self.stdout.write_all(&held);
                };
                let written = input.write_all(&held);
                self.state = State::Paged { child, input };
                written
            }
            Err(_) => self.stdout.write_all(&held),
        }
    }
}

impl Write for Output<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.state {
            State::Direct => self.stdout.write_all(buf),
            State::Paged { input, .. } => input.write_all(buf),
            State::Holding {
                held,
                lines,
                paging,
            } => {
                held.extend_from_slice(buf);
                *lines += memchr::memchr_iter(b'\n', buf).count();
                if paging.threshold > 0 && *lines < paging.threshold {
                    return Ok(());
                }
                let held = std::mem::take(held);
                let paging = paging.clone();
                self.state = State::Direct;
                self.start_pager(held, &paging)
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.state {
            State::Direct => self.stdout.flush(),
            // Held text is flushed by `finish` or by starting the pager.
            State::Holding { .. } => Ok(()),
            State::Paged { input, .. } => input.flush(),
        }
    }
}

impl Drop for Output<'_> {
    /// A pager still running when the output goes away (an early return)
    /// is waited for, so the shell does not get the terminal back under it.
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn command(words: &str) -> PagerCommand {
        PagerCommand::from_env(Some(words), None).unwrap()
    }

    #[test]
    fn the_pager_comes_from_httpcode_pager_then_pager_then_less() {
        let less = PagerCommand::from_env(None, None).unwrap();
        assert_eq!(
            (less.program.as_str(), less.args),
            ("less", vec!["-FRX".to_string()])
        );
        assert_eq!(
            PagerCommand::from_env(None, Some("more")).unwrap().program,
            "more"
        );
        let ours = PagerCommand::from_env(Some("bat --plain"), Some("more")).unwrap();
        assert_eq!(
            (ours.program.as_str(), ours.args),
            ("bat", vec!["--plain".to_string()])
        );
        assert_eq!(PagerCommand::from_env(Some(""), Some("more")), None);
        assert_eq!(PagerCommand::from_env(None, Some("cat")), None);
        assert_eq!(PagerCommand::from_env(Some("  "), None), None);
    }

    #[test]
    fn paging_needs_a_terminal_and_a_choice_that_allows_it() {
        let less = || Some(command("less"));
        assert_eq!(
            Paging::decide(PagerChoice::Auto, false, Some(30), less()),
            None
        );
        assert_eq!(
            Paging::decide(PagerChoice::Always, false, Some(30), less()),
            None
        );
        assert_eq!(
            Paging::decide(PagerChoice::Never, true, Some(30), less()),
            None
        );
        assert_eq!(
            Paging::decide(PagerChoice::Auto, true, Some(30), None),
            None
        );
        let auto = Paging::decide(PagerChoice::Auto, true, Some(30), less()).unwrap();
        assert_eq!(auto.threshold, 29);
        let unknown = Paging::decide(PagerChoice::Auto, true, None, less()).unwrap();
        assert_eq!(unknown.threshold, 23);
        let always = Paging::decide(PagerChoice::Always, true, Some(30), less()).unwrap();
        assert_eq!(always.threshold, 0);
    }

    /// A pager that copies its input to a file, to see what it was given.
    fn recording_pager(file: &std::path::Path, threshold: usize) -> Paging {
        Paging {
            command: PagerCommand {
                program: "sh".into(),
                args: vec!["-c".into(), format!("cat > '{}'", file.display())],
            },
            threshold,
        }
    }

    fn temp_file(name: &str) -> std::path::PathBuf {
        std::env::temp_dir().join(format!("httpcode-pager-{}-{name}", std::process::id()))
    }

    /// Writes `chunks` through an output paged from `threshold` lines on,
    /// by a pager that copies its input to a file: what reached stdout,
    /// and what the pager was given (`None`: it never started).
    fn through_pager(name: &str, threshold: usize, chunks: &[&str]) -> (String, Option<String>) {
        let file = temp_file(name);
        let mut stdout = Vec::new();
        let mut out = Output::new(&mut stdout, Some(recording_pager(&file, threshold)));
        for chunk in chunks {
            out.write_all(chunk.as_bytes()).unwrap();
        }
        out.finish().unwrap();
        drop(out);
        let paged = std::fs::read_to_string(&file).ok();
        let _ = std::fs::remove_file(&file);
        (String::from_utf8(stdout).unwrap(), paged)
    }

    #[test]
    fn short_output_is_written_without_a_pager() {
        let (stdout, paged) = through_pager("short", 3, &["one\ntwo\n"]);
        assert_eq!(stdout, "one\ntwo\n");
        assert_eq!(paged, None);
    }

    #[test]
    fn tall_output_goes_to_the_pager_whole() {
        let (stdout, paged) = through_pager("tall", 3, &["one\n", "two\n", "three\n", "four\n"]);
        assert_eq!(stdout, "");
        assert_eq!(paged.as_deref(), Some("one\ntwo\nthree\nfour\n"));
    }

    #[test]
    fn always_pages_even_one_line() {
        let (stdout, paged) = through_pager("always", 0, &["one\n"]);
        assert_eq!(stdout, "");
        assert_eq!(paged.as_deref(), Some("one\n"));
    }

    #[test]
    fn a_missing_pager_falls_back_to_plain_output() {
        let mut stdout = Vec::new();
        let paging = Paging {
            command: command("httpcode-no-such-pager-program"),
            threshold: 1,
        };
        let mut out = Output::new(&mut stdout, Some(paging));
        out.write_all(b"one\ntwo\n").unwrap();
        out.write_all(b"three\n").unwrap();
        out.finish().unwrap();
        drop(out);
        assert_eq!(stdout, b"one\ntwo\nthree\n");
    }
}
