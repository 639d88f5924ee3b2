//! A small column layout for our tables: a header, a rule under it, rows
//! whose cells wrap to fit the width. Written here rather than with
//! comfy-table, measured side by side: comfy-table cuts words mid-word at
//! 40 columns ("Cloudfla / re"), and on `list` it costs 4.9x the
//! instructions and 1.7x the wall time. Our cells are plain text of one
//! column per character, so counting chars is enough.
//!
//! Cells carry their styles (a code in its class colour, a matched word, a
//! dim remark) as runs over their text. Layout only ever measures the text;
//! the lines it returns keep the runs, and painting them into escape codes
//! comes last (`render::paint_table`), so escapes never count as width.

use std::ops::Range;

use super::wrap_lines;
use crate::catalogue::Class;

/// Space before the first column and between columns.
const LEFT: usize = 1;
const GAP: usize = 2;
/// Words up to this long are never cut while the floors fit.
const LONGEST_UNCUT_WORD: usize = 14;
/// Below this many columns of text per column, a table reads better stacked.
const COMFORTABLE_COLUMN: usize = 16;
/// Stacked `Label: value` lines align their continuations under the value
/// unless the label takes more than this share of the width (1/n).
const LONGEST_LABEL_SHARE: usize = 2;
/// Continuation indent of stacked lines that do not align under a label.
const HANGING: usize = 5;

/// How rows are stacked when the columns do not fit side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stack {
    /// `404  Not Found`, then the other cells indented below it.
    Record,
    /// The first cell alone, then `Header: value` for each other cell (for
    /// tables whose columns are things being compared, or whose first cell
    /// already names the row).
    Labelled,
}

/// What a run of text means, which decides how it is painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    /// A header or a heading.
    Heading,
    /// A status code, in the colour of its class.
    Code(Class),
    /// A word the search matched.
    Highlight,
    /// A remark, secondary to the text around it.
    Dim,
    /// A value over a threshold.
    Alert,
}

/// A table cell: text, and the style of each part of it as runs (each
/// style holds from its byte offset to the next run's).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    text: String,
    runs: Vec<(usize, Style)>,
}

impl Cell {
    pub fn new(text: impl Into<String>, style: Style) -> Cell {
        let mut cell = Cell::default();
        cell.push(&text.into(), style);
        cell
    }

    pub fn plain(text: impl Into<String>) -> Cell {
        Cell::new(text, Style::Plain)
    }

    /// A code label (`404`, `500.19`) in the colour of its class.
    pub fn code(label: impl Into<String>, class: Class) -> Cell {
        Cell::new(label, Style::Code(class))
    }

    /// `text` word by word: the words one of `matched` (search forms, see
    /// `tokenize::words`) highlighted, the others plain.
    pub fn highlighting(text: &str, matched: &[&str]) -> Cell {
        if matched.is_empty() {
            return Cell::plain(text);
        }
        let mut cell = Cell::default();
        for (i, word) in text.split(' ').enumerate() {
            if i > 0 {
                cell.push(" ", Style::Plain);
            }
            let hit = crate::tokenize::words(word)
                .iter()
                .any(|w| matched.contains(&w.as_str()));
            cell.push(word, if hit { Style::Highlight } else { Style::Plain });
        }
        cell
    }

    /// Appends `text` in `style`.
    pub fn push(&mut self, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        if self.runs.last().map(|r| r.1) != Some(style) {
            self.runs.push((self.text.len(), style));
        }
        self.text.push_str(text);
    }

