//! The ignore comments of one paragraph: each directive, its codes, and
//! whether the paragraph is nothing but comments.

use std::ops::Range;

/// What an ignore comment asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DirectiveKind {
    /// `copydesk-ignore`: the next paragraph.
    Ignore,
    /// `copydesk-disable`: up to the next `copydesk-enable`.
    Disable,
    /// `copydesk-enable`: ends a disabled region.
    Enable,
    /// `copydesk-ignore-file`: the whole article.
    IgnoreFile,
}

impl DirectiveKind {
    /// The word written in the comment.
    pub fn word(self) -> &'static str {
        match self {
            DirectiveKind::Ignore => "copydesk-ignore",
            DirectiveKind::Disable => "copydesk-disable",
            DirectiveKind::Enable => "copydesk-enable",
            DirectiveKind::IgnoreFile => "copydesk-ignore-file",
        }
    }
}

/// One ignore comment in a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// The whole `<!-- … -->`, relative to the paragraph.
    pub range: Range<usize>,
    pub kind: DirectiveKind,
    /// The rule codes it names; empty for every rule.
    pub codes: Vec<String>,
    /// Whether copy follows it in its own paragraph (then a
    /// `copydesk-ignore` covers that, not the next paragraph).
    pub copy_after: bool,
}

impl Directive {
    /// Whether it applies to findings of rule `code`.
    pub fn names(&self, code: &str) -> bool {
        self.codes.is_empty() || self.codes.iter().any(|c| c == code)
    }
}

/// The ignore comments of one paragraph, and whether it is nothing but
/// comments (then a `copydesk-ignore` above it reaches past it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IgnoreFacts {
    pub directives: Vec<Directive>,
    pub comment_only: bool,
}

/// The comment `<!-- inner -->` starting at `open`: its end (after `-->`)
/// and inner text.
fn comment_at(text: &str, open: usize) -> Option<(usize, &str)> {
    let inner_start = open + 4;
    let close = text.get(inner_start..)?.find("-->")? + inner_start;
    Some((close + 3, &text[inner_start..close]))
}

/// `text` less its complete HTML comments has something besides white space.
fn has_copy(text: &str) -> bool {
    let mut rest = text;
    loop {
        match rest.find("<!--") {
            None => return !rest.trim().is_empty(),
            Some(open) => {
                if !rest[..open].trim().is_empty() {
                    return true;
                }
                match comment_at(rest, open) {
                    Some((end, _)) => rest = &rest[end..],
                    // An open comment runs on: no copy after it here.
                    None => return false,
                }
            }
        }
    }
}

/// Parses the inside of a comment as a directive.
fn parse(inner: &str) -> Option<(DirectiveKind, Vec<String>)> {
    let inner = inner.trim();
    let word_end = inner
        .find(|c: char| c.is_whitespace() || c == ',')
        .unwrap_or(inner.len());
    let kind = match &inner[..word_end] {
        "copydesk-ignore" => DirectiveKind::Ignore,
        "copydesk-disable" => DirectiveKind::Disable,
        "copydesk-enable" => DirectiveKind::Enable,
        "copydesk-ignore-file" => DirectiveKind::IgnoreFile,
        _ => return None,
    };
    let codes = inner[word_end..]
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    Some((kind, codes))
}

/// The ignore comments of a paragraph's text. Pure: same text, same facts.
pub fn scan(text: &str, comments: &[(usize, bool)]) -> IgnoreFacts {
    if comments.is_empty() || !text.contains("copydesk-") {
        return IgnoreFacts {
            directives: Vec::new(),
            comment_only: !comments.is_empty() && !has_copy(text),
        };
    }
    let mut directives = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find("<!--").map(|i| i + at) {
        let Some((end, inner)) = comment_at(text, open) else {
            break;
        };
        if let Some((kind, codes)) = parse(inner) {
            directives.push(Directive {
                range: open..end,
                kind,
                codes,
                copy_after: has_copy(&text[end..]),
            });
        }
        at = end;
    }
    IgnoreFacts {
        directives,
        comment_only: !has_copy(text),
    }
}
