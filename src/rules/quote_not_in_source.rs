//! `quote-not-in-source`: a quote that no passage of the article's sources
//! comes close to.

use super::rule::{Cx, Finding, Part, Rule, RuleInfo, Scope, Setting, SettingKind};
use super::sources::{pieces, words};
use crate::analysis::sources::MatchState;
use crate::config::Severity;

pub const CODE: &str = "quote-not-in-source";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Warning,
    enabled: true,
    scope: Scope::OwnWords,
    summary: "A quote that is in none of the article's sources",
    explanation: "When an article names its sources — a transcript, a statement, a \
press release, a judgment — every direct quote should be in one of them. Name them in \
the front matter (`sources: [hearing.txt]`), in `copydesk.toml` (`[sources] paths`), or \
put them in a folder beside the article named after it (`story.sources/`). A quote is \
looked for word by word: quote marks, case, punctuation, British or American spelling, \
an ellipsis marking a cut and a square-bracketed insertion (`[the council]`) do not \
matter. A quote of at least three words of which fewer than 60% are found in order in \
any passage is reported: it may come from another interview, or be the reporter's \
paraphrase given quote marks. Nothing is reported for an article without sources. The \
examples are checked against this transcript: `[00:41:07] CLLR AMIRA HADDAD: We have \
looked at every option, and if the grant does not come through we will have to close the \
library in March.`",
    bad: "The cabinet met on Tuesday to discuss the library.\n\nCllr Amira Haddad said: “The library will stay open whatever happens.”",
    good: "The cabinet met on Tuesday to discuss the library.\n\nCllr Amira Haddad said: “We will have to close the library in March.”",
    settings: &[Setting {
        key: "sources.paths",
        kind: SettingKind::Paths,
        description: "Source files for every article, relative to `copydesk.toml` (`{stem}` stands for the article's file name without its extension, e.g. `\"transcripts/{stem}.txt\"`; such a file may be missing). An article also takes the files named in its front matter (`sources: [a.txt]`) and every `.txt` and `.md` file in the folder `<article>.sources/` beside it.",
    }],
};

pub struct QuoteNotInSource;

impl Rule for QuoteNotInSource {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_, '_>, part: Part<'_>, out: &mut Vec<Finding>) {
        let names: Vec<&str> = cx.sources.files.iter().map(|f| f.name.as_str()).collect();
        for piece in pieces(cx, part) {
            if piece.located.state != MatchState::NotFound {
                continue;
            }
            let closest = if piece.located.score > 0.0 {
                format!(
                    " (the closest passage has {:.0}% of its words)",
                    piece.located.score * 100.0
                )
            } else {
                String::new()
            };
            out.push(Finding {
                code: CODE,
                severity: cx.severity,
                range: piece.range,
                message: format!(
                    "Quote not found in the sources ({}){closest}; check it against the source",
                    words(&names.join(", "), 80)
                ),
                fixes: Vec::new(),
            });
        }
    }
}
