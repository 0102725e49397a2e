//! Scanner tests on tricky copy.

use super::*;

/// (name_text, honorific, role, bare) of each mention.
fn scan(text: &str) -> Vec<(String, Option<String>, Option<String>, bool)> {
    scan_mentions(text)
        .into_iter()
        .map(|m| (m.name_text, m.honorific, m.role, m.bare))
        .collect()
}

fn names(text: &str) -> Vec<String> {
    scan_mentions(text)
        .into_iter()
        .filter(|m| !m.bare)
        .map(|m| m.name_text)
        .collect()
}

#[test]
fn honorific_and_full_names() {
    let m = scan_mentions("Mr Kuleba met Antony Blinken’s team.");
    let names: Vec<_> = m
        .iter()
        .map(|m| (m.name_text.as_str(), m.possessive))
        .collect();
    assert_eq!(names, vec![("Kuleba", false), ("Antony Blinken", true)]);
    assert_eq!(m[0].gender, Some(Gender::Male));
    assert_eq!(m[1].surname(), "Blinken");
    assert_eq!(m[1].given_text.as_deref(), Some("Antony"));
}

#[test]
fn sentence_initial_names_and_common_words() {
    assert_eq!(
        names("Antony Blinken arrived on Monday. The Kremlin said nothing. However Kuleba did."),
        vec!["Antony Blinken"]
    );
    // A lone sentence-initial word is only a candidate.
    let m = scan_mentions("Officials in Kyiv said. Kuleba agreed.");
    assert!(m.iter().all(|m| m.bare));
    assert!(m
        .iter()
        .any(|m| m.name_text == "Kuleba" && m.sentence_start));
}

#[test]
fn titles_without_names_are_not_people() {
    for text in [
        "The Prime Minister spoke in Downing Street.",
        "the French Foreign Minister flew to New York on Friday.",
        "Ukraine and South Africa met at the Supreme Court in January.",
        "Ukrainian officials and Manchester United fans in the Kremlin.",
        "The White House and the Foreign Office said the European Union agreed.",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
        assert!(
            scan(text).iter().all(|(n, ..)| !matches!(
                n.as_str(),
                "Ukraine" | "Ukrainian" | "South Africa" | "Kremlin" | "New York"
            )),
            "{text}"
        );
    }
}

#[test]
fn honorifics_with_and_without_full_stops() {
    let got = scan("Mr. Blinken met Dr Jill Biden, Sgt. Mark Rowe and Foreign Minister Kuleba.");
    let want = [
        ("Blinken", Some("Mr"), None),
        ("Jill Biden", Some("Dr"), None),
        ("Mark Rowe", Some("Sgt"), Some("Sgt")),
        ("Kuleba", Some("Foreign Minister"), Some("Foreign Minister")),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((n, h, r, bare), (wn, wh, wr)) in got.iter().zip(want) {
        assert_eq!(n, wn);
        assert_eq!(h.as_deref(), wh);
        assert_eq!(r.as_deref(), wr);
        assert!(!bare);
    }
}

#[test]
fn local_and_state_titles_and_surnames_that_are_also_place_words() {
    // `Cllr` is a title, not a given name; after a title, `Park` or `Hall`
    // is a surname, while `Hyde Park` and `Town Hall` stay places.
    let got = scan("Cllr Whitlock met State Sen. Lydia Park and Coun. Joe Hall at Hyde Park.");
    let names: Vec<(&str, Option<&str>)> = got
        .iter()
        .map(|(n, h, _, _)| (n.as_str(), h.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            ("Whitlock", Some("Cllr")),
            ("Lydia Park", Some("State Sen")),
            ("Joe Hall", Some("Coun"))
        ],
        "{got:?}"
    );
    let places = scan("Crowds gathered in Hyde Park and outside the Town Hall.");
    assert!(
        places
            .iter()
            .all(|(n, _, _, _)| !n.contains("Park") && !n.contains("Hall")),
        "{places:?}"
    );
}

#[test]
fn pre_modifier_and_appositive_roles() {
    let m = scan_mentions(
        "US Secretary of State Antony Blinken met Ukraine’s Foreign Minister Dmytro Kuleba.",
    );
    assert_eq!(m[0].role.as_deref(), Some("US Secretary of State"));
    assert_eq!(m[0].honorific.as_deref(), Some("Secretary of State"));
    assert_eq!(m[1].role.as_deref(), Some("Ukraine’s Foreign Minister"));
    assert_eq!(
        &"US Secretary of State Antony Blinken met"[m[0].range.clone()],
        "US Secretary of State Antony Blinken"
    );
    let m = scan_mentions("Antony Blinken, the US secretary of state, said talks would go on.");
    assert_eq!(m[0].role.as_deref(), Some("the US secretary of state"));
    let m = scan_mentions("Antony Blinken, who flew in overnight, said talks would go on.");
    assert_eq!(m[0].role, None);
    let m = scan_mentions("The club’s manager Erik ten Hag said he was pleased.");
    assert_eq!(m[0].name_text, "Erik ten Hag");
    assert_eq!(m[0].role.as_deref(), Some("club’s manager"));
    assert_eq!(m[0].surname(), "ten Hag");
}

#[test]
fn particles_compounds_and_initials() {
    let m = scan_mentions(
        "They met Ursula von der Leyen, Abdel Fattah al-Sisi, Mohammed bin Salman, Conor O’Brien, Alexandria Ocasio-Cortez, J.K. Rowling and Michael J Fox.",
    );
    let got: Vec<_> = m
        .iter()
        .map(|m| (m.name_text.as_str(), m.surname()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Ursula von der Leyen", "von der Leyen"),
            ("Abdel Fattah al-Sisi", "al-Sisi"),
            ("Mohammed bin Salman", "bin Salman"),
            ("Conor O’Brien", "O’Brien"),
            ("Alexandria Ocasio-Cortez", "Ocasio-Cortez"),
            ("J.K. Rowling", "Rowling"),
            ("Michael J Fox", "Fox"),
        ]
    );
    assert_eq!(m[5].given_text.as_deref(), Some("J.K."));
}

#[test]
fn possessives_keep_the_name_clean() {
    let text = "Blinken’s aides and Sunak's team met Mr Davies’ staff.";
    let m = scan_mentions(text);
    let got: Vec<_> = m
        .iter()
        .map(|m| (&text[m.name.clone()], m.possessive, &text[m.range.clone()]))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Blinken", true, "Blinken’s"),
            ("Sunak", true, "Sunak's"),
            ("Davies", true, "Mr Davies’"),
        ]
    );
}

