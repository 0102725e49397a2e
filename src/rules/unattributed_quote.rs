//! `unattributed-quote`: a full direct quote nobody is named as saying.

use super::quotes::{nearest_people, needs_speaker, quotes_in, reference, Shared, NEAR};
use super::rule::{Cx, Edit, Finding, Fix, Part, Rule, RuleInfo, Scope};
use crate::analysis::{Article, PersonId, Quote};
use crate::config::Severity;
use std::ops::Range;

pub const CODE: &str = "unattributed-quote";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::Paragraph,
    summary: "A full direct quote with no speaker a reader could find",
    explanation: "A quote the reader cannot pin on anyone is the first thing a copy desk \
sends back: either the attribution was cut in editing, or it was never there. copydesk \
looks for the speaker the way a reader does: a speech verb before, after or between the \
quote's halves (`Mr X said: “…”`, `“…,” said X.`, `according to X`), a cue closing the \
paragraph before (`He added:`), a pronoun or role noun that points back to someone named \
(`she`, `the minister`, `the top Brazilian diplomat` for a foreign minister named \
before, `the lawmaker` for a senator), the person a sentence is about (`The minister \
later toured the port. She said: “…”`), and a quote running on over paragraphs. Only a full direct quote \
(a clause or more given as someone's words) is flagged: scare quotes, titles, slogans in \
capitals, nicknames and headlines are not. A quote the copy introduces (a speech verb \
whose speaker is only implied, `as if to say, “…”`; a lead-in ending in a colon, \
`From the report: “…”`; a noun that names what the quote is, `chants of “…”`, `her \
comment that “…”`; a quote set in the reporter's sentence between dashes, `When he \
wrapped up — “…” — the balloons fell`; a quote standing alone with a credit line \
under it, `- Bernie Sanders.`; a lone quote paragraph continuing a speaker's run, or \
right after a paragraph whose last sentence is an attributed quote) is not flagged \
either, and copydesk does not guess its speaker. A line that is only a speaker's name \
(`Priya Shah, 34, nurse:`, `- Bolton boss Sam Allardyce`) gives the quote under it its \
speaker, as vox pops and reaction lines are set out. A lone quote paragraph \
right after a paragraph that reports one person's words (`Cllr Morgan said the plan \
would cost jobs. His bakery opened in 1962.` then `“We have been here before.”`) is \
presumed theirs, as a reader takes it: not flagged, and the quote sheet and hover say \
`presumed`. A quote never closed is left to `unbalanced-quote`: until it is closed no one \
can tell whether a cue follows it (`“There was no plan, said Ms Kessel.`). What is always flagged is an \
attribution visibly cut out: a quote ending in a comma with no cue after it, or stray \
punctuation where the cue stood (`“…,” .`) — such a quote is never handed to a \
neighbouring speaker. The fixes attribute the quote to one of the people named nearest \
to it, in the article's own style (`Mr X`, `Mr. X` or `X`).",
    bad: "The council voted 7-2 to close the library.\n\n“We had no choice, the money simply is not there.”",
    good: "The council voted 7-2 to close the library.\n\n“We had no choice, the money simply is not there,” Cllr Amira Haddad said.",
    settings: &[],
};

pub struct UnattributedQuote;

impl Rule for UnattributedQuote {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_, '_>, part: Part<'_>, out: &mut Vec<Finding>) {
        // Speech verbs are English: in copy in another language no cue is
        // found, so every quote would read as unattributed (`not-english`
        // says so once instead).
        if cx.article.is_foreign() {
            return;
        }
        let all = 0..cx.article.paragraphs.len();
        let paras = match part {
            Part::Paragraphs(p) => p,
            _ => &all,
        };
        unattributed(cx.article, cx.severity, paras, cx.shared, out);
    }
}

fn unattributed(
    article: &Article<'_>,
    severity: Severity,
    paras: &Range<usize>,
    globals: &Shared,
    out: &mut Vec<Finding>,
) {
    let quotes: Vec<&Quote> = quotes_in(article, paras)
        .iter()
        .filter(|q| needs_speaker(article, q, globals.single_copy))
        .collect();
    if quotes.is_empty() {
        return;
    }
    // Who speaks or is named where, within reach of these quotes: attributed
    // quotes and mentions outside quotes.
    let reach = paras.start.saturating_sub(NEAR)..paras.end.saturating_add(NEAR);
    let mut named: Vec<(usize, usize, PersonId)> = Vec::new();
    for q in quotes_in(article, &reach) {
        if let Some(id) = q.speaker.as_ref().and_then(|s| s.person) {
            named.push((q.range.start, q.paragraphs.start, id));
        }
    }
    let end = reach.end.min(article.paragraphs.len());
    // Every quote that reaches into those paragraphs.
    let near = {
        let quotes = article.quotes();
        let from = quotes.partition_point(|q| q.paragraphs.end <= reach.start);
        let to = quotes.partition_point(|q| q.paragraphs.start < reach.end);
        &quotes[from..to.max(from)]
    };
    for (pi, p) in article
        .paragraphs
        .iter()
        .enumerate()
        .take(end)
        .skip(reach.start)
    {
        for (index, m) in p.facts.mentions.iter().enumerate() {
            let at = p.start + m.range.start;
            if crate::analysis::attribution::quote_at(near, at).is_some() {
                continue;
            }
            if let Some(person) = article
                .people
                .person_of(crate::analysis::MentionRef { para: pi, index })
            {
                if globals.quoted.get(person.id).copied().unwrap_or(false)
                    || article
                        .display_name(person.id)
                        .is_some_and(|n| n.contains(' '))
                {
                    named.push((at, pi, person.id));
                }
            }
        }
    }
    named.sort_unstable();
    let style = globals.style.style();
    for q in quotes {
        if !article.is_copy(q.range.start) {
            continue;
        }
        let fixes = nearest_people(&named, q.range.start, q.paragraphs.start, 3)
            .into_iter()
            .filter_map(|id| {
                let who = reference(article, id, style)?;
                let full = article.display_name(id)?;
                Some(Fix {
                    title: format!("Attribute to {full}"),
                    edits: attribution_edits(q, &who)?,
                    safe: false,
                })
            })
            .collect();
        out.push(Finding {
            code: CODE,
            severity,
            range: q.range.clone(),
            message: "Direct quote with no speaker: say who said it, or cut it".to_string(),
            fixes,
        });
    }
}

