//! `boilerplate`: web furniture left in copy. Each finding removes its lines,
//! and the blank line they leave, so no double gap is left; the fix-all
//! removes every certain block at once with the same care. Probable
//! furniture (a caption beside a credit, a section label above the article)
//! is reported with its removal offered, never made without asking.

use std::ops::Range;

use super::rule::{Cx, Edit, Finding, Fix, Part, Rule, RuleInfo, Scope, Setting, SettingKind};
use crate::analysis::furniture::{blocks, reads, Confidence};
use crate::analysis::{Article, BoilerplateKind, ParagraphFacts};
use crate::config::Severity;

pub const CODE: &str = "boilerplate";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Article,
    summary: "Web furniture (link blocks, share prompts, credits) left in copy",
    explanation: "Copy pasted from a web page brings the page with it: `READ MORE:` and \
`DON’T MISS:` blocks with their link lines, headlines tagged `[REPORT]` or `[VIDEO]`, \
comment and share prompts, newsletter sign-ups, social follow lines, `Advertisement`, \
picture credits and captions, gallery counters, page labels (`Skip ad`, `Text size`, \
`Story continues below`), embedded posts' signatures, time stamps and copyright footers. \
A line is judged by its whole shape and its place, so body copy that starts like \
furniture (`Police said the source of the fire…`) is left alone, and dates, times, \
section breaks, list items and bylines in the article's own style are copy, as is a \
match or event's fact box above the copy (venue, a date with no year, kick-off).\n\n\
Certain furniture is a warning whose fix deletes it and the blank line it leaves; \
`copydesk fix` and the fix-all action apply it where it takes whole paragraphs, or \
whole lines no sentence runs across. Probable furniture (a caption next to a credit, \
a section name or a bare date above the article, a post's signature) says so in its \
message: its removal is offered, never made without asking.",
    bad: "The council will vote on Monday.\n\nREAD MORE:\nCouncil tax to rise by 5% [REPORT]\n\nFollow me on Twitter @jsmith",
    good: "The council will vote on Monday.",
    settings: &[Setting {
        key: "boilerplate.patterns",
        kind: SettingKind::Patterns,
        description: "Extra regular expressions: a line that matches is furniture (`^Sponsored by `).",
    }],
};

pub struct Boilerplate;

impl Rule for Boilerplate {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_, '_>, _part: Part<'_>, out: &mut Vec<Finding>) {
        check(cx.article, cx.severity, out);
    }

    fn fix_all(&self, cx: &Cx<'_, '_>) -> Vec<Edit> {
        remove_all(cx.article)
    }

    fn reads(&self, facts: &ParagraphFacts) -> bool {
        reads(&facts.boilerplate)
    }
}

/// The finding's message: what the lines are, how sure the rule is, and
/// whether `copydesk fix` (and the fix-all action) removes them.
fn message(kind: BoilerplateKind, confidence: Confidence, safe: bool) -> String {
    match (confidence, safe) {
        (Confidence::Certain, true) => {
            format!("{} (certain: `copydesk fix` removes it)", what(kind))
        }
        (Confidence::Certain, false) => format!(
            "{} (certain, but a sentence wraps across it: `copydesk fix` leaves it to you)",
            what(kind)
        ),
        (Confidence::Probable, _) => format!(
            "Probably {}: check it, and remove it if it is not copy (probable: `copydesk fix` leaves it)",
            probable(kind)
        ),
    }
}

/// What probable furniture of a kind probably is.
fn probable(kind: BoilerplateKind) -> &'static str {
    match kind {
        BoilerplateKind::Caption => "a picture caption (it stands next to a picture credit)",
        BoilerplateKind::PictureCredit => "a picture credit",
        BoilerplateKind::Embed => "an embedded post’s signature line (name, handle, date)",
        BoilerplateKind::Timestamp => "the web page's time stamp",
        BoilerplateKind::PageChrome => {
            "web page navigation (a section name, label or count around the article)"
        }
        BoilerplateKind::LinkBlock | BoilerplateKind::LinkTag => "a link to another story",
        _ => "web furniture",
    }
}

