//! Web furniture left in copy by a paste, judged a whole line at a time.
//!
//! A line is furniture by its whole shape, never by a keyword: `Share on
//! Facebook` is a share prompt, `Share prices fell 3% on Monday.` is copy.
//! Each line is first reduced to its core (bullets, Markdown marks, emoji and
//! spaces of any kind trimmed). A cheap gate (the first word looked up in a
//! sorted table, the first and last character, three phrases found by a
//! packed SIMD searcher) lets most body lines through without a copy or a
//! regex and says which checks the rest are worth; only those are normalised
//! (case, curly apostrophes, dashes, spaces) into one reused buffer and tried
//! against mostly anchored regexes.
//!
//! Link blocks: a heading (`READ MORE:`, `DON’T MISS`, `MORE ON THIS STORY`,
//! `Related stories`…) takes with it the following lines of its paragraph
//! while they are shaped like link headlines (short, capitalised, no full
//! stop, perhaps bulleted, a Markdown link or ending in a `[TAG]`). Body copy
//! ends a block. Neighbouring hits of one kind are joined into one hit.

use std::sync::LazyLock;

use aho_corasick::packed::Searcher;
use regex::Regex;

use crate::text::is_wrapped;

/// What sort of furniture a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoilerplateKind {
    /// `READ MORE:` / `DON'T MISS:` / `MORE ON THIS STORY` and the link lines under it.
    LinkBlock,
    /// A line ending in a link tag such as `[REPORT]`.
    LinkTag,
    CommentPrompt,
    /// `Got a story? Email …`, `Have you been affected? Get in touch`.
    ContactPrompt,
    SharePrompt,
    Newsletter,
    SocialFollow,
    Advertisement,
    PictureCredit,
    SourceLine,
    ClickHere,
    /// `Published 4 March 2025`, `Updated at 14.32 GMT`: a web page's time stamp.
    Timestamp,
    /// Live-page and site controls: `Key events`, `Show key events only`,
    /// `Scroll down for video`, `Reuse this content`, app promotions.
    PageChrome,
    Copyright,
    /// Matched a pattern from the configuration.
    Custom,
}

/// How one line of a paragraph reads on its own: a paragraph fact. Only
/// lines with something to say are listed. Blocks of furniture are put
/// together from these across paragraphs ([`blocks`]), so a `READ MORE:`
/// heading takes its link lines whether the copy puts them in one paragraph,
/// a line each, or blank lines between.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoilerplateHit {
    /// Line index within the paragraph.
    pub line: usize,
    /// What the line is on its own, if furniture.
    pub class: Option<LineClass>,
    /// Shaped like a line under a link-block heading (a link, or a headline).
    pub link: bool,
    /// How many lines it covers: one, or a hard-wrapped paragraph's all.
    pub span: usize,
}

/// What a line of furniture is on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineClass {
    /// A link-block heading (`READ MORE:`): takes the link lines after it.
    Heading,
    /// One line of furniture.
    Line(BoilerplateKind),
}

/// Finds furniture lines. Built-in shapes plus configured regexes.
#[derive(Debug)]
pub struct BoilerplateMatcher {
    extra: Vec<Regex>,
}

impl BoilerplateMatcher {
    pub fn new(extra: Vec<Regex>) -> Self {
        Self { extra }
    }

    /// How each line of a paragraph (line texts without terminators) reads
    /// on its own, for the lines that are furniture or link-shaped, in order.
    /// A hard-wrapped paragraph ([`is_wrapped`]) whose first or last line
    /// reads as the whole does is one line, covering the rest.
    pub fn scan(&self, lines: &[&str]) -> Vec<BoilerplateHit> {
        let mut out: Vec<BoilerplateHit> = Vec::new();
        let Some(rules) = RULES.as_ref() else {
            return out;
        };
        let mut buf = String::new();
        let wrapped = is_wrapped(lines.iter().copied());
        if wrapped {
            // Read as one line when its first or last line reads as the whole
            // does (`Have you been affected? Get in touch:` wrapped before the
            // address, a caption wrapped before its credit); a body line with
            // furniture under it is read line by line.
            let joined = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
            let class = self.classify(rules, &joined, &mut buf);
            let link = rules.is_link_line(core(&joined));
            let first = lines.first().copied().unwrap_or_default();
            let last = lines.last().copied().unwrap_or_default();
            let same = match class {
                Some(_) => {
                    class == self.classify(rules, first, &mut buf)
                        || class == self.classify(rules, last, &mut buf)
                }
                None => link && rules.is_link_line(core(first)),
            };
            if same {
                out.push(BoilerplateHit {
                    line: 0,
                    class,
                    link,
                    span: lines.len(),
                });
                return out;
            }
        }
        for (i, line) in lines.iter().enumerate() {
            let class = self.classify(rules, line, &mut buf);
            // A piece of a hard-wrapped text is no link line on its own.
            let link = !wrapped && rules.is_link_line(core(line));
            if class.is_some() || link {
                out.push(BoilerplateHit {
                    line: i,
                    class,
                    link,
                    span: 1,
                });
            }
        }
        out
    }

    fn classify(&self, rules: &Rules, line: &str, buf: &mut String) -> Option<LineClass> {
        rules.classify(line, buf).or_else(|| {
            let t = line.trim();
            self.extra
                .iter()
                .any(|r| r.is_match(t))
                .then_some(LineClass::Line(BoilerplateKind::Custom))
        })
    }
}

/// A line of a document: paragraph index and line index in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineRef {
    pub para: usize,
    pub line: usize,
}

/// A run of furniture lines of one kind, possibly over several paragraphs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// First and last line (inclusive).
    pub first: LineRef,
    pub last: LineRef,
    /// How many lines (a hard-wrapped paragraph counts as one).
    pub lines: usize,
    pub kind: BoilerplateKind,
}

/// The furniture blocks of the paragraphs, in order, from their lines'
/// facts: a heading takes the link-shaped lines right after it, and
/// neighbouring lines of one kind join, with no regard to where the copy
/// breaks its paragraphs (blank lines between furniture lines are not copy).
pub fn blocks<'a, I>(paragraphs: I) -> Vec<Block>
where
    I: IntoIterator<Item = (usize, &'a [BoilerplateHit])>,
{
    let mut out: Vec<Block> = Vec::new();
    // The flat line number of each block's last line, and whether the last
    // block is a heading's that still takes link lines.
    let mut last_flat = usize::MAX;
    let mut open = false;
    let mut base = 0usize;
    for (para, (line_count, hits)) in paragraphs.into_iter().enumerate() {
        for hit in hits {
            let flat = base + hit.line;
            let end = LineRef {
                para,
                line: hit.line + hit.span - 1,
            };
            let at = LineRef {
                para,
                line: hit.line,
            };
            let next = last_flat.wrapping_add(1) == flat;
            // A heading takes the link lines after it, but not a line that is
            // furniture of another kind on its own (`Advertisement`).
            let takes = matches!(
                hit.class,
                None | Some(LineClass::Line(BoilerplateKind::LinkTag))
            );
            if open && next && hit.link && takes {
                if let Some(b) = out.last_mut() {
                    b.last = end;
                    b.lines += 1;
                }
                last_flat = flat + hit.span - 1;
                continue;
            }
            open = false;
            let kind = match hit.class {
                None => continue,
                Some(LineClass::Heading) => {
                    open = true;
                    BoilerplateKind::LinkBlock
                }
                Some(LineClass::Line(kind)) => kind,
            };
            match out.last_mut() {
                Some(b) if b.kind == kind && next => {
                    b.last = end;
                    b.lines += 1;
                }
                _ => out.push(Block {
                    first: at,
                    last: end,
                    lines: 1,
                    kind,
                }),
            }
            last_flat = flat + hit.span - 1;
        }
        base += line_count;
    }
    out
}

/// The line without surrounding space, bullets, Markdown marks or emoji.
fn core(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}')
        .trim_start_matches(|c: char| !(c.is_alphanumeric() || "([©\"'“‘@£$€".contains(c)))
        .trim_end_matches(|c: char| {
            c.is_whitespace()
                || c == '*'
                || c == '_'
                || c == '\u{200b}'
                || (!c.is_ascii() && !c.is_alphanumeric() && !"”’…»".contains(c))
        })
}

