//! Dates and times on a line of their own: a web page's time stamp
//! (`Published 4 March 2025`, `Chris Davies - Nov 19, 2019, 10:31 pm CST`)
//! or copy (`Sunday, March 3, 2024` over an event, `7:00 – 9:30 pm`).
//!
//! A line is read into what it holds: a date, a time, a time zone, a
//! stamp word (`Updated`), and how many other words. A stamp word with a
//! date or time, or a date and a time with a zone or a name beside them,
//! is a page's time stamp wherever it stands; a bare date or time is only a
//! cue, which the furniture judge weighs by the line's place (above the
//! article's first paragraph it is the page's; between paragraphs, copy).

use std::sync::LazyLock;

use regex::Regex;

use super::text::ascii_regex;
use crate::lexicon::dates;
use crate::lexicon::furniture as lists;

/// What a line holds of dates and times.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Stamp {
    /// A month with a day or year, or a numeric date (`19/11/2019`, `2019-11-19`).
    pub date: bool,
    /// A time of day (`10:31`, `4pm`, `10 p.m.`).
    pub time: bool,
    /// Two or more times: an event's hours (`7:00 – 9:30 pm`).
    pub range: bool,
    pub zone: bool,
    /// `Published`, `Updated`, `Posted`…
    pub keyword: bool,
    /// Words that are none of these nor fillers (`on`, `at`, `by`).
    pub others: usize,
    /// Of those, the ones in lower case: a name beside a stamp has none.
    pub lower: usize,
    /// A year (`2019`, or a numeric date): a page dates itself in full; a
    /// fact box's `Saturday, 26 February` need not.
    pub year: bool,
}

impl Stamp {
    /// A page's time stamp wherever it stands.
    pub fn certain(&self) -> bool {
        let when = self.date || self.time;
        (self.keyword && when && (self.others <= 3 || (self.others <= 6 && self.lower == 0)))
            || (self.date
                && self.time
                && !self.range
                && self.others <= 5
                && self.lower == 0
                && (self.zone || self.others >= 1))
    }

    /// A date or time with little else: a time stamp by its place only.
    pub fn cue(&self) -> bool {
        (self.date || self.time) && (self.others <= 2 || (self.others <= 4 && self.lower == 0))
    }
}

struct Shapes {
    numeric_date: Regex,
    clock: Regex,
    dotted_clock: Regex,
    hour: Regex,
}

static SHAPES: LazyLock<Option<Shapes>> = LazyLock::new(|| {
    let build = || -> Result<Shapes, regex::Error> {
        Ok(Shapes {
            numeric_date: ascii_regex(
                r"(?i)\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})\b",
            )?,
            clock: ascii_regex(r"(?i)\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.?|p\.m\.?)?")?,
            // `14.32 GMT`, `8.15am`: a dotted time only with what makes it one.
            dotted_clock: ascii_regex(
                r"(?i)\b\d{1,2}\.\d{2}\s*(?:am\b|pm\b|a\.m\.?|p\.m\.?|gmt\b|bst\b|utc\b|cet\b|cest\b)",
            )?,
            hour: ascii_regex(r"(?i)\b\d{1,2}\s*(?:am|pm|a\.m\.?|p\.m\.?)(?:\s|$|[,;.)])")?,
        })
    };
    build()
        .map_err(|e| tracing::error!("time stamp shapes: {e}"))
        .ok()
});

/// Whether a word (lower case, a trailing `.` allowed) names a month.
fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    dates::months().contains(&w) || lists::months_other().contains(w)
}

fn is_weekday(w: &str) -> bool {
    dates::weekdays().contains(&w.trim_end_matches('.'))
}

fn is_zone(w: &str) -> bool {
    dates::timezones().contains(&w) || matches!(w, "ist" | "aest" | "aedt" | "jst" | "hkt")
}

/// A day or a year: `4`, `04`, `4th`, `2019`.
fn is_day_or_year(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    let number = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    number
        && (digits.len() <= 2 && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
            || digits.len() == 4
                && suffix.is_empty()
                && (digits.starts_with("19") || digits.starts_with("20")))
}

