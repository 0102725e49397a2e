//! Navigation by person: the person card on hover, go to the first full
//! reference, find references and highlights, rename a person across the
//! article, and the cast of the story as document symbols.

use std::ops::Range;

use tower_lsp_server::ls_types::*;

use super::convert;
use super::quotes;
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

/// The person named, or referred to by a resolved pronoun or role cue, at `offset`.
pub fn referent_at<'a>(article: &'a Article<'_>, offset: usize) -> Option<&'a Person> {
    person_at(article, offset).map(|(_, p)| p).or_else(|| {
        let cue = resolved_cue_at(article, offset)?;
        article.people.person(cue.person)
    })
}

fn resolved_cue_at<'a>(
    article: &'a Article<'_>,
    offset: usize,
) -> Option<&'a crate::analysis::ResolvedCue> {
    article
        .attribution
        .resolved
        .iter()
        .find(|c| c.range.start <= offset && offset <= c.range.end)
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
    let cues = quotes::resolved_cues(article, person.id).len();
    s.push_str(&format!("\nMentions: {}", person.mentions.len()));
    if cues > 0 {
        s.push_str(&format!(" (and {cues} by pronoun or role)"));
    }
    let said: Vec<String> = quotes::quotes_of(article, person.id)
        .map(|q| {
            format!(
                "- line {}: “{}”",
                line_of(a, q.range.start),
                quotes::opening_words(a, q, 8)
            )
        })
        .collect();
    if said.is_empty() {
        s.push_str("\n\nQuotes: none");
    } else {
        s.push_str(&format!(
            "\n\nQuotes ({}):\n{}",
            said.len(),
            said.join("\n")
        ));
    }
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
    let person = referent_at(article, offset)?;
    let range = match person_at(article, offset) {
        Some((m, _)) => mention_range(article, m, false)?,
        None => resolved_cue_at(article, offset)?.range.clone(),
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: card(a, article, person),
        }),
        range: Some(convert::range(a.document.rope(), &range, enc)),
    })
}

/// Every mention of the person, and every pronoun or role cue resolved to
/// them, in article order.
pub fn mentions(article: &Article<'_>, person: &Person) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = person
        .mentions
        .iter()
        .filter_map(|&m| mention_range(article, m, false))
        .collect();
    all.extend(quotes::resolved_cues(article, person.id));
    all.sort_by_key(|r| (r.start, r.end));
    all.dedup();
    all
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
        .iter()
        .filter_map(|person| {
            let all = mentions(article, person);
            let first = definition(article, person)?;
            let said: Vec<&crate::analysis::Quote> =
                quotes::quotes_of(article, person.id).collect();
            let start = all.first()?.start.min(first.start);
            let start = start.min(said.first().map_or(usize::MAX, |q| q.range.start));
            let end = all
                .last()?
                .end
                .max(first.end)
                .max(said.last().map_or(0, |q| q.range.end));
            let span = start..end;
            let children: Vec<DocumentSymbol> = said
                .iter()
                .map(|q| DocumentSymbol {
                    name: format!("“{}”", quotes::opening_words(a, q, 8)),
                    detail: q
                        .speaker
                        .as_ref()
                        .map(|s| format!("{} {}", s.mention.text, s.cue)),
                    kind: SymbolKind::STRING,
                    tags: None,
                    deprecated: None,
                    range: convert::range(rope, &q.range, enc),
                    selection_range: convert::range(rope, &q.range, enc),
                    children: None,
                })
                .collect();
            Some(DocumentSymbol {
                name: person.canonical.clone(),
                detail: person.roles.first().cloned(),
                kind: SymbolKind::CLASS,
                tags: None,
                deprecated: None,
                range: convert::range(rope, &span, enc),
                selection_range: convert::range(rope, &first, enc),
                children: Some(children),
            })
        })
        .collect()
}
