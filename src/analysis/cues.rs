//! Attribution cues in one paragraph (pure): speech verbs outside quotes,
//! the speaker phrase next to each (`Mr Kuleba said`, `said the minister`,
//! `according to a senior official`), the cue that attributes each quote,
//! and the role phrases that tie a role to a name
//! (`Ukraine’s Foreign Minister Dmytro Kuleba`, `Antony Blinken, the US secretary of state,`).

use std::ops::Range;

use super::names::Gender;
use super::quotes::{QuoteKind, QuoteSpan};

/// A word list as a set, built once.
pub type WordSet = std::sync::LazyLock<std::collections::HashSet<&'static str>>;

/// Whether `word` is in a word set.
pub fn is_in(set: &WordSet, word: &str) -> bool {
    set.contains(word)
}

pub static ROLE_NOUNS_SET: WordSet = WordSet::new(|| ROLE_NOUNS.iter().copied().collect());
pub static CUE_VERBS_SET: WordSet =
    WordSet::new(|| crate::lexicon::quotes::speech_verbs().iter().collect());
pub static NOT_NAMES_SET: WordSet = WordSet::new(|| NOT_NAMES.iter().copied().collect());
pub static ORG_NOUNS_SET: WordSet = WordSet::new(|| ORG_NOUNS.iter().copied().collect());
pub static SOURCE_NOUNS_SET: WordSet = WordSet::new(|| SOURCE_NOUNS.iter().copied().collect());
pub static CLAUSE_WORDS_SET: WordSet = WordSet::new(|| CLAUSE_WORDS.iter().copied().collect());

/// A pronoun used as a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
}

/// What kind of phrase names the speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhraseKind {
    Pronoun(Pronoun),
    /// A name (`Mr Kuleba`, `Dmytro Kuleba`, `Okoro`), maybe with a role.
    Named,
    /// A definite role noun (`the minister`, `Ukraine’s Foreign Minister`, `the Russian`).
    Role,
    /// An anonymous source (`a senior official`, `one diplomat`, `analysts`).
    Anonymous,
    /// An organisation (`the ministry`, `The Post`, `the White House`).
    Organisation,
    /// No subject of its own (`…, but added:`): the previous cue's speaker.
    Elided,
}

/// The phrase naming the speaker of a cue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerPhrase {
    /// The whole phrase, paragraph-relative.
    pub range: Range<usize>,
    pub kind: PhraseKind,
    /// For `Named`: the name tokens (without role words).
    pub name: Option<Range<usize>>,
    /// A role attached in the phrase (`the British foreign secretary`).
    pub role: Option<Range<usize>>,
    /// Lower-case head noun for roles, sources and organisations (`minister`).
    pub head: Option<String>,
    /// Gender the phrase shows (`spokeswoman`, `one mother`, `he`).
    pub gender: Option<Gender>,
    /// The texts of `range`, `name` and `role` (spaces normalised).
    pub text: String,
    pub name_text: Option<String>,
    pub role_text: Option<String>,
}

/// A speech verb (or `according to`) outside quotes and its speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The cue words (`said`, `according to`, `went on to say`).
    pub verb: Range<usize>,
    /// The cue as written, lower-cased.
    pub word: String,
    pub speaker: Option<SpeakerPhrase>,
}

/// A cue at the end of a paragraph that can attribute the next paragraph's
/// opening quote: the index of the cue in the paragraph's cues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trailing {
    /// `He added:`
    Colon(usize),
    /// A last sentence of reported speech (`She said the plan had failed.`).
    Reported(usize),
}

impl Trailing {
    pub fn cue(self) -> usize {
        match self {
            Trailing::Colon(c) | Trailing::Reported(c) => c,
        }
    }
}

/// A role tied to a name in the copy, paragraph-relative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleLink {
    pub name: Range<usize>,
    pub role: Range<usize>,
    pub name_text: String,
    pub role_text: String,
}

/// Verbs of reported speech: a sentence with one of these can be followed by
/// the speaker's quote (`X said the talks had failed. “…”`).
#[rustfmt::skip]
pub const REPORTING: &[&str] = &[
    "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "insisted", "insists",
    "argued", "argues", "explained", "explains", "warned", "warns", "continued", "stressed",
    "noted", "recalled", "recalls", "admitted", "acknowledged", "conceded", "claimed",
];

/// Cues that attribute only a quote right after them (`called it “…”`).
#[rustfmt::skip]
const WEAK_CUES: &[&str] = &[
    "called", "calls", "calling", "described", "describes", "read", "reads", "agreed", "post",
    "posts", "state", "states", "report", "reports", "note", "notes", "claims", "continue",
    "continues",
    "dubbed", "branded", "labelled", "labeled", "hailed", "denounced", "slammed", "criticised",
    "criticized", "condemned", "praised", "welcomed",
];

const PRONOUNS: &[(&str, Pronoun)] = &[
    ("he", Pronoun::He),
    ("she", Pronoun::She),
    ("they", Pronoun::They),
    ("it", Pronoun::It),
];

/// Nouns that head a role (`the minister`, `Labour’s defence spokesman`).
#[rustfmt::skip]
pub const ROLE_NOUNS: &[&str] = &[
    "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "chair", "chairman",
    "chairwoman", "president", "governor", "chancellor", "leader", "director", "chief", "executive",
    "officer", "manager", "coach", "captain", "head", "headteacher", "economist", "analyst",
    "lawyer", "barrister", "attorney", "judge", "justice", "senator", "sen", "gov", "mayor",
    "councillor", "cllr", "curator", "helmsman", "adviser", "advisor", "aide", "ambassador",
    "commissioner", "inspector", "insp", "det", "supt", "superintendent", "prosecutor", "counsel",
    "general", "speaker", "treasurer", "supervisor", "founder", "editor", "correspondent",
    "counterpart", "envoy", "negotiator", "mp", "mep", "deputy", "professor", "prof", "volunteer",
    "owner", "ceo", "boss", "striker", "midfielder", "goalkeeper", "defender", "winger", "forward",
    "player", "skipper", "referee", "trainer", "commander", "colonel", "detective", "constable",
    "premier", "king", "queen", "prince", "princess", "pope", "bishop", "archbishop", "rep",
    "representative", "congressman", "congresswoman", "chairs", "novelist", "author",
    "director-general", "secretary-general", "russian", "american", "briton", "ukrainian",
    "frenchman", "german", "italian", "spaniard", "australian", "irishman", "scot", "welshman",
    "dutchman", "veteran", "youngster", "teenager", "champion", "star", "actor", "actress",
    "singer", "presenter", "comedian",
];

/// Nouns that head an anonymous source.
#[rustfmt::skip]
const SOURCE_NOUNS: &[&str] = &[
    "official", "officials", "diplomat", "diplomats", "source", "sources", "aide", "aides",
    "spokesman", "spokeswoman", "spokesperson", "engineer", "mother", "father", "man", "woman",
    "resident", "residents", "analyst", "analysts", "worker", "workers", "employee", "employees",
    "member", "members", "insider", "insiders", "critics", "campaigners", "supporters",
    "protesters", "witness", "witnesses", "neighbour", "neighbor", "parent", "parents", "officer",
    "officers", "student", "students", "teacher", "nurse", "doctor", "executive", "adviser",
    "person", "people", "fan", "fans", "voter", "voters", "lawmaker", "lawmakers", "prosecutors",
    "investigators", "experts", "economists", "observers", "shopper", "passenger", "passengers",
    "driver", "pupil", "friend", "relative", "relatives", "colleague", "colleagues", "manager",
    "director", "wife", "husband", "daughter", "son", "sister", "brother",
];

/// Nouns that head an organisation.
#[rustfmt::skip]
const ORG_NOUNS: &[&str] = &[
    "ministry", "department", "office", "association", "committee", "council", "government",
    "company", "firm", "force", "police", "post", "times", "newspaper", "paper", "campaign",
    "union", "trust", "agency", "airport", "bank", "club", "court", "house", "group", "inc", "ltd",
    "plc", "party", "administration", "authority", "commission", "board", "service", "services",
    "charity", "fund", "foundation", "institute", "university", "school", "team", "federation",
    "organisation", "organization", "corporation", "chamber", "society", "alliance", "network",
    "coastguard", "army", "navy", "kremlin", "pentagon", "fed", "treasury", "nhs", "bbc", "centre",
    "center", "hospital", "website", "statement", "operator", "retailer", "chain", "insurer",
    "lender", "regulator", "watchdog", "tribunal", "embassy", "mission", "secretariat", "cabinet",
    "parliament", "senate", "congress", "research", "partners", "securities", "capital", "holdings",
    "media", "press", "news", "report", "study", "survey", "memo", "letter", "filing", "review",
    "judgment", "ruling", "inquiry", "document", "poll", "audit", "rail", "railway", "railways",
    "railroad", "trains", "airline", "airlines", "airways", "transit", "transport", "buses",
    "energy", "water", "utilities", "telecom", "motors", "pharmaceuticals", "systems",
    "technologies", "semiconductor", "studios", "records", "entertainment", "league", "fc",
    "museum", "library", "gallery", "festival", "prison", "station", "brigade",
    "complaint", "indictment", "lawsuit", "affidavit", "documents", "papers", "figures", "data",
    "estimates", "analysis", "transcript", "minutes", "forecast", "forecasts", "census", "findings",
    "records", "submission", "filings", "statistics", "petition", "motion", "guidance",
    "policy", "plan", "proposal", "proposals", "notice", "body", "squad",
];

