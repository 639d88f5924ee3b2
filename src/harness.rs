//! The real command line driven in-process from one byte string, for the
//! fuzzer and the tests that replay its corpus: argument words separated by
//! NUL, then two NULs, then what stdin holds. `check` states what must hold
//! for any input.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

use crate::app::{self, Streams};

/// What one run printed and the exit code it chose.
#[derive(Debug)]
pub struct Run {
    pub args: Vec<OsString>,
    pub code: u8,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Splits `input` into arguments and stdin, and runs the command line.
pub fn run(input: &[u8]) -> Run {
    let (words, stdin) = match input.windows(2).position(|w| w == b"\0\0") {
        Some(at) => (&input[..at], &input[at + 2..]),
        None => (input, &b""[..]),
    };
    let mut args = vec![OsString::from("httpcode")];
    args.extend(
        words
            .split(|b| *b == 0)
            .filter(|w| !w.is_empty())
            .map(|w| OsString::from_vec(w.to_vec())),
    );
    run_args(args, stdin)
}

/// Runs these arguments (the first is the program name) with this stdin.
pub fn run_args(args: Vec<OsString>, mut stdin: &[u8]) -> Run {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let streams = Streams {
        stdin: &mut stdin,
        stdout: &mut stdout,
        stderr: &mut stderr,
        stdin_is_terminal: false,
        stdout_is_terminal: false,
    };
    let code = app::main_in_process(args.clone(), streams);
    Run {
        args,
        code,
        stdout,
        stderr,
    }
}

/// What holds for every input: an exit code of 0, 1 or 2; stderr free of
/// control characters but line breaks; stdout free of escape sequences
/// unless colour was asked for.
pub fn check(run: &Run) -> Result<(), String> {
    if run.code > 2 {
        return Err(format!("exit code {} for {:?}", run.code, run.args));
    }
    let err = String::from_utf8_lossy(&run.stderr);
    if let Some(c) = err.chars().find(|c| c.is_control() && *c != '\n') {
        return Err(format!("{c:?} on stderr for {:?}: {err:?}", run.args));
    }
    let colour = run.args.iter().any(|a| {
        let a = a.to_string_lossy();
        a.contains("always")
    });
    if !colour && run.stdout.contains(&0x1b) {
        return Err(format!("ESC on stdout for {:?}", run.args));
    }
    Ok(())
}
