//! What one line is on its own: the compiled shapes (mostly anchored
//! regular expressions built from the pattern lists in `data/furniture/`)
//! and the order they are tried in.

use std::cell::OnceCell;
use std::sync::LazyLock;

use aho_corasick::packed::Searcher;
use regex::Regex;

use super::gate::*;
use super::text::{core, headline_shaped, is_credit_only, normalise, word_count};
use super::types::{BoilerplateKind, Confidence, LineClass};
use crate::lexicon::alternation as alt;
use crate::lexicon::furniture as lists;

/// The compiled shapes.
pub(super) struct Rules {
    pub(super) phrases: Option<Searcher>,
    heading_alone: Regex,
    heading_tail_strong: Regex,
    heading_tail_weak: Regex,
    heading_caps: Regex,
    pub(super) newsletter_what: Regex,
    credit_by: Regex,
    pub(super) comment: Regex,
    pub(super) comment_alone: Regex,
    pub(super) contact: Regex,
    pub(super) share: Regex,
    pub(super) newsletter: Regex,
    pub(super) newsletter_any: Regex,
    pub(super) follow: Regex,
    advert: Regex,
    credit_label: Regex,
    credit_end: CreditEnd,
    credit_bbc: Regex,
    pub(super) source: Regex,
    pub(super) domain: Regex,
    pub(super) click: Regex,
    pub(super) here: Regex,
    pub(super) copyright: Regex,
    pub(super) copyright_owner: Regex,
    pub(super) rights: Regex,
    link_tag: Regex,
    /// A link tag before a headline (`[VIDEO] Minister resigns`).
    link_tag_first: Regex,
    md_link_line: Regex,
    url_line: Regex,
    chrome: Regex,
}

/// The credits that end a caption line (`… (Picture: PA)`), matched on the
/// line's bytes with every character outside ASCII read as one `~` (and
/// `©` as `\x01`). The patterns' bounded runs of any character
/// (`[^()]{1,60}`) count characters either way, but over Unicode each
/// becomes an automaton of many states: the credit patterns compiled so
/// took about half a megabyte of search cache on every thread that read a
/// line (some 6 MB in the language server), and a few kilobytes so.
#[derive(Debug)]
struct CreditEnd(regex::bytes::Regex);

impl CreditEnd {
    fn new(patterns: &str) -> Result<Self, regex::Error> {
        let pattern = format!(r"(?-u)(?:{})$", patterns.replace('©', r"\x01"));
        regex::bytes::Regex::new(&pattern).map(Self)
    }

    fn matches(&self, n: &str) -> bool {
        if n.is_ascii() {
            return self.0.is_match(n.as_bytes());
        }
        let bytes: Vec<u8> = n
            .chars()
            .map(|c| match c {
                '©' => 1,
                c if c.is_ascii() => c as u8,
                _ => b'~',
            })
            .collect();
        self.0.is_match(&bytes)
    }
}

pub(super) static RULES: LazyLock<Option<Rules>> = LazyLock::new(|| {
    Rules::build()
        .map_err(|e| tracing::error!("boilerplate rules: {e}"))
        .ok()
});

/// Separators between a heading and its link (`READ MORE: …`, `Watch » …`).
const SEP: &str = r"[:|»>›►▶→•]";

/// Most checks want a short line: the most words (ASCII spaces) a line may
/// have for each group to be worth trying.
const LIMITS: &[(Groups, usize)] = &[
    (HEAD, 30),
    (ADVERT, 16),
    (COMMENT, 25),
    (CONTACT, 30),
    (SHARE, 10),
    (NEWSLETTER, 30),
    (FOLLOW, 16),
    (COPYRIGHT, 30),
    (SOURCE, 30),
    (CLICK, 40),
    (CHROME, 30),
    (CREDIT, usize::MAX),
];

/// A line furniture for certain.
fn certain(kind: BoilerplateKind) -> LineClass {
    LineClass::Line(kind, Confidence::Certain)
}

/// Whether the credit in brackets that ends a line opens in lower case in
/// the copy (`(ePA)`: an abbreviation, not the agency).
fn lower_in_brackets(n: &str, core: &str) -> bool {
    n.ends_with(')')
        && core
            .rfind('(')
            .and_then(|i| core[i + 1..].chars().next())
            .is_some_and(char::is_lowercase)
}

/// `s` after its first `n` words.
pub(super) fn skip_words(s: &str, n: usize) -> &str {
    let mut rest = s.trim_start();
    for _ in 0..n {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest = rest[end..].trim_start();
    }
    rest
}

/// Case variants of a phrase, with a plain or a non-breaking space.
fn phrase_searcher(phrases: &[&str]) -> Option<Searcher> {
    let mut b = aho_corasick::packed::Config::new().builder();
    for p in phrases {
        let title: String = p
            .split(' ')
            .map(|w| w[..1].to_ascii_uppercase() + &w[1..])
            .collect::<Vec<_>>()
            .join(" ");
        let first = title[..1].to_string() + &p[1..];
        for v in [p.to_string(), p.to_ascii_uppercase(), title, first] {
            b.add(v.replace(' ', "\u{a0}"));
            b.add(v);
        }
    }
    b.build()
}