#[test]
fn unicode_spaces_and_line_breaks_join_names() {
    for text in [
        "Talks with Dmytro\u{a0}Kuleba went on.",
        "Talks with Dmytro\u{202f}Kuleba went on.",
        "Talks with Dmytro\nKuleba went on.",
        "Talks with Dmytro\r\nKuleba went on.",
        "Talks with Mr\u{a0}Kuleba went on.",
    ] {
        let m: Vec<_> = scan_mentions(text)
            .into_iter()
            .filter(|m| !m.bare)
            .collect();
        assert_eq!(m.len(), 1, "{text:?}");
        assert!(m[0].name_text.ends_with("Kuleba") && !m[0].bare, "{text:?}");
        assert!(!m[0].name_text.contains('\u{a0}'));
    }
}

#[test]
fn headlines_in_capitals_and_title_case() {
    assert!(scan_mentions("ZELENSKY MEETS BLINKEN IN KYIV").is_empty());
    let m = scan_mentions("Blinken Meets Kuleba as Allies Weigh Aid");
    assert!(m.iter().all(|m| m.bare && m.heading), "{m:?}");
    let m = scan_mentions("Keir Starmer Vows to Fix Britain’s Roads");
    assert_eq!(m[0].name_text, "Keir Starmer");
    assert!(!m[0].bare);
    // A headline ending in a quoted phrase with its full stop inside the
    // marks is a headline still: no run of title words becomes one name.
    let m = scan_mentions("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’");
    assert!(
        m.iter().all(|m| m.name_text.split(' ').count() <= 2),
        "{m:?}"
    );
    assert!(m.iter().any(|m| m.name_text == "Donald Trump"), "{m:?}");
}

#[test]
fn gender_from_honorific_and_given_name() {
    let m = scan_mentions("Mrs May met Theresa Villiers and Rishi Sunak.");
    let g: Vec<_> = m.iter().map(|m| m.gender).collect();
    assert_eq!(
        g,
        vec![
            Some(Gender::Female),
            Some(Gender::Female),
            Some(Gender::Male)
        ]
    );
}

#[test]
fn odd_input_never_panics() {
    for text in [
        "",
        " ",
        "’s",
        "Mr",
        "Mr.",
        "J.",
        "A. B. C.",
        "Ö’",
        "—Mr Ø—",
        "\u{301}Sánchez",
        "Mr 😀 Kuleba",
        "de",
        "de Gaulle",
        "al-",
        "-Kuleba-",
        "O’",
        "Mc",
        "ß ẞ İstanbul",
        "Mr. . .",
    ] {
        let _ = scan_mentions(text);
    }
}

