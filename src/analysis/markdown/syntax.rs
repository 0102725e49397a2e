//! Markdown in one paragraph: lines that open or close a code fence or
//! delimit front matter, and where HTML comments open and close.

/// A line that may open or close a fence, or delimit front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FenceLine {
    /// Index of the line in its paragraph.
    pub line: usize,
    pub kind: FenceKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FenceKind {
    /// A code fence: its character and length, and whether it has an info
    /// string (then it can only open, not close).
    Code { marker: u8, len: usize, info: bool },
    /// `---` or `+++` alone on a line.
    FrontMatter { marker: u8 },
}

/// Fence and front-matter lines among a paragraph's lines.
pub fn fence_lines(lines: &[&str]) -> Vec<FenceLine> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let trimmed_end = rest.trim_end();
        if indent == 0 && (trimmed_end == "---" || trimmed_end == "+++") {
            out.push(FenceLine {
                line: i,
                kind: FenceKind::FrontMatter {
                    marker: rest.as_bytes()[0],
                },
            });
        }
        if indent > 3 {
            continue;
        }
        for marker in [b'`', b'~'] {
            let len = rest.bytes().take_while(|&b| b == marker).count();
            if len >= 3 {
                let info = rest[len..].trim();
                if marker == b'`' && info.contains('`') {
                    continue;
                }
                out.push(FenceLine {
                    line: i,
                    kind: FenceKind::Code {
                        marker,
                        len,
                        info: !info.is_empty(),
                    },
                });
            }
        }
    }
    out
}

/// Where HTML comments open and close in a paragraph's text.
pub fn comment_marks(text: &str) -> Vec<(usize, bool)> {
    if !text.contains("<!--") && !text.contains("-->") {
        return Vec::new();
    }
    let mut out: Vec<(usize, bool)> = text
        .match_indices("<!--")
        .map(|(i, _)| (i, true))
        .chain(text.match_indices("-->").map(|(i, _)| (i, false)))
        .collect();
    out.sort_unstable();
    out
}
