//! httpcode: explain HTTP status codes in the terminal.

use std::io;
use std::process::ExitCode;

use clap::Parser;
use httpcode::{app, cli};

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version to stdout and errors to stderr.
            let code = if err.use_stderr() {
                app::USAGE
            } else {
                app::FOUND
            };
            return match err.print() {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                _ => ExitCode::from(code),
            };
        }
    };
    match app::run(cli) {
        Ok(code) => code,
        Err(app::AppError::Io(err)) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("httpcode: error: {err}");
            ExitCode::from(app::USAGE)
        }
    }
}