impl Rules {
    fn build() -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        let r = super::text::ascii_regex;
        let strong = alt(lists::headings());
        let weak = alt(lists::headings_weak());
        let networks = alt(lists::social_networks());
        let follow_verbs = alt(lists::follow_verbs());
        Ok(Self {
            phrases: phrase_searcher(&["click here", "tap here", "rights reserved"]),
            heading_alone: r(&format!(
                r"^(?:(?:{strong}|related)\s*(?:[:|»>›►▶→•…-]|\.\.\.)*|(?:{weak})\s*{SEP})$"
            ))?,
            heading_tail_strong: r(&format!(r"^(?:{strong})\s*[:|»>›►▶→•-]\s*\S"))?,
            heading_caps: r(&format!(r"^(?:{strong}) "))?,
            heading_tail_weak: r(&format!(r"^(?:{weak})\s*{SEP}\s*\S"))?,
            comment: r(&format!(r"^(?:{})\b", alt(lists::comment_patterns())))?,
            comment_alone: r(&format!(r"^(?:{})$", alt(lists::comment_labels())))?,
            contact: r(&format!(r"^(?:{})\b", alt(lists::contact_patterns())))?,
            share: r(&format!(r"^(?:{})", alt(lists::share_patterns())))?,
            newsletter: r(r"^(?:sign up|sign-up|signup|subscribe)\b")?,
            newsletter_what: r(&format!(
                r"\b(?:{})\b",
                lists::newsletter_words()
                    .iter()
                    .collect::<Vec<_>>()
                    .join("|")
            ))?,
            credit_by: r(
                r"^(?:photo|photograph|picture|image|illustration)s? (?:by|courtesy of) [^.]{1,80}$",
            )?,
            newsletter_any: r(&format!(
                r"^(?:{})\b.*\b(?:newsletters?|inbox|email alerts|briefing|bulletin)\b",
                alt(lists::newsletter_patterns())
            ))?,
            follow: r(&format!(
                r"^(?:(?:{follow_verbs}) (?:[^.]{{0,60}}?\b(?:on|at|via) (?:{networks}|social media)\b|[^.]{{0,40}}@\w)|.{{0,40}}\bfollow (?:us|me) (?:on|at|via) (?:{networks})\b|(?:{networks})\s*:\s*@\w+$)"
            ))?,
            advert: r(&format!(r"^(?:{})$", alt(lists::advert_patterns())))?,
            credit_label: r(&format!(
                r"^\(?(?:{})\s*:\s*\S",
                alt(lists::credit_labels())
            ))?,
            credit_end: CreditEnd::new(&alt(lists::credit_tail_patterns()))?,
            credit_bbc: r(
                r"^(?:image|picture|video|media|audio) (?:source|caption|description)\s*[,:]",
            )?,
            source: r(r"^(?:source|sources|via|h/t|hat tip)\b\s*:?\s*(\S.*)$")?,
            domain: r(&format!(
                r"(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:{})\b",
                alt(lists::tlds())
            ))?,
            click: r(
                r"\b(?:click|tap) (?:here|the link|on the link|this link|below)\b|^(?:click|tap) (?:on|to|the|this)\b",
            )?,
            here: r(&format!(
                r"^(?:{})\b.{{0,100}}\bhere[.!:]?$",
                alt(lists::here_verbs())
            ))?,
            copyright: r(r"^(?:©|\(c\)|copyright\b)")?,
            copyright_owner: r(&format!(
                r"\b(?:(?:19|20)\d\d|{})\b|©",
                lists::copyright_owners()
                    .iter()
                    .collect::<Vec<_>>()
                    .join("|")
            ))?,
            rights: r(
                r"\ball rights reserved\b|^this (?:material|article|content|story) (?:may|must) not be (?:published|reproduced|copied)",
            )?,
            link_tag: r(r"\[([A-Za-z][A-Za-z0-9 &/'’+-]{1,20})\]$")?,
            link_tag_first: r(r"^\[([A-Za-z][A-Za-z0-9 &/'’+-]{1,20})\]\s*(?:[:|-]\s*)?")?,
            md_link_line: r(r"^(?:\[[^\]]+\]\([^)\s]+\)[\s,|•·-]*)+$")?,
            url_line: r(r"^(?:https?://|www\.)\S+$")?,
            chrome: r(&format!(r"^(?:{})$", alt(lists::chrome_patterns())))?,
        })
    }

    /// What a line is on its own, if furniture.
    pub(super) fn classify(&self, line: &str, buf: &mut String) -> Option<LineClass> {
        let core = core(line);
        // `[Related: Minister quits over row]`: a link in brackets.
        let core = core
            .strip_prefix('[')
            .and_then(|c| c.strip_suffix(']'))
            .filter(|c| c.contains(':') && !c.contains(['[', ']']))
            .unwrap_or(core);
        let groups = gate(core, self.phrases.as_ref());
        if groups == 0 {
            return None;
        }
        if groups & LINK_TAG != 0 && self.is_link_tag_line(core) {
            return Some(certain(BoilerplateKind::LinkTag));
        }
        let limit = LIMITS
            .iter()
            .filter(|(g, _)| groups & g != 0)
            .map(|&(_, l)| l)
            .max()
            .unwrap_or(0);
        // Counts ASCII spaces only, so never more than the words there are.
        if core.bytes().filter(|&b| b == b' ' || b == b'\t').count() >= limit {
            return None;
        }
        normalise(core, buf);
        let n = buf.as_str();
        let words = OnceCell::new();
        let words = || *words.get_or_init(|| word_count(n));
        if groups & HEAD != 0 {
            if let Some(class) = self.heading(core, n, words()) {
                return Some(class);
            }
        }
        self.single(groups, core, n, &words)
            .or_else(|| self.prompt(groups, n, &words))
            .map(certain)
    }

    /// A link-block heading, alone or before its first link.
    fn heading(&self, core: &str, n: &str, words: usize) -> Option<LineClass> {
        if self.heading_alone.is_match(n) || (self.heading_tail_strong.is_match(n) && words <= 30) {
            return Some(LineClass::Heading);
        }
        // `READ MORE Minister quits`: a heading in capitals, no colon; `Also
        // on example.com Minister quits`: a heading, then a headline.
        if let Some(m) = self.heading_caps.find(n).filter(|_| words <= 30) {
            let capitals = !core
                .split_whitespace()
                .take(2)
                .any(|w| w.chars().any(char::is_lowercase));
            let tail = skip_words(core, word_count(m.as_str()));
            if capitals || (tail.starts_with(char::is_uppercase) && self.is_link_line(tail)) {
                return Some(LineClass::Heading);
            }
        }
        if self.heading_tail_weak.is_match(n) {
            let tail = core
                .split_once([':', '|', '»', '>', '›', '►', '▶', '→', '•'])
                .map_or("", |(_, t)| t.trim());
            if self.is_link_line(tail) {
                return Some(LineClass::Heading);
            }
        }
        None
    }

    /// Credits, adverts, time stamps and page controls: lines that may
    /// quote anyone, judged before the prompts.
    fn single(
        &self,
        groups: Groups,
        core: &str,
        n: &str,
        words: &dyn Fn() -> usize,
    ) -> Option<BoilerplateKind> {
        use BoilerplateKind::*;
        let has = |g: Groups| groups & g != 0;
        if has(CREDIT)
            && (self.credit_bbc.is_match(n)
                || (self.credit_label.is_match(n) && words() <= 16)
                || (self.credit_by.is_match(n) && words() <= 12)
                || (words() <= 45 && self.credit_end.matches(n) && !lower_in_brackets(n, core))
                || is_credit_only(n))
        {
            return Some(PictureCredit);
        }
        if has(ADVERT) && self.advert.is_match(n) {
            return Some(Advertisement);
        }
        if has(CHROME) && words() <= 30 && self.chrome.is_match(n) {
            return Some(PageChrome);
        }
        None
    }

    /// A caption that ends in its credit (`… (Picture: PA)`, `…Credit: EPA`),
    /// whatever its first word.
    pub(super) fn credit_tail(&self, core: &str, n: &str) -> bool {
        self.credit_end.matches(n) && !lower_in_brackets(n, core)
    }

    /// A line under a link-block heading: a link, or shaped like a headline.
    pub(super) fn is_link_line(&self, core: &str) -> bool {
        if core.is_empty() {
            return false;
        }
        if self.md_link_line.is_match(core) || self.url_line.is_match(core) {
            return true;
        }
        let text = match self.link_tag.find(core) {
            Some(m) => core[..m.start()].trim_end(),
            None => core,
        };
        headline_shaped(text)
    }

    /// A short headline with a link tag such as `[REPORT]` after it, or
    /// before it (`[VIDEO] Minister resigns`).
    fn is_link_tag_line(&self, core: &str) -> bool {
        let is_tag = |tag: &str| {
            let capitals = !tag.chars().any(char::is_lowercase);
            (capitals || lists::link_tags().contains(tag)) && !lists::desk_tags().contains(tag)
        };
        if let Some(c) = self.link_tag.captures(core) {
            if let (Some(all), Some(tag)) = (c.get(0), c.get(1)) {
                let head = core[..all.start()].trim_end();
                let tag = tag.as_str();
                // A tag alone on its line only when it is a known one (`[VIDEO]`, not `[CNBC]`).
                if is_tag(tag)
                    && ((head.is_empty() && lists::link_tags().contains(tag))
                        || headline_shaped(head))
                {
                    return true;
                }
            }
        }
        // Before the headline only a known tag (`[VIDEO]`, not `[Name]`).
        let Some(c) = self.link_tag_first.captures(core) else {
            return false;
        };
        let (Some(all), Some(tag)) = (c.get(0), c.get(1)) else {
            return false;
        };
        let tail = core[all.end()..].trim();
        is_tag(tag.as_str())
            && lists::link_tags().contains(tag.as_str())
            && !tail.is_empty()
            && headline_shaped(tail)
    }
}
