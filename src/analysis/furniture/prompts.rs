//! Prompts: comment and contact calls, share, newsletter and follow lines,
//! copyright footers, source lines and `click here`. None of them reports
//! speech, so a line with a speech verb is never one.

use super::gate::*;
use super::lines::Rules;
use super::read::reports_speech;
use super::text::{is_network_list, word_count};
use super::types::BoilerplateKind;

impl Rules {
    /// The prompt a normalised line is, if any.
    pub(super) fn prompt(
        &self,
        groups: Groups,
        n: &str,
        words: &dyn Fn() -> usize,
    ) -> Option<BoilerplateKind> {
        use BoilerplateKind::*;
        let has = |g: Groups| groups & g != 0;
        if !has(PROMPTS) || reports_speech(n) {
            return None;
        }
        if has(COMMENT)
            && ((self.comment.is_match(n) && words() <= 25) || self.comment_alone.is_match(n))
        {
            return Some(CommentPrompt);
        }
        if has(CONTACT) && words() <= 30 && self.contact.is_match(n) {
            return Some(ContactPrompt);
        }
        // (A row of buttons pasted as one line repeats its verb: `Share to
        // LinkedInLinkedInShare to FacebookFacebookShare to …`.)
        let buttons =
            || words() <= 25 && !n.contains(['.', ',']) && n.matches("share").count() >= 3;
        if has(SHARE)
            && ((self.share.is_match(n) && (words() <= 10 || buttons())) || is_network_list(n))
        {
            return Some(SharePrompt);
        }
        if has(NEWSLETTER)
            && words() <= 30
            && ((self.newsletter.is_match(n) && (words() <= 6 || self.newsletter_object(n)))
                || self.newsletter_any.is_match(n))
        {
            return Some(Newsletter);
        }
        if has(FOLLOW) && words() <= 16 && self.follow.is_match(n) {
            return Some(SocialFollow);
        }
        if has(COPYRIGHT)
            && words() <= 30
            && ((self.copyright.is_match(n) && self.copyright_owner.is_match(n))
                || self.rights.is_match(n))
        {
            return Some(Copyright);
        }
        if has(SOURCE) && self.is_source_line(n) {
            return Some(SourceLine);
        }
        if has(CLICK)
            && ((self.click.is_match(n) && words() <= 40)
                || (self.here.is_match(n) && words() <= 14))
        {
            return Some(ClickHere);
        }
        None
    }

    /// `Sign up …` with what it signs up to soon after (`Sign up to our
    /// free briefing`), not a step of a how-to (`Sign up for an ad-free
    /// account for $11.99 a month`, `… using the same email as …`).
    fn newsletter_object(&self, n: &str) -> bool {
        if n.contains(['$', '£', '€']) {
            return false;
        }
        let near = n.match_indices(' ').nth(8).map_or(n.len(), |(i, _)| i);
        self.newsletter_what
            .find_iter(n)
            .any(|m| m.start() < near && !n[..m.start()].ends_with('-'))
    }

    /// `Source: example.com`, `via Reuters`, `h/t @someone`.
    fn is_source_line(&self, n: &str) -> bool {
        let Some(c) = self.source.captures(n) else {
            return false;
        };
        let tail = c.get(1).map_or("", |m| m.as_str());
        let has_colon = n[..c.get(1).map_or(0, |m| m.start())].contains(':');
        self.domain.is_match(tail)
            || (has_colon && word_count(tail) <= 6 && !tail.ends_with(['.', ',']))
    }
}
