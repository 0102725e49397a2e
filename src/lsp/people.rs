//! Navigation by person: the person card on hover, go to the first full
//! reference, find references and highlights, rename a person across the
//! article, and the cast of the story as document symbols.

use std::ops::Range;

use tower_lsp_server::ls_types::*;

use super::convert;
use super::store::Analysis;
use crate::analysis::{Article, MentionRef, Person};
use crate::text::PositionEncoding;

/// Absolute byte range of a mention (whole, or just its name tokens).
fn mention_range(article: &Article<'_>, m: MentionRef, name_only: bool) -> Option<Range<usize>> {
    let p = article.paragraphs.get(m.para)?;
    let mention = p.facts.mentions.get(m.index)?;
    let r = if name_only {
        &mention.name
    } else {
        &mention.range
    };
    Some(p.start + r.start..p.start + r.end)
}

/// The person at a byte offset and the mention there.
pub fn person_at<'a>(article: &'a Article<'_>, offset: usize) -> Option<(MentionRef, &'a Person)> {
    article.people.mention_at(article.paragraphs, offset)
}

/// 1-based line of a byte offset, for cards.
fn line_of(a: &Analysis, offset: usize) -> u32 {
    convert::position(a.document.rope(), offset, PositionEncoding::Utf8).line + 1
}

/// The person card (Markdown).
pub fn card(a: &Analysis, article: &Article<'_>, person: &Person) -> String {
    let mut s = format!("**{}**", person.canonical);
    if let Some(role) = person.roles.first() {
        s.push_str(&format!(" — {role}"));
    }
    s.push_str("\n\n");
    let first = person
        .first_full_reference
        .unwrap_or(person.first_reference);
    if let Some(r) = mention_range(article, first, false) {
        s.push_str(&format!("First named: line {}", line_of(a, r.start)));
        if person.first_full_reference.is_none() {
            s.push_str(" (never named in full)");
        }
        s.push('\n');
    }
    s.push_str(&format!("\nMentions: {}", person.mentions.len()));
    if person.roles.len() > 1 {
        s.push_str(&format!("\n\nRoles: {}", person.roles.join("; ")));
    }
    if person.spellings.len() > 1 {
        let seen: Vec<String> = person
            .spellings
            .iter()
            .map(|sp| format!("{} ({}×)", sp.text, sp.count))
            .collect();
        s.push_str(&format!("\n\nSpellings seen: {}", seen.join(", ")));
    }
    s
}

pub fn hover(
    a: &Analysis,
    article: &Article<'_>,
    offset: usize,
    enc: PositionEncoding,
) -> Option<Hover> {
    let (m, person) = person_at(article, offset)?;
    let range = mention_range(article, m, false)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: card(a, article, person),
        }),
        range: Some(convert::range(a.document.rope(), &range, enc)),
    })
}

/// Every mention of the person, in article order (whole mentions).
pub fn mentions(article: &Article<'_>, person: &Person) -> Vec<Range<usize>> {
    person
        .mentions
        .iter()
        .filter_map(|&m| mention_range(article, m, false))
        .collect()
}

/// Where go-to-definition lands: the first full reference, else the first reference.
pub fn definition(article: &Article<'_>, person: &Person) -> Option<Range<usize>> {
    mention_range(
        article,
        person
            .first_full_reference
            .unwrap_or(person.first_reference),
        false,
    )
}

/// The range prepare-rename offers: the name tokens of the mention.
pub fn rename_range(article: &Article<'_>, m: MentionRef) -> Option<Range<usize>> {
    mention_range(article, m, true)
}

/// Edits renaming a person: in every mention the name tokens change, the
/// honorific, role and possessive stay. A one-word new name replaces the
/// surname; a longer one replaces given name + surname where the mention has
/// both, and the surname (its last part) where it has only that.
pub fn rename_edits(
    article: &Article<'_>,
    person: &Person,
    new_name: &str,
) -> Vec<(Range<usize>, String)> {
    let new_name = new_name.split_whitespace().collect::<Vec<_>>().join(" ");
    let (new_given, new_surname) = match new_name.split_once(' ') {
        Some((g, s)) => (Some(g), s),
        None => (None, new_name.as_str()),
    };
    let mut edits = Vec::new();
    for &r in &person.mentions {
        let Some(p) = article.paragraphs.get(r.para) else {
            continue;
        };
        let Some(m) = p.facts.mentions.get(r.index) else {
            continue;
        };
        let abs = |x: &Range<usize>| p.start + x.start..p.start + x.end;
        match (new_given, &m.given) {
            (Some(_), Some(_)) => edits.push((abs(&m.name), new_name.clone())),
            _ => edits.push((abs(&m.surname_range), new_surname.to_string())),
        }
    }
    edits.sort_by_key(|(r, _)| r.start);
    edits.dedup_by(|b, a| b.0.start < a.0.end);
    edits
}

/// Each person as a symbol (kind Class), spanning their mentions.
#[allow(deprecated)]
pub fn symbols(a: &Analysis, article: &Article<'_>, enc: PositionEncoding) -> Vec<DocumentSymbol> {
    let rope = a.document.rope();
    article
        .people
        .persons
        .iter()
        .filter_map(|person| {
            let all = mentions(article, person);
            let first = definition(article, person)?;
            let span = all.first()?.start.min(first.start)..all.last()?.end.max(first.end);
            Some(DocumentSymbol {
                name: person.canonical.clone(),
                detail: person.roles.first().cloned(),
                kind: SymbolKind::CLASS,
                tags: None,
                deprecated: None,
                range: convert::range(rope, &span, enc),
                selection_range: convert::range(rope, &first, enc),
                children: None,
            })
        })
        .collect()
}
