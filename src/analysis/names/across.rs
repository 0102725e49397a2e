//! One person spelled two ways in two articles of a folder or workspace
//! (issue 17.6): a newsroom's stories of one day should agree.
//!
//! Each article gives its people named in full ([`named_people`]: owned, so
//! a caller can drop the article); [`cross_variants`] matches them across
//! articles (the same given name, surnames equal when folded or a likely
//! typo of each other) and reports, for every article whose spelling is
//! not the group's, where it first names the person. The group's spelling
//! is the style book's, else the one most articles use (between spellings
//! used as often, a known surname, then the earlier article's).
//!
//! For the language server: keep `named_people` of each open or workspace
//! document (redo it when a document's people change), call
//! `cross_variants` over them, and publish each [`CrossVariant`] on its
//! article at `at` (code `name-variant`).

use std::ops::Range;

use super::style::{style_entries, StyleEntry};
use super::variants::{fold, plausible_typo, same_given, spelling_key};

use crate::analysis::Article;
use crate::lexicon::names::is_known_surname;

/// A person an article names in full.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    /// The article's canonical spelling (`Jens Stoltenberg`).
    pub canonical: String,
    pub surname: String,
    pub given: String,
    /// Folded surname and given name.
    pub surname_key: String,
    pub given_key: String,
    /// Byte range (of the document) of the name in the first full reference.
    pub at: Range<usize>,
}

/// The people `article` names in full (none when it is not in English).
pub fn named_people(article: &Article<'_>) -> Vec<Named> {
    if article.is_foreign() {
        return Vec::new();
    }
    article
        .people
        .iter()
        .filter_map(|p| {
            let given = p.given.clone()?;
            let r = p.first_full_reference?;
            let para = article.paragraphs.get(r.para)?;
            let m = para.facts.mentions.get(r.index)?;
            article.is_copy(para.start + m.name.start).then(|| Named {
                canonical: p.canonical.clone(),
                surname: p.surname.clone(),
                given_key: fold(&given),
                given,
                surname_key: p.surname_key.clone(),
                at: para.start + m.name.start..para.start + m.name.end,
            })
        })
        .collect()
}

/// A person spelled otherwise in another article of the set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrossVariant {
    /// The article (index into the slice given) and where it names the person.
    pub article: usize,
    pub at: Range<usize>,
    /// How this article spells the person, and how the set should.
    pub written: String,
    pub canonical: String,
    /// The canonical spelling's given name and surname.
    pub canonical_given: String,
    pub canonical_surname: String,
    /// The articles that spell the person the canonical way.
    pub others: Vec<usize>,
    /// The canonical spelling is the style book's.
    pub from_style_book: bool,
}

impl CrossVariant {
    /// What the finding says: how this article spells the person, and who
    /// spells them the set's way (`shown`: the first few of `others`, as
    /// the user knows them; the style book when it decided).
    pub fn message(&self, shown: &[String]) -> String {
        let whom = if self.from_style_book {
            "the style book spells it".to_string()
        } else {
            let more = self.others.len().saturating_sub(shown.len());
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            let verb = if self.others.len() == 1 {
                "spells"
            } else {
                "spell"
            };
            format!("{}{more} {verb} it", shown.join(", "))
        };
        format!(
            "‘{}’ here, but {whom} ‘{}’: use one spelling across the articles",
            self.written, self.canonical
        )
    }
}

/// Whether two named people are one person spelled two ways (or alike).
pub fn same_person(a: &Named, b: &Named) -> bool {
    // A spelling that is a surname of its own (Johnson, Johnston) may be
    // another person with the same given name in another story.
    let typo = |x: &Named, y: &Named| {
        plausible_typo(&x.surname_key, &y.surname_key) && !is_known_surname(&x.surname)
    };
    let surname = a.surname_key == b.surname_key || typo(a, b) || typo(b, a);
    // Across articles a different given name is someone else (Ivana and
    // Ivanka Trump): only surnames are compared.
    surname && a.given_key == b.given_key
}

/// How a named person is spelled, middle names and initials aside
/// (`Donald J. Trump` is `Donald Trump`).
fn spelling(n: &Named) -> String {
    spelling_key(&format!("{} {}", n.given, n.surname))
}

/// Every person spelled otherwise in one article than in another of
/// `articles` (the people each article names in full), in article order.
pub fn cross_variants(articles: &[Vec<Named>], style_book: &[String]) -> Vec<CrossVariant> {
    let style = style_entries(style_book);
    // Groups of (article, person), built by joining each to the first group
    // with someone it is the same person as.
    let mut groups: Vec<Vec<(usize, &Named)>> = Vec::new();
    for (a, people) in articles.iter().enumerate() {
        for n in people {
            match groups
                .iter_mut()
                .find(|g| g.iter().any(|(b, m)| *b != a && same_person(m, n)))
            {
                Some(g) => g.push((a, n)),
                None => groups.push(vec![(a, n)]),
            }
        }
    }
    let mut out = Vec::new();
    for g in &groups {
        report_group(g, &style, &mut out);
    }
    out.sort_by_key(|v| (v.article, v.at.start));
    out
}

