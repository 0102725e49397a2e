//! Names end to end: mentions, people, `name-variant` and `first-reference`
//! on realistic copy, and the precision / recall fixture sets.

use copydesk::analysis::{Article, Language, People, Scanner};
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

/// People of a text: (canonical, number of mentions), in order of first mention.
fn people(text: &str, style: &[&str]) -> Vec<(String, usize)> {
    let scanner = Scanner::default();
    let doc = Document::new(text, 0, &scanner);
    let style: Vec<String> = style.iter().map(|s| s.to_string()).collect();
    let article = Article::with_style_book(doc.index().paragraphs(), Language::PlainText, &style);
    article
        .people
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
            "two Bidens stay apart; a bare Biden goes to the one not introduced as a relative",
            "Joe Biden spoke first. Hunter Biden, his son, spoke later.\n\nThe president said Biden would not comment.\n",
            &[("Joe Biden", 2), ("Hunter Biden", 1)],
        ),
        (
            "once called Mr Trump, Mr Trump stays that person after Eric Trump is named",
            "Donald Trump Jr. spoke first, then Donald Trump arrived.\n\nMr. Trump said he was pleased. Eric Trump agreed.\n\nMr. Trump then left.\n",
            &[("Donald Trump", 1), ("Donald Trump", 3), ("Eric Trump", 1)],
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
    let text = "Spain’s Prime Minister Pedro Sánchez met Jens Stoltenberg.\n\nMr Sanchez said Mr Stoltenburg was right. President Al-Sisi and Al Sisi.\n\nSánchez later left, and Mr Stoltenberg stayed.\n";
    // (A name no mention gives in full or with a title is not checked: President Al-Sisi.)
    let got = variants(text, &Config::default());
    assert_eq!(got.len(), 3, "{got:?}");
    // Hyphen or space used as often: no tie, the hyphenated spelling wins.
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
    let text = "Jens Stoltenberg spoke.\n\nMr Stoltenburg’s aide and Mr Stoltenburg agreed.\n\nMr Stoltenberg thanked them. Mr Stoltenberg left.\n";
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
        "Jens Stoltenberg spoke.\n\nMr Stoltenberg’s aide and Mr Stoltenburg agreed.\n\nMr Stoltenberg thanked them. Mr Stoltenberg left.\n"
    );
    assert_eq!(
        f[0].fixes[1].title,
        "Change all 2 variants to ‘Stoltenberg’"
    );
    let all = copydesk::checks::apply_edits(text, &f[0].fixes[1].edits);
    assert_eq!(
        all,
        "Jens Stoltenberg spoke.\n\nMr Stoltenberg’s aide and Mr Stoltenberg agreed.\n\nMr Stoltenberg thanked them. Mr Stoltenberg left.\n"
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

/// The configuration with `first-reference` on (it is off by default).
fn first_reference_on() -> Config {
    let mut config = Config::default();
    config.rules.insert(
        "first-reference".to_string(),
        copydesk::config::RuleSettings {
            enabled: Some(true),
            ..Default::default()
        },
    );
    config
}

#[test]
fn first_reference_flags_surname_before_full_name() {
    let text = "Blinken in Kyiv\n\nMr Blinken arrived on Tuesday.\n\nAntony Blinken, the US secretary of state, met officials.\n";
    // Off by default: published copy calls people by surname all the time.
    assert!(findings(text, "first-reference", &Config::default()).is_empty());
    let f = findings(text, "first-reference", &first_reference_on());
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
    assert!(findings(ok, "first-reference", &first_reference_on()).is_empty());
    let md = "# Blinken in Kyiv\n\nAntony Blinken arrived. Mr Blinken left.\n";
    assert!(check_text(md, Language::Markdown, &first_reference_on())
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
    let mut first_refs = Vec::new();
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
            .len();
        for f in checked
            .findings
            .iter()
            .filter(|f| f.code == "first-reference")
        {
            first_refs.push(format!(
                "{}:{}: {}",
                path.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
                line_of(&text, f.range.start),
                f.message
            ));
        }
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
    // Every person in these articles is introduced in full first.
    assert!(first_refs.is_empty(), "{first_refs:#?}");
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
        let all = findings(&text, "name-variant", &Config::default());
        // A seeded misspelling used as often as the right spelling is a tie:
        // the right spelling is flagged too ("also spelled ‘Petters’").
        let seeded_spellings: Vec<&str> = expect
            .lines()
            .filter_map(|l| l.split('\t').nth(1))
            .collect();
        let (ties, got): (Vec<Finding>, Vec<Finding>) = all.into_iter().partition(|f| {
            seeded_spellings
                .iter()
                .any(|w| f.message.contains(&format!("is also spelled ‘{w}’")))
        });
        flagged += got.len() + ties.len();
        correct += ties.len();
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

/// A generated wire story of about `bytes` bytes with `people` people (given
/// name + invented surname), introduced in full and then by honorific,
/// bare surname and possessive.
fn generated_article(bytes: usize, people: usize) -> String {
    const GIVEN: &[&str] = &[
        "Anna",
        "Oleksandr",
        "Maria",
        "James",
        "Fatima",
        "Pedro",
        "Ingrid",
        "Kofi",
        "Mei",
        "Rahul",
        "Sofia",
        "Tomasz",
        "Chloé",
        "Dmytro",
        "Aisha",
        "Lars",
    ];
    const SYL: &[&str] = &[
        "ko", "vra", "len", "mar", "tis", "dor", "pe", "gan", "ru", "shen", "wal", "bek", "zo",
        "hal", "min", "ste",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let names: Vec<(String, String)> = (0..people)
        .map(|i| {
            let mut s = String::new();
            for k in 0..3 {
                s.push_str(SYL[(i / SYL.len().pow(k)) % SYL.len()]);
            }
            let mut c = s.chars();
            let surname = c
                .next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default();
            // Surnames one syllable apart get different given names: two
            // people, not a misspelling.
            let g = (i + i / SYL.len() + i / SYL.len().pow(2)) % GIVEN.len();
            (GIVEN[g].to_string(), surname)
        })
        .collect();
    let mut out = String::from("Talks Resume as Ministers Meet in Geneva\n\n");
    let mut introduced = vec![false; people];
    while out.len() < bytes {
        let p = next(people);
        let (g, s) = &names[p];
        let para = if !introduced[p] {
            introduced[p] = true;
            format!("The foreign minister, {g} {s}, arrived in Geneva on Monday for talks on the ceasefire, officials said.\n\n")
        } else {
            match next(4) {
                0 => format!("Mr {s} told reporters: “We are making progress, but there is a long way to go.”\n\n"),
                1 => format!("Asked about the deadline, {s} said the talks would continue through the night.\n\n"),
                2 => format!("{s}’s aides said the delegation would stay until Friday, according to a statement.\n\n"),
                _ => format!("Ms {s} said the Ukrainian and Polish delegations had agreed a timetable in Kyiv.\n\n"),
            }
        };
        out.push_str(&para);
    }
    out
}

/// Speed figures (run with `--ignored --nocapture`, in release for real
/// numbers): cold scan, people pass, and a keystroke in a 10 KB and a 1 MB
/// article.
#[test]
#[ignore]
fn speed_figures() {
    use copydesk::text::{Change, LineCol, PositionEncoding};
    use std::time::Instant;
    let config = Config::default();
    let scanner = Scanner::new(&config);
    for (bytes, people_n) in [(10_000, 20), (1_000_000, 400)] {
        let text = generated_article(bytes, people_n);
        let t = Instant::now();
        let mut doc = Document::new(&text, 0, &scanner);
        let scan = t.elapsed();
        let t = Instant::now();
        let mut n = 0;
        for p in text.split("\n\n") {
            n += copydesk::analysis::names::scan_mentions(p).len();
        }
        let names_scan = t.elapsed();
        eprintln!(
            "{:>8} bytes: names scanner alone {names_scan:?} ({:.1} MB/s, {n} mentions and candidates)",
            text.len(),
            text.len() as f64 / names_scan.as_secs_f64() / 1e6
        );
        let t = Instant::now();
        let article = Article::with_style_book(doc.index().paragraphs(), Language::PlainText, &[]);
        let build = t.elapsed();
        let persons = article.people.len();
        let first_people = std::sync::Arc::clone(&article.people);
        drop(article);
        let mentions: usize = doc
            .index()
            .paragraphs()
            .iter()
            .map(|p| p.facts.mentions.len())
            .sum();
        // A keystroke in the middle: type one letter, re-analyse, run checks;
        // once rebuilding the people, once reusing them (no name changed).
        // Typing at the end of a non-empty line in the middle of the article.
        let mut line = text.lines().count() / 2;
        while text.lines().nth(line).is_some_and(str::is_empty) {
            line += 1;
        }
        let character = text
            .lines()
            .nth(line)
            .map_or(0, |l| l.encode_utf16().count()) as u32;
        let line = line as u32;
        let runs = 20;
        let mut times = Vec::new();
        let mut version = 0;
        for reuse in [false, true] {
            let mut prev_index = doc.index().clone();
            let mut prev_people = std::sync::Arc::clone(&first_people);
            let t = Instant::now();
            for _ in 0..runs {
                version += 1;
                let change = Change {
                    range: Some((LineCol { line, character }, LineCol { line, character })),
                    text: "x".to_string(),
                };
                doc.apply_changes(version, &[change], PositionEncoding::Utf16, &scanner)
                    .expect("edit");
                let paras = doc.index().paragraphs();
                let people = if reuse {
                    People::reuse(prev_index.paragraphs(), &prev_people, paras, &[])
                } else {
                    std::sync::Arc::new(People::build(paras, &[]))
                };
                let article = Article::with_people(paras, Language::PlainText, people);
                let findings = copydesk::checks::run(&article, &config);
                assert!(findings
                    .iter()
                    .all(|f| f.range.end <= doc.rope().len_bytes()));
                prev_index = doc.index().clone();
                prev_people = std::sync::Arc::clone(&article.people);
            }
            times.push(t.elapsed() / runs);
        }
        // The names checks alone, on the final text.
        let paras = doc.index().paragraphs();
        let article = Article::with_people(paras, Language::PlainText, first_people.clone());
        let t = Instant::now();
        let mut out = Vec::new();
        for _ in 0..runs {
            out.clear();
            let everyone = || article.people.iter();
            copydesk::rules::name_variant::check_variants(
                &article,
                copydesk::config::Severity::Warning,
                &[],
                everyone(),
                &mut out,
            );
            copydesk::rules::first_reference::check_first_reference(
                &article,
                copydesk::config::Severity::Information,
                everyone(),
                &mut out,
            );
        }
        let checks = t.elapsed() / runs;
        let variants = out.iter().filter(|f| f.code == "name-variant").count();
        let fixes: usize = out
            .iter()
            .map(|f| f.fixes.iter().map(|x| x.edits.len()).sum::<usize>())
            .sum();
        eprintln!(
            "{:>8} bytes: {} findings ({variants} name-variant), {fixes} fix edits",
            text.len(),
            out.len()
        );
        let t = Instant::now();
        for _ in 0..runs {
            assert!(People::same_mentions(paras, paras));
        }
        let compare = t.elapsed() / runs;
        eprintln!(
            "{:>8} bytes: names checks {checks:?}, same_mentions {compare:?}",
            text.len()
        );
        eprintln!(
            "{:>8} bytes: {persons} people, {mentions} mentions; scan {:?} ({:.1} MB/s), people pass {:?}, keystroke {:?} (people rebuilt) / {:?} (people reused)",
            text.len(),
            scan,
            text.len() as f64 / scan.as_secs_f64() / 1e6,
            build,
            times[0],
            times[1]
        );
    }
}

/// Reused people equal people built from scratch, and an edit to a name
/// rebuilds them.
#[test]
fn reused_people_equal_a_fresh_build() {
    use copydesk::text::{Change, LineCol, PositionEncoding};
    let scanner = Scanner::default();
    let text = "Jens Stoltenberg spoke.\n\nMr Stoltenberg said allies agreed on Monday.\n\nDmytro Kuleba replied.\n";
    let mut doc = Document::new(text, 0, &scanner);
    let before = doc.index().clone();
    let people = std::sync::Arc::new(People::build(before.paragraphs(), &[]));
    let edit = |doc: &mut Document<_>, v, line, ch, s: &str| {
        let at = LineCol {
            line,
            character: ch,
        };
        doc.apply_changes(
            v,
            &[Change {
                range: Some((at, at)),
                text: s.to_string(),
            }],
            PositionEncoding::Utf16,
            &scanner,
        )
        .expect("edit");
    };
    // Typing in the paragraph, away from the name: the same people.
    edit(&mut doc, 1, 2, 20, "all ");
    let after = doc.index().paragraphs();
    let reused = People::reuse(before.paragraphs(), &people, after, &[]);
    assert!(std::sync::Arc::ptr_eq(&reused, &people));
    assert_eq!(*reused, People::build(after, &[]));
    // Misspelling the name changes the mentions: rebuilt.
    let before = doc.index().clone();
    edit(&mut doc, 2, 2, 14, "x");
    let after = doc.index().paragraphs();
    let rebuilt = People::reuse(before.paragraphs(), &reused, after, &[]);
    assert!(!std::sync::Arc::ptr_eq(&rebuilt, &reused));
    assert_eq!(*rebuilt, People::build(after, &[]));
    assert_eq!(
        rebuilt.iter().next().expect("a person").spellings.len(),
        2,
        "{:?}",
        rebuilt.iter().next().expect("a person")
    );
}

#[test]
fn first_reference_never_named_in_full() {
    let config = first_reference_on();
    // A courtesy honorific with no full name anywhere: flagged, no fix.
    let text = "Talks resumed on Monday.\n\nMrs Okafor said the council would meet again.\n";
    let f = findings(text, "first-reference", &config);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(
        f[0].message.contains("never named in full"),
        "{}",
        f[0].message
    );
    assert!(f[0].fixes.is_empty());
    // A title is a full reference in itself.
    for ok in [
        "King Charles opened the session. The King spoke for ten minutes.\n",
        "President Macron arrived late.\n\nMr Macron left early.\n",
    ] {
        assert!(findings(ok, "first-reference", &config).is_empty(), "{ok}");
    }
    // A byline names the writer, not a person of the story (issue 17.5).
    let byline = "By Oksana Petrenko\n\nKyiv was quiet. Ms Petrenko reported from the station.\n";
    assert_eq!(people(byline, &[]), vec![("Petrenko".to_string(), 1)]);
    let credit = "Talks resumed.\n\n(Reporting by Jane Doe; Editing by John Roe)\n";
    assert!(people(credit, &[]).is_empty());
    // A sentence that starts with `By` is copy.
    let copy = "By Monday, Dmytro Kuleba had left.\n";
    assert_eq!(people(copy, &[]), vec![("Dmytro Kuleba".to_string(), 1)]);
}

#[test]
fn family_name_first_and_given_name_honorifics() {
    // `Mr Xi` for Xi Jinping and `Sir Keir` for Keir Starmer are neither new
    // people nor variants.
    let text = "Chinese President Xi Jinping met Prime Minister Sir Keir Starmer.\n\nMr Xi said trade would grow. Sir Keir agreed.\n";
    assert_eq!(
        people(text, &[]),
        vec![
            ("Xi Jinping".to_string(), 2),
            ("Keir Starmer".to_string(), 2)
        ]
    );
    assert!(variants(text, &Config::default()).is_empty());
    assert!(findings(text, "first-reference", &Config::default()).is_empty());
}

mod no_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Any text: scanning and the people pass never panic, and every
        /// finding range is inside the text on char boundaries.
        #[test]
        fn any_text(parts in proptest::collection::vec(prop_oneof![
            Just("Mr "), Just("Mr. "), Just("Dr"), Just("J.K. "), Just("Sánchez"), Just("Sanchez"),
            Just("al-"), Just("Sisi"), Just("’s "), Just("'s"), Just("\u{a0}"), Just("\r\n"),
            Just("\n\n"), Just(", the "), Just("minister"), Just("Foreign Minister "), Just("😀"),
            Just("von der "), Just("Leyen"), Just("O’"), Just("Brien"), Just(". "), Just("“"),
            Just("Stoltenberg"), Just("Stoltenburg"), Just("Jens "), Just("said "), Just("A"),
            Just("\u{301}"), Just("#"), Just(" "), Just("-"), Just("."),
        ], 0..40)) {
            let text: String = parts.concat();
            for language in [Language::PlainText, Language::Markdown] {
                let checked = check_text(&text, language, &Config::default());
                for f in &checked.findings {
                    prop_assert!(f.range.end <= text.len());
                    prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
                    for fix in &f.fixes {
                        let _ = copydesk::checks::apply_edits(&text, &fix.edits);
                    }
                }
            }
        }
    }
}

#[test]
fn straight_and_curly_apostrophes_are_one_spelling() {
    let text = "Michelle O’Neill spoke first.\n\nMs O'Neill said the deal was fair. O’Neill’s aides agreed.\n";
    assert!(variants(text, &Config::default()).is_empty());
    // Mr Lee and Mr Li, Austria and Australia: nothing to flag.
    let text = "Mr Lee met Mr Li in Seoul. Austria and Australia signed a deal. Mr Lee left.\n";
    assert!(variants(text, &Config::default()).is_empty());
}

#[test]
fn person_at_an_offset_for_hover_and_references() {
    let text = "Jens Stoltenberg spoke.\n\nLater, Mr Stoltenberg’s aide said Kyiv agreed.\n";
    let scanner = Scanner::default();
    let doc = Document::new(text, 0, &scanner);
    let paras = doc.index().paragraphs();
    let article = Article::new(paras, Language::PlainText);
    let at = text.find("Stoltenberg’s").expect("in text") + 3;
    let (r, person) = article.people.mention_at(paras, at).expect("a person here");
    assert_eq!(person.canonical, "Jens Stoltenberg");
    assert_eq!(person.mentions.len(), 2);
    assert_eq!(person.first_full_reference, Some(person.mentions[0]));
    let m = paras.at(r.para).facts.mentions[r.index].shifted(paras.at(r.para).start);
    assert_eq!(&text[m.range.clone()], "Mr Stoltenberg’s");
    assert_eq!(&text[m.surname_range.clone()], "Stoltenberg");
    // Not on a name, or on a place: nobody.
    assert!(article
        .people
        .mention_at(paras, text.find("aide").expect("in text"))
        .is_none());
    assert!(article
        .people
        .mention_at(paras, text.find("Kyiv").expect("in text"))
        .is_none());
    assert_eq!(article.people.find("stoltenberg").count(), 1);
}

/// Typing into a name, or deleting a letter of it, anywhere in the test
/// articles: the people regrouped around the edit equal people built from
/// scratch (persons, who each mention is, the name index), and most such
/// keystrokes regroup only the edited names' families.
#[test]
fn regrouping_around_a_name_edit_equals_a_fresh_build() {
    use copydesk::analysis::Regrouped;
    use copydesk::text::{diff, offset_to_position, Change, PositionEncoding};
    let scanner = Scanner::default();
    let mut paths = fixture_files("tests/names/precision");
    paths.extend(fixture_files("tests/names/recall"));
    paths.extend(fixture_files("tests/corpus"));
    let style = ["Volodymyr Zelensky".to_string()];
    let (mut edits, mut around, mut same_view) = (0, 0, 0);
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("read");
        for style in [&[][..], &style[..]] {
            let doc = Document::new(&text, 1, &scanner);
            let people = std::sync::Arc::new(People::build(doc.index().paragraphs(), style));
            // Every third name: a letter typed at its end, and its last letter deleted.
            let names: Vec<std::ops::Range<usize>> = doc
                .index()
                .paragraphs()
                .iter()
                .flat_map(|p| {
                    p.facts
                        .mentions
                        .iter()
                        .map(move |m| p.start + m.name.start..p.start + m.name.end)
                })
                .step_by(3)
                .collect();
            for name in names {
                let last = text[..name.end]
                    .char_indices()
                    .last()
                    .map_or(name.start, |(i, _)| i);
                for (from, to, typed) in [
                    (name.end, name.end, "e"),
                    (last, name.end, ""),
                    (name.start, name.start, "O"),
                ] {
                    let mut next = doc.clone();
                    let at = |o| offset_to_position(doc.rope(), o, PositionEncoding::Utf8);
                    let change = Change {
                        range: Some((at(from), at(to))),
                        text: typed.into(),
                    };
                    next.apply_changes(2, &[change], PositionEncoding::Utf8, &scanner)
                        .expect("edit");
                    let d = diff(&doc, &next);
                    let (updated, how) = People::update(
                        doc.index().paragraphs(),
                        &people,
                        next.index().paragraphs(),
                        &d,
                        style,
                    );
                    let fresh = People::build(next.index().paragraphs(), style);
                    assert_eq!(
                        updated.renumbered().0,
                        fresh,
                        "{how:?} after {typed:?} at {from} in {}",
                        path.display()
                    );
                    edits += 1;
                    if let Regrouped::Around { same_view: s, .. } = how {
                        around += 1;
                        same_view += usize::from(s);
                    }
                }
            }
        }
    }
    println!("{edits} name edits: {around} regrouped around the edit, {same_view} of them reading as before");
    assert!(
        around * 2 >= edits,
        "only {around} of {edits} name edits regrouped around the edit"
    );
}

/// A generational suffix is part of who a mention is (`Donald Trump Jr`):
/// bracketing it off, or mending that, regroups the people as a fresh
/// build does (found in review: the comparison of mentions ignored it).
#[test]
fn a_suffix_edit_regroups_like_a_fresh_build() {
    use copydesk::text::{diff, offset_to_position, Change, PositionEncoding};
    let scanner = Scanner::default();
    for (text, at, typed) in [
        (
            "Donald Trump arrived on Monday.\n\nDonald Trump Jr spoke to reporters.\n",
            "Jr spoke",
            "(",
        ),
        (
            "Donald Trump arrived on Monday.\n\nDonald Trump (Jr spoke to reporters.\n\nMr Smith agreed.\n",
            "(Jr",
            "",
        ),
    ] {
        let doc = Document::new(text, 1, &scanner);
        let people = std::sync::Arc::new(People::build(doc.index().paragraphs(), &[]));
        let from = text.find(at).expect("in text");
        let to = if typed.is_empty() { from + 1 } else { from };
        let pos = |o| offset_to_position(doc.rope(), o, PositionEncoding::Utf8);
        let mut next = doc.clone();
        let change = Change {
            range: Some((pos(from), pos(to))),
            text: typed.into(),
        };
        next.apply_changes(2, &[change], PositionEncoding::Utf8, &scanner)
            .expect("edit");
        let (updated, how) = People::update(
            doc.index().paragraphs(),
            &people,
            next.index().paragraphs(),
            &diff(&doc, &next),
            &[],
        );
        let fresh = People::build(next.index().paragraphs(), &[]);
        assert_eq!(updated.renumbered().0, fresh, "{how:?}");
        assert_ne!(
            people.len(),
            fresh.len(),
            "the edit changes who is who: {text:?}"
        );
    }
}