#[test]
fn quotes_datelines_and_bylines() {
    let text = "KYIV, Ukraine (AP) — “Blinken is wrong,” said Kuleba, who spoke to Mr Stoltenberg’s aides.";
    let m = scan_mentions(text);
    let got: Vec<_> = m.iter().map(|m| (m.name_text.as_str(), m.bare)).collect();
    assert_eq!(
        got,
        vec![("Blinken", true), ("Kuleba", true), ("Stoltenberg", false)]
    );
    assert!(
        m[0].sentence_start,
        "a word after an opening quote starts a sentence"
    );
    assert!(!m[1].sentence_start);
    assert!(scan_mentions("UKRAINE’S FOREIGN MINISTER DMYTRO KULEBA VISITS").is_empty());
}

#[test]
fn capitalised_words_that_are_not_names() {
    for text in [
        "He spoke at Prime Minister’s Questions on Wednesday.",
        "The Institute for Fiscal Studies and Goldman Sachs Bank said so.",
        "Prosecutor Jane Hale said the Crown Court would sit in Lincoln.",
        "Speaking in Geneva, officials said Hurricane Beryl had passed.",
        // A place or brand describing a noun after `a`.
        "The set was donated by a Sioux Falls store, Jane Hale said.",
    ] {
        let named: Vec<_> = names(text);
        assert!(named.iter().all(|n| n == "Jane Hale"), "{text}: {named:?}");
    }
    // A person so placed has a given name.
    assert_eq!(names("She went to a Jane Hale rally."), ["Jane Hale"]);
    let m = scan_mentions("Prosecutor Jane Hale said the case was closed.");
    assert_eq!(m[0].role.as_deref(), Some("Prosecutor"));
}

#[test]
fn courtesy_honorific_takes_no_verb_as_role() {
    let m = scan_mentions(
        "Voters would judge Mr Sánchez on deeds, said the Prime Minister Sir Keir Starmer.",
    );
    assert_eq!(m[0].name_text, "Sánchez");
    assert_eq!(m[0].role, None);
    assert_eq!(m[1].name_text, "Keir Starmer");
    assert_eq!(m[1].honorific.as_deref(), Some("Sir"));
    assert_eq!(m[1].role.as_deref(), Some("Prime Minister"));
}

#[test]
fn names_in_a_roster_are_different_people_kept_as_written() {
    let m = scan_mentions(
        "Replacements: Sheahan, Horan, O'Callaghan, Miller, G Easterby, Humphreys, Duffy.",
    );
    let horan = m.iter().find(|m| m.surname() == "Horan").expect("Horan");
    assert!(horan.sic);
    // Particles inside the names keep the roster whole.
    let m = scan_mentions(
        "A Persico, M Bortolami (capt), S Parisse, G Intoppa, S Perugini, CA del Fava, D dal Maso.",
    );
    let maso = m
        .iter()
        .find(|m| m.surname().ends_with("Maso"))
        .expect("Maso");
    assert!(maso.sic, "{m:?}");
    // A sentence that names two people is no roster.
    let m = scan_mentions("Shane Horgan and Horan, the prop, trained with the squad.");
    assert!(m.iter().all(|m| !m.sic), "{m:?}");
}

#[test]
fn a_word_a_role_took_in_is_kept_only_when_it_may_be_a_misspelt_surname() {
    let m = scan_mentions("“We are pleased,” Trummp lawyer Marc Kasowitz said.");
    let slip = m.iter().find(|m| m.surname() == "Trummp").expect("Trummp");
    assert!(slip.bare && slip.slip_only, "{m:?}");
    // A known name or an English word in a role names no one.
    let m = scan_mentions("Kremlin spokesman Dmitry Peskov and Clinton aide Huma Abedin spoke.");
    assert_eq!(m.len(), 2, "{m:?}");
}

#[test]
fn a_run_of_english_words_with_no_name_in_it_is_no_person() {
    let found = names(
        "Volunteers from Plastic Free Seas met with social workers from the council's \
         Social Care team, the marine biologist Robin Hartnoll and the town's mayor, \
         Mayor Don Pellow, on the beach at dawn.",
    );
    assert_eq!(found, ["Robin Hartnoll", "Don Pellow"]);
    // A place the gazetteer does not list, by its opening word.
    let found = names(
        "After the shootings at Fort Hood and in San Bernardino, Palm Springs police \
         briefed Gov. Jerry Brown and Fort Worth's mayor, Betsy Price.",
    );
    assert_eq!(found, ["Jerry Brown", "Betsy Price"]);
}

