//! A small column layout for our tables: a header, a rule under it, rows
//! whose cells wrap to fit the width. Written here rather than with
//! comfy-table because the search view has an instruction budget (1.5x a
//! lookup) that comfy-table's per-character layout alone overran; our cells
//! are plain text of one column per character, so counting chars is enough.

/// Space before the first column and between columns.
const LEFT: usize = 1;
const GAP: usize = 2;
/// Words up to this long are never cut while the floors fit.
const LONGEST_UNCUT_WORD: usize = 14;
/// Below this many columns of text per column, a table reads better stacked.
const COMFORTABLE_COLUMN: usize = 16;

/// How rows are stacked when the columns do not fit side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stack {
    /// `404  Not Found`, then the other cells indented below it.
    Record,
    /// The first cell alone, then `Header: value` for each other cell (for
    /// tables whose columns are things being compared).
    Labelled,
}

pub struct Grid {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    stack: Stack,
}

impl Grid {
    pub fn new(header: &[&str]) -> Grid {
        Grid {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            stack: Stack::Record,
        }
    }

    pub fn stack_as(mut self, stack: Stack) -> Grid {
        self.stack = stack;
        self
    }

    /// Cells may hold `\n` for lines of their own. Missing cells are empty.
    pub fn add_row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as lines no wider than `width`, without trailing spaces.
    pub fn lines(&self, width: u16) -> Vec<String> {
        self.layout(width).0
    }

    /// The lines, and whether the first is a header (stacked records have
    /// none).
    pub fn layout(&self, width: u16) -> (Vec<String>, bool) {
        let width = usize::from(width);
        let natural: Vec<usize> = (0..self.header.len())
            .map(|c| self.natural_width(c))
            .collect();
        if !fits_side_by_side(&natural, width) {
            return (self.stacked_lines(width), false);
        }
        let widths = self.column_widths(&natural, width);
        let total = LEFT + widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1);
        let mut out = Vec::new();
        push_row(&mut out, &self.header, &widths);
        out.push("─".repeat(total));
        for row in &self.rows {
            push_row(&mut out, row, &widths);
        }
        (out, true)
    }

    fn natural_width(&self, column: usize) -> usize {
        self.cells(column)
            .flat_map(str::lines)
            .map(text_width)
            .max()
            .unwrap_or(0)
    }

    /// One record after another, each cell on lines of its own.
    fn stacked_lines(&self, width: usize) -> Vec<String> {
        let mut out = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            let cell = |c: usize| row.get(c).map_or(String::new(), |t| one_line(t));
            if i > 0 && self.stack == Stack::Labelled {
                out.push(String::new());
            }
            let (first, rest) = match self.stack {
                Stack::Record => (format!("{}  {}", cell(0), cell(1)), 2),
                Stack::Labelled => (cell(0), 1),
            };
            push_hanging(&mut out, &first, " ", "     ", width);
            for c in rest..self.header.len() {
                let text = match self.stack {
                    Stack::Record => cell(c),
                    Stack::Labelled => format!("{}: {}", self.header[c], cell(c)),
                };
                if !text.trim().is_empty() {
                    push_hanging(&mut out, &text, "   ", "     ", width);
                }
            }
        }
        out
    }

    fn cells(&self, column: usize) -> impl Iterator<Item = &str> {
        std::iter::once(self.header[column].as_str()).chain(
            self.rows
                .iter()
                .filter_map(move |r| r.get(column).map(String::as_str)),
        )
    }

    fn column_widths(&self, natural: &[usize], width: usize) -> Vec<usize> {
        let columns = self.header.len();
        let floor: Vec<usize> = (0..columns)
            .map(|c| {
                let longest_word = self
                    .cells(c)
                    .flat_map(str::split_whitespace)
                    .map(text_width)
                    .max()
                    .unwrap_or(0);
                longest_word.clamp(1, LONGEST_UNCUT_WORD)
            })
            .collect();
        let available = width.saturating_sub(LEFT + GAP * columns.saturating_sub(1));
        share(natural, &floor, available)
    }
}

/// Whether the columns, each up to a comfortable width, fit side by side.
fn fits_side_by_side(natural: &[usize], width: usize) -> bool {
    let columns = natural.len();
    let wanted: usize = natural.iter().map(|n| (*n).min(COMFORTABLE_COLUMN)).sum();
    columns < 2 || LEFT + wanted + GAP * (columns - 1) <= width
}

