//! Names end to end: mentions, people, `name-variant` and `first-reference`
//! on realistic copy, and the precision / recall fixture sets.

use copydesk::analysis::{Article, Language, Scanner};
use copydesk::checks::{check_text, Finding};
use copydesk::config::Config;
use copydesk::text::Document;

fn findings(text: &str, code: &str, config: &Config) -> Vec<Finding> {
    check_text(text, Language::PlainText, config)
        .findings
        .into_iter()
        .filter(|f| f.code == code)
        .collect()
}

#[test]
#[ignore]
fn debug_dump() {
    let path = std::env::var("NAMES_DUMP").unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let scanner = Scanner::default();
    let doc = Document::new(&text, 0, &scanner);
    let paras = doc.index().paragraphs();
    for p in paras {
        for m in &p.facts.mentions {
            eprintln!(
                "{:>5} {:?} hon={:?} role={:?} bare={} ss={} head={} g={:?}",
                p.start + m.range.start,
                m.name_text,
                m.honorific,
                m.role,
                m.bare,
                m.sentence_start,
                m.heading,
                m.gender
            );
        }
    }
    let article = Article::new(paras, Language::PlainText);
    for person in &article.people.persons {
        eprintln!(
            "PERSON {} [{}] roles={:?} g={:?} n={} spellings={:?}",
            person.canonical,
            person.surname,
            person.roles,
            person.gender,
            person.mentions.len(),
            person.spellings
        );
    }
    for f in findings(&text, "name-variant", &Config::default())
        .into_iter()
        .chain(findings(&text, "first-reference", &Config::default()))
    {
        eprintln!("{} {:?} {}", f.code, f.range, f.message);
    }
}

/// People of a text: (canonical, number of mentions), in order of first mention.
fn people(text: &str, style: &[&str]) -> Vec<(String, usize)> {
    let scanner = Scanner::default();
    let doc = Document::new(text, 0, &scanner);
    let style: Vec<String> = style.iter().map(|s| s.to_string()).collect();
    let article = Article::with_style_book(doc.index().paragraphs(), Language::PlainText, &style);
    article
        .people
        .persons
        .iter()
        .map(|p| (p.canonical.clone(), p.mentions.len()))
        .collect()
}

/// (what the case shows, copy, expected people with their mention counts).
type GroupingCase = (&'static str, &'static str, &'static [(&'static str, usize)]);

#[test]
fn grouping_table() {
    let cases: &[GroupingCase] = &[
        (
            "full name, honorific, bare surname and possessive are one person",
            "Dmytro Kuleba flew in on Monday.\n\nMr Kuleba said the talks were useful. Later, Kuleba’s aides said so too.\n",
            &[("Dmytro Kuleba", 3)],
        ),
        (
            "two Bidens stay apart; a bare Biden goes to the most recently named",
            "Joe Biden spoke first. Hunter Biden, his son, spoke later.\n\nThe president said Biden would not comment.\n",
            &[("Joe Biden", 1), ("Hunter Biden", 2)],
        ),
        (
            "an honorific's gender picks between people who share a surname",
            "Bill Clinton and Hillary Clinton arrived together.\n\nMrs Clinton said little; Mr Clinton said less.\n",
            &[("Bill Clinton", 2), ("Hillary Clinton", 2)],
        ),
        (
            "Mr Lee and Mr Li are different people",
            "Mr Lee met Mr Li in Seoul. Mr Lee said they had agreed.\n",
            &[("Lee", 2), ("Li", 1)],
        ),
        (
            "a typo of a surname joins the person",
            "Jens Stoltenberg spoke in Brussels. Mr Stoltenberg said allies agreed.\n\nMr Stoltenburg added that more would follow.\n",
            &[("Jens Stoltenberg", 3)],
        ),
        (
            "surnames that each come with their own given name stay apart",
            "Mark Johnson met Jane Johnston at the hearing.\n",
            &[("Mark Johnson", 1), ("Jane Johnston", 1)],
        ),
        (
            "a first name alone is not a mention of the person",
            "Kamala Harris spoke. Kamala later left; Harris stayed.\n",
            &[("Kamala Harris", 2)],
        ),
        (
            "surname introduced before the full name joins it",
            "Mr Blinken arrived first.\n\nAntony Blinken, the US secretary of state, then spoke.\n",
            &[("Antony Blinken", 2)],
        ),
        (
            "places and lookalike words are not people",
            "Austria and Australia signed. Washington and Jordan agreed; Chelsea won in May.\n",
            &[],
        ),
    ];
    for (what, text, want) in cases {
        let got = people(text, &[]);
        let want: Vec<(String, usize)> = want.iter().map(|(n, c)| (n.to_string(), *c)).collect();
        assert_eq!(got, want, "{what}");
    }
}

