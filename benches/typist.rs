//! A keystroke and its undo, typed alternately into a document as the
//! language server analyses them: apply the edit, find the splice from the
//! previous version, update the previous version's pass in place. Shared by
//! the `engine` and `sources` benchmarks.

use std::sync::Arc;

use copydesk::analysis::sources::SourceSet;
use copydesk::analysis::{Language, ParagraphFacts, Reused, Scanner};
use copydesk::checks::Pass;
use copydesk::config::Config;
use copydesk::text::{diff, offset_to_position, Change, Document, LineCol, PositionEncoding};

pub struct Typist {
    doc: Document<ParagraphFacts>,
    pass: Option<Pass>,
    insert: [Change; 1],
    delete: [Change; 1],
    typed: bool,
    /// Type a text never typed before (`x1`, `x2`, …) rather than `x`: the
    /// quote's words are new at every insertion, as when typing for real,
    /// so they are aligned again.
    pub fresh: bool,
    count: u64,
    /// How much of the pass the last keystroke reused.
    pub reused: Option<Reused>,
}

impl Typist {
    /// `text` opened, its pass made against `sources`, ready to type `x`
    /// at byte `at`.
    pub fn new(
        text: &str,
        at: usize,
        scanner: &Scanner,
        config: &Config,
        sources: Arc<SourceSet>,
    ) -> Self {
        let doc = Document::new(text, 1, scanner);
        let at = offset_to_position(doc.rope(), at, PositionEncoding::Utf16);
        let pass = Pass::with_sources(
            doc.index().paragraphs(),
            Language::PlainText,
            config,
            sources,
        );
        Self {
            doc,
            pass: Some(pass),
            insert: [Change {
                range: Some((at, at)),
                text: "x".to_string(),
            }],
            delete: [Change {
                range: Some((at, LineCol::new(at.line, at.character + 1))),
                text: String::new(),
            }],
            typed: false,
            fresh: false,
            count: 0,
            reused: None,
        }
    }

    /// Types the next keystroke (or its undo); the number of findings after it.
    pub fn keystroke(&mut self, scanner: &Scanner, config: &Config) -> usize {
        let earlier = self.doc.clone();
        if self.fresh && !self.typed {
            self.count += 1;
            let typed = format!("x{}", self.count);
            let (at, _) = self.insert[0].range.expect("range");
            let end = LineCol::new(at.line, at.character + typed.len() as u32);
            self.insert[0].text = typed;
            self.delete[0].range = Some((at, end));
        }
        let change = if self.typed {
            &self.delete
        } else {
            &self.insert
        };
        self.typed = !self.typed;
        let version = self.doc.version() + 1;
        self.doc
            .apply_changes(version, change, PositionEncoding::Utf16, scanner)
            .expect("edit");
        let diff = diff(&earlier, &self.doc);
        let pass = self.pass.take().expect("pass");
        let (pass, reused) = pass.update(
            earlier.index().paragraphs(),
            self.doc.index().paragraphs(),
            &diff,
            Language::PlainText,
            config,
        );
        self.reused = Some(reused);
        let n = pass.findings.len();
        self.pass = Some(pass);
        n
    }
}
