//! The incremental invariant for edits that add or take out paragraphs (a
//! line break typed in a paragraph, two paragraphs joined, paragraphs
//! pasted, cut or moved) in long articles: the paragraphs after the edit
//! keep their facts under new indices, and the people, the attribution walk
//! and the findings are carried across. Each version's pass must equal one
//! from scratch; and a line break in the middle of a long article must be
//! handled around the edit, not by a whole pass.

use std::ops::Range;

use copydesk::analysis::{Language, ParagraphFacts, Reused, Scanner};
use copydesk::checks;
use copydesk::config::Config;
use copydesk::text::{diff, offset_to_position, Change, Document, PositionEncoding};
use proptest::prelude::*;

/// The test articles (`tests/corpus`) nine at a time, as one long article,
/// each also laid out a line a paragraph: quotes that run over paragraphs,
/// speakers named paragraphs earlier, names referred to again much later.
fn long_articles() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir("tests/corpus")
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read"))
        .collect();
    let blank: Vec<String> = texts.chunks(9).map(|g| g.join("\n\n")).collect();
    let lines: Vec<String> = blank.iter().map(|t| line_per_paragraph(t)).collect();
    blank.into_iter().chain(lines).collect()
}

/// An article laid out a line a paragraph, as Word and CMS exports save it.
fn line_per_paragraph(text: &str) -> String {
    copydesk::text::split_paragraphs(text)
        .into_iter()
        .map(|r| text[r].replace("\r\n", " ").replace('\n', " "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The start of the character at or before `i`.
fn boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// An article edited version by version, each pass checked against a fresh one.
struct Editing {
    config: Config,
    scanner: Scanner,
    doc: Document<ParagraphFacts>,
    pass: Option<checks::Pass>,
    version: i32,
}

impl Editing {
    fn of(text: &str) -> Self {
        let config = Config::default();
        let scanner = Scanner::new(&config);
        let doc = Document::new(text, 1, &scanner);
        let pass = checks::Pass::new(doc.index().paragraphs(), Language::PlainText, &config);
        Self {
            config,
            scanner,
            doc,
            pass: Some(pass),
            version: 1,
        }
    }

    fn text(&self) -> String {
        self.doc.text()
    }

    /// The paragraphs as the document lays them out.
    fn paragraphs(&self) -> Vec<Range<usize>> {
        self.doc
            .index()
            .paragraphs()
            .iter()
            .map(|p| p.range())
            .collect()
    }

    /// Replaces bytes `s..e` with `typed` (UTF-16 positions, as an editor
    /// sends them); the updated pass must equal a fresh one. How much the
    /// update reused.
    fn edit(&mut self, s: usize, e: usize, typed: &str) -> Result<Reused, TestCaseError> {
        let enc = PositionEncoding::Utf16;
        let pos = |at: usize| offset_to_position(self.doc.rope(), at, enc);
        let change = Change {
            range: Some((pos(s), pos(e))),
            text: typed.to_string(),
        };
        let earlier = self.doc.clone();
        self.version += 1;
        self.doc
            .apply_changes(self.version, &[change], enc, &self.scanner)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let paragraphs = self.doc.index().paragraphs();
        let language = Language::PlainText;
        let (pass, reused) = self.pass.take().expect("a pass").update(
            earlier.index().paragraphs(),
            paragraphs,
            &diff(&earlier, &self.doc),
            language,
            &self.config,
        );
        let fresh = checks::Pass::new(paragraphs, language, &self.config);
        prop_assert_eq!(&pass.findings, &fresh.findings, "findings ({:?})", reused);
        prop_assert_eq!(&pass.safe_edits, &fresh.safe_edits);
        let (a, b) = (
            pass.article(paragraphs, language),
            fresh.article(paragraphs, language),
        );
        let ((pa, aa), (pb, ab)) = (a.renumbered(), b.renumbered());
        prop_assert_eq!(&aa, &ab, "attribution ({:?})", reused);
        prop_assert_eq!(&pa, &pb, "people ({:?})", reused);
        self.pass = Some(pass);
        Ok(reused)
    }
}

/// One edit that adds or takes out paragraphs (or hides some in an HTML
/// comment): `op` picks which, `pick` the paragraph, `at` a place in it.
fn paragraph_edit(t: &mut Editing, op: usize, pick: usize, at: usize) -> Result<(), TestCaseError> {
    let paras = t.paragraphs();
    if paras.is_empty() {
        return Ok(());
    }
    let text = t.text();
    let sep = if text.contains("\n\n") { "\n\n" } else { "\n" };
    let i = pick % paras.len();
    let p = paras[i].clone();
    let next = paras.get(i + 1).cloned();
    // Someone the article names, to quote again.
    let surname = t
        .doc
        .index()
        .paragraphs()
        .iter()
        .flat_map(|p| p.facts.mentions.iter().filter(|m| !m.bare))
        .nth(pick % 7)
        .map_or("Kuleba".to_string(), |m| m.surname_text.clone());
    let inside = boundary(&text, p.start + at % (p.len() + 1));
    match op % 9 {
        // A paragraph hidden in an HTML comment (the marks typed one after
        // the other), or a comment opened and left open.
        7 => {
            t.edit(p.end, p.end, " -->")?;
            t.edit(p.start, p.start, "<!-- ").map(drop)
        }
        8 => t.edit(inside, inside, "<!-- ").map(drop),
        // A paragraph break typed inside a paragraph.
        0 => t.edit(inside, inside, sep).map(drop),
        // Enter, then Enter again (the first is a line break inside a
        // paragraph where a blank line parts them).
        1 => {
            t.edit(inside, inside, "\n")?;
            t.edit(inside + 1, inside + 1, "\n").map(drop)
        }
        // Two paragraphs joined (the break between them deleted).
        2 => match next {
            Some(q) => t.edit(p.end, q.start, " ").map(drop),
            None => Ok(()),
        },
        // Backspace at the start of a paragraph.
        3 if p.start > 0 => {
            let s = boundary(&text, p.start - 1);
            t.edit(s, p.start, "").map(drop)
        }
        // Three paragraphs pasted: a quote over two of them, and a pronoun
        // speaker, of someone named earlier.
        4 | 3 => {
            let pasted = format!(
                "“We will not stop now,” {surname} said.{sep}“It is a long road. We know that.{sep}\
                 “But we will get there,” he added.{sep}"
            );
            t.edit(p.start, p.start, &pasted).map(drop)
        }
        // A paragraph taken out.
        5 => {
            let end = next.map_or(p.end, |q| q.start);
            t.edit(p.start, end, "").map(drop)
        }
        // A paragraph cut and pasted further on.
        _ => {
            let end = next.map_or(p.end, |q| q.start);
            let cut = text[p.start..end].to_string();
            t.edit(p.start, end, "")?;
            let text = t.text();
            let to = boundary(&text, (p.start + at) % (text.len() + 1));
            let to = text[..to].rfind(sep).map_or(0, |k| k + sep.len());
            t.edit(to, to, &cut).map(drop)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, failure_persistence: Some(Box::new(prop::test_runner::FileFailurePersistence::WithSource("regressions"))), ..ProptestConfig::default() })]

    #[test]
    fn paragraphs_added_and_taken_out_equal_from_scratch(
        article in 0usize..64,
        edits in prop::collection::vec((0usize..9, 0usize..10_000, 0usize..100_000), 4..16),
    ) {
        let texts = long_articles();
        let mut t = Editing::of(&texts[article % texts.len()]);
        for (op, pick, at) in edits {
            paragraph_edit(&mut t, op, pick, at)?;
        }
    }
}

/// A line break typed, and taken out again, in the middle of a paragraph
/// at every tenth paragraph of each long article: each pass equals the
/// fresh one, and most are made around the edit (the attribution walk
/// resumed), not by a whole pass.
#[test]
fn line_breaks_in_long_articles_are_handled_around_the_edit() {
    let (mut typed, mut around) = (0, 0);
    for text in long_articles() {
        let sep = if text.contains("\n\n") { "\n\n" } else { "\n" };
        let mut t = Editing::of(&text);
        for i in (0..t.paragraphs().len()).step_by(10) {
            let p = t.paragraphs()[i].clone();
            let text = t.text();
            let Some(space) = text[p.clone()].find(". ") else {
                continue;
            };
            let at = p.start + space + 2;
            for (s, e, typed_text) in [(at, at, sep), (at, at + sep.len(), "")] {
                let reused = t.edit(s, e, typed_text).expect("same as fresh");
                typed += 1;
                around += usize::from(matches!(reused, Reused::Walk | Reused::Everything));
            }
        }
    }
    println!("of {typed} line breaks typed or taken out, {around} were handled around the edit");
    assert!(
        around * 10 >= typed * 7,
        "only {around} of {typed} line breaks were handled around the edit"
    );
}

/// Seventy paragraph breaks typed one after another through a long
/// article, then as many taken out: the name index renumbers its lists
/// lazily and now and then all at once; every pass equals the fresh one.
#[test]
fn many_paragraph_breaks_in_a_row_equal_from_scratch() {
    let text = &long_articles()[0];
    let sep = if text.contains("\n\n") { "\n\n" } else { "\n" };
    let mut t = Editing::of(text);
    let mut typed = Vec::new();
    for k in 0..70 {
        let paras = t.paragraphs();
        let p = paras[(k * 7) % paras.len()].clone();
        let text = t.text();
        let Some(space) = text[p.clone()].find(' ') else {
            continue;
        };
        let at = p.start + space + 1;
        t.edit(at, at, sep).expect("same as fresh");
        typed.push(at);
    }
    for at in typed.into_iter().rev() {
        t.edit(at, at + sep.len(), "").expect("same as fresh");
    }
    assert_eq!(t.text(), *text);
}
