//! Ignore comments as a desk writes them: `<!-- copydesk-ignore CODE -->`
//! over a paragraph, `copydesk-disable` … `copydesk-enable` round a stretch,
//! `copydesk-ignore-file` for the article. Each silences what it names in
//! every layout (blank lines, a line a paragraph, hard-wrapped), is never
//! copy itself, is left alone by `fix`, and is reported when it silences
//! nothing. Names in the style book are never flagged.

use copydesk::analysis::Language;
use copydesk::checks::ignores::Ignoring;
use copydesk::checks::{apply_edits, check_text, check_text_with, config_from_json};
use copydesk::config::Config;

/// `code: the text it covers` for every finding, in order.
fn findings(text: &str, language: Language, config: &Config) -> Vec<String> {
    check_text(text, language, config)
        .findings
        .iter()
        .map(|f| format!("{}: {}", f.code, &text[f.range.clone()]))
        .collect()
}

const DRIVERS: &str = "“Drivers should plan for delays of up to forty minutes on the ring road.”";
const LORRIES: &str = "“Lorries over seven and a half tonnes will have to go round by Ashby.”";

/// The same article in three layouts, the ignore comment over the first
/// unattributed quote.
fn layouts() -> Vec<(&'static str, String)> {
    let blank = format!(
        "Harbour Bridge will close for six weeks from Monday, Tarrow council said on Tuesday.\n\n\
Engineers found corrosion in the main cables in March, and the repairs will cost £14m.\n\n\
<!-- copydesk-ignore unattributed-quote -->\n{DRIVERS}\n\n\
The ferry will run every half hour while the work goes on.\n\n{LORRIES}\n"
    );
    let lines = format!(
        "Harbour Bridge will close for six weeks from Monday, Tarrow council said on Tuesday.\r\n\
Engineers found corrosion in the main cables in March, and the repairs will cost £14m.\r\n\
<!-- copydesk-ignore unattributed-quote -->\r\n{DRIVERS}\r\n\
The ferry will run every half hour while the work goes on.\r\n{LORRIES}\r\n"
    );
    let wrapped = "Harbour Bridge will close for six weeks from Monday, Tarrow council\n\
said on Tuesday.\n\n\
Engineers found corrosion in the main cables in March, and the\n\
repairs will cost £14m.\n\n\
<!-- copydesk-ignore unattributed-quote -->\n\
“Drivers should plan for delays of up to forty minutes on the ring\n\
road.”\n\n\
The ferry will run every half hour while the work goes on.\n\n\
“Lorries over seven and a half tonnes will have to go round by\n\
Ashby.”\n"
        .to_string();
    vec![
        ("blank lines", blank),
        ("a line a paragraph", lines),
        ("hard-wrapped", wrapped),
    ]
}

#[test]
fn an_ignore_comment_silences_the_next_paragraph_in_every_layout() {
    let config = Config::default();
    for (layout, text) in layouts() {
        // Markdown reads lines without blank lines between as one paragraph.
        let languages: &[Language] = if layout == "a line a paragraph" {
            &[Language::PlainText]
        } else {
            &[Language::PlainText, Language::Markdown]
        };
        for &language in languages {
            let shown = findings(&text, language, &config);
            assert_eq!(shown.len(), 1, "{layout} {language:?}: {shown:#?}");
            assert!(
                shown[0].starts_with("unattributed-quote: “Lorries"),
                "{layout}: {shown:?}"
            );
            // `--no-ignore` shows both, and the comment is no finding of its own.
            let all = check_text_with(
                &text,
                language,
                &config,
                Default::default(),
                Ignoring::ShowAll,
            )
            .findings;
            let codes: Vec<_> = all.iter().map(|f| f.code).collect();
            assert_eq!(
                codes,
                ["unattributed-quote", "unattributed-quote"],
                "{layout} {language:?}"
            );
        }
    }
}

#[test]
fn the_comment_changes_nothing_else_it_is_never_copy() {
    // The quote sheet and every other finding are as they are without it.
    let config = Config::default();
    for (layout, text) in layouts() {
        let without: String = text
            .split_inclusive('\n')
            .filter(|l| !l.contains("copydesk-ignore"))
            .collect();
        let a = check_text_with(
            &text,
            Language::PlainText,
            &config,
            Default::default(),
            Ignoring::ShowAll,
        );
        let b = check_text(&without, Language::PlainText, &config);
        let covered = |t: &str, c: &copydesk::checks::Checked| -> Vec<String> {
            c.findings
                .iter()
                .map(|f| t[f.range.clone()].to_string())
                .collect()
        };
        assert_eq!(covered(&text, &a), covered(&without, &b), "{layout}");
    }
}

#[test]
fn codes_lists_regions_and_the_whole_file() {
    let config = Config::default();
    let text = "<!-- copydesk-ignore-file placeholder -->\n\n\
The leader, Cllr Anwen Price, will set out the plan at TK.\n\n\
<!-- copydesk-disable boilerplate, unattributed-quote -->\n\n\
Follow us on Twitter @tarrowcouncil\n\n\
“There is no money left for anything else.”\n\n\
<!-- copydesk-enable -->\n\n\
Follow us on Facebook for live updates\n\n\
“We have been told nothing about the ferry timetable.”\n";
    let shown = findings(text, Language::Markdown, &config);
    assert_eq!(
        shown,
        [
            "boilerplate: Follow us on Facebook for live updates",
            "unattributed-quote: “We have been told nothing about the ferry timetable.”",
        ]
    );
}

