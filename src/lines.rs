//! The one line reader for input from outside, used by stdin mode and by
//! `stats`: chunks in, lines out, in bounded memory. A line longer than the
//! bound is cut to its first `max` bytes wherever the chunk boundaries fall,
//! so a file, a pipe and a gzip of the same bytes give the same lines.

use std::io::{self, Read};

/// Cuts chunks into lines (without the `\n`), joining a line that spans
/// chunks. Each line comes with whether it was cut.
#[derive(Debug)]
pub struct LineSplitter {
    max: usize,
    /// The start of a line that continues into the next chunk.
    carry: Vec<u8>,
    /// The current line outgrew `max`: the rest of it is dropped.
    cut: bool,
}

impl LineSplitter {
    /// Lines are kept up to `max` bytes.
    pub fn new(max: usize) -> LineSplitter {
        LineSplitter {
            max,
            carry: Vec::new(),
            cut: false,
        }
    }

    /// Calls `line` for every line that ends in `data`; the start of an
    /// unfinished one waits for the next call.
    pub fn feed(&mut self, data: &[u8], mut line: impl FnMut(&[u8], bool)) {
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', data) {
            let piece = &data[start..end];
            if self.carry.is_empty() && !self.cut {
                // The common case: the whole line is in this chunk.
                if piece.len() <= self.max {
                    line(piece, false);
                } else {
                    line(&piece[..self.max], true);
                }
            } else {
                self.keep(piece);
                line(&self.carry, self.cut);
                self.carry.clear();
                self.cut = false;
            }
            start = end + 1;
        }
        self.keep(&data[start..]);
    }

    /// The last line, when the input does not end with a newline.
    pub fn finish(self, mut line: impl FnMut(&[u8], bool)) {
        if !self.carry.is_empty() || self.cut {
            line(&self.carry, self.cut);
        }
    }

    fn keep(&mut self, piece: &[u8]) {
        let room = self.max - self.carry.len();
        if piece.len() > room {
            self.cut = true;
        }
        self.carry
            .extend_from_slice(&piece[..piece.len().min(room)]);
    }
}

/// Reads `input` to the end in chunks of `chunk` bytes, handing each line
/// to `line`, which may stop the reading with an error (a closed output).
pub fn for_each_line(
    mut input: impl Read,
    max: usize,
    chunk: usize,
    mut line: impl FnMut(&[u8], bool) -> io::Result<()>,
) -> io::Result<()> {
    let mut lines = LineSplitter::new(max);
    let mut buffer = vec![0u8; chunk];
    let mut failed = Ok(());
    loop {
        let n = match input.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        lines.feed(&buffer[..n], |text, cut| {
            if failed.is_ok() {
                failed = line(text, cut);
            }
        });
        failed?;
        failed = Ok(());
    }
    lines.finish(|text, cut| failed = line(text, cut));
    failed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of `data` fed in chunks of `size`.
    fn split(data: &[u8], max: usize, size: usize) -> Vec<(Vec<u8>, bool)> {
        let mut lines = LineSplitter::new(max);
        let mut out = Vec::new();
        for chunk in data.chunks(size) {
            lines.feed(chunk, |l, cut| out.push((l.to_vec(), cut)));
        }
        lines.finish(|l, cut| out.push((l.to_vec(), cut)));
        out
    }

    #[test]
    fn chunk_boundaries_do_not_change_the_lines() {
        let mut data = Vec::new();
        for len in [0, 1, 5, 9, 10, 11, 30, 3, 0, 7] {
            data.extend(std::iter::repeat_n(b'a' + len as u8 % 26, len));
            data.push(b'\n');
        }
        data.extend_from_slice(b"tail without newline");
        let whole = split(&data, 10, data.len());
        for size in 1..data.len() {
            assert_eq!(split(&data, 10, size), whole, "chunks of {size}");
        }
        assert_eq!(whole.len(), 11);
        assert_eq!(whole[4], (vec![b'k'; 10], false), "exactly max is whole");
        assert_eq!(whole[5], (vec![b'l'; 10], true), "one over is cut");
        assert_eq!(whole[6], (vec![b'e'; 10], true));
        assert_eq!(whole[10], (b"tail witho".to_vec(), true));
    }

    #[test]
    fn a_reader_sees_the_same_lines() {
        let data = b"one\ntwo\n\nthree";
        let mut seen = Vec::new();
        for_each_line(&data[..], 100, 2, |l, _| {
            seen.push(String::from_utf8(l.to_vec()).unwrap());
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, ["one", "two", "", "three"]);
    }

    #[test]
    fn the_callback_can_stop_the_reading() {
        let data = b"1\n2\n3\n";
        let mut seen = 0;
        let result = for_each_line(&data[..], 100, 1, |_, _| {
            seen += 1;
            Err(io::Error::from(io::ErrorKind::BrokenPipe))
        });
        assert!(result.is_err());
        assert_eq!(seen, 1);
    }
}
