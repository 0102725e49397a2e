//! Aligning a quote's words with a stretch of a source's words: every word
//! of the quote is matched, replaced or added; words of the source may be
//! left out — free where the quote marks the cut (an ellipsis, or a square
//! bracket standing for a few words), counted where it does not. The
//! stretch's ends are free: a quote may begin and end anywhere.

use std::ops::Range;

/// One item of a quote as aligned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A word: its key and its byte range in the quote.
    Word(u64, Range<usize>),
    /// A marked cut: an ellipsis (any number of words), or a bracket (a few).
    Gap { ellipsis: bool },
}

/// What the alignment did, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// Quote item `i` is source word `j`.
    Same(usize, usize),
    /// Quote item `i` stands where source word `j` does, and differs.
    Replaced(usize, usize),
    /// Quote item `i` is in no source word.
    Added(usize),
    /// Source word `j` is left out, unmarked.
    Left(usize),
    /// Source words `j` (a range) under a marked cut, quote item `i`.
    Cut(usize, Range<usize>),
}

/// Costs, in quarter words.
const REPLACE: u32 = 4;
const ADD: u32 = 4;
const LEAVE_OPEN: u32 = 3;
const LEAVE_MORE: u32 = 1;
/// The most source words a bracket stands for.
const BRACKET_WORDS: usize = 8;
const INF: u32 = u32::MAX / 4;

/// The best alignment of `items` with `source` (word keys), and its cost.
pub fn align(items: &[Item], source: &[u64]) -> (u32, Vec<Op>) {
    let (m, n) = (items.len(), source.len());
    let w = n + 1;
    // `keep[i][j]`: items ..i aligned, source ..j used, last step not a
    // left-out word; `left[i][j]`: the last step left out source word j-1.
    let mut keep = vec![INF; (m + 1) * w];
    let mut left = vec![INF; (m + 1) * w];
    // How each `keep` cell was reached: 0 same/replaced from keep, 1 from
    // left, 2 added from keep, 3 added from left, 4 a cut; `left` cells: 0
    // opened from keep, 1 went on.
    let mut keep_from = vec![0u8; (m + 1) * w];
    let mut left_from = vec![0u8; (m + 1) * w];
    keep[..w].fill(0);
    let best = |a: &[u32], b: &[u32], at: usize| a[at].min(b[at]);
    for i in 1..=m {
        let row = i * w;
        let up = (i - 1) * w;
        match &items[i - 1] {
            Item::Word(k, _) => {
                for j in 0..=n {
                    let mut cost = INF;
                    let mut from = 0;
                    if j >= 1 {
                        let step = if source[j - 1] == *k { 0 } else { REPLACE };
                        if keep[up + j - 1] + step < cost {
                            cost = keep[up + j - 1] + step;
                            from = 0;
                        }
                        if left[up + j - 1] + step < cost {
                            cost = left[up + j - 1] + step;
                            from = 1;
                        }
                    }
                    if keep[up + j] + ADD < cost {
                        cost = keep[up + j] + ADD;
                        from = 2;
                    }
                    if left[up + j] + ADD < cost {
                        cost = left[up + j] + ADD;
                        from = 3;
                    }
                    keep[row + j] = cost;
                    keep_from[row + j] = from;
                    // Leaving out source words after this item (not after
                    // the last: the end is free).
                    if i < m && j >= 1 {
                        let open = keep[row + j - 1] + LEAVE_OPEN;
                        let more = left[row + j - 1] + LEAVE_MORE;
                        if open <= more {
                            left[row + j] = open;
                            left_from[row + j] = 0;
                        } else {
                            left[row + j] = more;
                            left_from[row + j] = 1;
                        }
                    }
                }
            }
            Item::Gap { ellipsis } => {
                // An ellipsis reaches back to the start: a running minimum.
                let mut so_far = INF;
                for j in 0..=n {
                    let cost = if *ellipsis {
                        so_far = so_far.min(best(&keep, &left, up + j));
                        so_far
                    } else {
                        let lo = j.saturating_sub(BRACKET_WORDS);
                        (lo..=j)
                            .map(|x| best(&keep, &left, up + x))
                            .min()
                            .unwrap_or(INF)
                    };
                    keep[row + j] = cost;
                    keep_from[row + j] = 4;
                }
            }
        }
    }
    // The best end; the latest of equals (a word replaced at the end, not
    // added).
    let last = m * w;
    let Some((end, cost)) = (0..=n)
        .map(|j| (j, keep[last + j]))
        .min_by_key(|(j, c)| (*c, std::cmp::Reverse(*j)))
    else {
        return (INF, Vec::new());
    };
    // Back through the choices.
    let mut ops = Vec::new();
    let (mut i, mut j, mut in_left) = (m, end, false);
    while i > 0 {
        let at = i * w + j;
        if in_left {
            ops.push(Op::Left(j - 1));
            in_left = left_from[at] == 1;
            j -= 1;
            continue;
        }
        match keep_from[at] {
            0 | 1 => {
                let word = &items[i - 1];
                let same = matches!(word, Item::Word(k, _) if source[j - 1] == *k);
                ops.push(if same {
                    Op::Same(i - 1, j - 1)
                } else {
                    Op::Replaced(i - 1, j - 1)
                });
                in_left = keep_from[at] == 1;
                i -= 1;
                j -= 1;
            }
            2 | 3 => {
                ops.push(Op::Added(i - 1));
                in_left = keep_from[at] == 3;
                i -= 1;
            }
            _ => {
                let reach = match items[i - 1] {
                    Item::Gap { ellipsis: true } => j,
                    _ => BRACKET_WORDS.min(j),
                };
                let up = (i - 1) * w;
                let from = (j - reach..=j)
                    .rev()
                    .find(|&x| best(&keep, &left, up + x) == keep[at])
                    .unwrap_or(j);
                ops.push(Op::Cut(i - 1, from..j));
                in_left = left[up + from] < keep[up + from];
                i -= 1;
                j = from;
            }
        }
    }
    ops.reverse();
    (cost, ops)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(words: &str) -> Vec<Item> {
        words
            .split(' ')
            .map(|w| match w {
                "…" => Item::Gap { ellipsis: true },
                "[]" => Item::Gap { ellipsis: false },
                w => Item::Word(super::super::words::key(w), 0..0),
            })
            .collect()
    }

    fn keys(words: &str) -> Vec<u64> {
        words.split(' ').map(super::super::words::key).collect()
    }

    fn shape(ops: &[Op]) -> String {
        ops.iter()
            .map(|o| match o {
                Op::Same(..) => "=",
                Op::Replaced(..) => "~",
                Op::Added(_) => "+",
                Op::Left(_) => "-",
                Op::Cut(..) => "…",
            })
            .collect()
    }

    #[test]
    fn faithful_altered_and_cut_quotes() {
        let src = keys("well we will not close the library this year and that is a promise");
        let (c, ops) = align(&items("we will not close the library"), &src);
        assert_eq!((c, shape(&ops).as_str()), (0, "======"));
        let (_, ops) = align(&items("we will never close the library"), &src);
        assert_eq!(shape(&ops), "==~===");
        let (c, ops) = align(&items("we will not close the library … a promise"), &src);
        assert_eq!((c, shape(&ops).as_str()), (0, "======…=="));
        let (_, ops) = align(&items("we will not close the library a promise"), &src);
        assert_eq!(shape(&ops), "======-----==");
        let (c, ops) = align(&items("[] will not close the library"), &src);
        assert_eq!((c, shape(&ops).as_str()), (0, "…====="));
    }
}
