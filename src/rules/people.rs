//! What the name rules share: a person's mentions that are copy, and the
//! persons a part of the article asks for.

use super::rule::Part;
use crate::analysis::{Article, Mention, MentionRef, Person};

/// Every mention of a person, with its document offset, that is copy.
pub(crate) fn mentions<'a>(
    article: &'a Article<'_>,
    person: &'a Person,
) -> impl Iterator<Item = (MentionRef, &'a Mention, usize)> + 'a {
    person.mentions.iter().filter_map(move |&r| {
        let p = article.paragraphs.get(r.para)?;
        let m = p.facts.mentions.get(r.index)?;
        article
            .is_copy(p.start + m.name.start)
            .then_some((r, m, p.start))
    })
}

/// The persons whose findings `part` asks for, in order of first mention.
pub(crate) fn persons<'a>(article: &'a Article<'_>, part: Part<'a>) -> Vec<&'a Person> {
    match part {
        Part::People(ids) => ids
            .iter()
            .filter_map(|&id| article.people.person(id))
            .collect(),
        _ => article.people.iter().collect(),
    }
}
