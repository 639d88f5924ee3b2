//! Writes the man page: commands, options and examples walked out of the
//! clap definition, exit status and environment in our own words.

use std::fmt::Write as _;

use clap::{Arg, Command};

/// The page, in roff for man(7), for the command line `command` declares.
pub fn page(command: &Command) -> String {
    let mut command = command.clone();
    command.build();
    let mut page = String::new();
    title(&mut page, &command);
    name(&mut page, &command);
    synopsis(&mut page, &command);
    description(&mut page, &command);
    commands(&mut page, &command);
    global_options(&mut page, &command);
    examples(&mut page, &command);
    page.push_str(EXIT_STATUS);
    page.push_str(ENVIRONMENT);
    page.push_str(SEE_ALSO);
    page
}

/// Title line; no hyphenation and a ragged right edge, so option names,
/// codes and examples stay whole.
fn title(page: &mut String, command: &Command) {
    let name = command.get_name();
    let version = command.get_version().unwrap_or_default();
    let _ = writeln!(
        page,
        ".TH {} 1 \"\" \"{} {}\" \"User Commands\"",
        name.to_ascii_uppercase(),
        name,
        version
    );
    page.push_str(".nh\n.ad l\n");
}

fn name(page: &mut String, command: &Command) {
    let about = command
        .get_about()
        .map(|a| a.to_string())
        .unwrap_or_default();
    let mut chars = about.chars();
    let about = match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    };
    let _ = writeln!(
        page,
        ".SH NAME\n{} \\- {}",
        text(command.get_name()),
        text(&about)
    );
}

/// One line for the lookup, one per subcommand, one for standard input.
fn synopsis(page: &mut String, command: &Command) {
    page.push_str(".SH SYNOPSIS\n");
    let name = command.get_name();
    let _ = writeln!(
        page,
        "\\fB{}\\fR [\\fIoptions\\fR] {}",
        text(name),
        positionals_usage(command)
    );
    for sub in subcommands(command) {
        let _ = writeln!(page, ".br\n{}", usage(name, sub));
    }
    let _ = writeln!(
        page,
        ".br\n\\fIcommand\\fR | \\fB{}\\fR [\\fIoptions\\fR]",
        text(name)
    );
}

fn description(page: &mut String, command: &Command) {
    page.push_str(".SH DESCRIPTION\n");
    let about = command
        .get_long_about()
        .or(command.get_about())
        .map(|a| a.to_string())
        .unwrap_or_default();
    let _ = writeln!(page, "{}", text(&sentence(&about)));
    page.push_str(DESCRIPTION);
    for arg in arguments(command).into_iter().filter(|a| a.is_positional()) {
        argument(page, arg);
    }
}

/// Every subcommand with all its own arguments and options.
fn commands(page: &mut String, command: &Command) {
    page.push_str(".SH COMMANDS\n");
    for sub in subcommands(command) {
        let _ = writeln!(page, ".SS {}", sub.get_name());
        let _ = writeln!(page, "{}", usage(command.get_name(), sub));
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            let _ = writeln!(page, ".PP\n{}", text(&sentence(&about.to_string())));
        }
        for arg in own_args(sub) {
            argument(page, arg);
        }
    }
}

fn global_options(page: &mut String, command: &Command) {
    page.push_str(".SH \"GLOBAL OPTIONS\"\n");
    page.push_str("These mean the same before or after a subcommand.\n");
    for arg in arguments(command)
        .into_iter()
        .filter(|a| !a.is_positional())
    {
        argument(page, arg);
    }
}

/// The examples of the long help, `command   what it does` per line, each
/// as an unfilled block so roff neither reflows nor hyphenates them.
fn examples(page: &mut String, command: &Command) {
    let Some(help) = command.get_after_long_help() else {
        return;
    };
    let help = help.to_string();
    let mut lines = help
        .lines()
        .skip_while(|l| !l.trim().ends_with("Examples:"));
    if lines.next().is_none() {
        return;
    }
    page.push_str(".SH EXAMPLES\n");
    for line in lines.map(str::trim).filter(|l| !l.is_empty()) {
        let (example, what) = match line.split_once("  ") {
            Some((example, what)) => (example, what.trim()),
            None => (line, ""),
        };
        let _ = writeln!(page, ".PP\n.nf\n\\fB{}\\fR", text(example));
        if !what.is_empty() {
            let _ = writeln!(page, ".RS 4\n{}\n.RE", text(what));
        }
        page.push_str(".fi\n");
    }
}

