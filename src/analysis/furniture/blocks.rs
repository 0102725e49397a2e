//! The furniture judge: lines in their place, put together into blocks
//! across paragraphs from the lines' facts.
//!
//! Every line the scanner listed is an entry; the lines it did not list are
//! body copy. A verdict reads an entry, the entries next to it and the body
//! line (or the document's edge) on each side of a run of entries, never
//! further: that keeps an edit's effect within a paragraph of a paragraph
//! the rule reads ([`super::reads`]).

use super::types::{BoilerplateHit, BoilerplateKind, Confidence, Cues, LineClass};

/// A line of a document: paragraph index and line index in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineRef {
    pub para: usize,
    pub line: usize,
}

/// A run of furniture lines of one kind and confidence, possibly over
/// several paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// First and last line (inclusive).
    pub first: LineRef,
    pub last: LineRef,
    /// How many lines (a hard-wrapped paragraph counts as one).
    pub lines: usize,
    pub kind: BoilerplateKind,
    pub confidence: Confidence,
}

/// A listed line, with where it is among all the document's lines.
struct Entry<'a> {
    hit: &'a BoilerplateHit,
    at: LineRef,
    end: LineRef,
    /// Its first and last line counted over the whole document.
    flat: usize,
    flat_end: usize,
}

impl Entry<'_> {
    fn has(&self, c: Cues) -> bool {
        self.hit.cues.has(c)
    }
}

/// What the judge makes of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Verdict {
    kind: BoilerplateKind,
    confidence: Confidence,
}

const fn verdict(kind: BoilerplateKind, confidence: Confidence) -> Option<Verdict> {
    Some(Verdict { kind, confidence })
}