/// Gives every column its natural width if all fit. Otherwise columns no
/// wider than an even share keep their natural width; each other column
/// gets its floor (its longest word, within limits) and the room left goes
/// to them in proportion to how much more they want. Only when even the
/// floors do not fit are words cut.
fn share(natural: &[usize], floor: &[usize], available: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= available {
        return natural.to_vec();
    }
    let mut keeps = vec![false; natural.len()];
    loop {
        let kept: usize = (0..natural.len())
            .filter(|&c| keeps[c])
            .map(|c| natural[c])
            .sum();
        let open = keeps.iter().filter(|k| !**k).count().max(1);
        let fair = available.saturating_sub(kept) / open;
        let newly: Vec<usize> = (0..natural.len())
            .filter(|&c| !keeps[c] && natural[c] <= fair)
            .collect();
        if newly.is_empty() {
            break;
        }
        for c in newly {
            keeps[c] = true;
        }
    }
    let kept: usize = (0..natural.len())
        .filter(|&c| keeps[c])
        .map(|c| natural[c])
        .sum();
    let floor_sum: usize = (0..natural.len())
        .filter(|&c| !keeps[c])
        .map(|c| floor[c])
        .sum();
    let room = available.saturating_sub(kept);
    if floor_sum >= room {
        let all_floors: usize = floor.iter().sum::<usize>().max(1);
        return floor
            .iter()
            .map(|f| (f * available / all_floors).max(1))
            .collect();
    }
    let wants: Vec<usize> = (0..natural.len())
        .map(|c| {
            if keeps[c] {
                0
            } else {
                natural[c] - floor[c].min(natural[c])
            }
        })
        .collect();
    let total_want: usize = wants.iter().sum::<usize>().max(1);
    (0..natural.len())
        .map(|c| {
            if keeps[c] {
                natural[c]
            } else {
                floor[c] + wants[c] * (room - floor_sum) / total_want
            }
        })
        .collect()
}

fn push_row(out: &mut Vec<String>, cells: &[String], widths: &[usize]) {
    let wrapped: Vec<Vec<&str>> = widths
        .iter()
        .enumerate()
        .map(|(c, &w)| wrap_cell(cells.get(c).map_or("", String::as_str), w))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    let line_width = LEFT + widths.iter().sum::<usize>() + GAP * widths.len();
    for line in 0..height {
        let mut text = String::with_capacity(line_width);
        pad(&mut text, LEFT);
        for (c, &w) in widths.iter().enumerate() {
            if c > 0 {
                pad(&mut text, GAP);
            }
            let cell = wrapped[c].get(line).copied().unwrap_or("");
            text.push_str(cell);
            pad(&mut text, w.saturating_sub(text_width(cell)));
        }
        text.truncate(text.trim_end().len());
        out.push(text);
    }
}

fn pad(text: &mut String, count: usize) {
    // Whole runs of spaces at once: this is the inner loop of every table.
    const SPACES: &str = "                                                                ";
    let mut left = count;
    while left > 0 {
        let n = left.min(SPACES.len());
        text.push_str(&SPACES[..n]);
        left -= n;
    }
}

/// A cell's lines joined for a stacked record: a parenthesised line reads
/// as a remark on the one before (`Name (nginx, unofficial)`), others as
/// items of a list (`200 OK · 204 No Content`).
fn one_line(cell: &str) -> String {
    let mut out = String::new();
    for (i, line) in cell.lines().enumerate() {
        if i > 0 {
            out.push_str(if line.starts_with('(') { " " } else { " · " });
        }
        out.push_str(line);
    }
    out
}

/// `text` wrapped to `width`: the first line after `first`, the others
/// after `rest`.
fn push_hanging(out: &mut Vec<String>, text: &str, first: &str, rest: &str, width: usize) {
    let lines = wrap_cell(text, width.saturating_sub(rest.len()).max(1));
    for (i, line) in lines.into_iter().enumerate() {
        let prefix = if i == 0 { first } else { rest };
        out.push(format!("{prefix}{line}"));
    }
}

