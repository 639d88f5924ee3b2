//! Writes the man page (roff) from the clap definition.

/// The whole page for `command`.
pub fn page(command: &clap::Command) -> String {
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut page)
        .unwrap_or_default();
    String::from_utf8_lossy(&page).into_owned()
}