/// `“… end.”` → `“… end,” Mr Surname said.`
fn attribution_edits(q: &Quote, who: &str) -> Option<Vec<Edit>> {
    // (A quote of joined paragraphs that ends with no mark gets no fix.)
    let close = q.close.clone().filter(|c| !c.is_empty())?;
    let mut edits = Vec::new();
    let tail = match (q.last_char, q.last_char_at) {
        (Some('.'), Some(at)) => {
            edits.push(Edit {
                range: at..at + 1,
                new_text: ",".to_string(),
            });
            format!(" {who} said.")
        }
        _ => format!(" {who} said."),
    };
    edits.push(Edit {
        range: close.end..close.end,
        new_text: tail,
    });
    Some(edits)
}

#[cfg(test)]
mod tests {
    use crate::analysis::Language;
    use crate::checks::check_text;
    use crate::config::Config;
    use crate::rules::{apply_edits, Finding};

    use crate::rules::findings_of as findings;

    #[test]
    fn a_quote_paragraph_after_narrative_is_unattributed_and_fix_uses_house_style() {
        let text = "Council approves budget\n\nThe finance chief, Priya Nandra, said the rise was needed.\n\nMr Graham Whitlock said the council had wasted millions. “They cried poverty,” Mr Whitlock said.\n\nThe rise takes effect in April.\n\n“Nobody wants to put up taxes this year.”\n";
        let f = findings(text, "unattributed-quote");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            &text[f[0].range.clone()],
            "“Nobody wants to put up taxes this year.”"
        );
        let titles: Vec<&str> = f[0].fixes.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(
            titles,
            vec!["Attribute to Graham Whitlock", "Attribute to Priya Nandra"]
        );
        assert!(f[0].fixes.iter().all(|x| !x.safe));
        let fixed = apply_edits(text, &f[0].fixes[0].edits);
        assert!(
            fixed.contains("“Nobody wants to put up taxes this year,” Mr Whitlock said.\n"),
            "{fixed}"
        );
    }

    #[test]
    fn only_people_named_near_a_quote_are_offered() {
        let filler = "The hearing resumed after lunch.\n\n".repeat(12);
        let text = format!("Judge Alan Pemberton opened the inquiry on Monday.\n\n{filler}Counsel Rhona Baird rose to speak.\n\n“There is no record of the meeting at all.”\n");
        let f = findings(&text, "unattributed-quote");
        assert_eq!(f.len(), 1, "{f:?}");
        let titles: Vec<&str> = f[0].fixes.iter().map(|x| x.title.as_str()).collect();
        // Pemberton was named 14 paragraphs before: too far to guess.
        assert_eq!(titles, vec!["Attribute to Rhona Baird"]);
    }

    #[test]
    fn us_copy_attributes_with_the_bare_surname() {
        let text = "Sen. Ray Calloway voted against the bill. \"We keep kicking the can,\" Calloway said.\n\nThe bill passed 52-48 on Thursday.\n\n\"The debt will not wait for us.\"\n";
        let f = findings(text, "unattributed-quote");
        assert_eq!(f.len(), 1, "{f:?}");
        let fixed = apply_edits(text, &f[0].fixes[0].edits);
        assert!(
            fixed.contains("\"The debt will not wait for us,\" Calloway said.\n"),
            "{fixed}"
        );
    }

    #[test]
    fn scare_quotes_titles_and_headlines_are_not_flagged() {
        let text = "Minister: ‘We will not back down on this’\n\nCritics called it a “developers’ charter” after “The Long Shore” aired on the BBC.\n\n# ‘Nothing to hide here at all’\n";
        assert!(findings(text, "unattributed-quote").is_empty());
    }

    #[test]
    fn quotes_in_code_and_mid_article_fragments() {
        let text = "# Budget day\n\n```text\n“An unattributed sample quote in a code block.”\n```\n\nThe vote is on Monday.\n\n“We will never give up on this town.”\n";
        let checked = check_text(text, Language::Markdown, &Config::default());
        let f: Vec<&Finding> = checked
            .findings
            .iter()
            .filter(|f| f.code == "unattributed-quote")
            .collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            &text[f[0].range.clone()],
            "“We will never give up on this town.”"
        );
    }
}
