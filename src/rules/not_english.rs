//! `not-english`: copy that does not read as English (a German or Russian
//! page pasted by mistake), said once; the name and quote rules say nothing
//! on it.

use super::rule::{Cx, Finding, Part, Rule, RuleInfo, Scope};
use crate::analysis::{ParagraphFacts, Tongue};
use crate::config::Severity;

pub const CODE: &str = "not-english";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Information,
    enabled: true,
    scope: Scope::Article,
    summary: "Copy that does not read as English, so names and quotes are not checked",
    explanation: "copydesk's name and quote checks read English copy: its speech verbs, \
honorifics and sentence shapes. A page in another language, pasted by mistake or filed \
for translation, would give nonsense findings (inflected words taken for misspelt names, \
every quote unattributed), so on such copy they say nothing and this one finding says why. \
A paragraph reads as English when at least 40% of its lower-case words are English words; \
the copy is taken for another language when at least two paragraphs read otherwise and \
they outnumber the English ones. A foreign quote or phrase inside English copy does not \
count.",
    bad: "Der Minister sagte am Dienstag, die Gespräche würden weitergehen.\n\nEr erwarte noch vor Ende des Monats eine Einigung, was es auch koste.",
    good: "The minister said on Tuesday that the talks would go on.\n\nHe expected an agreement before the end of the month, whatever the cost.",
    settings: &[],
};

pub struct NotEnglish;

impl Rule for NotEnglish {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, cx: &Cx<'_, '_>, _part: Part<'_>, out: &mut Vec<Finding>) {
        let article = cx.article;
        if !article.is_foreign() {
            return;
        }
        let Some(para) = article
            .paragraphs
            .iter()
            .position(|p| p.facts.tongue == Tongue::Other)
        else {
            return;
        };
        out.push(Finding {
            code: CODE,
            severity: cx.severity,
            range: article.line_range(para, 0),
            message: "This copy does not read as English: names and quotes are not checked"
                .to_string(),
            fixes: Vec::new(),
        });
    }

    /// The engine checks copy that is foreign (before or after an edit)
    /// whole, which is the only copy this rule finds anything in: around an
    /// edit to English copy it has nothing to redo.
    fn reads(&self, _facts: &ParagraphFacts) -> bool {
        false
    }
}