/// Lower-cased, with curly apostrophes and quotes straightened, dashes as
/// `-`, runs of any space as one ` `, and `*` (Markdown bold) dropped.
fn normalise(core: &str, buf: &mut String) {
    buf.clear();
    let mut space = false;
    for c in core.chars() {
        let c = match c {
            '’' | '‘' | 'ʼ' | '′' => '\'',
            '“' | '”' | '„' => '"',
            '–' | '—' | '‑' => '-',
            '*' => continue,
            c if c.is_whitespace() => {
                space = true;
                continue;
            }
            c => c,
        };
        if space && !buf.is_empty() {
            buf.push(' ');
        }
        space = false;
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Which checks a line is worth (bit set).
type Groups = u16;
const HEAD: Groups = 1;
const CREDIT: Groups = 1 << 1;
const ADVERT: Groups = 1 << 2;
const COMMENT: Groups = 1 << 3;
const SHARE: Groups = 1 << 4;
const NEWSLETTER: Groups = 1 << 5;
const FOLLOW: Groups = 1 << 6;
const COPYRIGHT: Groups = 1 << 7;
const SOURCE: Groups = 1 << 8;
const CLICK: Groups = 1 << 9;
const LINK_TAG: Groups = 1 << 10;
const CONTACT: Groups = 1 << 11;
const TIMESTAMP: Groups = 1 << 12;
const CHROME: Groups = 1 << 13;
/// Prompts: lines that never report speech.
const PROMPTS: Groups =
    COMMENT | CONTACT | SHARE | NEWSLETTER | FOLLOW | COPYRIGHT | SOURCE | CLICK;

/// First words that can begin a furniture line (lower case, straight `'`),
/// sorted, with the checks each calls for.
const FIRST_WORDS: &[(&str, Groups)] = &[
    ("ad", ADVERT),
    ("add", COMMENT),
    ("advert", ADVERT),
    ("advertisement", ADVERT),
    ("advertisements", ADVERT),
    ("afp", CREDIT),
    ("after", CHROME),
    ("alamy", CREDIT),
    ("all", COPYRIGHT),
    ("also", HEAD),
    ("anadolu", CREDIT),
    ("ap", CREDIT),
    ("apr", TIMESTAMP),
    ("april", TIMESTAMP),
    ("article", ADVERT),
    ("audio", CREDIT),
    ("aug", TIMESTAMP),
    ("august", TIMESTAMP),
    ("bloomberg", CREDIT),
    ("bluesky", SHARE | FOLLOW),
    ("catch", FOLLOW),
    ("click", CLICK),
    ("comment", COMMENT),
    ("comments", COMMENT),
    ("connect", FOLLOW),
    ("contact", CONTACT),
    ("content", ADVERT),
    ("continue", ADVERT),
    ("copy", SHARE),
    ("copyright", COPYRIGHT),
    ("credit", CREDIT),
    ("credits", CREDIT),
    ("dec", TIMESTAMP),
    ("december", TIMESTAMP),
    ("do", HEAD | CONTACT),
    ("don't", HEAD | NEWSLETTER),
    ("dont", HEAD | NEWSLETTER),
    ("download", CLICK | CHROME),
    ("dpa", CREDIT),
    ("editor's", HEAD),
    ("editors", HEAD),
    ("efe", CREDIT),
    ("email", SHARE | CONTACT),
    ("enter", NEWSLETTER),
    ("epa", CREDIT),
    ("explore", HEAD),
    ("facebook", SHARE | FOLLOW),
    ("feb", TIMESTAMP),
    ("february", TIMESTAMP),
    ("find", FOLLOW | CLICK),
    ("first", TIMESTAMP),
    ("follow", FOLLOW),
    ("for", NEWSLETTER | FOLLOW | CLICK),
    ("free", CHROME),
    ("fri", TIMESTAMP),
    ("friday", TIMESTAMP),
    ("further", HEAD),
    ("gallery", HEAD),
    ("get", NEWSLETTER | CLICK | CONTACT),
    ("getty", CREDIT),
    ("got", CONTACT),
    ("graphic", CREDIT),
    ("h", SOURCE),
    ("handout", CREDIT),
    ("hat", SOURCE),
    ("have", COMMENT | CONTACT),
    ("illustration", CREDIT),
    ("image", CREDIT),
    ("images", CREDIT),
    ("in", HEAD),
    ("instagram", SHARE | FOLLOW),
    ("jan", TIMESTAMP),
    ("january", TIMESTAMP),
    ("join", COMMENT | NEWSLETTER | FOLLOW),
    ("jul", TIMESTAMP),
    ("july", TIMESTAMP),
    ("jump", COMMENT),
    ("jun", TIMESTAMP),
    ("june", TIMESTAMP),
    ("key", CHROME),
    ("last", TIMESTAMP),
    ("latest", HEAD),
    ("learn", CLICK),
    ("leave", COMMENT),
    ("let", COMMENT),
    ("like", FOLLOW),
    ("linkedin", SHARE | FOLLOW),
    ("listen", HEAD | CLICK),
    ("live", HEAD),
    ("load", COMMENT),
    ("main", CREDIT),
    ("mar", TIMESTAMP),
    ("march", TIMESTAMP),
    ("may", TIMESTAMP),
    ("media", CREDIT),
    ("modified", TIMESTAMP),
    ("mon", TIMESTAMP),
    ("monday", TIMESTAMP),
    ("more", HEAD),
    ("most", HEAD),
    ("must", HEAD),
    ("never", NEWSLETTER),
    ("nov", TIMESTAMP),
    ("november", TIMESTAMP),
    ("oct", TIMESTAMP),
    ("october", TIMESTAMP),
    ("pa", CREDIT),
    ("paid", ADVERT),
    ("photo", CREDIT),
    ("photograph", CREDIT),
    ("photographs", CREDIT),
    ("photography", CREDIT),
    ("photos", CREDIT),
    ("pic", CREDIT),
    ("pics", CREDIT),
    ("picture", CREDIT),
    ("pictured", CREDIT),
    ("pictures", CREDIT),
    ("pin", SHARE),
    ("pinterest", SHARE | FOLLOW),
    ("please", CHROME),
    ("podcast", HEAD),
    ("post", COMMENT),
    ("posted", TIMESTAMP),
    ("print", SHARE),
    ("privacy", CHROME),
    ("promoted", ADVERT),
    ("published", TIMESTAMP),
    ("read", HEAD | COMMENT | CLICK),
    ("receive", NEWSLETTER),
    ("recommended", HEAD),
    ("reddit", SHARE | FOLLOW),
    ("register", NEWSLETTER),
    ("related", HEAD),
    ("reuse", CHROME),
    ("reuters", CREDIT),
    ("rex", CREDIT),
    ("sat", TIMESTAMP),
    ("saturday", TIMESTAMP),
    ("scroll", COMMENT | ADVERT | CHROME),
    ("see", HEAD | COMMENT | CLICK),
    ("sep", TIMESTAMP),
    ("sept", TIMESTAMP),
    ("september", TIMESTAMP),
    ("share", SHARE | COMMENT | CHROME),
    ("show", COMMENT | CHROME),
    ("shutterstock", CREDIT),
    ("sign", NEWSLETTER),
    ("sign-up", NEWSLETTER),
    ("signup", NEWSLETTER),
    ("skip", CHROME),
    ("sound", COMMENT),
    ("source", SOURCE),
    ("sources", SOURCE),
    ("sponsored", ADVERT),
    ("stay", NEWSLETTER),
    ("story", ADVERT),
    ("subscribe", NEWSLETTER),
    ("sun", TIMESTAMP),
    ("sunday", TIMESTAMP),
    ("supplied", CREDIT),
    ("tap", CLICK),
    ("telegram", SHARE | FOLLOW),
    ("tell", COMMENT),
    ("text", ADVERT),
    ("this", COPYRIGHT),
    ("threads", SHARE | FOLLOW),
    ("thu", TIMESTAMP),
    ("thur", TIMESTAMP),
    ("thurs", TIMESTAMP),
    ("thursday", TIMESTAMP),
    ("tiktok", SHARE | FOLLOW),
    ("to", NEWSLETTER | CLICK),
    ("toggle", CHROME),
    ("top", HEAD),
    ("trending", HEAD),
    ("tue", TIMESTAMP),
    ("tues", TIMESTAMP),
    ("tuesday", TIMESTAMP),
    ("tweet", SHARE),
    ("twitter", SHARE | FOLLOW),
    ("updated", TIMESTAMP),
    ("via", SOURCE),
    ("video", HEAD | CREDIT),
    ("view", COMMENT | CLICK),
    ("want", NEWSLETTER),
    ("watch", HEAD | CLICK | FOLLOW),
    ("we", CHROME),
    ("wed", TIMESTAMP),
    ("wednesday", TIMESTAMP),
    ("were", CONTACT),
    ("what", HEAD | COMMENT),
    ("whatsapp", SHARE | FOLLOW),
    ("x", SHARE | FOLLOW),
    ("xinhua", CREDIT),
    ("you", HEAD),
    ("youtube", SHARE | FOLLOW),
];

/// Which checks a line could pass, found without copying it; 0 for most copy.
fn gate(core: &str, phrases: Option<&Searcher>) -> Groups {
    let Some(first) = core.chars().next() else {
        return 0;
    };
    let mut groups = 0;
    if core.ends_with(']') {
        groups |= LINK_TAG;
    }
    if core.ends_with(')') || core.contains("Photograph:") {
        groups |= CREDIT;
    }
    match first {
        '(' => groups |= CREDIT | COPYRIGHT,
        '©' => groups |= COPYRIGHT,
        '-' => groups |= ADVERT,
        c if c.is_ascii_digit() => groups |= COMMENT | TIMESTAMP,
        _ => {}
    }
    if phrases.is_some_and(|p| p.find(core).is_some()) {
        groups |= CLICK | COPYRIGHT;
    }
    let mut word = [0u8; 16];
    let mut n = 0;
    for c in core.chars() {
        let c = match c {
            '’' | '‘' => '\'',
            c => c,
        };
        if !(c.is_ascii_alphabetic() || c == '\'' || c == '-') {
            break;
        }
        if n == word.len() {
            return groups;
        }
        word[n] = (c as u8).to_ascii_lowercase();
        n += 1;
    }
    if let Ok(w) = std::str::from_utf8(&word[..n]) {
        if let Ok(i) = FIRST_WORDS.binary_search_by(|(k, _)| (*k).cmp(w)) {
            groups |= FIRST_WORDS[i].1;
        }
    }
    groups
}

/// Link tags that are desk notes (placeholders), not links.
const DESK_TAGS: &[&str] = &[
    "CHECK",
    "TK",
    "TKTK",
    "TBC",
    "TBA",
    "TBD",
    "TO COME",
    "INSERT",
    "NAME",
    "FIGURE",
    "LINK",
    "CONFIRM",
    "VERIFY",
    "FACT CHECK",
    "TODO",
    "FIXME",
    "NB",
    "QUERY",
    "XX",
    "XXX",
    "SIC",
    "URL",
    "DATE",
    "QUOTE",
    "PIC",
    "ADD",
];

/// Words a wrapped body line ends on; a headline does not.
const TRAILING_FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "or", "but", "that", "in", "on", "for", "with", "by",
    "at", "from", "as", "is", "was", "were", "are", "he", "she", "they", "it", "who", "which",
    "said", "has", "had", "have", "be", "been", "their", "his", "her", "its", "this", "than",
];

/// Agencies and picture libraries: a line of only these is a credit.
const AGENCIES: &[&str] = &[
    "afp",
    "alamy",
    "anadolu",
    "ap",
    "bloomberg",
    "dpa",
    "efe",
    "epa",
    "getty",
    "handout",
    "pa",
    "reuters",
    "rex",
    "shutterstock",
    "supplied",
    "xinhua",
];

const CREDIT_WORDS: &[&str] = &[
    "images", "image", "wire", "media", "archive", "photo", "photos", "stock", "features", "via",
    "agency", "pool", "file", "ltd",
];

struct Rules {
    phrases: Option<Searcher>,
    heading_alone: Regex,
    heading_tail_strong: Regex,
    heading_tail_weak: Regex,
    heading_caps: Regex,
    newsletter_what: Regex,
    credit_by: Regex,
    comment: Regex,
    comment_alone: Regex,
    contact: Regex,
    share: Regex,
    newsletter: Regex,
    newsletter_any: Regex,
    follow: Regex,
    advert: Regex,
    credit_label: Regex,
    credit_end: Regex,
    credit_bbc: Regex,
    source: Regex,
    domain: Regex,
    click: Regex,
    here: Regex,
    copyright: Regex,
    copyright_owner: Regex,
    rights: Regex,
    speech: Regex,
    link_tag: Regex,
    md_link_line: Regex,
    url_line: Regex,
    timestamp: Regex,
    chrome: Regex,
}

const STRONG_HEADINGS: &str = r"read more|read next|read also|also read|also see|see also|don't miss|do not miss|more on this story|more on this|more from [a-z]+(?: [a-z]+)?|most read(?: in [a-z]+)?|most popular|most viewed|most shared|recommended(?: for you| reading| stories| articles| videos)?|you may also like|you might also like|you (?:may|might) (?:also )?be interested in|further reading|related (?:articles|stories|content|links|coverage|topics|reading|news|posts)|top stories|trending(?: now| stories)?|latest (?:news|stories|headlines)|more stories|watch more|what to read next|must read|in other news|editor's picks|explore more on these topics|more on these topics";

const WEAK_HEADINGS: &str =
    r"related|latest|more|watch|listen|video|read|podcast|gallery|in pictures|in pics|live";

static RULES: LazyLock<Option<Rules>> = LazyLock::new(|| {
    Rules::build()
        .map_err(|e| tracing::error!("boilerplate rules: {e}"))
        .ok()
});

impl Rules {
    fn build() -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        // ASCII word boundaries: a Unicode `\b` keeps the fast DFA engines
        // off any line with a non-ASCII character.
        let r = |p: &str| Regex::new(&p.replace(r"\b", r"(?-u:\b)"));
        Ok(Self {
            phrases: {
                // Case variants, with a plain or a non-breaking space.
                let mut b = aho_corasick::packed::Config::new().builder();
                for p in ["click here", "tap here", "rights reserved"] {
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
            },
            heading_alone: r(&format!(
                r"^(?:(?:{STRONG_HEADINGS}|related)\s*[:|»>›►▶→•-]*|(?:{WEAK_HEADINGS})\s*[:|»>›►▶→•])$"
            ))?,
            heading_tail_strong: r(&format!(r"^(?:{STRONG_HEADINGS})\s*[:|»>›►▶→•-]\s*\S"))?,
            heading_caps: r(&format!(r"^(?:{STRONG_HEADINGS}) \S"))?,
            heading_tail_weak: r(&format!(r"^(?:{WEAK_HEADINGS})\s*[:|»>›►▶→•]\s*\S"))?,
            comment: r(concat!(
                r"^(?:scroll down\b.*\b(?:comments?|have your say)|have your say|join the (?:debate|conversation|discussion)",
                r"|let us know (?:what you think|your (?:thoughts|views)|in the comments|below)|tell us what you think",
                r"|leave (?:a|your) comments?|comment below|post a comment|add (?:a|your) comments?",
                r"|share your (?:views|thoughts|comments)|sound off|what do you think\?.*\b(?:comments?|let us know|below|tell us))\b"
            ))?,
            comment_alone: r(
                r"^(?:what do you think\??|(?:(?:view|show|see|read|jump to|load)(?: all)?(?: \d+)? comments?|\d+ comments?|comments?)(?: \(\d+\))?)$",
            )?,
            contact: r(concat!(
                r"^(?:got a (?:story|news tip|tip|video|picture|photo)|do you have (?:a story|information|any information)",
                r"|have you been affected|were you (?:there|affected|involved)|get in touch\b\s*[:\-]|contact (?:us|our newsroom|the newsroom)\b",
                r"|email (?:us|news|[a-z0-9._+-]+@))\b"
            ))?,
            share: r(concat!(
                r"^(?:share (?:on|to|via|with|this|article|story|page|link|the story)\b|share:?$|copy (?:article )?link",
                r"|email (?:this )?(?:article|story|page)$|print (?:this )?(?:article|page|story)$|tweet this|pin it$)"
            ))?,
            newsletter: r(r"^(?:sign up|sign-up|signup|subscribe)\b")?,
            newsletter_what: r(
                r"\b(?:newsletters?|emails?|inbox|alerts|briefing|bulletin|updates|here|now|today|free|our|notifications|podcast|channel|digest)\b",
            )?,
            credit_by: r(
                r"^(?:photo|photograph|picture|image|illustration)s? (?:by|courtesy of) [^.]{1,80}$",
            )?,
            newsletter_any: r(
                r"^(?:register|get|want|never miss|stay|join|enter your email|for the latest|for more|to get|to receive|receive|don't miss|sign up|subscribe)\b.*\b(?:newsletters?|inbox|email alerts|briefing|bulletin)\b",
            )?,
            follow: r(concat!(
                r"^(?:(?:follow|find|like|join|connect with|catch) (?:[^.]{0,60}?\b(?:on|at|via) (?:twitter|x|instagram|facebook|tiktok|threads|bluesky|linkedin|youtube|mastodon|snapchat|whatsapp|telegram|social media)\b|[^.]{0,40}@\w)",
                r"|.{0,40}\bfollow (?:us|me) (?:on|at|via) (?:twitter|x|instagram|facebook|tiktok|threads|bluesky|linkedin|youtube|whatsapp|telegram)\b",
                r"|(?:twitter|x|instagram|facebook|tiktok|threads|bluesky)\s*:\s*@\w+$)"
            ))?,
            advert: r(concat!(
                r"^(?:-*\s*(?:advertisements?|advert|ad|sponsored(?: content)?|paid (?:content|post|partnership)|promoted(?: content)?)\s*-*",
                r"|(?:story|article|content|text) continues (?:below|after)\b.{0,30}|(?:continue reading|scroll to continue)\b.{0,40}",
                r"|advertisement\b.{0,40}\b(?:scroll|continue)\b.{0,30})$"
            ))?,
            credit_label: r(
                r"^\(?(?:picture|pictures|pic|pics|photo|photos|photograph|photographs|photography|image|images|credit|credits|photo credit|image credit|picture credit|main image|top image|video|illustration|graphic|pictured)\s*:\s*\S",
            )?,
            credit_end: r(concat!(
                r"(?:\((?:pictures?|pics?|photos?|photograph|images?|credit|video|illustration)\s*:\s*[^()]{1,60}\)[.\s]*",
                r"|\((?:photo|picture|image)s? by [^()]{1,60}\)[.\s]*",
                r"|\bphotograph: [^.]{1,60}$|\([^()]{0,30}\bphoto/[^()]{1,60}\)[.\s]*",
                r"|\((?:ap|pa|afp|epa|efe|dpa|reuters|getty|getty images|ap photo|pa wire|pa media|pa images|shutterstock|alamy|rex|bloomberg|anadolu|xinhua|handout)(?:\s*(?:/|via)\s*[^()]{1,40})?\))$"
            ))?,
            credit_bbc: r(
                r"^(?:image|picture|video|media|audio) (?:source|caption|description)\s*[,:]",
            )?,
            source: r(r"^(?:source|sources|via|h/t|hat tip)\b\s*:?\s*(\S.*)$")?,
            domain: r(
                r"(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:com|co\.uk|org|net|gov|gov\.uk|org\.uk|ac\.uk|io|news|info|eu|de|fr|ie|au|ca|in)\b",
            )?,
            click: r(
                r"\b(?:click|tap) (?:here|the link|on the link|this link|below)\b|^(?:click|tap) (?:on|to|the|this)\b",
            )?,
            here: r(
                r"^(?:read|see|view|watch|listen to|find out more|find out|learn more|download|get)\b.{0,100}\bhere[.!:]?$",
            )?,
            copyright: r(r"^(?:©|\(c\)|copyright\b)")?,
            copyright_owner: r(
                r"\b(?:(?:19|20)\d\d|ltd|limited|inc|plc|llc|group|media|news|press|publishing|newspapers?|corporation|corp)\b|©",
            )?,
            rights: r(
                r"\ball rights reserved\b|^this (?:material|article|content|story) (?:may|must) not be (?:published|reproduced|copied)",
            )?,
            speech: r(
                r"\b(?:said|says|told|urged|warned|insisted|claimed|according|asked|added|replied|explained|wrote|tweeted)\b",
            )?,
            link_tag: r(r"\[([A-Za-z][A-Za-z0-9 &/'’+-]{1,20})\]$")?,
            md_link_line: r(r"^(?:\[[^\]]+\]\([^)\s]+\)[\s,|•·-]*)+$")?,
            url_line: r(r"^(?:https?://|www\.)\S+$")?,
            // Nothing but a date and time, maybe after `Published`/`Updated`.
            timestamp: r(concat!(
                r"^(?:(?:(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?|on|at)\s*:?\s*",
                r"|(?:\d{1,4}(?:[:.]\d\d)?(?:st|nd|rd|th|am|pm)?|a\.?m\.?|p\.?m\.?|am|pm",
                r"|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?",
                r"|mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?",
                r"|gmt|bst|utc|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt)\b[\s,|/·•-]*)+$"
            ))?,
            chrome: r(concat!(
                r"^(?:key events?|show key events only|please turn on javascript to use this feature",
                r"|scroll (?:down )?for (?:video|more|the video)|share or comment on this article:?|reuse this content",
                r"|(?:skip past|after) newsletter promotion|we have more newsletters|free (?:daily|weekly) newsletters?",
                r"|privacy notice: .*\bnewsletters?\b.*|download the .{1,40} app\b.*|toggle (?:caption|navigation))$"
            ))?,
        })
    }

    /// What a line is on its own, if furniture.
    fn classify(&self, line: &str, buf: &mut String) -> Option<LineClass> {
        let core = core(line);
        let groups = gate(core, self.phrases.as_ref());
        if groups == 0 {
            return None;
        }
        use BoilerplateKind::*;
        if groups & LINK_TAG != 0 && self.is_link_tag_line(core) {
            return Some(LineClass::Line(LinkTag));
        }
        // Most checks want a short line: skip long copy before copying it.
        let limit = [
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
            (TIMESTAMP, 16),
            (CHROME, 30),
            (CREDIT, usize::MAX),
        ]
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
        let words = std::cell::OnceCell::new();
        let words = || *words.get_or_init(|| word_count(n));
        let has = |g: Groups| groups & g != 0;

        if has(HEAD) {
            if self.heading_alone.is_match(n)
                || (self.heading_tail_strong.is_match(n) && words() <= 30)
            {
                return Some(LineClass::Heading);
            }
            // `READ MORE Minister quits`: a heading in capitals, no colon.
            if self.heading_caps.is_match(n)
                && words() <= 30
                && !core
                    .split_whitespace()
                    .take(2)
                    .any(|w| w.chars().any(char::is_lowercase))
            {
                return Some(LineClass::Heading);
            }
            if self.heading_tail_weak.is_match(n) {
                let tail = core
                    .split_once([':', '|', '»', '>', '›', '►', '▶', '→', '•'])
                    .map_or("", |(_, t)| t.trim());
                if self.is_link_line(tail) {
                    return Some(LineClass::Heading);
                }
            }
        }
        // Picture credits and captions may quote anyone; judge them first.
        if has(CREDIT)
            && (self.credit_bbc.is_match(n)
                || (self.credit_label.is_match(n) && words() <= 16)
                || (self.credit_by.is_match(n) && words() <= 12)
                || self.credit_end.is_match(n)
                || is_credit_only(n))
        {
            return Some(LineClass::Line(PictureCredit));
        }
        if has(ADVERT) && self.advert.is_match(n) {
            return Some(LineClass::Line(Advertisement));
        }
        if has(TIMESTAMP)
            && words() <= 16
            && n.bytes().any(|b| b.is_ascii_digit())
            && self.timestamp.is_match(n)
        {
            return Some(LineClass::Line(Timestamp));
        }
        if has(CHROME) && words() <= 30 && self.chrome.is_match(n) {
            return Some(LineClass::Line(PageChrome));
        }
        if !has(PROMPTS) || self.speech.is_match(n) {
            return None;
        }
        if has(COMMENT)
            && ((self.comment.is_match(n) && words() <= 25) || self.comment_alone.is_match(n))
        {
            return Some(LineClass::Line(CommentPrompt));
        }
        if has(CONTACT) && words() <= 30 && self.contact.is_match(n) {
            return Some(LineClass::Line(ContactPrompt));
        }
        if has(SHARE) && ((self.share.is_match(n) && words() <= 10) || is_network_list(n)) {
            return Some(LineClass::Line(SharePrompt));
        }
        if has(NEWSLETTER)
            && words() <= 30
            && ((self.newsletter.is_match(n) && (words() <= 6 || self.newsletter_what.is_match(n)))
                || self.newsletter_any.is_match(n))
        {
            return Some(LineClass::Line(Newsletter));
        }
        if has(FOLLOW) && words() <= 16 && self.follow.is_match(n) {
            return Some(LineClass::Line(SocialFollow));
        }
        if has(COPYRIGHT)
            && words() <= 30
            && ((self.copyright.is_match(n) && self.copyright_owner.is_match(n))
                || self.rights.is_match(n))
        {
            return Some(LineClass::Line(Copyright));
        }
        if has(SOURCE) {
            if let Some(c) = self.source.captures(n) {
                let tail = c.get(1).map_or("", |m| m.as_str());
                let has_colon = n[..c.get(1).map_or(0, |m| m.start())].contains(':');
                let domain = self.domain.is_match(tail);
                if domain || (has_colon && word_count(tail) <= 6 && !tail.ends_with(['.', ','])) {
                    return Some(LineClass::Line(SourceLine));
                }
            }
        }
        if has(CLICK)
            && ((self.click.is_match(n) && words() <= 40)
                || (self.here.is_match(n) && words() <= 14))
        {
            return Some(LineClass::Line(ClickHere));
        }
        None
    }

    /// A line under a link-block heading: a link, or shaped like a headline.
    fn is_link_line(&self, core: &str) -> bool {
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

    /// A short headline ending in an all-caps tag such as `[REPORT]`.
    fn is_link_tag_line(&self, core: &str) -> bool {
        let Some(c) = self.link_tag.captures(core) else {
            return false;
        };
        let (Some(all), Some(tag)) = (c.get(0), c.get(1)) else {
            return false;
        };
        let tag = tag.as_str();
        let capitals = !tag.chars().any(char::is_lowercase);
        let known = [
            "video",
            "pics",
            "pictures",
            "photos",
            "report",
            "latest",
            "poll",
            "live",
            "watch",
            "insight",
            "analysis",
            "gallery",
            "listen",
            "opinion",
            "comment",
            "reveal",
            "quiz",
            "explained",
            "interactive",
            "map",
            "full story",
            "podcast",
            "exclusive",
            "update",
        ]
        .iter()
        .any(|k| k.eq_ignore_ascii_case(tag));
        if !(capitals || known) || DESK_TAGS.iter().any(|d| d.eq_ignore_ascii_case(tag)) {
            return false;
        }
        let head = core[..all.start()].trim_end();
        head.is_empty() || headline_shaped(head)
    }
}

/// Short, capitalised, one sentence at most and no full stop: a headline,
/// not a (wrapped) line of body copy.
fn headline_shaped(s: &str) -> bool {
    let s = s.trim();
    let Some(first) = s.chars().next() else {
        return false;
    };
    if !(first.is_uppercase()
        || first.is_ascii_digit()
        || "\"'“‘£$€[".contains(first)
        || (!first.is_alphanumeric() && !first.is_ascii()))
    {
        return false;
    }
    if s.len() > 200 || word_count(s) > 20 {
        return false;
    }
    if s.ends_with(['.', ',', ';', ':', '-']) && !s.ends_with("...") {
        return false;
    }
    // A sentence that ends inside its closing quote mark (`… 42 days.”`).
    if [".”", ".\"", ".’", ".'", ",”", ",\""]
        .iter()
        .any(|e| s.ends_with(e))
    {
        return false;
    }
    let last = s
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\''))
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if TRAILING_FUNCTION_WORDS.contains(&last) {
        return false;
    }
    // Two sentences: a lower-case word, a full stop, a capital.
    let b = s.as_bytes();
    !(2..b.len().saturating_sub(2)).any(|i| {
        b[i] == b'.'
            && b[i + 1] == b' '
            && b[i - 1].is_ascii_lowercase()
            && b[i - 2].is_ascii_lowercase()
            && b[i + 2].is_ascii_uppercase()
    })
}