#[test]
fn a_place_or_institution_the_gazetteer_knows_ends_a_name() {
    let m = scan_mentions(
        "Aides said the Obama White House had planned a Hillary Clinton Los Angeles \
         fundraiser for October.",
    );
    let m: Vec<&Mention> = m.iter().filter(|m| !m.sentence_start).collect();
    let names: Vec<&str> = m.iter().map(|m| m.name_text.as_str()).collect();
    assert_eq!(names, ["Obama", "Hillary Clinton"], "{m:?}");
    assert!(m[0].bare && !m[1].bare, "{m:?}");
}

#[test]
fn people_of_a_place_before_a_name_describe_it() {
    let found = names(
        "Ohio's John Kasich and Floridians Jeb Bush and Marco Rubio are racing to bank \
         early ballots, as are Iowans Joni Ernst and Chuck Grassley.",
    );
    assert_eq!(
        found,
        [
            "John Kasich",
            "Jeb Bush",
            "Marco Rubio",
            "Joni Ernst",
            "Chuck Grassley"
        ]
    );
}

#[test]
fn a_full_name_after_of_is_a_person_when_the_word_before_only_opens_the_sentence() {
    // `Supporters` is capitalised to open the sentence (after a dateline's
    // dash too): `Supporters of Hillary Clinton` is no institution.
    let found = names(
        "WASHINGTON — Supporters of Hillary Clinton and Bernie Sanders avoided a fight on Wednesday.",
    );
    assert_eq!(found, ["Hillary Clinton", "Bernie Sanders"]);
    let found = names("Critics of Nicola Sturgeon said the plan would not add up.");
    assert_eq!(found, ["Nicola Sturgeon"]);
    // Mid-sentence, a capital before `of` names a thing.
    let found = names("She gave to the Friends of Bill Wilson, a campaign committee.");
    assert!(!found.contains(&"Bill Wilson".to_string()), "{found:?}");
}

#[test]
fn will_is_a_given_name_before_a_surname() {
    // `Will` opens a name (Will Young, Will Smith), mid-sentence or first;
    // not the verb asking a question of a party or a place.
    let got = names(
        "Will Young won the best single prize. The film ended Will Smith's reign at the box office.\n\nWill Labour win the seat? Will Britain vote?",
    );
    assert_eq!(got, vec!["Will Young", "Will Smith"], "{got:?}");
}