#[rustfmt::skip]
const FEMALE_NOUNS: &[&str] = &[
    "mother", "woman", "wife", "daughter", "spokeswoman", "chairwoman", "sister", "girl",
    "grandmother", "businesswoman", "actress", "congresswoman", "queen", "princess",
];
#[rustfmt::skip]
const MALE_NOUNS: &[&str] = &[
    "father", "man", "husband", "son", "spokesman", "chairman", "brother", "boy", "grandfather",
    "businessman", "congressman", "king", "prince", "frenchman", "irishman", "welshman", "dutchman",
    "helmsman",
];

#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "some", "two", "three", "several", "many", "his", "her",
    "its", "their", "our", "this", "that", "these", "those",
];

/// Words that end a speaker phrase walking back from the verb.
#[rustfmt::skip]
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "as", "after", "before", "when",
    "while", "because", "if", "since", "than", "is", "was", "were", "are", "be", "been", "not",
    "to", "on", "with", "by", "where", "said", "says", "told", "so", "then", "also", "although",
    "though", "until", "once", "we", "i", "you", "had", "has", "have", "would", "will", "could",
    "should", "did", "does", "do",
];

/// Adverbs and auxiliaries between a subject and its verb (`has previously described`).
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "also", "later", "then", "has", "have", "had", "previously", "further", "simply", "again",
    "once", "repeatedly", "reportedly", "recently", "publicly", "privately", "quickly", "would",
    "will", "often", "earlier", "subsequently", "angrily", "flatly", "bluntly", "simply", "told",
    "once",
];

/// Capitalised words that start a sentence and are not names.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "one", "some", "in", "at", "on", "by",
    "asked", "speaking", "sentencing", "opening", "but", "and", "later", "outside", "after",
    "before", "when", "while", "this", "that", "it", "he", "she", "they", "we", "i", "there", "if",
    "as", "for", "from", "with", "arguing", "according", "supporters", "analysts", "critics",
    "campaigners", "residents", "patients", "parents", "business", "markets", "relatives",
    "commuters", "holidaymakers", "volunteers", "police", "prosecutors", "shares", "several", "two",
    "three", "many", "no", "yes", "of", "to", "any", "every", "each", "so", "then", "meanwhile",
    "however", "instead", "nobody", "someone", "everyone", "former", "local", "state", "county",
    "city", "manager", "chief", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "july", "september",
    "october", "november", "december", "several", "most", "few", "speaking", "labour",
    "conservative", "conservatives", "hours", "days", "weeks", "months", "years", "minutes",
    "moments", "seconds", "decades", "today", "yesterday", "tonight", "now",
];

/// Whether a capitalised word cannot start a person's name (`The`, `Several`, `Monday`).
pub fn not_a_name(word: &str) -> bool {
    is_in(&NOT_NAMES_SET, &bare(word))
}

/// Whether a noun names an anonymous source (`official`, `spokesman`, `aide`).
pub fn is_source_noun(word: &str) -> bool {
    is_in(&SOURCE_NOUNS_SET, word)
}

/// Whether a word heads an organisation's name (`Agency`, `Services`, `Post`).
pub fn is_org_word(word: &str) -> bool {
    is_in(&ORG_NOUNS_SET, &bare(word))
}

/// Honorifics that are not part of the name itself.
#[rustfmt::skip]
const NAME_HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "rev", "cllr",
];

/// Full stops after these do not end a sentence.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "prof",
    "jr", "sr", "no", "vs", "u.s", "u.k", "u.n", "a.m", "p.m", "inc", "co", "det", "insp", "supt",
    "cllr", "rev", "hon", "fr", "e.g", "i.e", "etc", "approx", "est", "dept",
];

#[derive(Clone, Debug)]
enum Item {
    Word {
        range: Range<usize>,
        cap: bool,
    },
    Punct {
        at: usize,
        ch: char,
    },
    /// An outermost quote: index among outer spans.
    Quote {
        index: usize,
        range: Range<usize>,
    },
}

impl Item {
    fn start(&self) -> usize {
        match self {
            Item::Word { range, .. } | Item::Quote { range, .. } => range.start,
            Item::Punct { at, .. } => *at,
        }
    }
    fn end(&self) -> usize {
        match self {
            Item::Word { range, .. } | Item::Quote { range, .. } => range.end,
            Item::Punct { at, ch } => at + ch.len_utf8(),
        }
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '’' | '\'' | '-' | '.' | '‑')
}

/// Words, punctuation and outer quotes outside quotes, in order.
fn items(text: &str, outer: &[&QuoteSpan]) -> Vec<Item> {
    let mut out = Vec::new();
    let mut q = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if let Some(span) = outer.get(q) {
            if at >= span.open.start {
                let end = span.end(text.len());
                out.push(Item::Quote {
                    index: q,
                    range: span.open.start..end,
                });
                q += 1;
                while i < chars.len() && chars[i].0 < end {
                    i += 1;
                }
                continue;
            }
        }
        if c.is_alphanumeric() {
            let start = at;
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if cj.is_alphanumeric()
                    || (is_joiner(cj) && chars.get(j + 1).is_some_and(|x| x.1.is_alphanumeric()))
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |x| x.0);
            out.push(Item::Word {
                range: start..end,
                cap: c.is_uppercase()
                    || (c.is_lowercase() && super::names::is_joined_particle(&text[start..end])),
            });
            i = j;
        } else {
            if !c.is_whitespace() {
                out.push(Item::Punct { at, ch: c });
            }
            i += 1;
        }
    }
    out
}

fn lower(text: &str, r: &Range<usize>) -> String {
    text[r.clone()].to_lowercase()
}

/// The bare lower-case form of a word: no possessive, no full stop.
fn bare(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w
        .strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(&w)
        .to_string();
    w.trim_end_matches('.').to_string()
}

/// A full stop right after an abbreviation (`Mr.`, `U.S.`, `Sen.`).
fn is_abbrev_dot(text: &str, items: &[Item], k: usize) -> bool {
    match (&items[k], k.checked_sub(1).map(|j| &items[j])) {
        (Item::Punct { ch: '.', at }, Some(Item::Word { range, .. })) if range.end == *at => {
            let w = lower(text, range);
            ABBREVIATIONS.contains(&w.as_str())
                || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
        }
        _ => false,
    }
}

/// Sentence number of every item.
fn sentences(text: &str, items: &[Item], outer: &[&QuoteSpan]) -> Vec<usize> {
    let mut ids = Vec::with_capacity(items.len());
    let mut id = 0;
    for (k, item) in items.iter().enumerate() {
        ids.push(id);
        let next_starts = match items.get(k + 1) {
            None => false,
            Some(Item::Word { cap, .. }) => *cap,
            Some(Item::Quote { .. }) => true,
            Some(Item::Punct { ch, .. }) => matches!(ch, '(' | '[' | '“' | '"' | '‘'),
        };
        let ends = match item {
            Item::Punct { ch, at } => {
                let abbrev = matches!(ch, '.')
                    && k > 0
                    && matches!(&items[k - 1], Item::Word { range, .. } if range.end == *at && {
                        let w = lower(text, range);
                        ABBREVIATIONS.contains(&w.as_str())
                            || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
                    });
                matches!(ch, '.' | '?' | '!' | '…') && !abbrev && next_starts
            }
            Item::Quote { index, .. } => {
                let last = outer[*index].last_char;
                // `“…?” Klein asked.`: a cue right after keeps the sentence going.
                let cue_follows = items[k + 1..].iter().take(4).any(|it| match it {
                    Item::Word { range, cap: false } => is_in(&CUE_VERBS_SET, &lower(text, range)),
                    _ => false,
                });
                (last == Some('.') || matches!(last, Some('?' | '!')) && !cue_follows)
                    && next_starts
            }
            Item::Word { .. } => false,
        };
        if ends {
            id += 1;
        }
    }
    ids
}