/// What certain furniture of a kind is, and the fix.
fn what(kind: BoilerplateKind) -> &'static str {
    match kind {
        BoilerplateKind::LinkBlock => {
            "Web link block (a ‘READ MORE’-style heading and its links) left in copy: remove it"
        }
        BoilerplateKind::LinkTag => {
            "Web link line with a tag like ‘[REPORT]’ left in copy: remove it"
        }
        BoilerplateKind::CommentPrompt => "Comment prompt is web furniture: remove it",
        BoilerplateKind::ContactPrompt => {
            "Call for readers’ stories or contact details is web furniture: remove it"
        }
        BoilerplateKind::SharePrompt => "Share prompt is web furniture: remove it",
        BoilerplateKind::Newsletter => "Newsletter sign-up is web furniture: remove it",
        BoilerplateKind::SocialFollow => "Social media follow line is web furniture: remove it",
        BoilerplateKind::Advertisement => "Advertisement marker left in copy: remove it",
        BoilerplateKind::PictureCredit => "Picture credit or caption left in copy: remove it",
        BoilerplateKind::Caption => "Picture caption left in copy: remove it",
        BoilerplateKind::Embed => "Embedded post’s signature line left in copy: remove it",
        BoilerplateKind::SourceLine => "Source link line left in copy: remove it",
        BoilerplateKind::ClickHere => "‘Click here’ only works on the web: remove the line",
        BoilerplateKind::Timestamp => "Web page time stamp left in copy: remove it",
        BoilerplateKind::PageChrome => {
            "Web page controls, labels or promotion left in copy: remove the line"
        }
        BoilerplateKind::Copyright => "Copyright footer left in copy: remove it",
        BoilerplateKind::Custom => {
            "Line matches a boilerplate pattern in the configuration: remove it"
        }
    }
}

/// Furniture lines of one paragraph to remove.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Segment {
    para: usize,
    lines: Range<usize>,
}

/// A furniture block as the paragraphs of one article hold it.
struct Found {
    kind: BoilerplateKind,
    confidence: Confidence,
    range: Range<usize>,
    lines: usize,
    segments: Vec<Segment>,
}

/// Every furniture block that is copy (not in Markdown code), in order.
fn found(article: &Article<'_>) -> Vec<Found> {
    let paras = article.paragraphs;
    let facts = paras
        .iter()
        .map(|p| (p.facts.lines.len(), p.facts.boilerplate.as_slice()));
    blocks(facts)
        .into_iter()
        .filter(|b| article.is_copy(article.line_range(b.first.para, b.first.line).start))
        .map(|b| {
            let range = article.line_range(b.first.para, b.first.line).start
                ..article.line_range(b.last.para, b.last.line).end;
            let segments = (b.first.para..=b.last.para)
                .map(|para| {
                    let from = if para == b.first.para {
                        b.first.line
                    } else {
                        0
                    };
                    let to = if para == b.last.para {
                        b.last.line + 1
                    } else {
                        paras.at(para).facts.lines.len()
                    };
                    Segment {
                        para,
                        lines: from..to,
                    }
                })
                .collect();
            Found {
                kind: b.kind,
                confidence: b.confidence,
                range,
                lines: b.lines,
                segments,
            }
        })
        .collect()
}

fn check(article: &Article<'_>, severity: Severity, out: &mut Vec<Finding>) {
    for block in found(article) {
        let n = block.lines;
        let title = if n == 1 {
            "Remove this boilerplate line".to_string()
        } else {
            format!("Remove this boilerplate block ({n} lines)")
        };
        let safe =
            block.confidence == Confidence::Certain && safe_to_remove(article, &block.segments);
        out.push(Finding {
            code: CODE,
            severity,
            range: block.range,
            message: message(block.kind, block.confidence, safe),
            fixes: vec![Fix {
                title,
                edits: removal_edits(article, &block.segments),
                safe,
            }],
        });
    }
}

/// Edits removing every certain furniture block in the article that is
/// safe to remove without asking ([`safe_to_remove`]).
pub fn remove_all(article: &Article<'_>) -> Vec<Edit> {
    let all: Vec<Segment> = found(article)
        .into_iter()
        .filter(|b| b.confidence == Confidence::Certain && safe_to_remove(article, &b.segments))
        .flat_map(|b| b.segments)
        .collect();
    removal_edits(article, &all)
}

/// Edits that delete paragraph `para` and the blank line it leaves.
pub(crate) fn remove_paragraph(article: &Article<'_>, para: usize) -> Vec<Edit> {
    let lines = article.paragraphs.at(para).facts.lines.len();
    removal_edits(
        article,
        &[Segment {
            para,
            lines: 0..lines,
        }],
    )
}

/// Whether removing these lines takes whole paragraphs, or whole lines that
/// are no part of a sentence wrapped over the lines around them: a line
/// inside a paragraph is removed without asking only when the line before
/// it ends a sentence and the line after it does not carry on its last.
fn safe_to_remove(article: &Article<'_>, segments: &[Segment]) -> bool {
    segments.iter().all(|s| {
        let shapes = &article.paragraphs.at(s.para).facts.shapes;
        let count = shapes.len();
        if s.lines.start == 0 && s.lines.end >= count {
            return true;
        }
        let before_ok = s.lines.start == 0 || shapes[s.lines.start - 1].ends_sentence();
        let after_ok =
            s.lines.end >= count || !shapes[s.lines.end - 1].continues_into(shapes[s.lines.end]);
        before_ok && after_ok
    })
}

