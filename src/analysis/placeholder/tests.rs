//! The placeholder scanner on realistic sentences.
use super::*;

fn scan(text: &str) -> Vec<(PlaceholderKind, String)> {
    PlaceholderMatcher::new(Vec::new())
        .scan(text)
        .into_iter()
        .map(|h| {
            assert_eq!(&text[h.range.clone()], h.text);
            (h.kind, h.text)
        })
        .collect()
}

use PlaceholderKind::*;

#[test]
fn to_come_tokens() {
    let cases: &[(&str, &[&str])] = &[
        ("The fire started at TK on Tuesday, police said.", &["TK"]),
        ("Mr Hughes, TK, from Leeds, was arrested.", &["TK"]),
        ("The council will vote on TKTK.", &["TKTK"]),
        ("TK\u{a0}said the plans would go ahead.", &["TK"]),
        (
            "She was appointed in TK.\r\nHe declined to comment.",
            &["TK"],
        ),
        ("The drug costs (TK) a dose 💊 in the US.", &["TK"]),
        ("“We will do it by TK,” he said.", &["TK"]),
    ];
    for (text, want) in cases {
        let got = scan(text);
        let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(&texts, want, "{text}");
        assert!(got.iter().all(|(k, _)| *k == ToCome), "{text}");
    }
}

#[test]
fn tk_glued_to_a_word_or_a_sum() {
    let cases: &[(&str, PlaceholderKind, &str)] = &[
        ("A TK-year-old man was arrested in Leeds.", ToCome, "TK"),
        ("The TK-page report was published on Monday.", ToCome, "TK"),
        (
            "The council will borrow £TKm to rebuild the bridge.",
            Figure,
            "£TKm",
        ),
        (
            "The deal is worth US$TKbn, sources said.",
            Figure,
            "US$TKbn",
        ),
        ("It will cost $TKbn over a decade.", Figure, "$TKbn"),
        ("Tickets cost £TK each.", Figure, "£TK"),
        ("Sales rose to TKm units.", Figure, "TKm"),
    ];
    for (text, kind, want) in cases {
        assert_eq!(scan(text), vec![(*kind, want.to_string())], "{text}");
    }
    for text in [
        "Shares of $TK rose 4% after the tanker firm's results.",
        "He won by TKO in the third round.",
        "Shoppers at TK-Maxx queued from 7am.",
    ] {
        assert_eq!(scan(text), vec![], "{text}");
    }
}

#[test]
fn tk_in_names_and_words_is_not_a_placeholder() {
    for text in [
        "Shoppers queued outside TK Maxx in Croydon.",
        "The lift maker TK Elevator cut 500 jobs.",
        "The video went viral on TikTok.",
        "He won by TKO in the third round.",
        "Follow the club on Instagram @TK and on X.",
        "The domain visit.TK was seized.",
        "A stormtrooper, TK-421, guarded the door.",
        "The fare is TK 500 in Dhaka.",
        "Shares in OTK and TKH rose.",
        "the tk in lower case is not a desk mark",
    ] {
        assert_eq!(scan(text), vec![], "{text}");
    }
}

#[test]
fn figures_with_x() {
    let cases: &[(&str, &str)] = &[
        ("The scheme will cost £XXm over five years.", "£XXm"),
        ("Investors poured $XX billion into the fund.", "$XX"),
        ("Inflation rose to XX per cent in March.", "XX"),
        (
            "The river peaked on Monday, XX centimetres above the record.",
            "XX",
        ),
        ("Crews said XX firefighters were at the scene.", "XX"),
        ("Turnout was XX%, the commission said.", "XX%"),
        ("XXX people were evacuated from the tower.", "XXX"),
        ("The victim, aged XX, was from Bristol.", "XX"),
        ("The firm made a profit of £xxbn last year.", "£xxbn"),
        ("Some xx families have been rehoused.", "xx"),
        ("The building opened in 20XX after delays.", "20XX"),
        ("A total of 1,XXX homes were without power.", "1,XXX"),
        ("The deal was worth US$XXm, sources said.", "US$XXm"),
        ("A XX-year-old man has been charged.", "XX"),
        ("The hearing is on XX March.", "XX"),
        ("The final score was XX.", "XX"),
        ("It costs €X.XXbn a year.", "€X.XXbn"),
        ("Unemployment rose to XX in March.", "XX"),
        ("The firm was fined XX after the inquiry.", "XX"),
    ];
    for (text, want) in cases {
        let got = scan(text);
        assert_eq!(got, vec![(Figure, want.to_string())], "{text}");
    }
}

#[test]
fn x_in_numerals_terms_and_words_is_not_a_figure() {
    for text in [
        "Pope Pius XX never existed, the historian said.",
        "The Giants won Super Bowl XX in 1986.",
        "Louis XIV built Versailles.",
        "The XXL size sold out within hours.",
        "Women usually have the XX chromosome pair.",
        "The xx headlined the festival on Saturday.",
        "Exxon shares fell 2% on Friday.",
        "The server returned 5xx errors all night.",
        "The XXI Olympic Winter Games were held in Vancouver.",
        "It was rated XXX by the censors in 1972, the archive shows.",
        "Women with XX chromosomes were included in the study.",
        "The gene is found in XX females only.",
    ] {
        assert_eq!(scan(text), vec![], "{text}");
    }
}

