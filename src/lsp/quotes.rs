//! What the editor shows of quotes: the speaker card on hover (a quote or its
//! cue), inlay hints after resolved pronoun and role cues (`He ‹Kuleba›`),
//! and the quote sheet as Markdown.

use std::sync::Arc;

use tower_lsp_server::ls_types::*;

use super::convert;
use super::store::Analysis;
use crate::analysis::sources::{Located, SourceFile};
use crate::analysis::{Article, PersonId, Quote, Resolution, SpeakerKind};
use crate::text::PositionEncoding;

/// 1-based line of a byte offset.
fn line_of(a: &Analysis, offset: usize) -> u32 {
    convert::position(a.document.rope(), offset, PositionEncoding::Utf8).line + 1
}

/// The first words of a quote, for cards, sheets and symbols.
pub fn opening_words(a: &Analysis, q: &Quote, words: usize) -> String {
    let rope = a.document.rope();
    let text: String = q
        .content
        .iter()
        .map(|r| String::from(rope.byte_slice(r.clone())))
        .collect::<Vec<_>>()
        .join(" ");
    let all: Vec<&str> = text.split_whitespace().collect();
    let mut s = all
        .iter()
        .take(words)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if all.len() > words {
        s.push_str(" …");
    }
    s
}

/// The quotes a person is the speaker of.
pub fn quotes_of<'a>(
    article: &'a Article<'_>,
    id: PersonId,
) -> impl Iterator<Item = &'a Quote> + 'a {
    article
        .quotes()
        .iter()
        .filter(move |q| q.speaker.as_ref().is_some_and(|s| s.person == Some(id)))
}

/// The quote whose text, speaker mention or cue is at `offset`.
fn quote_at<'a>(article: &'a Article<'_>, offset: usize) -> Option<&'a Quote> {
    let inside = |r: &std::ops::Range<usize>| r.start <= offset && offset <= r.end;
    article.quote_at(offset).or_else(|| {
        article.quotes().iter().find(|q| {
            q.speaker
                .as_ref()
                .is_some_and(|s| inside(&s.cue_range) || inside(&s.mention.range))
        })
    })
}

/// The speaker card of the quote at `offset`.
pub fn hover(
    a: &Analysis,
    article: &Article<'_>,
    offset: usize,
    enc: PositionEncoding,
) -> Option<Hover> {
    let q = quote_at(article, offset)?;
    let mut s = String::new();
    match &q.speaker {
        None => {
            s.push_str("**No speaker** — nobody is named for this quote");
            if q.headline {
                s.push_str(" (a headline: that is the convention)");
            }
        }
        Some(sp) => {
            s.push_str(&format!("**Speaker: {}**", sp.name));
            if let Some(role) = &sp.role {
                s.push_str(&format!(" — {role}"));
            }
            if sp.kind != SpeakerKind::Person {
                s.push_str(&format!(" ({})", sp.kind.as_str()));
            }
            s.push_str("\n\n");
            let how = match &sp.resolution {
                Resolution::Direct => format!("Attributed: ‘{} {}’", sp.mention.text, sp.cue),
                Resolution::Pronoun { antecedent, .. } => format!(
                    "Attributed: ‘{}’ → {}, named in line {}",
                    sp.mention.text,
                    sp.name,
                    line_of(a, *antecedent)
                ),
                Resolution::RoleNoun { antecedent, .. } => format!(
                    "Attributed: ‘{}’ → {}, introduced in line {}",
                    sp.mention.text,
                    sp.name,
                    line_of(a, *antecedent)
                ),
                Resolution::Continuation => {
                    format!(
                        "Attributed: continues the quote of ‘{}’ (line {})",
                        sp.mention.text,
                        line_of(a, sp.mention.range.start)
                    )
                }
                Resolution::Topic => format!(
                    "Presumed: the paragraph before is about ‘{}’ (line {}); the quote has no attribution of its own",
                    sp.mention.text,
                    line_of(a, sp.mention.range.start)
                ),
                Resolution::PreviousParagraphCue => {
                    format!(
                        "Attributed: ‘{} {}’ at the end of line {}",
                        sp.mention.text,
                        sp.cue,
                        line_of(a, sp.cue_range.start)
                    )
                }
            };
            s.push_str(&how);
            if let Some(id) = sp.person {
                let n = quotes_of(article, id).count();
                s.push_str(&format!("\n\nQuotes by {} in this article: {n}", sp.name));
            }
        }
    }
    if let Some((file, located)) = piece_source(a, q, offset) {
        s.push_str("\n\n---\n\n");
        s.push_str(&source_card(&file, &located));
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: s,
        }),
        range: Some(convert::range(a.document.rope(), &q.range, enc)),
    })
}

/// Where the piece of quote `q` at `offset` (or its first) is in the
/// article's sources, with the file it was found in (none if not found).
fn piece_source(
    a: &Analysis,
    q: &Quote,
    offset: usize,
) -> Option<(Option<Arc<SourceFile>>, Arc<Located>)> {
    if a.sources.is_empty() {
        return None;
    }
    let piece = q
        .content
        .iter()
        .find(|c| c.start <= offset && offset <= c.end)
        .or(q.content.first())?;
    let text = String::from(a.document.rope().get_byte_slice(piece.clone())?);
    let located = a.sources.locate(&text)?;
    let file = located.file.and_then(|f| a.sources.files.get(f)).cloned();
    Some((file, located))
}