/// What to delete: runs of whole paragraphs, or some lines of one paragraph.
enum Unit {
    Paragraphs(Range<usize>),
    Lines(usize, Range<usize>),
}

/// Edits that delete `segments` (ordered) and leave the blank-line
/// structure as if they had never been there.
fn removal_edits(article: &Article<'_>, segments: &[Segment]) -> Vec<Edit> {
    let paras = article.paragraphs;
    // Merge the segments of each paragraph; whole paragraphs join into runs.
    let mut units: Vec<Unit> = Vec::new();
    let mut i = 0;
    while i < segments.len() {
        let para = segments[i].para;
        let mut lines: Vec<Range<usize>> = Vec::new();
        while i < segments.len() && segments[i].para == para {
            let b = &segments[i].lines;
            match lines.last_mut() {
                Some(last) if b.start <= last.end => last.end = last.end.max(b.end),
                _ => lines.push(b.clone()),
            }
            i += 1;
        }
        let line_count = paras.at(para).facts.lines.len();
        for l in lines {
            if l.start == 0 && l.end >= line_count {
                match units.last_mut() {
                    Some(Unit::Paragraphs(run)) if run.end == para => run.end = para + 1,
                    _ => units.push(Unit::Paragraphs(para..para + 1)),
                }
            } else {
                units.push(Unit::Lines(para, l));
            }
        }
    }
    let mut edits: Vec<Edit> = units
        .into_iter()
        .map(|u| {
            let range = match u {
                Unit::Paragraphs(run) => {
                    if run.end < paras.len() {
                        paras.at(run.start).start..paras.at(run.end).start
                    } else if run.start > 0 {
                        paras.at(run.start - 1).end()..paras.at(run.end - 1).end()
                    } else {
                        paras.at(run.start).start..paras.at(run.end - 1).end()
                    }
                }
                Unit::Lines(para, l) => {
                    if l.end < paras.at(para).facts.lines.len() {
                        article.line_range(para, l.start).start
                            ..article.line_range(para, l.end).start
                    } else {
                        article.line_range(para, l.start - 1).end
                            ..article.line_range(para, l.end - 1).end
                    }
                }
            };
            Edit {
                range,
                new_text: String::new(),
            }
        })
        .collect();
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    // Join touching deletions so the edits are disjoint.
    let mut merged: Vec<Edit> = Vec::with_capacity(edits.len());
    for e in edits {
        match merged.last_mut() {
            Some(last) if e.range.start <= last.range.end => {
                last.range.end = last.range.end.max(e.range.end)
            }
            _ => merged.push(e),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use crate::analysis::Language;
    use crate::checks::check_text;
    use crate::config::Config;
    use crate::rules::apply_edits;

    fn config() -> Config {
        // A configured pattern, so these tests exercise removal whatever the built-in shapes are.
        Config::from_json(serde_json::json!({"boilerplate": {"patterns": ["^FURNITURE"]}})).unwrap()
    }

    fn fix_one(text: &str, n: usize) -> String {
        let checked = check_text(text, Language::PlainText, &config());
        let f = checked
            .findings
            .iter()
            .filter(|f| f.code == "boilerplate")
            .nth(n)
            .expect("finding");
        apply_edits(text, &f.fixes[0].edits)
    }

    fn fix_all(text: &str) -> String {
        let checked = check_text(text, Language::PlainText, &config());
        apply_edits(text, &checked.safe_edits)
    }

    #[test]
    fn removing_a_paragraph_leaves_one_gap() {
        let text = "First par.\r\n\r\nFURNITURE one\r\n\r\nSecond par.\r\n";
        assert_eq!(fix_one(text, 0), "First par.\r\n\r\nSecond par.\r\n");
    }

    #[test]
    fn removing_the_last_paragraph_keeps_the_final_newline() {
        assert_eq!(fix_one("Copy.\n\nFURNITURE end\n", 0), "Copy.\n");
        assert_eq!(fix_one("FURNITURE top\n\nCopy.\n", 0), "Copy.\n");
    }

    #[test]
    fn removing_lines_inside_a_paragraph() {
        assert_eq!(
            fix_one("Copy line.\nFURNITURE mid\nMore copy.\n", 0),
            "Copy line.\nMore copy.\n"
        );
        assert_eq!(
            fix_one("Copy line.\nFURNITURE tail\n\nNext.\n", 0),
            "Copy line.\n\nNext.\n"
        );
    }

    #[test]
    fn remove_all_handles_neighbouring_blocks() {
        let text = "Copy.\n\nFURNITURE a\n\nFURNITURE b\nFURNITURE c\n\nMore.\nFURNITURE d\n\nFURNITURE e\n";
        assert_eq!(fix_all(text), "Copy.\n\nMore.\n");
    }
}