#[test]
fn name_to_come_after_an_honorific() {
    assert_eq!(
        scan("Mr XX, who lives nearby, called police."),
        vec![(ToCome, "XX".to_string())]
    );
}

#[test]
fn desk_and_editor_notes() {
    let cases: &[(&str, PlaceholderKind, &str)] = &[
        (
            "The minister [CHECK] resigned in 2019.",
            DeskNote,
            "[CHECK]",
        ),
        (
            "Ms Nowak [CHECK: spelling of name] said.",
            DeskNote,
            "[CHECK: spelling of name]",
        ),
        ("The trial starts on [TK].", DeskNote, "[TK]"),
        ("It opens in [tbc] next year.", DeskNote, "[tbc]"),
        ("He said: [INSERT QUOTE]", DeskNote, "[INSERT QUOTE]"),
        ("The victim, [NAME], was 34.", DeskNote, "[NAME]"),
        ("Revenue rose to [FIGURE] in 2025.", DeskNote, "[FIGURE]"),
        ("More details at [Link].", DeskNote, "[Link]"),
        (
            "The firm [name of firm TK] denied it.",
            DeskNote,
            "[name of firm TK]",
        ),
        (
            "[TO COME: reaction from Downing Street]",
            DeskNote,
            "[TO COME: reaction from Downing Street]",
        ),
        (
            "Police said [[Jo: can we stand this up?]] the man fled.",
            EditorNote,
            "[[Jo: can we stand this up?]]",
        ),
        (
            "The firm denied it. [[legal to read",
            EditorNote,
            "[[legal to read",
        ),
        ("The total is [check", DeskNote, "[check"),
    ];
    for (text, kind, want) in cases {
        assert_eq!(scan(text), vec![(*kind, want.to_string())], "{text}");
    }
}

#[test]
fn editorial_insertions_are_not_notes() {
    for text in [
        "“It was [sic] a disaster,” she said.",
        "Mr Okafor [pictured] denied the claims.",
        "The study found a rise [2] in cases.",
        "“[Number 10] knew all along,” the source said.",
        "“I told [the minister] that,” he said.",
        "See the [link to the report](https://example.com/report) for details.",
        "A footnote[^1] follows.",
        "He was [checked] twice.",
    ] {
        assert_eq!(scan(text), vec![], "{text}");
    }
}

#[test]
fn several_hits_in_order_without_overlap() {
    let text =
        "Mr Grant, TK, said the £XXm scheme [CHECK] would create XXX jobs.\n[[cut if short]]";
    let got = scan(text);
    let kinds: Vec<PlaceholderKind> = got.iter().map(|(k, _)| *k).collect();
    assert_eq!(kinds, vec![ToCome, Figure, DeskNote, Figure, EditorNote]);
}

#[test]
fn configured_patterns_add_custom_hits_and_never_overlap() {
    let m = PlaceholderMatcher::new(vec![
        Regex::new(r"\?\?\?").unwrap(),
        Regex::new(r"\[CHECK\]").unwrap(),
        Regex::new(r"x*").unwrap(),
    ]);
    let text = "Turnout was ??? [CHECK] and TK.";
    let hits = m.scan(text);
    let got: Vec<(PlaceholderKind, &str)> = hits
        .iter()
        .map(|h| (h.kind, &text[h.range.clone()]))
        .collect();
    assert_eq!(
        got,
        vec![(Custom, "???"), (DeskNote, "[CHECK]"), (ToCome, "TK")]
    );
}

proptest::proptest! {
    #[test]
    fn hits_are_ordered_disjoint_and_on_char_boundaries(
        text in r"([TKXx\[\]£$%,. \n\u{a0}é’“”🔥a-zA-Z0-9]|CHECK|TK|XX|\[\[|\]\]|Mr ){0,40}"
    ) {
        let hits = PlaceholderMatcher::new(vec![Regex::new("K+").unwrap()]).scan(&text);
        let mut at = 0;
        for h in &hits {
            proptest::prop_assert!(h.range.start >= at && h.range.start < h.range.end);
            proptest::prop_assert_eq!(text.get(h.range.clone()), Some(h.text.as_str()));
            at = h.range.end;
        }
    }
}

#[test]
fn never_panics_on_odd_text() {
    for text in [
        "",
        "[",
        "[[",
        "]]",
        "TK",
        "XX",
        "£XX",
        "£",
        "xx€",
        "[CHECK",
        "é[[é",
        "ÉXXé",
        "TKé",
        "\u{a0}TK\u{a0}",
        "1,XX,",
        "XX.",
        ",XX",
        "[\u{2028}CHECK]",
        "XX\u{a0}\u{a0}",
    ] {
        let _ = scan(text);
    }
}