#[test]
fn an_ignore_with_nothing_to_silence_is_reported_as_information() {
    let config = Config::default();
    let text = "Ms Price said the ferry would run every half hour.\n\n\
<!-- copydesk-ignore placeholder -->\n\n\
The council will borrow £14m to rebuild the bridge.\n\n\
<!-- copydesk-ignore unatributed-quote -->\n\n\
“We are doing all we can,” she said.\n\n\
<!-- copydesk-enable -->\n";
    let checked = check_text(text, Language::PlainText, &config);
    let shown: Vec<_> = checked
        .findings
        .iter()
        .map(|f| (f.code, f.severity, f.message.as_str()))
        .collect();
    use copydesk::config::Severity::Information;
    assert_eq!(
        shown,
        [
            (
                "unused-ignore",
                Information,
                "This copydesk-ignore comment silences nothing: remove it"
            ),
            (
                "unused-ignore",
                Information,
                "This ignore comment names no rule copydesk knows (unatributed-quote): correct the code or remove the comment"
            ),
            (
                "unused-ignore",
                Information,
                "This copydesk-enable ends no copydesk-disable: remove it"
            ),
        ]
    );
    // Its fix takes the comment out with its line; `fix` never does.
    let fix = &checked.findings[0].fixes[0];
    assert!(!fix.safe);
    let fixed = apply_edits(text, &fix.edits);
    assert_eq!(
        fixed,
        text.replace("<!-- copydesk-ignore placeholder -->\n\n", "")
    );
    assert!(checked.safe_edits.is_empty());
    // Switched off like any rule.
    let quiet =
        config_from_json(serde_json::json!({"rules": {"unused-ignore": {"enabled": false}}}))
            .expect("config");
    assert!(findings(text, Language::PlainText, &quiet).is_empty());
}

#[test]
fn fix_leaves_what_is_ignored_and_the_comments_alone() {
    let config = Config::default();
    let text = "The ferry will run every half hour.\n\n\
<!-- copydesk-ignore boilerplate -->\n\
Follow us on Twitter @tarrowcouncil\n\n\
Repairs will take six weeks.\n\n\
Follow us on Twitter @tarrowferries\n";
    let checked = check_text(text, Language::PlainText, &config);
    let fixed = apply_edits(text, &checked.safe_edits);
    assert_eq!(
        fixed,
        "The ferry will run every half hour.\n\n\
<!-- copydesk-ignore boilerplate -->\n\
Follow us on Twitter @tarrowcouncil\n\n\
Repairs will take six weeks.\n"
    );
}

#[test]
fn comments_in_code_and_other_comments_are_no_directives() {
    let config = Config::default();
    let text = "How to silence a finding:\n\n\
```\n<!-- copydesk-ignore-file -->\n```\n\n\
<!-- subbed by JH 14:20; copydesk-ignore is in the style guide -->\n\n\
The leader will speak at TK.\n";
    assert_eq!(
        findings(text, Language::Markdown, &config),
        ["placeholder: TK"]
    );
}

#[test]
fn a_name_in_the_style_book_is_never_flagged() {
    // The article spells him the style book's way once and another way
    // twice: only the other spelling is flagged, never the accepted one.
    let config =
        config_from_json(serde_json::json!({"names": {"canonical": ["Volodymyr Zelensky"]}}))
            .expect("config");
    let text =
        "Ukraine’s President Volodymyr Zelenskyy met European leaders in Brussels on Thursday.\n\n\
Mr Zelenskyy said the talks had been “frank and useful”.\n\n\
Mr Zelensky is due in Washington next week.\n";
    let shown = findings(text, Language::PlainText, &config);
    assert!(!shown.is_empty(), "the variant is flagged");
    for f in &shown {
        assert!(f.starts_with("name-variant: "), "{f}");
        assert!(!f.ends_with(": Zelensky"), "the accepted spelling: {f}");
    }
    // Accepted once, it stays accepted however the article votes.
    let text = "Jens Stoltenburg, the former Nato chief, spoke first.\n\n\
Mr Stoltenburg said allies must spend more.\n\n\
Mr Stoltenburg left before the vote.\n";
    let config =
        config_from_json(serde_json::json!({"names": {"canonical": ["Jens Stoltenburg"]}}))
            .expect("config");
    assert!(findings(text, Language::PlainText, &config).is_empty());
    // Two people the article spells alike: once both are in the style book
    // (the "Add to the style book" action, taken for each), neither is flagged.
    let text = "The inquiry heard from Kirsten Hallorand, the harbour master, on Monday.\n\n\
Ms Hallorand said the crane had been inspected in May.\n\n\
Ms Halloran, who chairs the port board, said she had not seen the report.\n";
    assert_eq!(
        findings(text, Language::PlainText, &Config::default()).len(),
        1,
        "flagged until accepted"
    );
    let both = config_from_json(
        serde_json::json!({"names": {"canonical": ["Kirsten Hallorand", "Halloran"]}}),
    )
    .expect("config");
    assert_eq!(
        findings(text, Language::PlainText, &both),
        Vec::<String>::new()
    );
}
