//! Name mentions (per paragraph, pure) and the people they refer to (article pass).
//!
//! This is the interface the rest of the engine builds on: [`scan_mentions`]
//! finds references to people in one paragraph; [`People::build`] groups the
//! mentions of the whole article into people with a canonical name.

use std::collections::HashMap;
use std::ops::Range;

use crate::text::Paragraph;

use super::ParagraphFacts;

/// Grammatical gender as the copy shows it (honorifics, given names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

/// One reference to a person by name, paragraph-relative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The whole mention: pre-modifying role, honorific, name, possessive.
    pub range: Range<usize>,
    /// Just the name tokens (`Dmytro Kuleba`, `Kuleba`), no honorific or `’s`.
    pub name: Range<usize>,
    /// The name tokens as written, spaces of any kind normalised to ` `.
    pub name_text: String,
    /// `Mr`, `Dr`, `President`… as written, without a full stop.
    pub honorific: Option<String>,
    /// A role attached to the name: `Ukraine’s Foreign Minister`, `the US secretary of state`.
    pub role: Option<String>,
    pub gender: Option<Gender>,
    pub possessive: bool,
}

impl Mention {
    /// The last name token: the surname.
    pub fn surname(&self) -> &str {
        self.name_text.rsplit(' ').next().unwrap_or(&self.name_text)
    }

    /// Whether the mention names more than a surname.
    pub fn is_full(&self) -> bool {
        self.name_text.contains(' ')
    }
}

const HONORIFICS: &[(&str, Option<Gender>)] = &[
    ("Mr", Some(Gender::Male)),
    ("Mrs", Some(Gender::Female)),
    ("Ms", Some(Gender::Female)),
    ("Miss", Some(Gender::Female)),
    ("Dr", None),
    ("Sir", Some(Gender::Male)),
    ("Dame", Some(Gender::Female)),
    ("Lord", Some(Gender::Male)),
    ("Lady", Some(Gender::Female)),
    ("Prof", None),
    ("President", None),
    ("Judge", None),
];

fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// References to people in one paragraph, in order. Pure.
pub fn scan_mentions(text: &str) -> Vec<Mention> {
    // Words with their byte ranges.
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.';
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(s..text.len());
    }
    let clean = |r: &Range<usize>| text[r.clone()].trim_end_matches('.').to_string();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = clean(&words[i]);
        let honorific = HONORIFICS.iter().find(|(h, _)| *h == w);
        let first_name = if honorific.is_some() { i + 1 } else { i };
        let mut j = first_name;
        while j < words.len()
            && is_name_word(&clean(&words[j]))
            && (j == first_name
                || text[words[j - 1].end..words[j].start]
                    .chars()
                    .all(char::is_whitespace))
        {
            j += 1;
        }
        let count = j - first_name;
        if count >= 1 && (honorific.is_some() || count >= 2) {
            let name_start = words[first_name].start;
            let mut name_end = words[j - 1].start + clean(&words[j - 1]).len();
            let mut possessive = false;
            let tail = &text[words[j - 1].start..name_end];
            for suffix in ["’s", "'s"] {
                if let Some(stripped) = tail.strip_suffix(suffix) {
                    name_end = words[j - 1].start + stripped.len();
                    possessive = true;
                }
            }
            let range = words[i].start..words[j - 1].start + clean(&words[j - 1]).len();
            out.push(Mention {
                range,
                name: name_start..name_end,
                name_text: text[name_start..name_end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                honorific: honorific.map(|(h, _)| h.to_string()),
                role: None,
                gender: honorific.and_then(|(_, g)| *g),
                possessive,
            });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// A mention's place in the article: paragraph index and index in its facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MentionRef {
    pub para: usize,
    pub index: usize,
}

pub type PersonId = usize;

/// A person in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: PersonId,
    /// The name to use: style book, else first full reference, else majority.
    pub canonical: String,
    pub surname: String,
    pub roles: Vec<String>,
    pub gender: Option<Gender>,
    /// Every mention, in article order.
    pub mentions: Vec<MentionRef>,
}

/// The people of an article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct People {
    pub persons: Vec<Person>,
    by_mention: HashMap<MentionRef, PersonId>,
}

impl People {
    /// Groups the article's mentions into people.
    pub fn build(paragraphs: &[Paragraph<ParagraphFacts>], _style_book: &[String]) -> Self {
        let mut people = People::default();
        let mut by_surname: HashMap<String, PersonId> = HashMap::new();
        for (p, para) in paragraphs.iter().enumerate() {
            for (index, m) in para.facts.mentions.iter().enumerate() {
                let r = MentionRef { para: p, index };
                let id = *by_surname
                    .entry(m.surname().to_string())
                    .or_insert_with(|| {
                        people.persons.push(Person {
                            id: people.persons.len(),
                            canonical: m.name_text.clone(),
                            surname: m.surname().to_string(),
                            roles: Vec::new(),
                            gender: None,
                            mentions: Vec::new(),
                        });
                        people.persons.len() - 1
                    });
                let person = &mut people.persons[id];
                if !person.canonical.contains(' ') && m.is_full() {
                    person.canonical = m.name_text.clone();
                }
                person.gender = person.gender.or(m.gender);
                if let Some(role) = &m.role {
                    if !person.roles.contains(role) {
                        person.roles.push(role.clone());
                    }
                }
                person.mentions.push(r);
                people.by_mention.insert(r, id);
            }
        }
        people
    }

    /// The person a mention refers to.
    pub fn person_of(&self, m: MentionRef) -> Option<&Person> {
        self.by_mention.get(&m).map(|&id| &self.persons[id])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorific_and_full_names() {
        let m = scan_mentions("Mr Kuleba met Antony Blinken’s team.");
        let names: Vec<_> = m
            .iter()
            .map(|m| (m.name_text.as_str(), m.possessive))
            .collect();
        assert_eq!(names, vec![("Kuleba", false), ("Antony Blinken", true)]);
        assert_eq!(m[0].gender, Some(Gender::Male));
    }
}