/// `Getty Images`, `PA Wire/PA Images`, `AFP via Getty Images`.
fn is_credit_only(n: &str) -> bool {
    let mut agency = false;
    let mut count = 0;
    for w in n.split(|c: char| c.is_whitespace() || "/,|;".contains(c)) {
        if w.is_empty() {
            continue;
        }
        count += 1;
        if AGENCIES.contains(&w) {
            agency = true;
        } else if !CREDIT_WORDS.contains(&w) {
            return false;
        }
    }
    agency && count <= 6
}

/// `Facebook Twitter WhatsApp Email`: a row of share buttons.
fn is_network_list(n: &str) -> bool {
    let mut count = 0;
    for w in n.split(|c: char| c.is_whitespace() || "/,|·•".contains(c)) {
        if w.is_empty() {
            continue;
        }
        if !crate::lexicon::furniture::share_networks().contains(w) {
            return false;
        }
        count += 1;
    }
    count >= 2
}

#[cfg(test)]
mod tests {
    use super::BoilerplateKind::*;
    use super::*;

    fn scan(text: &str) -> Vec<(std::ops::Range<usize>, BoilerplateKind)> {
        let lines: Vec<&str> = crate::analysis::line_spans(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        let hits = BoilerplateMatcher::new(Vec::new()).scan(&lines);
        blocks([(lines.len(), hits.as_slice())])
            .into_iter()
            .map(|b| (b.first.line..b.last.line + 1, b.kind))
            .collect()
    }

    #[test]
    fn first_words_are_sorted_for_binary_search() {
        assert!(FIRST_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn furniture_lines_on_their_own() {
        let cases: &[(&str, BoilerplateKind)] = &[
            ("READ MORE: Minister quits over expenses row", LinkBlock),
            ("Published March 4, 2025 8:42am", Timestamp),
            ("Updated at 14.32 GMT", Timestamp),
            ("Posted: Mar 4, 2025 / 02:32 PM CST", Timestamp),
            ("Tue 4 Mar 2025 14.32 GMT", Timestamp),
            ("Published: 09:12 BST, 4 June 2025 | Updated: 14:32 BST, 4 June 2025", Timestamp),
            ("Key events", PageChrome),
            ("Show key events only", PageChrome),
            ("Please turn on JavaScript to use this feature", PageChrome),
            ("Scroll down for video", PageChrome),
            ("Reuse this content", PageChrome),
            ("Download the KXMT 6 News app for breaking news alerts", PageChrome),
            ("The minister in Downing Street on Monday. Photograph: Leon Marsh/Getty Images", PictureCredit),
            ("FILE - A worker drinks water in Phoenix, July 18, 2024. (Meridian Photo/Dana Ruiz, File)", PictureCredit),
            ("Read more: Minister quits over expenses row", LinkBlock),
            ("DON’T MISS:", LinkBlock),
            ("Don't miss", LinkBlock),
            ("  MORE ON THIS STORY  ", LinkBlock),
            ("Related: Council tax to rise by 5% in April", LinkBlock),
            ("Related stories", LinkBlock),
            ("SEE ALSO", LinkBlock),
            ("ALSO READ | Heatwave warning issued for southern England", LinkBlock),
            ("Most Read", LinkBlock),
            ("RECOMMENDED", LinkBlock),
            ("You may also like", LinkBlock),
            ("**READ MORE:**", LinkBlock),
            ("## Related", LinkBlock),
            ("👉 Read more »", LinkBlock),
            ("Minister quits over expenses row [REPORT]", LinkTag),
            ("• Floods: Homes evacuated in Yorkshire [PICS]", LinkTag),
            ("Storm Ciarán batters coast [VIDEO] ", LinkTag),
            ("Which party is winning? [POLL]", LinkTag),
            ("Scroll down to our comments section to have your say", CommentPrompt),
            ("Have your say in the comments below", CommentPrompt),
            ("Join the debate", CommentPrompt),
            ("Let us know in the comments", CommentPrompt),
            ("What do you think? Let us know in the comments below.", CommentPrompt),
            ("142 comments", CommentPrompt),
            ("Share on Facebook", SharePrompt),
            ("Share via email", SharePrompt),
            ("SHARE THIS ARTICLE", SharePrompt),
            ("Facebook Twitter WhatsApp Email", SharePrompt),
            ("Sign up to our free Morning Briefing newsletter", Newsletter),
            ("Subscribe to The Daily Record’s breaking news alerts", Newsletter),
            ("Get the best stories straight to your inbox – sign up to our newsletter", Newsletter),
            ("Follow me on Twitter @jsmith", SocialFollow),
            ("Follow us on Facebook", SocialFollow),
            ("Follow Jane Smith on X: @jsmith", SocialFollow),
            ("Follow\u{a0}@DailyWire", SocialFollow),
            ("Advertisement", Advertisement),
            ("ADVERTISEMENT", Advertisement),
            ("- Advertisement -", Advertisement),
            ("Story continues below advertisement", Advertisement),
            ("(Picture: PA)", PictureCredit),
            ("Photo: Reuters", PictureCredit),
            ("Image: Getty Images", PictureCredit),
            ("Firefighters at the scene in Salford on Tuesday (Picture: Manchester Evening News)", PictureCredit),
            ("Protesters outside Parliament on Monday (AP Photo/Jane Doe)", PictureCredit),
            ("Image source, Getty Images", PictureCredit),
            ("Image caption, Residents were moved to a nearby leisure centre", PictureCredit),
            ("PA Wire/PA Images", PictureCredit),
            ("AFP via Getty Images", PictureCredit),
            ("source: example.com", SourceLine),
            ("Source: https://www.example.org/report", SourceLine),
            ("Source: ONS", SourceLine),
            ("Click here to read the full report", ClickHere),
            ("To watch the video, tap here.", ClickHere),
            ("Read the full judgment here", ClickHere),
            ("© 2026 Example Media Ltd. All rights reserved.", Copyright),
            ("Copyright 2026 The Associated Example. All rights reserved.", Copyright),
            ("All Rights Reserved", Copyright),
            ("This material may not be published, broadcast, rewritten or redistributed.", Copyright),
            ("Most read in Business", LinkBlock),
            ("READ MORE ► Minister quits over row", LinkBlock),
            ("READ MORE Minister quits over row", LinkBlock),
            ("Watch: Moment car ploughs into shop window", LinkBlock),
            ("Join us on WhatsApp", SocialFollow),
            ("For the latest updates, follow us on Instagram", SocialFollow),
            ("Like us on Facebook", SocialFollow),
            ("Photo by Jane Doe on Unsplash", PictureCredit),
            ("Credit: Jane Doe", PictureCredit),
            ("(Image: Getty Images)", PictureCredit),
            ("View 12 comments", CommentPrompt),
            ("Comments (12)", CommentPrompt),
            ("Copy link", SharePrompt),
            ("Got a story? Email news@example.co.uk", ContactPrompt),
            ("Have you been affected by the floods? Get in touch: newsdesk@example.com", ContactPrompt),
            ("Do you have a story to share? Contact us in confidence", ContactPrompt),
            ("Print this page", SharePrompt),
            ("Please click here to donate", ClickHere),
            ("CONTINUE READING", Advertisement),
            ("Copyright © 2026 Example News Group", Copyright),
        ];
        for (line, kind) in cases {
            assert_eq!(scan(line), vec![(0..1, *kind)], "{line:?}");
            // Tabs, NBSP and trailing spaces do not change the verdict.
            let padded = format!("\t{}\u{a0} ", line.replace(' ', "\u{a0}"));
            assert_eq!(scan(&padded), vec![(0..1, *kind)], "{padded:?}");
        }
    }

    #[test]
    fn body_copy_that_resembles_furniture_is_left_alone() {
        let body = [
            "Police said the source of the fire was a faulty heater.",
            "Click, the new app from the Cambridge start-up, has 2m users.",
            "Read more widely, she urged.",
            // A colon after `Related` with body copy after it is copy, not a link.
            "Related: the two cases were heard together, the court was told.",
            "Follow the money, the inspector told the jury.",
            "Photo ID will be required at polling stations, officials said.",
            "The advertisement was banned by the watchdog on Wednesday.",
            "Share prices fell 3% on Monday.",
            "Updated forecasts from the OBR are due on Wednesday.",
            "On Tuesday, 4 March, the talks resumed at 9am.",
            "Key events in the trial were reported across Europe.",
            "Download speeds fell sharply after the outage, the regulator said.",
            "March 4 was the date the council chose.",
            "He said he would have his say at the meeting.",
            "Sources close to the minister said she would not resign.",
            "Image rights are a growing source of income for players.",
            "Comments made by the chief constable were criticised by MPs.",
            "Share this with your MP, campaigners urged residents.",
            "Follow-up tests showed no trace of the virus.",
            "More than 200 people attended the vigil in Bristol on Sunday.",
            "Most of the residents had left before the flood barrier failed.",
            "See you in court, he told the reporter.",
            "Subscribers to the service will pay £4.99 a month from June.",
            "Copyright law is being reviewed by the Intellectual Property Office.",
            "Picture the scene: 40,000 fans singing in the rain.",
            "Pictures of the damage were shared widely on social media.",
            "Recommended by the committee, the plan was adopted in 2024.",
            "Latest figures show unemployment rose to 4.4% in the quarter.",
            "Join the queue, the doorman said.",
            "Tap water in the area is safe to drink, the water company said.",
            "Advertising revenue fell by a fifth, the company said.",
            "Via Rail cancelled all services between Toronto and Montreal.",
            "Sign language interpreters will be present at every briefing.",
            "You may also like to know that the museum reopens in May, the council said.",
            "The Reuters news agency first reported the sale.",
            "Getty, the oil dynasty, funded the gallery’s extension.",
            "Watch out for black ice on untreated roads, forecasters warned.",
            "Copy editors at the paper voted to strike.",
            "In pictures released by the palace, the King is seen smiling.",
            "All four suspects were released on bail (PA reported).",
            "Sign up for the scheme closes on Friday.",
            "Have you been affected? It is a question the inquiry will ask, the chairman told MPs.",
            "Were you there when it happened?” the barrister asked.",
            "Email records showed the minister had been warned in 2023.",
            "Contact with the crew was lost at 3am.",
            "Get in touch with reality, the judge told the defendant.",
            "Latest: the bridge reopened at 6pm after repairs, the council said.",
            "More than 40 people have been injured, police said.",
            "Don't miss out on the sale, the retailer urged.",
            "Share this story on social media, campaigners said.",
            "Protesters gathered outside (pictured) the embassy",
            "Britain’s economy grew by 0.2% (ONS)",
        ];
        assert!(body.len() >= 25);
        for line in body {
            assert_eq!(scan(line), vec![], "{line:?}");
        }
        // Nor as one paragraph of copy.
        assert_eq!(scan(&body.join("\n")), vec![]);
    }

    #[test]
    fn a_heading_takes_its_link_lines_and_stops_at_copy() {
        let text = "READ MORE:\n• Minister quits over expenses row\n• Council tax to rise by 5% [LATEST]\n- [Floods hit Yorkshire](https://example.com/floods)\nThe minister did not respond to requests for comment.";
        assert_eq!(scan(text), vec![(0..4, LinkBlock)]);
    }

    #[test]
    fn a_heading_with_its_headline_then_more_links() {
        let text = "Ministers will meet on Friday to agree the plan.\r\nDON’T MISS: PM faces fresh questions over donor\r\nHeatwave warning issued for southern England\r\n";
        assert_eq!(scan(text), vec![(1..3, LinkBlock)]);
    }

    #[test]
    fn a_wrapped_body_line_ends_a_block() {
        let text = "More on this story\nCouncil tax to rise by 5% in April\nThe council said the rise was needed to\nprotect adult social care.";
        assert_eq!(scan(text), vec![(0..2, LinkBlock)]);
    }

    #[test]
    fn a_caption_credit_inside_copy() {
        let text = "Crowds gathered outside the court on Monday.\nThe defendant arrives at Leeds Crown Court (Picture: Ross Parry)\nThe trial continues.";
        assert_eq!(scan(text), vec![(1..2, PictureCredit)]);
    }

    #[test]
    fn neighbouring_lines_of_one_kind_join() {
        let text =
            "Share on Facebook\nShare on Twitter\nShare via email\nFollow us on Instagram 📸";
        assert_eq!(scan(text), vec![(0..3, SharePrompt), (3..4, SocialFollow)]);
    }

    #[test]
    fn us_paste_with_furniture_between_paragraph_lines() {
        let text = "WASHINGTON — The Senate passed the bill late Tuesday.\nADVERTISEMENT\nThe vote was 52 to 48.\nSign up for our Politics newsletter\nClick here to get alerts on your phone.";
        assert_eq!(
            scan(text),
            vec![(1..2, Advertisement), (3..4, Newsletter), (4..5, ClickHere)]
        );
    }

    #[test]
    fn desk_notes_in_brackets_are_not_link_tags() {
        for line in [
            "Minister quits over expenses row [CHECK]",
            "The inquiry reports on 3 June [TBC]",
            "Ms Patel, 42 [TK]",
        ] {
            assert_eq!(scan(line), vec![], "{line}");
        }
    }

    #[test]
    fn configured_patterns_are_custom_lines() {
        let m = BoilerplateMatcher::new(vec![Regex::new(r"^Listen to this article").unwrap()]);
        let lines = [
            "  Listen to this article (4 min)",
            "The copy.",
            "Advertisement",
        ];
        let hits = m.scan(&lines);
        let kinds: Vec<_> = blocks([(lines.len(), hits.as_slice())])
            .into_iter()
            .map(|b| (b.first.line, b.lines, b.kind))
            .collect();
        assert_eq!(kinds, vec![(0, 1, Custom), (2, 1, Advertisement)]);
    }

    /// A long article in wire style: varied body paragraphs, with a link
    /// block every 10th paragraph, a caption credit every 13th and a figure
    /// placeholder every 7th. Returns (text, link blocks, credits, placeholders).
    pub(crate) fn long_article(target: usize) -> (String, usize, usize, usize) {
        let body = [
            "The Chancellor said on Tuesday that the £{n}m package would be “fully funded”, but Labour’s Rachel Okoro said the sums did not add up.",
            "Police said a 34-year-old man from Salford had been arrested on suspicion of assault and released on bail pending further inquiries.",
            "“We’ve been told nothing,” said Mrs Jones, 71, who has lived on the estate for {n} years. “Nobody from the council has been here.”",
            "The report, published by the Office for National Statistics, found that 1 in {n} households had fallen behind on energy bills.",
            "WASHINGTON — Senate Republicans blocked the measure late Tuesday, arguing that it would add ${n} billion to the deficit over a decade.",
            "Share prices fell 3% on Monday after the company warned that profits would miss forecasts, sending the FTSE 100 lower.",
            "Mr Kuleba told reporters in Kyiv that the talks had been “constructive”, adding:\u{a0}“We expect an answer within {n} days.”",
            "The café’s owner, Zoë Brontë-Smith, said she had seen the source of the smoke from the window 🔥 and called 999.",
            "Follow the money, the inspector told the jury at Southwark Crown Court, which heard the fraud ran for {n} months.",
            "Residents were told to keep windows closed, and the Environment Agency said the river would peak on Thursday.",
            "Photo ID will be required at polling stations, officials said, and voters without it can apply for a free certificate.",
            "According to the filing, the firm paid ${n}m to settle the claims without admitting liability, a spokesperson confirmed.",
        ];
        let mut text = String::with_capacity(target + 1024);
        let (mut blocks, mut credits, mut placeholders) = (0, 0, 0);
        let mut p = 0usize;
        while text.len() < target {
            let para = body[p % body.len()].replace("{n}", &(p % 97 + 3).to_string());
            text.push_str(&para);
            if p % 7 == 3 {
                text.push_str(" The bill will cost £XXm, officials said.");
                placeholders += 1;
            }
            if p % 13 == 5 {
                text.push_str("\r\nThe scene on the A6 near Buxton on Monday (Picture: PA)");
                credits += 1;
            }
            text.push_str("\n\n");
            if p % 10 == 9 {
                text.push_str("READ MORE:\n• Minister quits over expenses row\n• Heatwave warning for the south [LATEST]\n\n");
                blocks += 1;
            }
            p += 1;
        }
        (text, blocks, credits, placeholders)
    }

    #[test]
    fn a_long_generated_article_finds_exactly_what_was_planted() {
        use crate::analysis::Language;
        use crate::checks::check_text;
        use crate::config::Config;
        let (text, blocks, credits, placeholders) = long_article(1 << 20);
        let checked = check_text(&text, Language::PlainText, &Config::default());
        let count = |code: &str, needle: &str| {
            checked
                .findings
                .iter()
                .filter(|f| f.code == code && text[f.range.clone()].contains(needle))
                .count()
        };
        let furniture = checked
            .findings
            .iter()
            .filter(|f| f.code == "boilerplate")
            .count();
        assert_eq!(count("boilerplate", "READ MORE:"), blocks);
        assert_eq!(count("boilerplate", "(Picture: PA)"), credits);
        assert_eq!(furniture, blocks + credits);
        let found = checked
            .findings
            .iter()
            .filter(|f| f.code == "placeholder")
            .count();
        assert_eq!(count("placeholder", "£XXm"), placeholders);
        assert_eq!(found, placeholders);
    }

    /// Throughput by hand: `cargo test --release -- --ignored throughput --nocapture`.
    #[test]
    #[ignore]
    fn throughput() {
        use crate::analysis::Scanner;
        let (text, ..) = long_article(1 << 20);
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let scanner = Scanner::default();
        let lines: Vec<Vec<&str>> = paragraphs.iter().map(|p| p.lines().collect()).collect();
        let bp = BoilerplateMatcher::new(Vec::new());
        let ph = crate::analysis::PlaceholderMatcher::new(Vec::new());
        let mb = text.len() as f64 / 1e6;
        // Best of 20 runs: the machine is shared, the best run is the engine's speed.
        let time = |f: &dyn Fn() -> usize| {
            let mut best = f64::MAX;
            let mut n = 0;
            for _ in 0..20 {
                let t = std::time::Instant::now();
                n += f();
                best = best.min(t.elapsed().as_secs_f64());
            }
            (mb / best, n)
        };
        let (b, _) = time(&|| lines.iter().map(|l| bp.scan(l).len()).sum());
        let (p, _) = time(&|| paragraphs.iter().map(|t| ph.scan(t).len()).sum());
        let (s, _) = time(&|| paragraphs.iter().map(|t| scanner.scan(t).lines.len()).sum());
        let (m, _) = time(&|| {
            paragraphs
                .iter()
                .map(|t| crate::analysis::names::scan_mentions(t).len())
                .sum()
        });
        let config = crate::config::Config::default();
        let check = || {
            crate::checks::check_text(&text, crate::analysis::Language::PlainText, &config)
                .findings
                .len()
        };
        let (c, findings) = time(&check);
        eprintln!(
            "{mb:.2} MB: boilerplate {b:.0} MB/s, placeholder {p:.0} MB/s, name mentions {m:.0} MB/s, Scanner::scan {s:.0} MB/s, check_text {c:.0} MB/s ({} findings)",
            findings / 20
        );
    }

    proptest::proptest! {
        #[test]
        fn hits_are_ordered_disjoint_and_in_range(
            lines in proptest::collection::vec(
                r"(READ MORE:|Share on |Follow us on X|\(Picture: PA\)|\[REPORT\]|©|[A-Za-z ’'\u{a0}\t:.,()\[\]•é🔥])*",
                0..8,
            )
        ) {
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let hits = BoilerplateMatcher::new(vec![Regex::new("^Z").unwrap()]).scan(&lines);
            let mut at = 0;
            for h in &hits {
                proptest::prop_assert!(h.line >= at && h.line < lines.len());
                at = h.line + 1;
            }
            let mut last = None;
            for b in blocks([(lines.len(), hits.as_slice())]) {
                proptest::prop_assert!(b.first <= b.last && b.last.line < lines.len());
                proptest::prop_assert!(last.is_none_or(|l| l < b.first));
                last = Some(b.last);
            }
        }
    }

    #[test]
    fn never_panics_on_odd_lines() {
        for line in [
            "",
            " ",
            "\u{a0}",
            "[",
            "]",
            "(",
            ")",
            "©",
            "READ MORE:",
            ":",
            "»",
            "💥💥",
            "Source:",
            "h/t",
            "[É]",
            "Photo:",
            "\u{2028}",
            "x",
            "(c)",
            "é[ÉÉ]",
        ] {
            let _ = scan(line);
        }
    }
}