/// The spelling of a group of one person across articles (given name,
/// surname): the style book's, else the one most articles use; and whether
/// the style book decided.
fn group_spelling(g: &[(usize, &Named)], style: &[StyleEntry]) -> ((String, String), bool) {
    if let Some(e) = style.iter().find(|e| {
        g.iter().any(|(_, n)| {
            (e.surname_key == n.surname_key || plausible_typo(&n.surname_key, &e.surname_key))
                && e.given
                    .as_ref()
                    .is_none_or(|(_, k)| same_given(k, &n.given_key))
        })
    }) {
        let given = e
            .given
            .as_ref()
            .map_or(g[0].1.given.clone(), |(t, _)| t.clone());
        return ((given, e.surname.clone()), true);
    }
    let mut spellings: Vec<(&Named, usize, bool, usize)> = Vec::new();
    for (a, n) in g {
        let key = spelling(n);
        match spellings.iter_mut().find(|s| spelling(s.0) == key) {
            Some(s) => s.1 += 1,
            None => spellings.push((n, 1, is_known_surname(&n.surname), *a)),
        }
    }
    let best = spellings
        .iter()
        .max_by_key(|s| (s.1, s.2, std::cmp::Reverse(s.3)))
        .map(|s| (s.0.given.clone(), s.0.surname.clone()))
        .unwrap_or_default();
    (best, false)
}

fn report_group(g: &[(usize, &Named)], style: &[StyleEntry], out: &mut Vec<CrossVariant>) {
    let spelled: Vec<String> = g.iter().map(|(_, n)| spelling(n)).collect();
    let ((given, surname), from_style_book) = group_spelling(g, style);
    let canonical = format!("{given} {surname}");
    let key = spelling_key(&canonical);
    // Articles that agree with each other: any style-book variant is the
    // article's own `name-variant` finding.
    if spelled.iter().all(|s| *s == spelled[0]) {
        return;
    }
    let mut others: Vec<usize> = g
        .iter()
        .filter(|(_, n)| spelling(n) == key)
        .map(|(a, _)| *a)
        .collect();
    others.dedup();
    for (a, n) in g {
        if spelling(n) != key {
            out.push(CrossVariant {
                article: *a,
                at: n.at.clone(),
                written: format!("{} {}", n.given, n.surname),
                canonical: canonical.clone(),
                canonical_given: given.clone(),
                canonical_surname: surname.clone(),
                others: others.clone(),
                from_style_book,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(given: &str, surname: &str) -> Named {
        Named {
            canonical: format!("{given} {surname}"),
            surname: surname.to_string(),
            given: given.to_string(),
            surname_key: fold(surname),
            given_key: fold(given),
            at: 0..1,
        }
    }

    #[test]
    fn a_person_spelled_otherwise_in_one_article_is_reported_there() {
        let articles = vec![
            vec![named("Jens", "Stoltenberg")],
            vec![named("Jens", "Stoltenburg"), named("Dmytro", "Kuleba")],
            vec![named("Jens", "Stoltenberg"), named("Dmytro", "Kuleba")],
        ];
        let v = cross_variants(&articles, &[]);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            (v[0].article, v[0].canonical.as_str()),
            (1, "Jens Stoltenberg")
        );
        assert_eq!(v[0].others, vec![0, 2]);
        // The style book breaks the tie, and wins over the majority.
        let two = vec![
            vec![named("Volodymyr", "Zelenskyy")],
            vec![named("Volodymyr", "Zelensky")],
        ];
        let v = cross_variants(&two, &["Volodymyr Zelensky".to_string()]);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].article, 0);
        assert!(v[0].from_style_book);
    }

    #[test]
    fn other_people_are_not_variants() {
        // A different given name, or a surname of its own, is someone else.
        let articles = vec![
            vec![named("Ivana", "Trump"), named("David", "Johnson")],
            vec![named("Ivanka", "Trump"), named("David", "Johnston")],
        ];
        assert!(cross_variants(&articles, &[]).is_empty());
        // Middle initials are not a spelling.
        let mut j = named("Donald", "Trump");
        j.canonical = "Donald J. Trump".to_string();
        assert!(cross_variants(&[vec![j], vec![named("Donald", "Trump")]], &[]).is_empty());
    }
}
