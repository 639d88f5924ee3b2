//! Completion scripts and the man page, generated from the clap definition.

use super::*;

/// Completion script generated from the clap definition.
pub(super) fn completions(ctx: &Context, shell: clap_complete::Shell) -> Outcome {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "httpcode", &mut script);
    ctx.print(&String::from_utf8_lossy(&script))?;
    Ok(FOUND)
}

/// Man page generated from the clap definition.
pub(super) fn man(ctx: &Context) -> Outcome {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    ctx.print(&String::from_utf8_lossy(&page))?;
    Ok(FOUND)
}
