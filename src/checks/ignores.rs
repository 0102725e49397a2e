//! Applying the ignore comments (`crate::analysis::ignore`) to the findings
//! of a pass: what they silence is left out (with the safe edits of its
//! fixes, so `fix` leaves it alone too), and a comment that silenced
//! nothing is reported under `unused-ignore`.
//!
//! This runs on the findings of a whole pass, after the rules, and is a pure
//! function of them and of the comments: a pass updated after an edit and a
//! pass from scratch that agree on their findings agree on this too.

use crate::analysis::ignore::{self, DirectiveKind, Region};
use crate::analysis::{ArticleParts, ParagraphFacts};
use crate::config::Config;
use crate::rules::{self, unused_ignore, Edit, Finding, Fix};
use crate::text::Paragraphs;

/// Whether ignore comments are obeyed (`check --no-ignore` says no).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Ignoring {
    #[default]
    Obey,
    /// Every finding is shown and no comment is called unused.
    ShowAll,
}

/// The ignore comments of a pass, placed in the text.
pub fn regions(paragraphs: Paragraphs<'_, ParagraphFacts>, parts: &ArticleParts) -> Vec<Region> {
    let planned = parts.ignores();
    if planned.is_empty() {
        return Vec::new();
    }
    ignore::regions(paragraphs, planned)
}

/// The findings and safe edits a reader is shown: those the comments
/// silence left out, `unused-ignore` findings added (in order).
pub fn apply(
    regions: &[Region],
    findings: Vec<Finding>,
    safe_edits: Vec<Edit>,
    config: &Config,
) -> (Vec<Finding>, Vec<Edit>) {
    if regions.is_empty() {
        return (findings, safe_edits);
    }
    let mut used = vec![false; regions.len()];
    let mut shown = Vec::with_capacity(findings.len());
    let mut silenced_fixes: Vec<std::ops::Range<usize>> = Vec::new();
    for f in findings {
        let mut silenced = false;
        for (i, r) in regions.iter().enumerate() {
            if r.silences(f.code, f.range.start) {
                used[i] = true;
                silenced = true;
            }
        }
        if silenced {
            if f.fixes.iter().any(|x| x.safe) {
                silenced_fixes.push(f.range.clone());
            }
        } else {
            shown.push(f);
        }
    }
    let safe_edits = if silenced_fixes.is_empty() {
        safe_edits
    } else {
        safe_edits
            .into_iter()
            .filter(|e| {
                !silenced_fixes.iter().any(|r| {
                    (e.range.start < r.end && r.start < e.range.end) || r.contains(&e.range.start)
                })
            })
            .collect()
    };
    let info = &unused_ignore::INFO;
    if rules::enabled(config, info) {
        let severity = rules::severity(config, info);
        let mut unused: Vec<Finding> = regions
            .iter()
            .zip(&used)
            .filter_map(|(r, &used)| {
                let unknown: Vec<&str> = r
                    .codes
                    .iter()
                    .map(String::as_str)
                    .filter(|c| rules::find(c).is_none())
                    .collect();
                let message = if !unknown.is_empty() {
                    format!(
                        "This ignore comment names no rule copydesk knows ({}): correct the code or remove the comment",
                        unknown.join(", ")
                    )
                } else if used {
                    return None;
                } else if r.kind == DirectiveKind::Enable {
                    "This copydesk-enable ends no copydesk-disable: remove it".to_string()
                } else {
                    format!("This {} comment silences nothing: remove it", r.kind.word())
                };
                Some(Finding {
                    code: unused_ignore::CODE,
                    severity,
                    range: r.comment.clone(),
                    message,
                    fixes: vec![Fix {
                        title: "Remove this ignore comment".to_string(),
                        edits: vec![Edit {
                            range: r.removal.clone(),
                            new_text: String::new(),
                        }],
                        safe: false,
                    }],
                })
            })
            .collect();
        if !unused.is_empty() {
            unused.append(&mut shown);
            unused.sort_by_key(order);
            shown = unused;
        }
    }
    (shown, safe_edits)
}

/// How findings are ordered: by position, then code.
pub(super) fn order(f: &Finding) -> (usize, usize, &'static str) {
    (f.range.start, f.range.end, f.code)
}