/// The entries of the paragraphs and the number of lines in all.
fn flatten<'a, I>(paragraphs: I) -> (Vec<Entry<'a>>, usize)
where
    I: IntoIterator<Item = (usize, &'a [BoilerplateHit])>,
{
    let mut out = Vec::new();
    let mut base = 0usize;
    for (para, (line_count, hits)) in paragraphs.into_iter().enumerate() {
        for hit in hits {
            let last = hit.line + hit.span.max(1) - 1;
            out.push(Entry {
                hit,
                at: LineRef {
                    para,
                    line: hit.line,
                },
                end: LineRef { para, line: last },
                flat: base + hit.line,
                flat_end: base + last,
            });
        }
        base += line_count;
    }
    (out, base)
}

/// The furniture blocks of the paragraphs (each a line count and its
/// lines' facts), in order.
pub fn blocks<'a, I>(paragraphs: I) -> Vec<Block>
where
    I: IntoIterator<Item = (usize, &'a [BoilerplateHit])>,
{
    let (entries, total) = flatten(paragraphs);
    let mut v: Vec<Option<Verdict>> = entries.iter().map(|e| own(e.hit)).collect();
    link_blocks(&entries, &mut v);
    captions(&entries, &mut v);
    places(&entries, total, &mut v);
    headline_runs(&entries, total, &mut v);
    join(&entries, &v)
}

/// What a line is on its own.
fn own(hit: &BoilerplateHit) -> Option<Verdict> {
    match hit.class? {
        LineClass::Heading => verdict(BoilerplateKind::LinkBlock, Confidence::Certain),
        LineClass::Line(kind, confidence) => verdict(kind, confidence),
    }
}

/// Whether entry `j` is the line right after entry `i`.
fn next_to(entries: &[Entry<'_>], i: usize, j: usize) -> bool {
    entries[j].flat == entries[i].flat_end + 1
}

/// A heading takes the link lines right after it (and the kickers, section
/// names, dates and bylines that go with them), but not a line that is
/// furniture of another kind on its own (`Advertisement`).
fn link_blocks(entries: &[Entry<'_>], v: &mut [Option<Verdict>]) {
    let mut i = 0;
    while i < entries.len() {
        if entries[i].hit.class != Some(LineClass::Heading) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < entries.len() && next_to(entries, j - 1, j) {
            let e = &entries[j];
            let takes = matches!(
                e.hit.class,
                None | Some(LineClass::Line(BoilerplateKind::LinkTag, _))
            );
            // A kicker, a section name, a date or a count goes with the link
            // line after it (`RANDY ANDY` over a headline), never alone.
            let with_next = e
                .hit
                .cues
                .any(Cues::KICKER | Cues::SECTION | Cues::STAMP | Cues::NUMBER | Cues::SHORT)
                && j + 1 < entries.len()
                && next_to(entries, j, j + 1)
                && entries[j + 1].hit.link;
            // A line in capitals right after links may be the article's next
            // subhead (`WHAT YOU NEED`): taken only over another link.
            let link = e.hit.link && !e.has(Cues::KICKER);
            if !(takes && (link || with_next)) {
                break;
            }
            v[j] = verdict(BoilerplateKind::LinkBlock, Confidence::Certain);
            j += 1;
        }
        i = j;
    }
}

/// The line just before a credit that is only a credit is its caption,
/// probably: a short sentence (or a line of no sentence) that is not the
/// document's first line, a byline or a date.
fn captions(entries: &[Entry<'_>], v: &mut [Option<Verdict>]) {
    for i in 1..entries.len() {
        let credit = matches!(
            v[i],
            Some(Verdict {
                kind: BoilerplateKind::PictureCredit,
                ..
            })
        );
        if !(credit && entries[i].has(Cues::CREDIT) && next_to(entries, i - 1, i)) {
            continue;
        }
        let c = &entries[i - 1];
        // A caption's shape: no quote, no speech verb, not opening as body
        // copy does (`He did not elaborate.`).
        let shaped = c.has(Cues::CAPTION)
            && !c
                .hit
                .cues
                .any(Cues::BYLINE | Cues::STAMP | Cues::SHORT | Cues::CREDIT);
        if v[i - 1].is_none() && shaped && c.flat > 0 {
            v[i - 1] = verdict(BoilerplateKind::Caption, Confidence::Probable);
        }
    }
}

/// Where a run of entries stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// From the document's first line: the page's furniture above the article.
    Top,
    /// To the document's last line: the page's furniture below it.
    Bottom,
    /// Between lines of body copy.
    Between,
}

/// The runs of neighbouring signal entries, with where each stands.
fn runs(entries: &[Entry<'_>], total: usize) -> Vec<(std::ops::Range<usize>, Place)> {
    let signal = |i: usize| entries[i].hit.is_signal();
    let mut out = Vec::new();
    let mut i = 0;
    while i < entries.len() {
        if !signal(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < entries.len() && next_to(entries, end - 1, end) && signal(end) {
            end += 1;
        }
        let place = if entries[start].flat == 0 {
            Place::Top
        } else if entries[end - 1].flat_end + 1 == total {
            Place::Bottom
        } else {
            Place::Between
        };
        out.push((start..end, place));
        i = end;
    }
    out
}

/// How far from the document's edge (in lines) the page's own furniture
/// is looked for: a run of short lines that goes on past it is copy (a
/// list, a table).
const EDGE: usize = 15;

/// Lines judged by where they stand: above the article, a bare date is the
/// page's time stamp and a section name, count or short label its
/// navigation; below it, a label over tags takes the tags, and a name next
/// to other furniture is the author box; anywhere, a button, a section name
/// or a count next to other furniture goes with it, and a section name over
/// a headline is a link to another story.
fn places(entries: &[Entry<'_>], total: usize, v: &mut [Option<Verdict>]) {
    for (run, place) in runs(entries, total) {
        let mut tags = false;
        // Short lines over the copy around a date with no year (`Griffin
        // Park`, `Tuesday, 1 March`, `1945 GMT`, `Barry Knight (Kent)`): a
        // fact box of the copy's own, not the page's navigation.
        let fact_box = place == Place::Top && run.clone().any(|j| entries[j].has(Cues::DAY));
        for i in run.clone() {
            let e = &entries[i];
            let place = match place {
                Place::Top if e.flat >= EDGE => Place::Between,
                Place::Bottom if total - e.flat_end > EDGE => Place::Between,
                p => p,
            };
            if v[i].is_some() {
                tags = e.has(Cues::TAGS);
                continue;
            }
            let furniture = |j: usize| {
                run.contains(&j)
                    && (v[j].is_some()
                        || entries[j].hit.cues.any(Cues::BUTTON | Cues::SHARE_BUTTON))
            };
            let beside = (i > 0 && furniture(i - 1)) || furniture(i + 1);
            v[i] = judge(e, place, tags, beside, fact_box);
            // `Business` over a headline between paragraphs: a related story.
            let card = e.has(Cues::SECTION)
                && run.contains(&(i + 1))
                && v[i + 1].is_none()
                && entries[i + 1].hit.link
                && !entries[i + 1].has(Cues::BYLINE);
            if v[i].is_none() && card {
                v[i] = verdict(BoilerplateKind::PageChrome, Confidence::Probable);
                v[i + 1] = verdict(BoilerplateKind::LinkBlock, Confidence::Probable);
            }
            tags &= v[i].is_some();
        }
    }
}

/// Headlines of other stories: three or more headline-shaped lines in a
/// row between paragraphs (subheads come one at a time), two or more that
/// end the document, or one in capitals ([`Cues::SHOUTED`]), are links to
/// other stories, probably; not above
/// the article (its own headline and standfirst), nor after a lead-in
/// (`Here are the highlights:`) or a subhead, whose list they are, nor when
/// they read as the rows of a list ([`listed`]).
fn headline_runs(entries: &[Entry<'_>], total: usize, v: &mut [Option<Verdict>]) {
    let head = |i: usize, v: &[Option<Verdict>]| {
        entries[i].has(Cues::HEADLINE) && v[i].is_none_or(|x| x.kind == BoilerplateKind::LinkBlock)
    };
    for (run, place) in runs(entries, total) {
        let mut i = run.start;
        while i < run.end {
            if !head(i, v) {
                i += 1;
                continue;
            }
            let start = i;
            while i < run.end && head(i, v) {
                i += 1;
            }
            let top = place == Place::Top && entries[start].flat < EDGE;
            let at_end = entries[i - 1].flat_end + 1 == total;
            // After a lead-in (`Here are the highlights:`) or a subhead of
            // the copy's own (`Post-workout meal`), a list of the copy.
            let lead = start > 0
                && next_to(entries, start - 1, start)
                && (entries[start - 1].has(Cues::LEAD)
                    || (v[start - 1].is_none()
                        && entries[start - 1].hit.cues.any(Cues::SHORT | Cues::KICKER)));
            let n = i - start;
            let shouted = entries[start..i].iter().all(|e| e.has(Cues::SHOUTED));
            let enough = n >= 3 || (n >= 2 && at_end) || shouted;
            if top || lead || !enough || listed(&entries[start..i]) {
                continue;
            }
            for x in &mut v[start..i] {
                if x.is_none() {
                    *x = verdict(BoilerplateKind::LinkBlock, Confidence::Probable);
                }
            }
        }
    }
}

/// Whether a run of headline-shaped lines reads as the rows of a list or a
/// table in the copy: each with a figure (and not in title case, as `11
/// Fascinating Facts About Our Galaxy` is), most with a label and a colon
/// or a note in brackets (`Doc Martin (Buffalo Productions, ITV1)`), or
/// half with a date (a tour's dates and places).
fn listed(run: &[Entry<'_>]) -> bool {
    let count = |f: &dyn Fn(&Entry<'_>) -> bool| run.iter().filter(|e| f(e)).count();
    let n = run.len();
    let figures = count(&|e| e.has(Cues::FIGURE) && !e.has(Cues::TITLE));
    let colons = count(&|e| e.has(Cues::COLON));
    let dated = count(&|e| e.has(Cues::DATED));
    let noted = count(&|e| e.has(Cues::NOTED));
    figures == n || colons * 3 >= n * 2 || dated * 2 >= n || noted * 3 >= n * 2
}

/// What a line with no verdict of its own is where it stands.
fn judge(e: &Entry<'_>, place: Place, tags: bool, beside: bool, fact_box: bool) -> Option<Verdict> {
    use BoilerplateKind::*;
    use Confidence::*;
    let label = e.hit.cues.any(Cues::SECTION | Cues::NUMBER);
    let button = if e.has(Cues::SHARE_BUTTON) {
        Some(SharePrompt)
    } else if e.has(Cues::BUTTON) {
        Some(PageChrome)
    } else {
        None
    };
    if let Some(kind) = button {
        return match place {
            _ if beside => verdict(kind, Certain),
            Place::Top | Place::Bottom => verdict(kind, Probable),
            Place::Between => None,
        };
    }
    match place {
        Place::Top if e.has(Cues::STAMP) => verdict(Timestamp, Certain),
        Place::Top if label => verdict(PageChrome, Probable),
        Place::Top if e.has(Cues::SHORT) && !e.has(Cues::BYLINE) && e.flat > 0 && !fact_box => {
            verdict(PageChrome, Probable)
        }
        Place::Bottom if tags && e.has(Cues::TEXT) && !e.has(Cues::BYLINE) => {
            verdict(PageChrome, Certain)
        }
        // (A figure alone after the copy's last line, with no furniture
        // beside it, is the copy's own: a match report's attendance.)
        Place::Bottom if e.has(Cues::SECTION) || label && beside => verdict(PageChrome, Probable),
        Place::Bottom if beside && e.has(Cues::BYLINE) => verdict(PageChrome, Probable),
        _ if label && beside => verdict(PageChrome, Probable),
        _ => None,
    }
}

/// Neighbouring entries of one kind and confidence join into one block.
fn join(entries: &[Entry<'_>], v: &[Option<Verdict>]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut last: Option<usize> = None;
    for (i, (e, verdict)) in entries.iter().zip(v).enumerate() {
        let Some(verdict) = verdict else {
            continue;
        };
        let next = last.is_some_and(|l| next_to(entries, l, i));
        match out.last_mut() {
            Some(b) if next && b.kind == verdict.kind && b.confidence == verdict.confidence => {
                b.last = e.end;
                b.lines += 1;
            }
            _ => out.push(Block {
                first: e.at,
                last: e.end,
                lines: 1,
                kind: verdict.kind,
                confidence: verdict.confidence,
            }),
        }
        last = Some(i);
    }
    out
}