/// The source part of a quote's card: the passage, where it is, the match.
fn source_card(file: &Option<Arc<SourceFile>>, located: &Located) -> String {
    let Some(file) = file else {
        return format!(
            "**Source: not found** in the article's sources (the closest passage has {:.0}% of the quote's words)",
            located.score * 100.0
        );
    };
    let mut s = format!(
        "**Source:** `{}` line {}",
        file.name,
        file.line_col(located.passage.start).0 + 1
    );
    if let Some(turn) = &located.turn {
        if let Some(ts) = &turn.timestamp {
            s.push_str(&format!(" · {ts}"));
        }
        if let Some(who) = &turn.speaker {
            s.push_str(&format!(" · {who}"));
        }
    }
    s.push_str(&format!(
        " · match {:.0}% ({})\n\n",
        located.score * 100.0,
        located.state.as_str()
    ));
    let passage = file.text.get(located.passage.clone()).unwrap_or("");
    let mut words = crate::rules::sources::words(passage, 600);
    words = words.replace('*', "\\*").replace('_', "\\_");
    s.push_str(&format!("> {words}"));
    s
}

/// The passage of the quote at `offset` in its source, for go to definition.
pub fn source_location(
    a: &Analysis,
    article: &Article<'_>,
    offset: usize,
    enc: PositionEncoding,
) -> Option<Location> {
    let q = article.quote_at(offset)?;
    let (file, located) = piece_source(a, q, offset)?;
    let file = file?;
    let uri = Uri::from_file_path(&file.path)?;
    let position = |at: usize| {
        let (line, col) = file.line_col(at);
        let start = at - col;
        let before = file.text.get(start..at).unwrap_or("");
        let character = match enc {
            PositionEncoding::Utf8 => before.len(),
            _ => before.encode_utf16().count(),
        };
        Position {
            line: line as u32,
            character: character as u32,
        }
    };
    Some(Location {
        uri,
        range: Range {
            start: position(located.passage.start),
            end: position(located.passage.end),
        },
    })
}

/// `‹Surname›` after each pronoun or role cue resolved to a person, in `range`.
pub fn inlay_hints(
    a: &Analysis,
    article: &Article<'_>,
    range: std::ops::Range<usize>,
    enc: PositionEncoding,
) -> Vec<InlayHint> {
    let rope = a.document.rope();
    article
        .attribution
        .resolved
        .iter()
        .filter(|c| c.range.end >= range.start && c.range.start <= range.end)
        .map(|c| InlayHint {
            position: convert::position(rope, c.range.end, enc),
            label: InlayHintLabel::String(format!("‹{}›", c.surname)),
            kind: None,
            text_edits: None,
            tooltip: Some(InlayHintTooltip::String(format!(
                "copydesk: refers to {}",
                c.name
            ))),
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect()
}

/// Ranges of the pronoun and role cues resolved to a person.
pub fn resolved_cues(article: &Article<'_>, id: PersonId) -> Vec<std::ops::Range<usize>> {
    article
        .attribution
        .resolved
        .iter()
        .filter(|c| c.person == id)
        .map(|c| c.range.clone())
        .collect()
}

/// The quote sheet: every quote with its line, speaker and opening words.
pub fn sheet(a: &Analysis, article: &Article<'_>, title: &str) -> String {
    let mut s = format!("# Quote sheet: {title}\n\n");
    let quotes = article.quotes();
    if quotes.is_empty() {
        s.push_str("No quotes.\n");
        return s;
    }
    let (single, double) = crate::rules::families(article.paragraphs);
    let unattributed = quotes
        .iter()
        .filter(|q| crate::rules::needs_speaker(article, q, single > double))
        .count();
    s.push_str(&format!(
        "{} quotes, {} with no speaker a reader can find.\n\n",
        quotes.len(),
        unattributed
    ));
    let sourced = !a.sources.is_empty();
    if sourced {
        s.push_str("| Line | Speaker | Source | Quote |\n|---:|---|---|---|\n");
    } else {
        s.push_str("| Line | Speaker | Quote |\n|---:|---|---|\n");
    }
    for q in quotes {
        let speaker = match &q.speaker {
            Some(sp) => sp.name.replace('|', "\\|"),
            None => match crate::rules::no_speaker_label(article, q, single > double) {
                "UNATTRIBUTED" => "**UNATTRIBUTED**".to_string(),
                label => label.to_string(),
            },
        };
        let words = opening_words(a, q, 10).replace('|', "\\|");
        let source = if sourced {
            let place = match piece_source(a, q, q.range.start) {
                None => "—".to_string(),
                Some((Some(file), l)) => format!(
                    "{}:{} {}",
                    file.name,
                    file.line_col(l.passage.start).0 + 1,
                    l.state.as_str()
                ),
                Some((None, l)) => l.state.as_str().to_string(),
            };
            format!(" {} |", place.replace('|', "\\|"))
        } else {
            String::new()
        };
        s.push_str(&format!(
            "| {} | {} |{source} {} |\n",
            line_of(a, q.range.start),
            speaker,
            words
        ));
    }
    s
}