/// A name word: capitalised and not a sentence-opening function word.
fn is_name_word(text: &str, items: &[Item], k: usize) -> bool {
    match &items[k] {
        Item::Word { range, cap: true } => {
            let w = bare(&text[range.clone()]);
            !is_in(&NOT_NAMES_SET, w.as_str()) && !PRONOUNS.iter().any(|(p, _)| *p == w)
        }
        _ => false,
    }
}

fn gender_of(head: &str) -> Option<Gender> {
    if FEMALE_NOUNS.contains(&head) {
        Some(Gender::Female)
    } else if MALE_NOUNS.contains(&head) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Classifies the words `from..to` (item indices) as a speaker phrase.
fn phrase(text: &str, items: &[Item], from: usize, to: usize) -> Option<SpeakerPhrase> {
    if from >= to {
        return None;
    }
    let words: Vec<usize> = (from..to)
        .filter(|&k| matches!(items[k], Item::Word { .. }))
        .collect();
    let first = *words.first()?;
    let last = *words.last()?;
    let range = items[first].start()..items[last].end();
    let w = |k: usize| bare(&text[items[k].start()..items[k].end()]);
    if words.len() == 1 {
        if let Some((_, p)) = PRONOUNS.iter().find(|(p, _)| *p == w(first)) {
            let gender = match p {
                Pronoun::He => Some(Gender::Male),
                Pronoun::She => Some(Gender::Female),
                _ => None,
            };
            return Some(SpeakerPhrase {
                range,
                kind: PhraseKind::Pronoun(*p),
                name: None,
                role: None,
                head: None,
                gender,
                text: String::new(),
                name_text: None,
                role_text: None,
            });
        }
    }
    // The head noun: the last word before a preposition or relative word.
    let mut head_at = last;
    for &k in &words {
        let lw = w(k);
        if k > first
            && matches!(
                lw.as_str(),
                "of" | "for" | "at" | "from" | "in" | "who" | "whose" | "which" | "with"
            )
        {
            break;
        }
        head_at = k;
    }
    let head = w(head_at);
    let first_word = w(first);
    let starts_with_det = DETERMINERS.contains(&first_word.as_str());
    // A run of name words ending the phrase (or ending at the head).
    let name_words: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&k| k <= head_at && is_name_word(text, items, k))
        .collect();
    let org_head = is_in(&ORG_NOUNS_SET, head.as_str());
    let the_proper = first_word == "the"
        && name_words.len() == words.len().saturating_sub(1)
        && !name_words.is_empty()
        && !is_in(&ROLE_NOUNS_SET, head.as_str());
    if matches!(
        first_word.as_str(),
        "several" | "many" | "some" | "two" | "three" | "four" | "most" | "few"
    ) {
        return Some(SpeakerPhrase {
            range,
            kind: PhraseKind::Anonymous,
            name: None,
            role: None,
            head: Some(head),
            gender: None,
            text: String::new(),
            name_text: None,
            role_text: None,
        });
    }
    if words.len() == 1 && starts_with_det {
        return None;
    }
    if !name_words.is_empty() && !org_head && !the_proper {
        // Name tokens: the trailing run of name words, after any role noun.
        let mut start = name_words.len();
        while start > 0 {
            let k = name_words[start - 1];
            if is_in(&ROLE_NOUNS_SET, &w(k))
                || w(k).contains("-of-")
                || (start < name_words.len() && name_words[start] != k + 1)
            {
                break;
            }
            start -= 1;
        }
        let mut run = &name_words[start..];
        while run.len() > 1 && NAME_HONORIFICS.contains(&w(run[0]).as_str()) {
            run = &run[1..];
        }
        if let (Some(&a), Some(&b)) = (run.first(), run.last()) {
            if b == head_at {
                // The words before the name, less its honorific (`Mr`,
                // `Dr`): those are no role.
                let honorific = |k: usize| NAME_HONORIFICS.contains(&w(k).as_str());
                let mut end = a;
                while end > first {
                    if honorific(end - 1) {
                        end -= 1;
                    } else if end - 1 > first
                        && is_abbrev_dot(text, items, end - 1)
                        && honorific(end - 2)
                    {
                        end -= 2;
                    } else {
                        break;
                    }
                }
                let role = (end > first).then(|| items[first].start()..items[end - 1].end());
                return Some(SpeakerPhrase {
                    range,
                    kind: PhraseKind::Named,
                    name: Some(items[a].start()..items[b].end()),
                    role,
                    head: None,
                    gender: None,
                    text: String::new(),
                    name_text: None,
                    role_text: None,
                });
            }
        }
    }
    let gender = gender_of(&head);
    let kind = if org_head || the_proper {
        PhraseKind::Organisation
    } else if first_word == "the"
        || text[items[first].start()..items[first].end()].ends_with("’s")
        || text[items[first].start()..items[first].end()].ends_with("'s")
        || matches!(first_word.as_str(), "his" | "her" | "their" | "its")
    {
        PhraseKind::Role
    } else if starts_with_det || is_in(&SOURCE_NOUNS_SET, head.as_str()) {
        PhraseKind::Anonymous
    } else if is_in(&ROLE_NOUNS_SET, head.as_str()) {
        PhraseKind::Role
    } else {
        return None;
    };
    Some(SpeakerPhrase {
        range,
        kind,
        name: None,
        role: None,
        head: Some(head),
        gender,
        text: String::new(),
        name_text: None,
        role_text: None,
    })
}

