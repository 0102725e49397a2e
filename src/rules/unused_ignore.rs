//! `unused-ignore`: an ignore comment (`<!-- copydesk-ignore … -->`) that
//! silences nothing, so it would hide the next real finding there unseen.
//!
//! Whether a comment silenced anything is known only once every other rule
//! has run: the findings of this rule are made where the ignore comments
//! are applied ([`crate::checks::ignores`]), and its `check` finds nothing
//! itself. It is in the registry for its code, severity, settings and docs.

use super::rule::{Cx, Finding, Part, Rule, RuleInfo, Scope};
use crate::analysis::ParagraphFacts;
use crate::config::Severity;

pub const CODE: &str = "unused-ignore";

pub static INFO: RuleInfo = RuleInfo {
    code: CODE,
    severity: Severity::Information,
    enabled: true,
    scope: Scope::Article,
    summary: "An ignore comment that silences nothing",
    explanation: "A desk silences a finding it has judged with an HTML comment, which is \
never copy: `<!-- copydesk-ignore CODE -->` for the next paragraph, \
`<!-- copydesk-disable CODE -->` … `<!-- copydesk-enable -->` for a stretch, and \
`<!-- copydesk-ignore-file CODE -->` for the whole article (CODE is one or more rule \
codes, or none for every rule). Once the copy under it has been rewritten, a comment may \
silence nothing: left there, it would hide the next real problem in that paragraph. This \
rule names such comments, and comments that name no rule copydesk knows, so the desk can \
remove them. `copydesk check --no-ignore` shows every finding, ignore comments or not.",
    bad:
        "<!-- copydesk-ignore placeholder -->\nThe council will borrow £14m to rebuild the bridge.",
    good: "The council will borrow £14m to rebuild the bridge.",
    settings: &[],
};

pub struct UnusedIgnore;

impl Rule for UnusedIgnore {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, _cx: &Cx<'_, '_>, _part: Part<'_>, _out: &mut Vec<Finding>) {}

    /// It reads no paragraph: its findings are made after the rules run.
    fn reads(&self, _facts: &ParagraphFacts) -> bool {
        false
    }
}