/// The cell's own lines, each wrapped to `width`; words too long are cut.
/// Lines are slices of `text`, so wrapping allocates only the list.
fn wrap_cell(text: &str, width: usize) -> Vec<&str> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut start: Option<usize> = None; // byte offset where the line starts
        let mut end = 0; // byte offset after its last word
        let mut used = 0; // its width
        for (at, word) in words_with_offsets(paragraph) {
            let mut at = at;
            let mut word = word;
            // Cut words wider than a whole line.
            while text_width(word) > width {
                if let Some(s) = start.take() {
                    lines.push(&paragraph[s..end]);
                }
                let cut = word
                    .char_indices()
                    .nth(width)
                    .map_or(word.len(), |(i, _)| i);
                lines.push(&word[..cut]);
                word = &word[cut..];
                at += cut;
            }
            if word.is_empty() {
                continue;
            }
            let len = text_width(word);
            match start {
                Some(s) if used + 1 + len > width => {
                    lines.push(&paragraph[s..end]);
                    start = Some(at);
                    used = len;
                }
                Some(_) => used += 1 + len,
                None => {
                    start = Some(at);
                    used = len;
                }
            }
            end = at + word.len();
        }
        lines.push(start.map_or("", |s| &paragraph[s..end]));
    }
    if lines.is_empty() {
        lines.push("");
    }
    lines
}

/// Words of `text` with their byte offsets.
fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |offset, word| {
            let at = *offset;
            *offset += word.len() + 1;
            Some((at, word))
        })
        .filter(|(_, word)| !word.is_empty())
}

fn text_width(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> Grid {
        let mut g = Grid::new(&["Code", "Summary"]);
        g.add_row(vec![
            "404".into(),
            "The resource was not found at this address".into(),
        ]);
        g
    }

    #[test]
    fn natural_widths_when_everything_fits() {
        assert!(grid().layout(80).1, "side by side: a header");
        assert!(!grid().layout(20).1, "stacked: no header");
        let lines = grid().lines(80);
        assert_eq!(lines[0], " Code  Summary");
        assert_eq!(
            lines[2],
            " 404   The resource was not found at this address"
        );
        assert_eq!(lines[1].chars().count(), 1 + 4 + 2 + 42);
    }

    #[test]
    fn long_cells_wrap_to_fit() {
        let lines = grid().lines(30);
        assert!(lines.iter().all(|l| l.chars().count() <= 30), "{lines:?}");
        assert!(lines.len() > 3);
        assert!(
            lines[3].starts_with("       "),
            "continuation stays in its column"
        );
    }

    #[test]
    fn narrow_tables_stack_their_rows() {
        let mut g = Grid::new(&["Code", "Name", "Summary"]);
        g.add_row(vec![
            "404".into(),
            "Not Found".into(),
            "Nothing at this address".into(),
        ]);
        assert_eq!(
            g.lines(30),
            [" 404  Not Found", "   Nothing at this address"]
        );
        let mut g = Grid::new(&["", "301", "308"]).stack_as(Stack::Labelled);
        g.add_row(vec![
            "Meaning".into(),
            "Moved for good".into(),
            "Moved for good, same method".into(),
        ]);
        assert_eq!(
            g.lines(30),
            [
                " Meaning",
                "   301: Moved for good",
                "   308: Moved for good, same",
                "     method"
            ]
        );
    }

    #[test]
    fn stacked_cells_join_their_lines() {
        assert_eq!(
            one_line("200 OK\n204 No Content"),
            "200 OK · 204 No Content"
        );
        assert_eq!(
            one_line("No Response\n(nginx, unofficial)"),
            "No Response (nginx, unofficial)"
        );
    }

    #[test]
    fn words_longer_than_the_column_are_cut() {
        assert_eq!(wrap_cell("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap_cell("a\nb", 4), ["a", "b"]);
    }

    #[test]
    fn sharing_respects_floors() {
        assert_eq!(share(&[3, 50, 50], &[3, 8, 8], 40), vec![3, 18, 18]);
        assert_eq!(share(&[3, 10], &[3, 8], 40), vec![3, 10]);
        assert_eq!(share(&[3, 50, 20], &[3, 10, 10], 33), vec![3, 18, 12]);
        // A short label column keeps its width; the long ones share the rest.
        assert_eq!(share(&[13, 40, 40], &[9, 10, 10], 70), vec![13, 28, 28]);
        // Floors that do not fit are scaled down: words get cut.
        assert_eq!(share(&[20, 20], &[14, 14], 14), vec![7, 7]);
    }
}