/// `httpcode list [--class CLASS] [--official] ...`, in bold and italics.
fn usage(name: &str, sub: &Command) -> String {
    let mut line = format!("\\fB{} {}\\fR", text(name), text(sub.get_name()));
    for arg in own_args(sub).filter(|a| !a.is_positional()) {
        let _ = write!(line, " [{}]", option_usage(arg));
    }
    let positionals = positionals_usage(sub);
    if !positionals.is_empty() {
        line.push(' ');
        line.push_str(&positionals);
    }
    line
}

fn positionals_usage(command: &Command) -> String {
    let words: Vec<String> = command
        .get_positionals()
        .filter(|a| !a.is_hide_set())
        .map(|arg| {
            let name = format!("\\fI{}\\fR{}", text(&value_name(arg)), repeats(arg));
            if arg.is_required_set() {
                name
            } else {
                format!("[{name}]")
            }
        })
        .collect();
    words.join(" ")
}

fn repeats(arg: &Arg) -> &'static str {
    match arg.get_num_args() {
        Some(range) if range.max_values() > 1 => "...",
        _ => "",
    }
}

/// The subcommands a page documents: not clap's own `help`.
/// In the order `--help` shows them.
fn subcommands(command: &Command) -> Vec<&Command> {
    let mut subs: Vec<&Command> = command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        .collect();
    subs.sort_by_key(|s| s.get_display_order());
    subs
}

/// Arguments in the order `--help` shows them.
fn arguments(command: &Command) -> Vec<&Arg> {
    let mut args: Vec<&Arg> = command
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .collect();
    args.sort_by_key(|a| (!a.is_positional(), a.get_display_order()));
    args
}

/// A subcommand's arguments without the global ones and `--help`, which
/// GLOBAL OPTIONS describes once.
fn own_args(sub: &Command) -> impl Iterator<Item = &Arg> {
    arguments(sub)
        .into_iter()
        .filter(|a| !a.is_global_set() && a.get_id() != "help")
}

/// `.TP` paragraph for one argument or option: its label, its help, its
/// default, and the values it takes.
fn argument(page: &mut String, arg: &Arg) {
    let label = if arg.is_positional() {
        format!("\\fI{}\\fR{}", text(&value_name(arg)), repeats(arg))
    } else {
        option_label(arg)
    };
    let _ = writeln!(page, ".TP\n{label}");
    let help = arg.get_long_help().or(arg.get_help());
    let mut help = sentence(&help.map(|h| h.to_string()).unwrap_or_default());
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    let said = help.contains("default");
    if !defaults.is_empty() && !said && !arg.is_hide_default_value_set() && takes_values(arg) {
        let _ = write!(help, " Default: {}.", defaults.join(", "));
    }
    let _ = writeln!(page, "{}", text(&help));
    values(page, arg);
}

/// The values an argument takes: a list with what each means, or one line
/// when they explain themselves.
fn values(page: &mut String, arg: &Arg) {
    if !takes_values(arg) || arg.is_hide_possible_values_set() {
        return;
    }
    let values: Vec<_> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    if values.is_empty() {
        return;
    }
    if values.iter().all(|v| v.get_help().is_none()) {
        let names: Vec<String> = values
            .iter()
            .map(|v| format!("\\fB{}\\fR", text(v.get_name())))
            .collect();
        let _ = writeln!(page, ".IP\nValues: {}.", names.join(", "));
        return;
    }
    page.push_str(".RS\n");
    for value in &values {
        let help = value.get_help().map(|h| h.to_string()).unwrap_or_default();
        let _ = writeln!(
            page,
            ".TP\n\\fB{}\\fR\n{}",
            text(value.get_name()),
            text(&help)
        );
    }
    page.push_str(".RE\n");
}

/// clap drops the full stop of one-line doc comments; prose wants it back.
fn sentence(help: &str) -> String {
    let help = help.trim_end();
    match help.chars().last() {
        Some('.' | '!' | '?' | ':') | None => help.to_string(),
        Some(_) => format!("{help}."),
    }
}

fn takes_values(arg: &Arg) -> bool {
    arg.get_action().takes_values()
}

/// `\fB\-\-color\fR \fIWHEN\fR`, with the short form first when there is one.
fn option_label(arg: &Arg) -> String {
    let mut names = Vec::new();
    if let Some(short) = arg.get_short() {
        names.push(format!("\\fB\\-{}\\fR", text(&short.to_string())));
    }
    if let Some(long) = arg.get_long() {
        names.push(format!("\\fB\\-\\-{}\\fR", text(long)));
    }
    let mut label = names.join(", ");
    if takes_values(arg) {
        let _ = write!(label, " \\fI{}\\fR", text(&value_name(arg)));
    }
    label
}