#[test]
fn a_sentence_full_of_capitals_is_no_headline() {
    // A lead of one sentence that names a person, a race and a place has
    // most long words capitalised but some that Title Case would capitalise
    // too (`champion`, `race`): a sentence, where a full name is read whole.
    let got = names(
        "World 5000m champion Eliud Kipchoge won the 9.2km race at the View From Great Edinburgh Cross Country.",
    );
    assert_eq!(got, vec!["Eliud Kipchoge"], "{got:?}");
    // A headline with a full stop is still read as one (`Judge Sets Date`
    // names no one).
    let got = names("Judge Sets Date For Trial Of Former Minister.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_verb_opening_the_sentence_before_for_names_no_thing() {
    // `Rooting for Staunton` is a verb and its object, not an organisation
    // like `Friends for Peace`: the surname is read.
    let got = scan("Rooting for Staunton in the best actress category was Cate Blanchett.");
    assert!(got.iter().any(|m| m.0 == "Staunton"), "{got:?}");
    let got = scan("Campaigners from Friends for Peace marched on Downing Street.");
    assert!(!got.iter().any(|m| m.0 == "Peace"), "{got:?}");
}

#[test]
fn a_hyphenated_description_is_no_first_name() {
    // `German-born`, `Oscar-winner`, `Texas-based` describe the person;
    // `Jean-Pierre` is a first name.
    let got = names(
        "The German-born Nicole Vaidisova rallied. Oscar-winner Susan Sarandon spoke, as did Texas-based strategist Matt Mackowiak and Jean-Pierre Garnier.",
    );
    assert_eq!(
        got,
        vec![
            "Nicole Vaidisova",
            "Susan Sarandon",
            "Matt Mackowiak",
            "Jean-Pierre Garnier"
        ],
        "{got:?}"
    );
    // A misspelling after such a description is still caught: the bare
    // surname is no new person called `German-born Vadiisova`.
    let got = scan("Nicole Vaidisova won. The German-born Vadiisova rallied.");
    assert!(got.iter().any(|m| m.0 == "Vadiisova" && m.3), "{got:?}");
}

#[test]
fn a_surname_that_heads_place_names_is_a_person_where_a_person_stands() {
    // `Hall`, `Lane`, `Poll` and `Court` close the names of places and
    // institutions; after a known given name they are a surname where a
    // speech verb, an apposition or a role vouches for a person.
    assert_eq!(names("Jerry Hall said she was delighted."), ["Jerry Hall"]);
    assert_eq!(names("Referee Graham Poll said it."), ["Graham Poll"]);
    assert_eq!(
        names("Chris Castle, the coach, was there."),
        ["Chris Castle"]
    );
    // Elsewhere they stay places.
    for place in [
        "Fans queued outside the Albert Hall said to be full.",
        "The Royal Albert Hall said it would reopen in May.",
        "We met at Victoria Park, the largest in the city.",
        "Penny Lane was closed to traffic.",
    ] {
        assert!(names(place).is_empty(), "{place}: {:?}", scan(place));
    }
    // Alone in a person's slot the word is a bare candidate; after `the`
    // it is the building.
    let m = scan("“It was brave,” Court told the BBC. The Hall’s roof leaks.");
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!((m[0].0.as_str(), m[0].3), ("Court", true));
}

#[test]
fn a_possessive_after_of_is_an_owner_not_part_of_a_name() {
    // `Bank of England` is one name; `McLeish of Novo’s punishment` is a
    // man speaking of another man's punishment.
    let m = scan("said Rangers manager Alex McLeish of Novo’s punishment.");
    assert!(m.iter().any(|m| m.0 == "Novo"), "{m:?}");
    let m = scan("The Bank of Ardmore’s governor spoke.");
    assert!(m.iter().all(|m| m.0 != "Ardmore"), "{m:?}");
}

#[test]
fn an_age_after_a_name_marks_a_person() {
    // `Burger, 21, was recalled`: wire and sports copy introduce people
    // with their age; the word is in a person's slot, though it opens the
    // sentence and is a word of English too.
    let m = scan_mentions("Burger, 21, was recalled. Burger was recalled.");
    let slots: Vec<bool> = m.iter().map(|m| m.speaker_slot).collect();
    assert_eq!(slots, [true, false], "{m:?}");
}

#[test]
fn given_names_of_world_news_open_names() {
    // `Milan` is a city too; before a surname it is a man's name, as
    // `Arsene`, `Jelena` and `Christoph` are given names copy uses.
    assert_eq!(
        names("Liverpool striker Milan Baros and Arsenal boss Arsene Wenger met."),
        ["Milan Baros", "Arsene Wenger"]
    );
    assert_eq!(
        names("Jelena Dokic beat Christoph Blocher's niece."),
        ["Jelena Dokic", "Christoph Blocher"]
    );
    // Two words of English after a rare surname that is a word first name
    // a thing, not a person: the film `Do The Right Thing`.
    assert!(names("He starred in Do The Right Thing and Malcolm X.")
        .iter()
        .all(|n| n != "Right Thing"));
}

#[test]
fn a_particle_before_a_double_barrelled_surname_is_a_given_name() {
    // `Al` is a given name before `Aynsley-Green` (particles join a name
    // with a space, not a hyphen), so `Prof Aynsley Green` later is his
    // surname with the hyphen dropped; `Al Sisi` keeps its particle.
    let m = scan_mentions("The commissioner, Sir Al Aynsley-Green, said so.");
    let sur: Vec<&str> = m
        .iter()
        .filter(|m| !m.bare)
        .map(|m| m.surname_text.as_str())
        .collect();
    assert_eq!(sur, ["Aynsley-Green"], "{m:?}");
    let m = scan_mentions("Egypt's president, Abdel Fattah Al Sisi, said so.");
    assert!(m.iter().any(|m| m.surname_text == "Al Sisi"), "{m:?}");
}

#[test]
fn an_a_opening_a_line_up_item_is_an_initial() {
    // Mid-sentence copy writes the article `a`: a capital `A` after a
    // line-up's comma is a player's initial.
    assert_eq!(
        names("Scotland: C Paterson; J White, A Hogg, D Hansen."),
        ["C Paterson", "J White", "A Hogg", "D Hansen"]
    );
    assert!(names("She starred in A Room With A View.")
        .iter()
        .all(|n| !n.starts_with("A ")));
}
