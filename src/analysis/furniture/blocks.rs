//! Furniture blocks put together across paragraphs from the lines' facts.

use super::{BoilerplateHit, BoilerplateKind, LineClass};

/// A line of a document: paragraph index and line index in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineRef {
    pub para: usize,
    pub line: usize,
}

/// A run of furniture lines of one kind, possibly over several paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// First and last line (inclusive).
    pub first: LineRef,
    pub last: LineRef,
    /// How many lines (a hard-wrapped paragraph counts as one).
    pub lines: usize,
    pub kind: BoilerplateKind,
}

/// The furniture blocks of the paragraphs, in order, from their lines'
/// facts: a heading takes the link-shaped lines right after it, and
/// neighbouring lines of one kind join, with no regard to where the copy
/// breaks its paragraphs (blank lines between furniture lines are not copy).
pub fn blocks<'a, I>(paragraphs: I) -> Vec<Block>
where
    I: IntoIterator<Item = (usize, &'a [BoilerplateHit])>,
{
    let mut out: Vec<Block> = Vec::new();
    // The flat line number of each block's last line, and whether the last
    // block is a heading's that still takes link lines.
    let mut last_flat = usize::MAX;
    let mut open = false;
    let mut base = 0usize;
    for (para, (line_count, hits)) in paragraphs.into_iter().enumerate() {
        for hit in hits {
            let flat = base + hit.line;
            let end = LineRef {
                para,
                line: hit.line + hit.span - 1,
            };
            let at = LineRef {
                para,
                line: hit.line,
            };
            let next = last_flat.wrapping_add(1) == flat;
            // A heading takes the link lines after it, but not a line that is
            // furniture of another kind on its own (`Advertisement`).
            let takes = matches!(
                hit.class,
                None | Some(LineClass::Line(BoilerplateKind::LinkTag))
            );
            if open && next && hit.link && takes {
                if let Some(b) = out.last_mut() {
                    b.last = end;
                    b.lines += 1;
                }
                last_flat = flat + hit.span - 1;
                continue;
            }
            open = false;
            let kind = match hit.class {
                None => continue,
                Some(LineClass::Heading) => {
                    open = true;
                    BoilerplateKind::LinkBlock
                }
                Some(LineClass::Line(kind)) => kind,
            };
            match out.last_mut() {
                Some(b) if b.kind == kind && next => {
                    b.last = end;
                    b.lines += 1;
                }
                _ => out.push(Block {
                    first: at,
                    last: end,
                    lines: 1,
                    kind,
                }),
            }
            last_flat = flat + hit.span - 1;
        }
        base += line_count;
    }
    out
}
