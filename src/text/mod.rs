//! The document: a `ropey::Rope`, its version, position encodings and the
//! paragraph index that carries each paragraph's analysed facts.
//!
//! Nothing here knows what a quote or a diagnostic is: the paragraph index is
//! generic over the facts a scanner computes from a paragraph's text.

mod diff;
mod document;
mod layout;
mod paragraphs;
mod position;
pub mod words;

pub use diff::{diff, splice_between, Diff, ParaSplice, Splice};
pub use document::{Change, Document, TextError};
pub use layout::{
    continues, is_wrapped, wrap_width, wrapped_onto, Layout, LayoutSetting, LineShape, LineStats,
    Paragraphing, LONG_LINE, WRAP_MIN,
};
pub use paragraphs::{split, split_paragraphs, Iter, Paragraph, ParagraphIndex, Paragraphs, Scan};
pub use position::{offset_to_position, position_to_offset, LineCol, PositionEncoding};