/// What a line holds of dates and times, from its core (`core`) and
/// normalised form (`n`); `None` when nothing.
pub(super) fn read(core: &str, n: &str) -> Option<Stamp> {
    let shapes = SHAPES.as_ref()?;
    if !n.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut s = Stamp {
        zone: n.split(|c: char| !c.is_alphanumeric()).any(is_zone),
        ..Stamp::default()
    };
    // Take out the shapes the words would not show, then read the words.
    let mut rest = core.to_string();
    let mut times = 0;
    for re in [&shapes.clock, &shapes.dotted_clock, &shapes.hour] {
        times += re.find_iter(&rest).count();
        rest = re.replace_all(&rest, " ").into_owned();
    }
    s.time = times > 0;
    s.range = times > 1;
    if shapes.numeric_date.is_match(&rest) {
        s.date = true;
        s.year = true;
        rest = shapes.numeric_date.replace_all(&rest, " ").into_owned();
    }
    s.keyword = lists::stamp_words().iter().any(|k| {
        n.match_indices(k).any(|(i, _)| {
            let before = n[..i].chars().next_back();
            let after = n[i + k.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    });
    let (mut month, mut number) = (false, false);
    let mut lower = String::new();
    for word in rest.split(|c: char| c.is_whitespace() || ",|/·•;()[]@~:".contains(c)) {
        let word = word.trim_matches(|c: char| c == '-' || c == '.' || c == '—' || c == '–');
        if word.is_empty() {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        let w = lower.as_str();
        if is_month(w) {
            month = true;
        } else if is_day_or_year(w) {
            number = true;
            s.year |= w.len() == 4;
        } else if !(is_zone(w)
            || is_weekday(w)
            || lists::stamp_fillers().contains(w)
            || lists::stamp_words()
                .iter()
                .any(|k| k.split(' ').any(|p| p == w)))
        {
            s.others += 1;
            if !word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                s.lower += 1;
            }
        }
    }
    s.date |= month && number;
    (s.date || s.time).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(line: &str) -> Option<Stamp> {
        let mut buf = String::new();
        super::super::text::normalise(line, &mut buf);
        read(line, &buf)
    }

    #[test]
    fn page_time_stamps_are_certain() {
        for line in [
            "Published March 4, 2025 8:42am",
            "Updated at 14.32 GMT",
            "Posted: Mar 4, 2025 / 02:32 PM CST",
            "Tue 4 Mar 2025 14.32 GMT",
            "Published: 09:12 BST, 4 June 2025 | Updated: 14:32 BST, 4 June 2025",
            "Jo Hart - Nov 19, 2024, 10:31 pm CST",
            "By Sam Reyes - 11/19/24 06:56 AM EST",
            "Monday November 18, 2024 7:45 am PST by Dana Ruiz",
            "Meridian Press November 18, 2024 11:03 PM",
            "Nov. 19, 2024 8:03 am ET",
            "Posted on Maret 30, 2015 by Admin",
            "First published on November 19, 2024 / 8:16 AM",
        ] {
            let s = stamp(line).unwrap_or_else(|| panic!("{line}"));
            assert!(s.certain(), "{line}: {s:?}");
        }
    }

    #[test]
    fn bare_dates_and_hours_are_only_cues() {
        for line in [
            "Sunday, March 3, 2024",
            "7:00 – 9:30 pm",
            "18 Nov 2019, 19:09",
            "November 18, 2019",
            "Sunday, March 3, 2024, 7:00 – 9:30 pm",
            "Doors open at 7pm on Friday, March 8, 2024",
        ] {
            let s = stamp(line).unwrap_or_else(|| panic!("{line}"));
            assert!(!s.certain() && s.cue(), "{line}: {s:?}");
        }
    }

    #[test]
    fn a_page_dates_itself_with_a_year_or_a_time() {
        for (line, year) in [
            ("Saturday, 26 February", false),
            ("26 Feb", false),
            ("Sunday, March 3, 2024", true),
            ("19/11/2019", true),
        ] {
            let s = stamp(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(s.year, year, "{line}: {s:?}");
        }
    }

    #[test]
    fn copy_with_figures_is_no_stamp() {
        for line in [
            "2001-2005",
            "02-751-1500",
            "Call 020 7946 0123 for tickets",
            "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
            "Updated forecasts from the OBR are due on Wednesday.",
            "The vote was 52 to 48.",
            "Unemployment rose to 4.5% in the three months to June",
        ] {
            assert!(
                stamp(line).is_none_or(|s| !s.certain() && !s.cue()),
                "{line}"
            );
        }
    }
}