/// `\fB\-\-limit\fR \fIN\fR`: one name, the long one, for a synopsis.
fn option_usage(arg: &Arg) -> String {
    let name = match (arg.get_long(), arg.get_short()) {
        (Some(long), _) => format!("\\fB\\-\\-{}\\fR", text(long)),
        (None, Some(short)) => format!("\\fB\\-{}\\fR", text(&short.to_string())),
        (None, None) => String::new(),
    };
    if takes_values(arg) {
        format!("{name} \\fI{}\\fR", text(&value_name(arg)))
    } else {
        name
    }
}

fn value_name(arg: &Arg) -> String {
    match arg.get_value_names() {
        Some(names) if !names.is_empty() => names[0].to_string(),
        _ => arg.get_id().to_string().to_ascii_uppercase(),
    }
}

/// Text made safe for roff: a backslash prints as itself, hyphens stay
/// ASCII (`\-`) so options can be copied, quotes cannot start a request,
/// and `code` in backticks turns bold.
pub fn text(plain: &str) -> String {
    let mut out = String::with_capacity(plain.len());
    let ticks = plain.matches('`').count();
    let mut in_code = false;
    for (i, line) in plain.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.trim_start();
        if line.starts_with('.') {
            out.push_str("\\&");
        }
        for c in line.chars() {
            match c {
                '\\' => out.push_str("\\e"),
                '-' => out.push_str("\\-"),
                '\'' => out.push_str("\\(aq"),
                '`' if ticks % 2 == 0 => {
                    out.push_str(if in_code { "\\fR" } else { "\\fB" });
                    in_code = !in_code;
                }
                '`' => out.push_str("\\(ga"),
                _ => out.push(c),
            }
        }
    }
    out
}

const DESCRIPTION: &str = r#".PP
The first word that is not an option decides what a command line asks for:
a subcommand when it names one, otherwise a lookup or, for words that are
not codes, a search.
With no arguments and standard input not a terminal, each status line or
code read from standard input is explained as it arrives, so
\fBcurl \-sIL\fR output shows a redirect chain hop by hop.
.PP
Anything from outside (a header on standard input, a log line, an argument
quoted in a message) is shown with its control characters escaped, so it
cannot drive the terminal.
"#;

const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
.B 0
Something was found and printed; for \fBis\fR, the answer is yes.
.TP
.B 1
The query was valid but matched nothing, such as a code no source
defines, a search without results, or a \fBstats\fR input without a
single status code; for \fBis\fR, the answer is no.
.TP
.B 2
Bad input or a usage error: an argument that is not a code, an unknown
option, source or guide topic, an option that does not apply to the
subcommand, output that could not be written, or a \fBstats\fR input
that could not be read (the others are still counted).
\fBhttpcode\fR alone on a terminal prints the help and exits 2 as well.
.PP
A closed pipe on standard output ends the run quietly with status 0.
"#;

const ENVIRONMENT: &str = r#".SH ENVIRONMENT
.TP
.B NO_COLOR
When set and not empty, \fB\-\-color auto\fR prints no colour.
\fB\-\-color always\fR colours anyway.
.TP
.B TERM
When \fBdumb\fR, \fB\-\-color auto\fR prints no colour.
.TP
.B HTTPCODE_PAGER
The pager for output taller than the terminal, when standard output is a
terminal.
It takes precedence over \fBPAGER\fR; without either, \fBless \-FRX\fR is
used.
\fB\-\-pager never\fR or \fB\-\-no\-pager\fR writes straight to the
terminal, \fB\-\-pager always\fR pages, and \fB\-\-pager auto\fR is the
default.
An empty value, or \fBcat\fR, turns paging off; a pager that cannot be
started leaves the output printed as usual.
\fBLESS\fR is set to \fBFRX\fR for the pager when it is not set already.
.TP
.B PAGER
The pager when \fBHTTPCODE_PAGER\fR is not set.
"#;

const SEE_ALSO: &str = r#".SH "SEE ALSO"
.BR curl (1),
.BR less (1)
"#;

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn text_escapes_what_roff_would_read_as_requests() {
        assert_eq!(text(".hidden"), "\\&.hidden");
        assert_eq!(text("'quoted'"), "\\(aqquoted\\(aq");
        assert_eq!(text("a\\b"), "a\\eb");
        assert_eq!(text("--json"), "\\-\\-json");
        assert_eq!(
            text("see `httpcode sources`"),
            "see \\fBhttpcode sources\\fR"
        );
        assert_eq!(text("one ` tick"), "one \\(ga tick");
        assert_eq!(text("a\n.b"), "a\n\\&.b");
    }
}