#[test]
fn style_book_wins_over_the_article() {
    let text = "Volodymyr Zelenskyy met allies.\n\nMr Zelenskyy said Ukraine would fight on.\n";
    assert_eq!(
        people(text, &["Volodymyr Zelensky"]),
        vec![("Volodymyr Zelensky".to_string(), 2)]
    );
}

fn variants(text: &str, config: &Config) -> Vec<(String, String)> {
    findings(text, "name-variant", config)
        .into_iter()
        .map(|f| (text[f.range.clone()].to_string(), f.message))
        .collect()
}

#[test]
fn name_variant_flags_each_misspelling_with_the_canonical_spelling() {
    let text = "Spain’s Prime Minister Pedro Sánchez met Jens Stoltenberg.\n\nMr Sanchez said Mr Stoltenburg was right. Al-Sisi and Al Sisi.\n\nSánchez later left.\n";
    let got = variants(text, &Config::default());
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[2].0, "Al Sisi");
    assert!(got[2].1.contains("‘Al-Sisi’"), "{}", got[2].1);
    assert_eq!(got[0].0, "Sanchez");
    assert!(got[0].1.contains("‘Sánchez’"), "{}", got[0].1);
    assert!(got[0].1.contains("twice"), "{}", got[0].1);
    assert_eq!(got[1].0, "Stoltenburg");
    assert!(got[1].1.contains("‘Stoltenberg’"), "{}", got[1].1);
}

#[test]
fn name_variant_hyphen_case_and_typo() {
    let text = "Egypt’s President Abdel Fattah al-Sisi met Ronald McDonald and Antony Blinken.\n\nMr al Sisi said Mr Mcdonald agreed with Blinkin on the plan. Blinken said so too.\n";
    let got: Vec<String> = variants(text, &Config::default())
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(got, vec!["al Sisi", "Mcdonald", "Blinkin"]);
}

#[test]
fn name_variant_fixes_keep_honorific_and_possessive() {
    let text = "Jens Stoltenberg spoke.\n\nMr Stoltenburg’s aide and Mr Stoltenburg agreed.\n";
    let checked = check_text(text, Language::PlainText, &Config::default());
    let f: Vec<&Finding> = checked
        .findings
        .iter()
        .filter(|f| f.code == "name-variant")
        .collect();
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].fixes[0].title, "Change to ‘Stoltenberg’");
    assert!(!f[0].fixes[0].safe);
    let one = copydesk::checks::apply_edits(text, &f[0].fixes[0].edits);
    assert_eq!(
        one,
        "Jens Stoltenberg spoke.\n\nMr Stoltenberg’s aide and Mr Stoltenburg agreed.\n"
    );
    assert_eq!(
        f[0].fixes[1].title,
        "Change all 2 variants to ‘Jens Stoltenberg’"
    );
    let all = copydesk::checks::apply_edits(text, &f[0].fixes[1].edits);
    assert_eq!(
        all,
        "Jens Stoltenberg spoke.\n\nMr Stoltenberg’s aide and Mr Stoltenberg agreed.\n"
    );
    // Safe fixes never touch names.
    assert!(checked.safe_edits.is_empty());
}

#[test]
fn style_book_variants_are_flagged_even_when_consistent() {
    let config =
        Config::from_json(serde_json::json!({"names": {"canonical": ["Volodymyr Zelensky"]}}))
            .expect("config");
    let text = "Volodymyr Zelenskyy met allies.\n\nMr Zelenskyy said Ukraine would fight on.\n";
    let got = variants(text, &config);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got
        .iter()
        .all(|(t, m)| t.contains("Zelenskyy") && m.contains("‘Zelensky’")));
    assert!(variants(text, &Config::default()).is_empty());
}

#[test]
fn first_reference_flags_surname_before_full_name() {
    let text = "Blinken in Kyiv\n\nMr Blinken arrived on Tuesday.\n\nAntony Blinken, the US secretary of state, met officials.\n";
    let f = findings(text, "first-reference", &Config::default());
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(&text[f[0].range.clone()], "Mr Blinken");
    assert!(f[0].message.contains("‘Antony Blinken’"));
    let fixed = copydesk::checks::apply_edits(text, &f[0].fixes[0].edits);
    assert!(
        fixed.contains("\n\nAntony Blinken arrived on Tuesday."),
        "{fixed}"
    );
    // Headline use is fine; full name first is fine.
    let ok = "Blinken in Kyiv\n\nAntony Blinken arrived on Tuesday.\n\nMr Blinken met officials.\n";
    assert!(findings(ok, "first-reference", &Config::default()).is_empty());
    let md = "# Blinken in Kyiv\n\nAntony Blinken arrived. Mr Blinken left.\n";
    assert!(check_text(md, Language::Markdown, &Config::default())
        .findings
        .iter()
        .all(|f| f.code != "first-reference"));
}