/// The subject before the verb at item `v`, back to `floor` (sentence start).
fn subject_before(text: &str, items: &[Item], v: usize, floor: usize) -> Option<SpeakerPhrase> {
    let mut j = v;
    // Skip adverbs and auxiliaries.
    while j > floor {
        match &items[j - 1] {
            Item::Word { range, .. } if BETWEEN.contains(&lower(text, range).as_str()) => j -= 1,
            _ => break,
        }
    }
    if j == floor {
        return None;
    }
    let word_at = |k: usize| match &items[k] {
        Item::Word { range, .. } => Some(lower(text, range)),
        _ => None,
    };
    match &items[j - 1] {
        Item::Word { .. } => {
            let lw = word_at(j - 1).unwrap_or_default();
            if matches!(lw.as_str(), "and" | "but" | "then") {
                // `Radford smiled and said:`: the subject of the verb before.
                let a = j - 1;
                if a > floor + 1 {
                    if let Item::Word { range, cap: false } = &items[a - 1] {
                        let w = lower(text, range);
                        if w.ends_with("ed")
                            && !is_in(&CUE_VERBS_SET, w.as_str())
                            && !is_in(&CLAUSE_WORDS_SET, w.as_str())
                        {
                            if let Some(p) = subject_before(text, items, a - 1, floor).filter(|p| {
                                matches!(p.kind, PhraseKind::Named | PhraseKind::Pronoun(_))
                            }) {
                                return Some(p);
                            }
                        }
                    }
                }
                return Some(elided(items, j - 1));
            }
            if lw == "who" {
                // `the comedian Danny Pike, who joked …`: the antecedent.
                if j - 1 > floor && matches!(items[j - 2], Item::Punct { ch: ',', .. }) {
                    let s = walk_back(text, items, j - 2, floor);
                    return phrase(text, items, s, j - 2);
                }
                return None;
            }
            // `a decision she called “…”`: a pronoun right before the
            // verb is its subject, whatever comes before it.
            if PRONOUNS.iter().any(|(p, _)| *p == lw) {
                return phrase(text, items, j - 1, j);
            }
            // `A neighbor who declined to give his name because he was
            // worried about looters said`: the noun before the relative
            // clause (the sentence's first `who`, no comma or cue after it).
            if let Some(p) = relative_subject(text, items, j, floor) {
                return Some(p);
            }
            let s = walk_back(text, items, j, floor);
            if j - s > 8 {
                // Only a source or organisation runs longer (`a spokesman
                // for the Department of Health and Social Care`).
                return phrase(text, items, s, j).filter(|p| {
                    j - s <= 16
                        && matches!(p.kind, PhraseKind::Anonymous | PhraseKind::Organisation)
                });
            }
            phrase(text, items, s, j)
        }
        Item::Punct { ch: ',', .. } => {
            // `Gillian Norcott, 54, a nurse from Leeds who …, said`: a name
            // opening the sentence, then two or more appositions.
            if let Some(p) = opening_name(text, items, floor, j - 1) {
                return Some(p);
            }
            // `X, the Y, said` or `the Y, X, said`: an apposition.
            let appo_end = j - 1;
            let mut c = appo_end;
            while c > floor
                && !matches!(
                    items[c - 1],
                    Item::Punct {
                        ch: ',' | ';' | ':' | '(' | ')' | '—' | '–',
                        ..
                    } | Item::Quote { .. }
                )
            {
                c -= 1;
            }
            if c == floor || !matches!(items[c - 1], Item::Punct { ch: ',', .. }) {
                // `…, said` with no apposition: `…, but added` handled above; treat as elided.
                if c == floor {
                    return None;
                }
                return Some(elided(items, j - 1));
            }
            let appo = phrase(text, items, c, appo_end);
            let mut head_end = c - 1;
            // `One engineer who lost her job, and who asked …, said`: the noun before `who`.
            if let Some(rel) = (floor..head_end).find(|&i| matches!(&items[i], Item::Word { range, .. } if matches!(lower(text, range).as_str(), "who" | "which" | "whose"))) {
                if rel > floor && !items[rel..head_end].iter().any(|it| matches!(it, Item::Punct { .. })) {
                    head_end = rel;
                }
            }
            let s = walk_back(text, items, head_end, floor);
            let head = phrase(text, items, s, head_end);
            match (head, appo) {
                (Some(h), Some(a)) => {
                    let (mut named, other) = if h.kind == PhraseKind::Named {
                        (h, Some(a))
                    } else if a.kind == PhraseKind::Named {
                        (a, Some(h))
                    } else if a.kind == PhraseKind::Organisation
                        && text[a.range.clone()]
                            .split_whitespace()
                            .skip(1)
                            .any(|w| w.starts_with(char::is_uppercase))
                    {
                        (a, None)
                    } else {
                        (h, None)
                    };
                    if let Some(o) = other {
                        if named.kind == PhraseKind::Named
                            && named.role.is_none()
                            && matches!(o.kind, PhraseKind::Role | PhraseKind::Anonymous)
                        {
                            named.role = Some(o.range.clone());
                        }
                        named.range =
                            named.range.start.min(o.range.start)..named.range.end.max(o.range.end);
                    }
                    Some(named)
                }
                (Some(h), None) => Some(h),
                (None, Some(a))
                    if matches!(a.kind, PhraseKind::Named | PhraseKind::Organisation) =>
                {
                    Some(a)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The name that opens a sentence (`floor`; role words may come first) and
/// is followed by a comma and
/// two or more comma-separated appositions up to the comma at `comma`
/// (`Castañeda, who grew up in El Paso, Texas, has said`): the subject,
/// whatever the appositions name.
fn opening_name(text: &str, items: &[Item], floor: usize, comma: usize) -> Option<SpeakerPhrase> {
    // The sentence up to its first comma (`Kirsty’s co-star Ricky Dane,`).
    let e = (floor..comma)
        .find(|&i| !matches!(items[i], Item::Word { .. }) && !is_abbrev_dot(text, items, i))?;
    if e == floor || e - floor > 8 || !matches!(items.get(e), Some(Item::Punct { ch: ',', .. })) {
        return None;
    }
    if !is_name_word(text, items, e - 1) || !is_name_word(text, items, floor) {
        return None;
    }
    let commas = items[e..comma]
        .iter()
        .filter(|it| matches!(it, Item::Punct { ch: ',', .. }))
        .count();
    // Only commas and words between: no quote, colon or sentence break.
    let plain = items[e..comma].iter().all(|it| {
        matches!(
            it,
            Item::Word { .. }
                | Item::Punct {
                    ch: ',' | '-' | '(' | ')',
                    ..
                }
        )
    });
    if commas < 2 || !plain {
        return None;
    }
    phrase(text, items, floor, e).filter(|p| p.kind == PhraseKind::Named)
}

/// The subject of the verb at `v` when a relative clause with no comma
/// stands between them (`Officials who spoke on condition of anonymity
/// said`): the phrase before the sentence's first `who`, if the clause holds
/// no punctuation and no speech verb of its own.
fn relative_subject(text: &str, items: &[Item], v: usize, floor: usize) -> Option<SpeakerPhrase> {
    let rel = (floor + 1..v)
        .find(|&i| matches!(&items[i], Item::Word { range, .. } if lower(text, range) == "who"))?;
    if v - rel > 20 {
        return None;
    }
    let clause_ok = items[rel + 1..v].iter().all(|it| match it {
        Item::Word { range, .. } => !is_in(&CUE_VERBS_SET, lower(text, range).as_str()),
        _ => false,
    });
    if !clause_ok {
        return None;
    }
    let s = walk_back(text, items, rel, floor);
    phrase(text, items, s, rel).filter(|p| {
        matches!(
            p.kind,
            PhraseKind::Named | PhraseKind::Anonymous | PhraseKind::Role | PhraseKind::Organisation
        )
    })
}

/// The first name in a sentence before item `k` (a dateline in capitals aside):
/// the subject of a participle cue (`Gov. Teresa Alvarado signed …, calling it “…”`).
fn clause_subject(text: &str, items: &[Item], floor: usize, k: usize) -> Option<SpeakerPhrase> {
    let caps = |i: usize| {
        let w = &text[items[i].start()..items[i].end()];
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && w.chars().count() > 1
    };
    let start = (floor..k).find(|&i| is_name_word(text, items, i) && !caps(i))?;
    let mut end = start;
    // Through role words too: `Boston coach Ron Whitfield`.
    let role_word = |i: usize| matches!(&items[i], Item::Word { range, .. } if is_in(&ROLE_NOUNS_SET, &bare(&text[range.clone()])));
    while end < k
        && (is_name_word(text, items, end) || is_abbrev_dot(text, items, end) || role_word(end))
    {
        end += 1;
    }
    phrase(text, items, start, end).filter(|p| p.kind == PhraseKind::Named)
}

/// The name a sentence opens with, as the subject of a later verb at `k`
/// joined to the first by `and`: the name itself (`Tom Wilkes turned and
/// said`), after a possessive and up to three role words (`My colleague Tom
/// Whitlow is there and sends this`), or after a role phrase as its
/// apposition (`The mayor of Northbridge, Dev Bhattacharya, sounded the
/// horn and told runners`).
fn opening_subject(text: &str, items: &[Item], floor: usize, k: usize) -> Option<SpeakerPhrase> {
    if floor >= k {
        return None;
    }
    let word = |i: usize| match &items[i] {
        Item::Word { range, cap } => Some((lower(text, range), *cap)),
        _ => None,
    };
    let at = |p: &SpeakerPhrase, i: usize| p.range.start == items[i].start();
    let (first, _) = word(floor)?;
    match first.as_str() {
        "my" | "our" | "his" | "her" | "their" => {
            // Lower-case role words, then the name.
            let mut i = floor + 1;
            while i < k && i - floor <= 3 && word(i).is_some_and(|(_, cap)| !cap) {
                i += 1;
            }
            clause_subject(text, items, i, k).filter(|p| i > floor + 1 && at(p, i))
        }
        "the" | "a" | "an" => {
            // `The mayor of Northbridge, Dev Bhattacharya, …`
            let comma = (floor..k.min(floor + 8))
                .find(|&i| matches!(items[i], Item::Punct { ch: ',', .. }))?;
            let p = clause_subject(text, items, comma + 1, k).filter(|p| at(p, comma + 1))?;
            let after = (comma + 1..k).find(|&i| items[i].start() >= p.range.end)?;
            matches!(items[after], Item::Punct { ch: ',', .. }).then_some(p)
        }
        _ => clause_subject(text, items, floor, k).filter(|p| at(p, floor)),
    }
}

/// A word right after a determiner or possessive is a noun (`the report`,
/// `her post`, `Labour’s claims`), not a speech verb.
/// Cue verbs in their bare form, most of them nouns as well.
#[rustfmt::skip]
const BASE_FORMS: &[&str] = &[
    "say", "tell", "add", "ask", "write", "tweet", "post", "warn", "insist", "note", "explain",
    "argue", "claim", "continue", "state", "reply", "respond", "acknowledge", "admit", "concede",
    "urge", "stress", "confirm", "announce", "declare", "vow", "recall", "suggest", "predict",
    "complain", "joke", "report",
];

/// Cue verbs in `-s` that are also plural nouns.
#[rustfmt::skip]
const NOUN_PLURALS: &[&str] = &[
    "posts", "reports", "notes", "claims", "states", "calls", "tweets", "replies", "vows",
    "jokes", "stresses", "recalls", "warns", "writes",
];

/// Whether a number or a plural determiner comes shortly before item `k` in
/// its sentence (`two nursing posts`, `these reports`).
fn counted(text: &str, items: &[Item], floor: usize, k: usize) -> bool {
    (floor..k).rev().take(3).any(|j| match &items[j] {
        Item::Word { range, .. } => {
            let w = lower(text, range);
            w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w.as_str(),
                    "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "dozens"
                        | "hundreds"
                        | "several"
                        | "many"
                        | "these"
                        | "those"
                        | "both"
                        | "their"
                        | "our"
                        | "its"
                        | "his"
                        | "her"
                        | "multiple"
                        | "numerous"
                        | "various"
                )
        }
        _ => false,
    })
}

/// Subjects that take a bare verb form without being plurals in `-s`.
#[rustfmt::skip]
const PLURAL_SUBJECTS: &[&str] = &[
    "i", "we", "you", "they", "police", "people", "staff", "children", "men", "women",
    "residents", "officials", "others", "many", "some", "both", "few", "all", "who", "which",
    "that", "also", "often", "still", "now", "privately", "publicly",
];

/// Whether the word before item `k` can be the subject of a bare verb form
/// (or the verb follows a quote or opens the sentence, where word order is
/// inverted: `“…,” say analysts`).
fn takes_base_form(text: &str, items: &[Item], k: usize) -> bool {
    match k.checked_sub(1).map(|j| &items[j]) {
        Some(Item::Word { range, .. }) => {
            let w = lower(text, range);
            PLURAL_SUBJECTS.contains(&w.as_str())
                || (w.ends_with('s')
                    && !["ss", "us", "is", "’s", "'s"]
                        .iter()
                        .any(|e| w.ends_with(e)))
                || w.ends_with("ly")
        }
        _ => true,
    }
}

fn after_determiner(text: &str, items: &[Item], k: usize) -> bool {
    match k.checked_sub(1).map(|j| &items[j]) {
        Some(Item::Word { range, .. }) => {
            let w = lower(text, range);
            DETERMINERS.contains(&w.as_str()) || w.ends_with("’s") || w.ends_with("'s")
        }
        _ => false,
    }
}

/// Where a noun phrase ending before item `end` starts: back over words to a
/// clause word, a lower-case verb, punctuation, or just past its determiner.
fn walk_back(text: &str, items: &[Item], end: usize, floor: usize) -> usize {
    let mut s = end;
    while s > floor {
        match &items[s - 1] {
            Item::Word { range, .. } => {
                let w = lower(text, range);
                let verb = is_in(&CUE_VERBS_SET, w.as_str())
                    && !text[range.clone()].starts_with(char::is_uppercase)
                    && !after_determiner(text, items, s - 1)
                    && (!BASE_FORMS.contains(&w.as_str()) || takes_base_form(text, items, s - 1));
                // `sources close to Mr Adeyemi`: one phrase.
                if w == "to" && close_to(text, items, s - 1, floor) {
                    s -= 2;
                    continue;
                }
                if w == "and" {
                    // `the Department of Health and Social Care`: one name.
                    if let Some(head) = org_list_start(text, items, s - 1, floor) {
                        s = head;
                        continue;
                    }
                }
                if is_in(&CLAUSE_WORDS_SET, w.as_str()) || verb {
                    break;
                }
                s -= 1;
                if DETERMINERS.contains(&w.as_str()) {
                    let before =
                        s.checked_sub(1)
                            .filter(|&b| b >= floor)
                            .and_then(|b| match &items[b] {
                                Item::Word { range, .. } => Some(lower(text, range)),
                                _ => None,
                            });
                    // `a spokesman for the ministry`, and `one backbencher
                    // with a rural seat` (`with` only after a noun, not a verb).
                    let noun_before_with = || {
                        s.checked_sub(2)
                            .filter(|&b| b >= floor)
                            .is_some_and(|b| match &items[b] {
                                Item::Word { range, .. } => {
                                    let w = lower(text, range);
                                    !is_in(&CLAUSE_WORDS_SET, w.as_str())
                                        && !is_in(&CUE_VERBS_SET, w.as_str())
                                        && !w.ends_with("ed")
                                        && !w.ends_with("ing")
                                }
                                _ => false,
                            })
                    };
                    match before.as_deref() {
                        Some("for" | "of" | "at" | "from") => {}
                        Some("with") if noun_before_with() => s -= 1,
                        // `a source close to the actress`.
                        Some("to") if close_to(text, items, s - 1, floor) => s -= 2,
                        _ => break,
                    }
                }
            }
            _ if is_abbrev_dot(text, items, s - 1) => s -= 1,
            _ => break,
        }
    }
    s
}

/// Whether the `to` at item `to` follows `close` (`a source close to the
/// actress`), `near` or `loyal`, within the sentence from `floor`.
fn close_to(text: &str, items: &[Item], to: usize, floor: usize) -> bool {
    to > floor
        && matches!(&items[to - 1], Item::Word { range, .. }
            if matches!(lower(text, range).as_str(), "close" | "closest" | "near" | "loyal"))
}

/// When the `and` at item `and` joins the capitalised parts of one
/// organisation's name (`the Department for Environment, Food and Rural
/// Affairs`): the item of the name's head word (`Department`).
fn org_list_start(text: &str, items: &[Item], and: usize, floor: usize) -> Option<usize> {
    let cap = |i: usize| matches!(&items[i], Item::Word { cap: true, .. });
    if !items.get(and + 1).is_some_and(|_| cap(and + 1)) || and == floor || !cap(and - 1) {
        return None;
    }
    let mut i = and;
    while i > floor {
        match &items[i - 1] {
            Item::Word { range, cap: true } => {
                if is_org_word(&text[range.clone()]) && i < and {
                    // The head must be followed by `of` or `for`.
                    if matches!(&items[i], Item::Word { range, .. } if matches!(lower(text, range).as_str(), "of" | "for"))
                    {
                        return Some(i - 1);
                    }
                }
                i -= 1;
            }
            Item::Word { range, cap: false }
                if matches!(lower(text, range).as_str(), "of" | "for" | "and") =>
            {
                i -= 1
            }
            Item::Punct { ch: ',', .. } => i -= 1,
            _ => return None,
        }
        if and - i > 12 {
            return None;
        }
    }
    None
}

fn elided(items: &[Item], at: usize) -> SpeakerPhrase {
    let r = items[at].start()..items[at].end();
    SpeakerPhrase {
        range: r,
        kind: PhraseKind::Elided,
        name: None,
        role: None,
        head: None,
        gender: None,
        text: String::new(),
        name_text: None,
        role_text: None,
    }
}

/// The speaker after the verb at item `v` (`said Ortega`, `said the Russian`).
fn speaker_after(text: &str, items: &[Item], v: usize, ceil: usize) -> Option<SpeakerPhrase> {
    let start = v + 1;
    let mut e = start;
    while e < ceil {
        match &items[e] {
            Item::Word { range, .. } => {
                let w = lower(text, range);
                if e > start
                    && matches!(
                        w.as_str(),
                        "who"
                            | "which"
                            | "whose"
                            | "on"
                            | "in"
                            | "after"
                            | "at"
                            | "as"
                            | "when"
                            | "speaking"
                    )
                {
                    break;
                }
                e += 1;
            }
            Item::Punct { ch: '.', at }
                if e > start
                    && matches!(&items[e - 1], Item::Word { range, .. } if range.end == *at && ABBREVIATIONS.contains(&lower(text, range).as_str())) =>
            {
                e += 1
            }
            _ => break,
        }
        if e - start > 8 {
            break;
        }
    }
    let first = phrase(text, items, start, e)?;
    // `said the Bank’s governor, Sir Alan Cresswell`: the name after the comma.
    if first.kind != PhraseKind::Named && matches!(items.get(e), Some(Item::Punct { ch: ',', .. }))
    {
        let s2 = e + 1;
        let mut e2 = s2;
        while e2 < ceil
            && e2 - s2 < 6
            && (matches!(items[e2], Item::Word { .. }) || is_abbrev_dot(text, items, e2))
        {
            e2 += 1;
        }
        // The name must close the phrase (`…, Sir Alan Cresswell.`), not
        // open a clause of its own (`according to the complaint, Mr.
        // Kołodziej used …`).
        let closes = e2 >= ceil || !matches!(items.get(e2), Some(Item::Word { .. }));
        if let Some(mut second) =
            phrase(text, items, s2, e2).filter(|p| p.kind == PhraseKind::Named && closes)
        {
            second.role = Some(first.range.clone());
            second.range = first.range.start..second.range.end;
            return Some(second);
        }
    }
    if first.kind == PhraseKind::Named {
        let mut named = first;
        // `said Ian Grady, the chief executive of …`: a role after the name.
        if named.role.is_none() && matches!(items.get(e), Some(Item::Punct { ch: ',', .. })) {
            let s2 = e + 1;
            let mut e2 = s2;
            while e2 < ceil && e2 - s2 < 8 && matches!(items[e2], Item::Word { .. }) {
                e2 += 1;
            }
            if let Some(role) = phrase(text, items, s2, e2)
                .filter(|p| p.kind == PhraseKind::Role || p.kind == PhraseKind::Anonymous)
            {
                named.role = Some(role.range);
            }
        }
        return Some(named);
    }
    Some(first)
}

/// Scans the cues of a paragraph and links each outer quote to its cue.
/// Returns the cues, the cue of each outer quote, and a trailing `…:` cue.
pub fn scan(text: &str, spans: &[QuoteSpan]) -> (Vec<Cue>, Vec<Option<usize>>, Option<Trailing>) {
    let outer: Vec<&QuoteSpan> = spans.iter().filter(|s| s.depth == 0).collect();
    let items = items(text, &outer);
    let sent = sentences(text, &items, &outer);
    let sentence_start = |k: usize| {
        let mut s = k;
        while s > 0 && sent[s - 1] == sent[k] {
            s -= 1;
        }
        s
    };
    let sentence_end = |k: usize| {
        let mut e = k;
        while e < items.len() && sent[e] == sent[k] {
            e += 1;
        }
        e
    };
    let mut cues: Vec<Cue> = Vec::new();
    let mut cue_item: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < items.len() {
        let Item::Word { range, cap } = &items[k] else {
            k += 1;
            continue;
        };
        let w = lower(text, range);
        let floor = sentence_start(k);
        let ceil = sentence_end(k);
        let next_word = |n: usize| match items.get(k + n) {
            Some(Item::Word { range, .. }) => lower(text, range),
            _ => String::new(),
        };
        if w == "according" && next_word(1) == "to" {
            let speaker = speaker_after(text, &items, k + 1, ceil);
            let verb = range.start..items[k + 1].end();
            cues.push(Cue {
                verb,
                word: "according to".into(),
                speaker,
            });
            cue_item.push(k);
            k += 2;
            continue;
        }
        // Live pages: `This from the race director, Priya Ramanathan: “…”`,
        // `More from Ms Okafor:`, opening a sentence that quotes.
        if k == floor && matches!(w.as_str(), "this" | "more") && next_word(1) == "from" {
            let quotes = (k..ceil).any(|i| matches!(items[i], Item::Quote { .. }))
                || matches!(items.get(ceil - 1), Some(Item::Punct { ch: ':', .. }));
            let speaker = speaker_after(text, &items, k + 1, ceil);
            if quotes && speaker.is_some() {
                cues.push(Cue {
                    verb: range.start..items[k + 1].end(),
                    word: format!("{w} from"),
                    speaker,
                });
                cue_item.push(k);
                k += 2;
                continue;
            }
        }
        // `as she puts it, “…”`, `as one voter put it:`: the words between
        // `as` and the verb are the speaker.
        if matches!(w.as_str(), "puts" | "put") && next_word(1) == "it" {
            let is_as = |i: usize| matches!(&items[i], Item::Word { range, .. } if lower(text, range) == "as");
            let opened = (floor..k).rev().take(6).find(|&i| is_as(i));
            if let Some(speaker) = opened.and_then(|a| subject_before(text, &items, k, a + 1)) {
                cues.push(Cue {
                    verb: range.start..items[k + 1].end(),
                    word: format!("{w} it"),
                    speaker: Some(speaker),
                });
                cue_item.push(k);
                k += 2;
                continue;
            }
        }
        let went_on = w == "went" && next_word(1) == "on";
        // A reporter on a live page `sends this:`.
        let sends_this = matches!(w.as_str(), "sends" | "sent") && next_word(1) == "this";
        if !went_on
            && !sends_this
            && (!is_in(&CUE_VERBS_SET, w.as_str())
                || *cap && k != floor
                || after_determiner(text, &items, k))
        {
            k += 1;
            continue;
        }
        // A bare verb form that is also a noun (`a more cautious note`, `the
        // secretary of state`) is a cue only after a subject that takes it:
        // `they`, `we`, a plural (`Analysts note`, `Officials say`).
        if !went_on && BASE_FORMS.contains(&w.as_str()) && !takes_base_form(text, &items, k) {
            k += 1;
            continue;
        }
        // `two nursing posts`, `their many reports`: a plural noun.
        if NOUN_PLURALS.contains(&w.as_str()) && counted(text, &items, floor, k) {
            k += 1;
            continue;
        }
        // A participle opening a sentence (`Asked whether…, she said`) is not the cue.
        if *cap && k == floor && (w.ends_with("ed") || w.ends_with("ing")) {
            k += 1;
            continue;
        }
        let mut verb = range.clone();
        let mut word = w.clone();
        let mut used = 1;
        if went_on {
            used = 2;
            if next_word(2) == "to" && is_in(&CUE_VERBS_SET, &next_word(3)) {
                used = 4;
            }
            verb = range.start..items[k + used - 1].end();
            word = text[verb.clone()].to_lowercase();
        }
        let inverted = k > floor && matches!(items[k - 1], Item::Quote { .. }) || k == floor;
        let speaker = if inverted {
            speaker_after(text, &items, k + used - 1, ceil)
        } else {
            subject_before(text, &items, k, floor).or_else(|| {
                speaker_after(text, &items, k + used - 1, ceil)
                    .filter(|p| p.kind == PhraseKind::Named)
            })
        };
        // A participle cue (`…, saying: “…”`) takes the clause's subject.
        let speaker = speaker.or_else(|| {
            (w.ends_with("ing") && k > floor).then(|| {
                clause_subject(text, &items, floor, k).unwrap_or_else(|| elided(&items, k))
            })
        });
        cues.push(Cue {
            verb,
            word,
            speaker,
        });
        cue_item.push(k);
        k += used;
    }
    // Fill elided speakers from the previous cue in the paragraph, else (for
    // a participle: `…, calling it “…”`) from the sentence's subject.
    for c in 0..cues.len() {
        if cues[c]
            .speaker
            .as_ref()
            .is_some_and(|s| s.kind == PhraseKind::Elided)
        {
            let prev = cues[..c]
                .iter()
                .rev()
                .find_map(|p| p.speaker.clone().filter(|s| s.kind != PhraseKind::Elided));
            let k = cue_item[c];
            cues[c].speaker = match prev {
                Some(p) => Some(p),
                None if cues[c].word.ends_with("ing") => {
                    clause_subject(text, &items, sentence_start(k), k)
                        .or_else(|| cues[c].speaker.take())
                }
                // A verb joined to an earlier one by `and` or `but` takes the
                // subject the sentence opens with (`Mayor Tom Wilkes turned
                // to the crowd and said: “…”`), not a name in between
                // (`She thanked Wilkes and said`).
                None => {
                    let mut floor = sentence_start(k);
                    // After an opening participle's clause (`Taking the
                    // microphone, Ortega turned and said`).
                    // Not a name that ends so (`Fred Smith, 54, turned and said`).
                    let participle = matches!(&items[floor], Item::Word { range, .. } if {
                        let w = lower(text, range);
                        (w.ends_with("ing") || w.ends_with("ed"))
                            && !super::names::is_given_name(&text[range.clone()])
                    });
                    let comma =
                        (floor..k).find(|&i| matches!(items[i], Item::Punct { ch: ',', .. }));
                    if let (true, Some(comma)) = (participle, comma) {
                        floor = comma + 1;
                    }
                    opening_subject(text, &items, floor, k).or_else(|| cues[c].speaker.take())
                }
            };
        }
    }
    // Link quotes.
    let mut quote_cues = vec![None; outer.len()];
    let quote_items: Vec<usize> = items
        .iter()
        .enumerate()
        .filter_map(|(k, it)| matches!(it, Item::Quote { .. }).then_some(k))
        .collect();
    for (qi, &k) in quote_items.iter().enumerate() {
        let span = outer[qi];
        let s = sentence_start(k);
        let e = sentence_end(k);
        // After: the first cue in the same sentence before any other quote.
        let mut after = None;
        let open_after = !matches!(span.last_char, Some('.'));
        if open_after {
            for (c, &ci) in cue_item.iter().enumerate() {
                if ci > k && ci < e {
                    let between_quote = quote_items.iter().any(|&qk| qk > k && qk < ci);
                    let gap = ci - k;
                    if !between_quote && gap <= 12 && cues[c].speaker.is_some() {
                        after = Some(c);
                    }
                    break;
                }
            }
        }
        // Before: the last cue in the same sentence.
        let mut before = None;
        for (c, &ci) in cue_item.iter().enumerate() {
            if ci < k && ci >= s && cues[c].speaker.is_some() {
                let weak = WEAK_CUES.contains(&cues[c].word.as_str());
                // A weak cue (`called`, `described`) only counts right before the quote.
                if !weak || k - ci <= 7 {
                    before = Some(c);
                }
            }
        }
        let first_in_sentence = k == s;
        quote_cues[qi] = if first_in_sentence
            || span.kind != QuoteKind::Full && after.is_some() && before.is_none()
        {
            after.or(before)
        } else {
            before.or(after)
        };
        // `She said ministers had been warned. “When we put that in writing…”`:
        // a quote opening the sentence after a reported-speech sentence.
        if quote_cues[qi].is_none() && first_in_sentence && s > 0 {
            let prev_sentence = sent[s - 1];
            let prev_quote = quote_items
                .iter()
                .any(|&qk| qk < k && sent[qk] == prev_sentence);
            if !prev_quote {
                quote_cues[qi] = cue_item
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(c, &ci)| {
                        sent[ci] == prev_sentence
                            && cues[*c].speaker.is_some()
                            && REPORTING.contains(&cues[*c].word.as_str())
                    })
                    .map(|(c, _)| c);
            }
        }
    }
    // A bare colon (`Mr Carrick was blunt: “…”`): the sentence's subject speaks.
    for (qi, &k) in quote_items.iter().enumerate() {
        if quote_cues[qi].is_some() || k == 0 {
            continue;
        }
        let Item::Punct { ch: ':', at } = items[k - 1] else {
            continue;
        };
        let s = sentence_start(k);
        let subject = match &items[s] {
            Item::Word { range, .. } if PRONOUNS.iter().any(|(p, _)| *p == lower(text, range)) => {
                phrase(text, &items, s, s + 1)
            }
            _ => {
                clause_subject(text, &items, s, k - 1).filter(|p| p.range.start == items[s].start())
            }
        };
        if let Some(mut speaker) = subject {
            speaker.text = normalise(&text[speaker.range.clone()]);
            speaker.name_text = speaker.name.clone().map(|r| normalise(&text[r]));
            quote_cues[qi] = Some(cues.len());
            cues.push(Cue {
                verb: at..at + 1,
                word: ":".to_string(),
                speaker: Some(speaker),
            });
        }
    }
    // A trailing `He added:` cue, or a last sentence of reported speech
    // (`Alvarado said the law would force companies to be honest.`).
    let trailing = match (items.last(), cue_item.last()) {
        (Some(Item::Punct { ch: ':', .. }), Some(&ci))
            if quote_items.last().is_none_or(|&q| q < ci)
                && cues.last().is_some_and(|c| c.speaker.is_some()) =>
        {
            Some(Trailing::Colon(cues.len() - 1))
        }
        (Some(_), Some(&ci))
            if sent[ci] == sent[items.len() - 1]
                && quote_items.last().is_none_or(|&q| sent[q] != sent[ci])
                && cues.last().is_some_and(|c| {
                    c.speaker.is_some() && REPORTING.contains(&c.word.as_str())
                }) =>
        {
            Some(Trailing::Reported(cues.len() - 1))
        }
        _ => None,
    };
    for cue in &mut cues {
        if let Some(sp) = &mut cue.speaker {
            sp.text = normalise(&text[sp.range.clone()]);
            sp.name_text = sp.name.clone().map(|r| normalise(&text[r]));
            sp.role_text = sp.role.clone().map(|r| normalise(&text[r]));
        }
    }
    (cues, quote_cues, trailing)
}

/// Text with runs of whitespace (non-breaking spaces too) as one space.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Capitalised words outside quotes that may be a person's surname used alone
/// (`Morozova, who had not dropped a set`), paragraph-relative, with their text.
pub fn name_words(text: &str, spans: &[QuoteSpan]) -> Vec<(usize, String)> {
    let outer: Vec<&QuoteSpan> = spans.iter().filter(|s| s.depth == 0).collect();
    let items = items(text, &outer);
    (0..items.len())
        .filter(|&k| is_name_word(text, &items, k))
        .map(|k| {
            (
                items[k].start(),
                bare(&text[items[k].start()..items[k].end()]),
            )
        })
        .collect()
}

/// Roles tied to names in a paragraph (`Foreign Minister Dmytro Kuleba`,
/// `Antony Blinken, the US secretary of state,`, `the health secretary, Julian Frost,`).
pub fn role_links(text: &str, spans: &[QuoteSpan]) -> Vec<RoleLink> {
    let outer: Vec<&QuoteSpan> = spans.iter().filter(|s| s.depth == 0).collect();
    let items = items(text, &outer);
    let mut out = Vec::new();
    let n = items.len();
    let mut k = 0;
    let is_word = |k: usize| matches!(items.get(k), Some(Item::Word { .. }));
    let w = |k: usize| bare(&text[items[k].start()..items[k].end()]);
    while k < n {
        if !is_word(k) {
            k += 1;
            continue;
        }
        // A maximal run of words (no punctuation between).
        let s = k;
        while k < n && is_word(k) {
            k += 1;
        }
        let e = k;
        // The apposition's phrase starts after the run's last clause word or
        // verb (`… and Labour’s defence spokesman, Owen Pritchard`).
        let app_s = (s..e)
            .rev()
            .find(|&j| {
                let lw = w(j);
                is_in(&CLAUSE_WORDS_SET, lw.as_str())
                    || is_in(&CUE_VERBS_SET, lw.as_str())
                        && !text[items[j].start()..items[j].end()].starts_with(char::is_uppercase)
            })
            .map_or(s, |c| c + 1);
        // Pre-modifying role: the last role noun followed by name words.
        if let Some(r) = (s..e).rev().find(|&j| {
            is_in(&ROLE_NOUNS_SET, &w(j)) && j + 1 < e && is_name_word(text, &items, j + 1)
        }) {
            let name_end = (r + 1..e)
                .take_while(|&j| is_name_word(text, &items, j))
                .last()
                .unwrap_or(r + 1);
            let mut rs = r;
            while rs > s
                && !is_in(&CLAUSE_WORDS_SET, &w(rs - 1))
                && !is_in(&CUE_VERBS_SET, &w(rs - 1))
            {
                rs -= 1;
            }
            out.push(RoleLink {
                name: items[r + 1].start()..items[name_end].end(),
                role: items[rs].start()..items[r].end(),
                name_text: String::new(),
                role_text: String::new(),
            });
        }
        // Apposition: run , run , with one a name and the other a role.
        if matches!(items.get(e), Some(Item::Punct { ch: ',', .. })) && is_word(e + 1) {
            let mut e2 = e + 1;
            while e2 < n && is_word(e2) {
                e2 += 1;
            }
            if matches!(items.get(e2), Some(Item::Punct { ch: ',' | '.', .. })) {
                let a = phrase(text, &items, app_s, e);
                let b = phrase(text, &items, e + 1, e2);
                if let (Some(a), Some(b)) = (a, b) {
                    let (name, role) = match (a.kind, b.kind) {
                        (PhraseKind::Named, PhraseKind::Role | PhraseKind::Anonymous) => (a, b),
                        (PhraseKind::Role | PhraseKind::Anonymous, PhraseKind::Named) => (b, a),
                        _ => continue,
                    };
                    if let Some(nr) = name.name.clone() {
                        out.push(RoleLink {
                            name: nr,
                            role: role.range.clone(),
                            name_text: String::new(),
                            role_text: String::new(),
                        });
                    }
                }
            }
        }
    }
    for link in &mut out {
        link.name_text = normalise(&text[link.name.clone()]);
        link.role_text = normalise(&text[link.role.clone()]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes;

    fn speaker(text: &str) -> Vec<(String, String, PhraseKind)> {
        let f = quotes::scan(text);
        f.quote_cues
            .iter()
            .map(|c| match c.and_then(|c| f.cues.get(c)) {
                Some(cue) => match &cue.speaker {
                    Some(s) => (
                        cue.word.clone(),
                        text[s.name.clone().unwrap_or(s.range.clone())].to_string(),
                        s.kind,
                    ),
                    None => (cue.word.clone(), String::new(), PhraseKind::Elided),
                },
                None => (String::new(), String::new(), PhraseKind::Elided),
            })
            .collect()
    }

    #[test]
    fn cue_before_after_and_inverted() {
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str, PhraseKind)]);
        let cases: &[Case<'_>] = &[
            (
                "One senior backbencher with a rural seat said: “It comes up on every doorstep.”",
                &[("said", "One senior backbencher with a rural seat", PhraseKind::Anonymous)],
            ),
            (
                "Speaking on Tuesday, Rachel Whitcombe said: “We are building too few homes.”",
                &[("said", "Rachel Whitcombe", PhraseKind::Named)],
            ),
            (
                "“This is not a free-for-all,” she told MPs. “Every scheme will still have to meet tough standards.”",
                // The second half has no cue of its own: the article pass carries the speaker over.
                &[("told", "she", PhraseKind::Pronoun(Pronoun::She)), ("", "", PhraseKind::Elided)],
            ),
            (
                "“He has energy, and he wants to win,” said Ortega.",
                &[("said", "Ortega", PhraseKind::Named)],
            ),
            // `as X puts it`: the words between `as` and the verb.
            (
                "As she puts it, “The wards are fuller than ever.”",
                &[("puts it", "she", PhraseKind::Pronoun(Pronoun::She))],
            ),
            (
                "The centre is, as one volunteer put it, “a lifeline”.",
                &[("put it", "one volunteer", PhraseKind::Anonymous)],
            ),
            // A verb joined by `and` takes the name the sentence opens with,
            // also after an opening participle's clause, but not a name in between.
            (
                "Mayor Tom Wilkes turned to the crowd and said: “This is your city.”",
                &[("said", "Tom Wilkes", PhraseKind::Named)],
            ),
            (
                "Taking the microphone, Daniel Kiprotich turned and said: “You carried me.”",
                &[("said", "Daniel Kiprotich", PhraseKind::Named)],
            ),
            (
                "The mayor of Northbridge, Dev Bhattacharya, sounded the horn and told runners: “Enjoy every step.”",
                &[("told", "Dev Bhattacharya", PhraseKind::Named)],
            ),
            (
                "My colleague Tom Whitlow is there and sends this: “He is raising money for the hospice.”",
                &[("sends", "Tom Whitlow", PhraseKind::Named)],
            ),
            // Live pages.
            (
                "This from the race director, Priya Ramanathan, on the heat: “We have added extra water.”",
                &[("this from", "Priya Ramanathan", PhraseKind::Named)],
            ),
            (
                "Fred Ashworth, 54, stood up and said: “We were never asked.”",
                &[("said", "Fred Ashworth", PhraseKind::Named)],
            ),
            (
                "Manning turned to the bench and said: “That was for them.”",
                &[("said", "Manning", PhraseKind::Named)],
            ),
            (
                "She thanked Wilkes and said: “This is your city.”",
                &[("said", "and", PhraseKind::Elided)],
            ),
            // A particle joined to a surname reads as a capitalised name.
            (
                "“We are sorry,” Dr al-Hakim said.",
                &[("said", "al-Hakim", PhraseKind::Named)],
            ),
            (
                "“Our commitment is unshakeable,” the defence secretary said.",
                &[("said", "the defence secretary", PhraseKind::Role)],
            ),
            (
                "\"Isn't that the very thing the law was written to prevent?\" she asked.",
                &[("asked", "she", PhraseKind::Pronoun(Pronoun::She))],
            ),
            (
                "“We need to be sure,” said the Bank’s governor, Sir Alan Cresswell.",
                &[("said", "Alan Cresswell", PhraseKind::Named)],
            ),
            (
                "“Nobody in the room thought Kyiv would accept it,” a senior European diplomat said.",
                &[("said", "a senior European diplomat", PhraseKind::Anonymous)],
            ),
            (
                "His lawyer, Michael Strand, said his client \"did nothing wrong and will be fully vindicated.\"",
                &[("said", "Michael Strand", PhraseKind::Named)],
            ),
            (
                "“The deployment will be sustained for as long as it is needed,” the ministry said.",
                &[("said", "the ministry", PhraseKind::Organisation)],
            ),
            // A name opening the sentence, then two or more appositions.
            (
                "Gillian Norcott, 54, a nurse from Leeds who has worked there for 20 years, said the findings were “no surprise to anyone who works here”.",
                &[("said", "Gillian Norcott", PhraseKind::Named)],
            ),
            (
                "Castañeda, who grew up in El Paso, Texas, has said the film was “loosely based on my mother’s family”.",
                &[("said", "Castañeda", PhraseKind::Named)],
            ),
            // A name after the comma that opens a clause of its own is not the source.
            (
                "According to the complaint, Mr. Kołodziej used a colleague’s card “on at least 30 occasions”.",
                &[("according to", "the complaint", PhraseKind::Organisation)],
            ),
            // The parts of one department's name.
            (
                "The Department of Health and Social Care said: “We are investing record sums.”",
                &[("said", "The Department of Health and Social Care", PhraseKind::Organisation)],
            ),
            (
                "“We are investing record sums,” a spokesman for the Department of Health and Social Care said.",
                &[("said", "a spokesman for the Department of Health and Social Care", PhraseKind::Anonymous)],
            ),
            (
                "“We are investing record sums,” the Department for Environment, Food and Rural Affairs said.",
                &[("said", "the Department for Environment, Food and Rural Affairs", PhraseKind::Organisation)],
            ),
            (
                "A source close to the actress said: “She is devastated.”",
                &[("said", "A source close to the actress", PhraseKind::Anonymous)],
            ),
            (
                "Kirsty’s co-star Ricky Dane, 34, who plays her on-screen husband Gaz, said: “She is a trouper.”",
                &[("said", "Ricky Dane", PhraseKind::Named)],
            ),
            (
                "Outside the Capitol, Marisol Baca, a 16-year-old junior from Albuquerque, told reporters: “Half my friends would be relieved.”",
                &[("told", "Marisol Baca", PhraseKind::Named)],
            ),
            (
                "A neighbor who declined to give his name because he was worried about looters said: “Everything I own is under that pile.”",
                &[("said", "A neighbor", PhraseKind::Anonymous)],
            ),
            (
                "The studio cancelled the sequel, a decision she called “heartbreaking and completely avoidable”.",
                &[("called", "she", PhraseKind::Pronoun(Pronoun::She))],
            ),
        ];
        for (text, want) in cases {
            let got = speaker(text);
            let want: Vec<(String, String, PhraseKind)> = want
                .iter()
                .map(|(a, b, c)| (a.to_string(), b.to_string(), *c))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn elided_subject_takes_the_earlier_speaker() {
        let text = "Sentencing, Judge Robert Ainsley said the firm had shown “a cavalier disregard for the environment”, but added: “I accept that there has been a change of culture.”";
        let got = speaker(text);
        assert_eq!(got[1].1, "Robert Ainsley");
    }

    #[test]
    fn bare_colon_takes_the_sentence_subject() {
        let got = speaker("Mr Carrick was blunt: “We got this one wrong and we are sorry.”");
        assert_eq!(
            got,
            vec![(":".to_string(), "Carrick".to_string(), PhraseKind::Named)]
        );
        let got = speaker("The message was clear: “Nobody is above the rules here.”");
        assert_eq!(
            got,
            vec![(String::new(), String::new(), PhraseKind::Elided)]
        );
    }

    #[test]
    fn bare_forms_that_are_nouns_are_no_cue() {
        // Nouns: no cue, and no speaker for a later pronoun to fall back on.
        for text in [
            "Antony Blinken, the US secretary of state, struck a more cautious note.",
            "The report was published by the state on Monday, with a post on its website.",
            "She left a note for the head of state and a brief report.",
        ] {
            let cues: Vec<String> = quotes::scan(text)
                .cues
                .into_iter()
                .map(|c| c.word)
                .collect();
            assert_eq!(cues, Vec::<String>::new(), "{text}");
        }
        // Verbs after a plural or pronoun subject, or inverted after a quote.
        assert_eq!(
            speaker("Analysts note that “the worst is over” for lenders."),
            vec![(
                "note".to_string(),
                "Analysts".to_string(),
                PhraseKind::Anonymous
            )]
        );
        assert_eq!(
            speaker("“It is too early to call,” say analysts."),
            vec![(
                "say".to_string(),
                "analysts".to_string(),
                PhraseKind::Anonymous
            )]
        );
    }

    #[test]
    fn trailing_colon_cue() {
        let f = quotes::scan("In a message to members, he wrote:");
        assert_eq!(f.trailing_cue, Some(Trailing::Colon(0)));
        assert!(quotes::scan("He bought a letter.").trailing_cue.is_none());
        assert_eq!(
            quotes::scan("He said the letter was a fake.").trailing_cue,
            Some(Trailing::Reported(0))
        );
    }

    #[test]
    fn roles_tied_to_names() {
        let text = "Ukraine’s Foreign Minister Dmytro Kuleba met Antony Blinken, the US secretary of state, and Labour’s defence spokesman, Owen Pritchard.";
        let f = quotes::scan(text);
        let links: Vec<(String, String)> = role_links(text, &f.spans)
            .into_iter()
            .map(|l| (text[l.name].to_string(), text[l.role].to_string()))
            .collect();
        assert!(
            links.contains(&("Dmytro Kuleba".into(), "Ukraine’s Foreign Minister".into())),
            "{links:?}"
        );
        assert!(
            links.contains(&("Antony Blinken".into(), "the US secretary of state".into())),
            "{links:?}"
        );
        assert!(
            links.contains(&("Owen Pritchard".into(), "Labour’s defence spokesman".into())),
            "{links:?}"
        );
    }
}
