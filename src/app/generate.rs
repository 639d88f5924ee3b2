//! Completion scripts and the man page, generated from the clap definition.

use super::*;

/// Completion script generated from the clap definition.
pub(super) fn completions(shell: clap_complete::Shell) -> Outcome {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "httpcode", &mut script);
    print(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::from(FOUND))
}

/// Man page generated from the clap definition.
pub(super) fn man() -> Outcome {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    print(&String::from_utf8_lossy(&page))?;
    Ok(ExitCode::from(FOUND))
}
