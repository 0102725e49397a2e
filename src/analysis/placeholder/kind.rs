//! What a placeholder is: its kind and where it is.

use std::ops::Range;

/// What a placeholder stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceholderKind {
    /// `TK` / `TKTK`: a fact to come.
    ToCome,
    /// `XX` / `XXX` / `£XXm`: a figure to fill in.
    Figure,
    /// `[CHECK]` and other bracketed desk notes.
    DeskNote,
    /// `[[…]]`: an editor's note.
    EditorNote,
    /// Matched a pattern from the configuration.
    Custom,
}

/// One placeholder, paragraph-relative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceholderHit {
    pub range: Range<usize>,
    pub kind: PlaceholderKind,
    /// The placeholder as written (for the message).
    pub text: String,
}
