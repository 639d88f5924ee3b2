//! httpcode: explain HTTP status codes in the terminal.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use httpcode::app::{self, Streams};

fn main() -> ExitCode {
    let mut stdin = io::stdin();
    let streams = Streams {
        stdin_is_terminal: stdin.is_terminal(),
        stdout_is_terminal: io::stdout().is_terminal(),
        stdin: &mut stdin,
        stdout: &mut io::stdout().lock(),
        stderr: &mut io::stderr().lock(),
    };
    ExitCode::from(app::main(std::env::args_os().collect(), streams))
}