fn fixture_files(dir: &str) -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Articles with no name errors: copydesk must report no `name-variant`.
#[test]
fn precision_fixtures_have_no_name_variants() {
    let files = fixture_files("tests/names/precision");
    let mut false_alarms = Vec::new();
    let mut words = 0;
    let mut people_total = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).expect("fixture");
        words += text.split_whitespace().count();
        let language = Language::from_path(path);
        let checked = check_text(&text, language, &Config::default());
        let scanner = Scanner::default();
        let doc = Document::new(&text, 0, &scanner);
        people_total += Article::new(doc.index().paragraphs(), language)
            .people
            .persons
            .len();
        for f in checked.findings.iter().filter(|f| f.code == "name-variant") {
            false_alarms.push(format!(
                "{}:{}: {}",
                path.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
                line_of(&text, f.range.start),
                f.message
            ));
        }
    }
    eprintln!(
        "names precision set: {} articles, {} words, {} people, {} name-variant false alarms",
        files.len(),
        words,
        people_total,
        false_alarms.len()
    );
    assert!(false_alarms.is_empty(), "{false_alarms:#?}");
    assert!(files.len() >= 15, "{} precision articles", files.len());
}

/// Articles with seeded misspellings: each must be flagged once, on its
/// line, naming the canonical spelling. Prints recall and precision.
/// Fixtures are generated from `tests/names/recall/src` by `make_fixtures.py`.
#[test]
fn recall_fixtures_flag_each_seeded_misspelling() {
    let files = fixture_files("tests/names/recall");
    assert!(!files.is_empty());
    let (mut seeded, mut found, mut flagged, mut correct) = (0, 0, 0, 0);
    let mut problems = Vec::new();
    let mut misses = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("fixture");
        let expect = std::fs::read_to_string(path.with_extension("expect")).expect("sidecar");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let got = findings(&text, "name-variant", &Config::default());
        flagged += got.len();
        let mut used = vec![false; got.len()];
        for line in expect.lines().filter(|l| !l.trim().is_empty()) {
            let mut f = line.split('\t');
            let (Some(l), Some(written), Some(canonical)) = (f.next(), f.next(), f.next()) else {
                panic!("{name}: bad sidecar line {line:?}");
            };
            let l: usize = l.parse().expect("line number");
            seeded += 1;
            let hits: Vec<usize> = got
                .iter()
                .enumerate()
                .filter(|(_, g)| {
                    line_of(&text, g.range.start) == l && text[g.range.clone()].contains(written)
                })
                .map(|(i, _)| i)
                .collect();
            match hits.as_slice() {
                [i] if got[*i].message.contains(&format!("‘{canonical}")) => {
                    found += 1;
                    used[*i] = true;
                }
                [i] => problems.push(format!(
                    "{name}:{l}: ‘{written}’ flagged without ‘{canonical}’: {}",
                    got[*i].message
                )),
                [] => misses.push(format!("{name}:{l}: ‘{written}’ not flagged")),
                _ => problems.push(format!(
                    "{name}:{l}: ‘{written}’ flagged {} times",
                    hits.len()
                )),
            }
        }
        correct += used.iter().filter(|u| **u).count();
        for (g, u) in got.iter().zip(&used) {
            if !u {
                problems.push(format!(
                    "{name}:{}: unexpected: {}",
                    line_of(&text, g.range.start),
                    g.message
                ));
            }
        }
    }
    let recall = found as f64 / seeded.max(1) as f64;
    let precision = correct as f64 / flagged.max(1) as f64;
    eprintln!(
        "names recall set: {} articles, {seeded} seeded misspellings, {found} flagged correctly (recall {:.0}%), {flagged} name-variant findings (precision {:.0}%)",
        files.len(),
        recall * 100.0,
        precision * 100.0
    );
    for p in problems.iter().chain(&misses) {
        eprintln!("  {p}");
    }
    // Every finding is right (line, spelling, canonical name, once)...
    assert!(problems.is_empty(), "{problems:#?}");
    // ...and few seeded misspellings are missed. Known miss: a bare surname
    // of four letters at a sentence start (`Thun said`), where any word has
    // a capital and short names are too alike to guess.
    assert!(recall >= 0.9, "recall {recall:.2}: {misses:#?}");
}