    /// The cell with `text` in `style` appended.
    pub fn with(mut self, text: &str, style: Style) -> Cell {
        self.push(text, style);
        self
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `range` of `other`, styles and all.
    fn push_part(&mut self, other: &Cell, range: Range<usize>) {
        for (part, style) in other.runs_in(range) {
            self.push(part, style);
        }
    }

    fn push_cell(&mut self, other: &Cell) {
        self.push_part(other, 0..other.text.len());
    }

    fn with_cell(mut self, other: &Cell) -> Cell {
        self.push_cell(other);
        self
    }

    /// The text of `range` cut where its style changes.
    fn runs_in(&self, range: Range<usize>) -> impl Iterator<Item = (&str, Style)> {
        self.runs
            .iter()
            .enumerate()
            .filter_map(move |(i, &(start, style))| {
                let end = self.runs.get(i + 1).map_or(self.text.len(), |r| r.0);
                let (from, to) = (start.max(range.start), end.min(range.end));
                (from < to).then(|| (&self.text[from..to], style))
            })
    }

    /// Appends `piece`, a slice of this cell's text, to `line` in its styles.
    fn push_piece_to(&self, piece: &str, line: &mut Line) {
        if piece.is_empty() {
            return;
        }
        // Pieces are slices of `text` (see `wrap_lines`): their address says where.
        let at = piece.as_ptr() as usize - self.text.as_ptr() as usize;
        for (part, style) in self.runs_in(at..at + piece.len()) {
            line.push(part, style);
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::plain(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::plain(text)
    }
}

/// One line of a laid-out table: runs of text and their styles, padding
/// included, no trailing spaces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// The text of the whole line, in one buffer.
    text: String,
    /// Where each style starts in `text`, in order.
    runs: Vec<(usize, Style)>,
}

impl Line {
    fn push(&mut self, text: &str, style: Style) {
        if text.is_empty() {
            return;
        }
        if self.runs.last().map(|r| r.1) != Some(style) {
            self.runs.push((self.text.len(), style));
        }
        self.text.push_str(text);
    }

    fn pad(&mut self, count: usize) {
        // Whole runs of spaces at once: this is the inner loop of every table.
        const SPACES: &str = "                                                                ";
        let mut left = count;
        while left > 0 {
            let n = left.min(SPACES.len());
            self.push(&SPACES[..n], Style::Plain);
            left -= n;
        }
    }

    fn trim_end(&mut self) {
        let kept = self.text.trim_end().len();
        self.text.truncate(kept);
        self.runs.retain(|&(start, _)| start < kept);
    }

    /// The text without styles.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text in pieces of one style each, in order.
    pub fn spans(&self) -> impl Iterator<Item = (&str, Style)> {
        self.runs.iter().enumerate().map(|(i, &(start, style))| {
            let end = self.runs.get(i + 1).map_or(self.text.len(), |r| r.0);
            (&self.text[start..end], style)
        })
    }
}

pub struct Grid {
    header: Vec<Cell>,
    rows: Vec<Vec<Cell>>,
    stack: Stack,
    narrowest: usize,
}

impl Grid {
    /// A grid whose header cells are headings.
    pub fn new(header: &[&str]) -> Grid {
        Grid::with_header(
            header
                .iter()
                .map(|h| Cell::new(*h, Style::Heading))
                .collect(),
        )
    }

    /// A grid with header cells of their own styles (codes, in compare).
    pub fn with_header(header: Vec<Cell>) -> Grid {
        Grid {
            header,
            rows: Vec::new(),
            stack: Stack::Record,
            narrowest: COMFORTABLE_COLUMN,
        }
    }

    pub fn stack_as(mut self, stack: Stack) -> Grid {
        self.stack = stack;
        self
    }

    /// Stay side by side while each column can have `columns` of text
    /// (or all it needs, if less); the default is 16.
    pub fn narrowest(mut self, columns: usize) -> Grid {
        self.narrowest = columns.max(1);
        self
    }

    /// Cells may hold `\n` for lines of their own. Missing cells are empty.
    pub fn add_row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    /// The table as lines no wider than `width`, without trailing spaces.
    pub fn lines(&self, width: u16) -> Vec<String> {
        self.layout(width)
            .0
            .into_iter()
            .map(|line| line.text)
            .collect()
    }

    /// The lines, and whether the first is a header (stacked records have
    /// none).
    pub fn layout(&self, width: u16) -> (Vec<Line>, bool) {
        let width = usize::from(width);
        let natural: Vec<usize> = (0..self.header.len())
            .map(|c| self.natural_width(c))
            .collect();
        if !fits_side_by_side(&natural, width, self.narrowest) {
            return (self.stacked_lines(width), false);
        }
        let widths = self.column_widths(&natural, width);
        let total = LEFT + widths.iter().sum::<usize>() + GAP * widths.len().saturating_sub(1);
        let mut out = Vec::new();
        push_row(&mut out, &self.header, &widths);
        let mut rule = Line::default();
        rule.push(&"─".repeat(total), Style::Plain);
        out.push(rule);
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
    fn stacked_lines(&self, width: usize) -> Vec<Line> {
        let mut out = Vec::new();
        let empty = Cell::default();
        for (i, row) in self.rows.iter().enumerate() {
            let cell = |c: usize| one_line(row.get(c).unwrap_or(&empty));
            if i > 0 && self.stack == Stack::Labelled {
                out.push(Line::default());
            }
            let (first, rest) = match self.stack {
                Stack::Record => {
                    let mut first = cell(0);
                    first.push("  ", Style::Plain);
                    first.push_cell(&cell(1));
                    (first, 2)
                }
                Stack::Labelled => (cell(0), 1),
            };
            push_hanging(&mut out, &Cell::plain(" "), HANGING, &first, width);
            for c in rest..self.header.len() {
                let value = cell(c);
                if value.text().trim().is_empty() {
                    continue;
                }
                match self.stack {
                    Stack::Record => {
                        push_hanging(&mut out, &Cell::plain("   "), HANGING, &value, width)
                    }
                    Stack::Labelled => push_labelled(&mut out, &self.header[c], &value, width),
                }
            }
        }
        out
    }

    fn cells(&self, column: usize) -> impl Iterator<Item = &str> {
        std::iter::once(self.header[column].text()).chain(
            self.rows
                .iter()
                .filter_map(move |r| r.get(column).map(Cell::text)),
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

/// Whether the columns, each up to `narrowest` wide, fit side by side.
fn fits_side_by_side(natural: &[usize], width: usize, narrowest: usize) -> bool {
    let columns = natural.len();
    let wanted: usize = natural.iter().map(|n| (*n).min(narrowest)).sum();
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

fn push_row(out: &mut Vec<Line>, cells: &[Cell], widths: &[usize]) {
    let empty = Cell::default();
    let cell = |c: usize| cells.get(c).unwrap_or(&empty);
    let wrapped: Vec<Vec<&str>> = widths
        .iter()
        .enumerate()
        .map(|(c, &w)| wrap_lines(cell(c).text(), w))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for line in 0..height {
        let mut text = Line::default();
        text.pad(LEFT);
        for (c, &w) in widths.iter().enumerate() {
            if c > 0 {
                text.pad(GAP);
            }
            let piece = wrapped[c].get(line).copied().unwrap_or("");
            cell(c).push_piece_to(piece, &mut text);
            text.pad(w.saturating_sub(text_width(piece)));
        }
        text.trim_end();
        out.push(text);
    }
}

/// A cell's lines joined for a stacked record: a parenthesised line reads
/// as a remark on the one before (`Name (nginx, unofficial)`), others as
/// items of a list (`200 OK · 204 No Content`).
fn one_line(cell: &Cell) -> Cell {
    let text = cell.text();
    let mut out = Cell::default();
    let mut at = 0;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push(
                if line.starts_with('(') { " " } else { " · " },
                Style::Plain,
            );
        }
        out.push_part(cell, at..at + line.len());
        at += line.len() + 1;
    }
    out
}

/// `value` wrapped to `width`: the first line after `first`, the others
/// indented by `indent`.
fn push_hanging(out: &mut Vec<Line>, first: &Cell, indent: usize, value: &Cell, width: usize) {
    let pieces = wrap_lines(value.text(), width.saturating_sub(indent).max(1));
    for (i, piece) in pieces.into_iter().enumerate() {
        let mut line = Line::default();
        if i == 0 {
            first.push_piece_to(first.text(), &mut line);
        } else {
            line.pad(indent);
        }
        value.push_piece_to(piece, &mut line);
        line.trim_end();
        out.push(line);
    }
}

/// `   Header: value`, the value's wrapped lines aligned under its start.
/// A header ending in `?` or `:` takes no colon (`Retry? yes`).
fn push_labelled(out: &mut Vec<Line>, header: &Cell, value: &Cell, width: usize) {
    let mut label = one_line(header);
    let ends_as_a_label = header.text().ends_with(['?', ':']);
    label.push(if ends_as_a_label { " " } else { ": " }, Style::Plain);
    let indent = "   ";
    let label_width = indent.len() + text_width(label.text());
    if label_width * LONGEST_LABEL_SHARE <= width {
        push_hanging(
            out,
            &Cell::plain(indent).with_cell(&label),
            label_width,
            value,
            width,
        );
    } else {
        label.push_cell(value);
        push_hanging(out, &Cell::plain(indent), HANGING, &label, width);
    }
}

pub(super) fn text_width(text: &str) -> usize {
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
                "        method"
            ]
        );
    }

    #[test]
    fn styles_survive_wrapping_and_stacking() {
        let mut g = Grid::with_header(vec![
            Cell::new("Code", Style::Heading),
            Cell::new("Then", Style::Heading),
        ]);
        g.add_row(vec![
            Cell::code("404", Class(4)),
            Cell::plain("Location: /a/404/b ").with("later", Style::Dim),
        ]);
        let (wide, header) = g.layout(80);
        assert!(header);
        assert_eq!(
            wide[0].spans().collect::<Vec<_>>(),
            [
                (" ", Style::Plain),
                ("Code", Style::Heading),
                ("  ", Style::Plain),
                ("Then", Style::Heading)
            ]
        );
        assert_eq!(
            wide[2].spans().collect::<Vec<_>>(),
            [
                (" ", Style::Plain),
                ("404", Style::Code(Class(4))),
                ("   Location: /a/404/b ", Style::Plain),
                ("later", Style::Dim),
            ]
        );
        let (narrow, header) = g.layout(12);
        assert!(!header);
        let texts: Vec<&str> = narrow.iter().map(Line::text).collect();
        assert!(texts.iter().all(|t| t.chars().count() <= 12), "{texts:?}");
        assert_eq!(
            narrow[0].spans().nth(1),
            Some(("404", Style::Code(Class(4))))
        );
        let dim: Vec<(&str, Style)> = narrow
            .iter()
            .flat_map(Line::spans)
            .filter(|(_, s)| *s == Style::Dim)
            .collect();
        assert_eq!(dim, [("later", Style::Dim)]);
    }

    #[test]
    fn highlighting_marks_matched_words_only() {
        let cell = Cell::highlighting("Gateway Timeout, upstream", &["timeout"]);
        let runs: Vec<(&str, Style)> = cell.runs_in(0..cell.text().len()).collect();
        assert_eq!(
            runs,
            [
                ("Gateway ", Style::Plain),
                ("Timeout,", Style::Highlight),
                (" upstream", Style::Plain)
            ]
        );
    }

    #[test]
    fn stacked_cells_join_their_lines() {
        let joined = |text: &str| one_line(&Cell::plain(text)).text().to_string();
        assert_eq!(joined("200 OK\n204 No Content"), "200 OK · 204 No Content");
        assert_eq!(
            joined("No Response\n(nginx, unofficial)"),
            "No Response (nginx, unofficial)"
        );
    }

    #[test]
    fn words_longer_than_the_column_are_cut() {
        assert_eq!(wrap_lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap_lines("a\nb", 4), ["a", "b"]);
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
