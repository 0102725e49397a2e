//! The incremental invariant: for any sequence of edits, the document built
//! up edit by edit equals the document built from scratch from the final text
//! (same text, paragraphs, facts and findings), in UTF-16 and UTF-8.

use copydesk::analysis::{Article, Language, Scanner};
use copydesk::checks;
use copydesk::config::Config;
use copydesk::text::{Change, Document, LineCol, PositionEncoding};
use proptest::prelude::*;

/// Pieces that edits insert: terminators of every kind, CMS line separators,
/// NBSP, emoji (surrogate pairs), quotes, furniture and placeholders.
const PIECES: &[&str] = &[
    "a",
    " ",
    "said",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\r\n\r\n",
    "\u{2028}",
    "\u{a0}",
    "🎉",
    "é",
    "“",
    "”",
    "’",
    "Follow me on Twitter @desk",
    "READ MORE: Minister quits",
    "[REPORT]",
    "TK",
    "£XXm",
    "Advertisement",
    "Mr Blinken said",
    "```\n",
    "---\n",
    "(Picture: PA)",
];

/// Position of a byte offset, computed independently of ropey.
fn reference_position(text: &str, offset: usize, enc: PositionEncoding) -> LineCol {
    let mut line = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < offset {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let col = match enc {
        PositionEncoding::Utf8 => offset - line_start,
        PositionEncoding::Utf16 => text[line_start..offset].encode_utf16().count(),
    };
    LineCol::new(line, col as u32)
}

/// A char boundary near `pick`, never between "\r" and "\n" (no editor puts a cursor there).
fn boundary(text: &str, pick: usize) -> usize {
    let mut at = pick.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if at > 0 && text.as_bytes()[at - 1] == b'\r' && text.as_bytes().get(at) == Some(&b'\n') {
        at -= 1;
    }
    at
}

#[derive(Clone, Debug)]
struct EditSpec {
    start: usize,
    len: usize,
    pieces: Vec<usize>,
}

fn edit_spec() -> impl Strategy<Value = EditSpec> {
    (
        0usize..4000,
        prop_oneof![3 => 0usize..4, 2 => 0usize..60, 1 => 0usize..600],
        prop::collection::vec(0..PIECES.len(), 0..4),
    )
        .prop_map(|(start, len, pieces)| EditSpec { start, len, pieces })
}

fn initial_text() -> impl Strategy<Value = String> {
    prop::collection::vec(0..PIECES.len(), 0..120)
        .prop_map(|ix| ix.into_iter().map(|i| PIECES[i]).collect::<String>())
}

fn findings(
    doc: &Document<copydesk::analysis::ParagraphFacts>,
    config: &Config,
) -> Vec<checks::Finding> {
    let article = Article::new(doc.index().paragraphs(), Language::Markdown);
    checks::run(&article, config)
}

fn run_case(
    initial: String,
    steps: Vec<Vec<EditSpec>>,
    enc: PositionEncoding,
) -> Result<(), TestCaseError> {
    let config = Config::from_json(serde_json::json!({"placeholder": {"patterns": ["said"]}}))
        .expect("config");
    let scanner = Scanner::new(&config);
    let mut model = initial.clone();
    let mut doc = Document::new(&initial, 1, &scanner);
    for (v, step) in steps.into_iter().enumerate() {
        let mut changes = Vec::new();
        for spec in step {
            // Each change is relative to the text after the previous one.
            let s = boundary(&model, spec.start % (model.len() + 1));
            let e = boundary(&model, s + spec.len).max(s);
            let text: String = spec.pieces.iter().map(|&i| PIECES[i]).collect();
            changes.push(Change {
                range: Some((
                    reference_position(&model, s, enc),
                    reference_position(&model, e, enc),
                )),
                text: text.clone(),
            });
            model.replace_range(s..e, &text);
        }
        doc.apply_changes(v as i32 + 2, &changes, enc, &scanner)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(doc.text(), model.clone());
        let fresh = Document::new(&model, 0, &scanner);
        prop_assert_eq!(doc.index(), fresh.index());
        prop_assert_eq!(findings(&doc, &config), findings(&fresh, &config));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: Some(Box::new(prop::test_runner::FileFailurePersistence::WithSource("regressions"))), ..ProptestConfig::default() })]

    #[test]
    fn incremental_equals_from_scratch_utf16(initial in initial_text(), steps in prop::collection::vec(prop::collection::vec(edit_spec(), 1..4), 1..12)) {
        run_case(initial, steps, PositionEncoding::Utf16)?;
    }

    #[test]
    fn incremental_equals_from_scratch_utf8(initial in initial_text(), steps in prop::collection::vec(prop::collection::vec(edit_spec(), 1..4), 1..12)) {
        run_case(initial, steps, PositionEncoding::Utf8)?;
    }
}

#[test]
fn splitting_and_rejoining_a_crlf_pair() {
    // "\r" + "\n" typed separately become one terminator.
    let scanner = Scanner::default();
    let mut doc = Document::new("Copy.\r", 1, &scanner);
    let enc = PositionEncoding::Utf16;
    let at_end = LineCol::new(1, 0);
    doc.apply_changes(
        2,
        &[Change {
            range: Some((at_end, at_end)),
            text: "\nMore.".into(),
        }],
        enc,
        &scanner,
    )
    .expect("edit");
    assert_eq!(doc.text(), "Copy.\r\nMore.");
    assert_eq!(
        doc.index(),
        Document::new("Copy.\r\nMore.", 0, &scanner).index()
    );
    assert_eq!(doc.index().paragraphs().len(), 1);
}
