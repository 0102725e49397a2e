use super::*;
use crate::analysis::quotes;

fn speaker(text: &str) -> Vec<(String, String, PhraseKind)> {
    let f = quotes::scan(text);
    f.quote_cues
        .iter()
        .map(|c| match c.and_then(|c| f.cues.get(c)) {
            Some(cue) => match &cue.speaker {
                Some(s) => (
                    cue.word.clone(),
                    text[s.name.clone().unwrap_or(s.range.clone())].to_string(),
                    s.kind,
                ),
                None => (cue.word.clone(), String::new(), PhraseKind::Elided),
            },
            None => (String::new(), String::new(), PhraseKind::Elided),
        })
        .collect()
}

/// Each quote's cue and speaker (empty where there is none).
fn cues_and_speakers(text: &str) -> Vec<(String, String)> {
    speaker(text)
        .into_iter()
        .map(|(word, who, _)| (word, who))
        .collect()
}

/// Only the speakers, one per quote (empty where there is none).
fn speakers(text: &str) -> Vec<String> {
    speaker(text).into_iter().map(|(_, who, _)| who).collect()
}

#[test]
fn cue_before_after_and_inverted() {
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str, PhraseKind)]);
    let cases: &[Case<'_>] = &[
        (
            "One senior backbencher with a rural seat said: “It comes up on every doorstep.”",
            &[("said", "One senior backbencher with a rural seat", PhraseKind::Anonymous)],
        ),
        (
            "Speaking on Tuesday, Rachel Whitcombe said: “We are building too few homes.”",
            &[("said", "Rachel Whitcombe", PhraseKind::Named)],
        ),
        (
            "“This is not a free-for-all,” she told MPs. “Every scheme will still have to meet tough standards.”",
            // The second half has no cue of its own: the article pass carries the speaker over.
            &[("told", "she", PhraseKind::Pronoun(Pronoun::She)), ("", "", PhraseKind::Elided)],
        ),
        (
            "“He has energy, and he wants to win,” said Ortega.",
            &[("said", "Ortega", PhraseKind::Named)],
        ),
        // `as X puts it`: the words between `as` and the verb.
        (
            "As she puts it, “The wards are fuller than ever.”",
            &[("puts it", "she", PhraseKind::Pronoun(Pronoun::She))],
        ),
        (
            "The centre is, as one volunteer put it, “a lifeline”.",
            &[("put it", "one volunteer", PhraseKind::Anonymous)],
        ),
        // A verb joined by `and` takes the name the sentence opens with,
        // also after an opening participle's clause, but not a name in between.
        (
            "Mayor Tom Wilkes turned to the crowd and said: “This is your city.”",
            &[("said", "Tom Wilkes", PhraseKind::Named)],
        ),
        (
            "Taking the microphone, Daniel Kiprotich turned and said: “You carried me.”",
            &[("said", "Daniel Kiprotich", PhraseKind::Named)],
        ),
        (
            "The mayor of Northbridge, Dev Bhattacharya, sounded the horn and told runners: “Enjoy every step.”",
            &[("told", "Dev Bhattacharya", PhraseKind::Named)],
        ),
        (
            "My colleague Tom Whitlow is there and sends this: “He is raising money for the hospice.”",
            &[("sends", "Tom Whitlow", PhraseKind::Named)],
        ),
        // Live pages.
        (
            "This from the race director, Priya Ramanathan, on the heat: “We have added extra water.”",
            &[("this from", "Priya Ramanathan", PhraseKind::Named)],
        ),
        (
            "Fred Ashworth, 54, stood up and said: “We were never asked.”",
            &[("said", "Fred Ashworth", PhraseKind::Named)],
        ),
        (
            "Manning turned to the bench and said: “That was for them.”",
            &[("said", "Manning", PhraseKind::Named)],
        ),
        (
            "She thanked Wilkes and said: “This is your city.”",
            &[("said", "She", PhraseKind::Pronoun(Pronoun::She))],
        ),
        // A particle joined to a surname reads as a capitalised name.
        (
            "“We are sorry,” Dr al-Hakim said.",
            &[("said", "al-Hakim", PhraseKind::Named)],
        ),
        (
            "“Our commitment is unshakeable,” the defence secretary said.",
            &[("said", "the defence secretary", PhraseKind::Role)],
        ),
        (
            "\"Isn't that the very thing the law was written to prevent?\" she asked.",
            &[("asked", "she", PhraseKind::Pronoun(Pronoun::She))],
        ),
        (
            "“We need to be sure,” said the Bank’s governor, Sir Alan Cresswell.",
            &[("said", "Alan Cresswell", PhraseKind::Named)],
        ),
        (
            "“Nobody in the room thought Kyiv would accept it,” a senior European diplomat said.",
            &[("said", "a senior European diplomat", PhraseKind::Anonymous)],
        ),
        (
            "His lawyer, Michael Strand, said his client \"did nothing wrong and will be fully vindicated.\"",
            &[("said", "Michael Strand", PhraseKind::Named)],
        ),
        (
            "“The deployment will be sustained for as long as it is needed,” the ministry said.",
            &[("said", "the ministry", PhraseKind::Organisation)],
        ),
        // A name opening the sentence, then two or more appositions.
        (
            "Gillian Norcott, 54, a nurse from Leeds who has worked there for 20 years, said the findings were “no surprise to anyone who works here”.",
            &[("said", "Gillian Norcott", PhraseKind::Named)],
        ),
        (
            "Castañeda, who grew up in El Paso, Texas, has said the film was “loosely based on my mother’s family”.",
            &[("said", "Castañeda", PhraseKind::Named)],
        ),
        // A name after the comma that opens a clause of its own is not the source.
        (
            "According to the complaint, Mr. Kołodziej used a colleague’s card “on at least 30 occasions”.",
            &[("according to", "the complaint", PhraseKind::Organisation)],
        ),
        // The parts of one department's name.
        (
            "The Department of Health and Social Care said: “We are investing record sums.”",
            &[("said", "The Department of Health and Social Care", PhraseKind::Organisation)],
        ),
        (
            "“We are investing record sums,” a spokesman for the Department of Health and Social Care said.",
            &[("said", "a spokesman for the Department of Health and Social Care", PhraseKind::Anonymous)],
        ),
        (
            "“We are investing record sums,” the Department for Environment, Food and Rural Affairs said.",
            &[("said", "the Department for Environment, Food and Rural Affairs", PhraseKind::Organisation)],
        ),
        (
            "A source close to the actress said: “She is devastated.”",
            &[("said", "A source close to the actress", PhraseKind::Anonymous)],
        ),
        (
            "Kirsty’s co-star Ricky Dane, 34, who plays her on-screen husband Gaz, said: “She is a trouper.”",
            &[("said", "Ricky Dane", PhraseKind::Named)],
        ),
        (
            "Outside the Capitol, Marisol Baca, a 16-year-old junior from Albuquerque, told reporters: “Half my friends would be relieved.”",
            &[("told", "Marisol Baca", PhraseKind::Named)],
        ),
        (
            "A neighbor who declined to give his name because he was worried about looters said: “Everything I own is under that pile.”",
            &[("said", "A neighbor", PhraseKind::Anonymous)],
        ),
        (
            "The studio cancelled the sequel, a decision she called “heartbreaking and completely avoidable”.",
            &[("called", "she", PhraseKind::Pronoun(Pronoun::She))],
        ),
    ];
    for (text, want) in cases {
        let got = speaker(text);
        let want: Vec<(String, String, PhraseKind)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), *c))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn elided_subject_takes_the_earlier_speaker() {
    let text = "Sentencing, Judge Robert Ainsley said the firm had shown “a cavalier disregard for the environment”, but added: “I accept that there has been a change of culture.”";
    let got = speaker(text);
    assert_eq!(got[1].1, "Robert Ainsley");
}

#[test]
fn bare_colon_takes_the_sentence_subject() {
    let got = speaker("Mr Carrick was blunt: “We got this one wrong and we are sorry.”");
    assert_eq!(
        got,
        vec![(":".to_string(), "Carrick".to_string(), PhraseKind::Named)]
    );
    let got = speaker("The message was clear: “Nobody is above the rules here.”");
    assert_eq!(
        got,
        vec![(String::new(), String::new(), PhraseKind::Elided)]
    );
}

#[test]
fn bare_forms_that_are_nouns_are_no_cue() {
    // Nouns: no cue, and no speaker for a later pronoun to fall back on.
    for text in [
        "Antony Blinken, the US secretary of state, struck a more cautious note.",
        "The report was published by the state on Monday, with a post on its website.",
        "She left a note for the head of state and a brief report.",
    ] {
        let cues: Vec<String> = quotes::scan(text)
            .cues
            .into_iter()
            .map(|c| c.word)
            .collect();
        assert_eq!(cues, Vec::<String>::new(), "{text}");
    }
    // Verbs after a plural or pronoun subject, or inverted after a quote.
    assert_eq!(
        speaker("Analysts note that “the worst is over” for lenders."),
        vec![(
            "note".to_string(),
            "Analysts".to_string(),
            PhraseKind::Anonymous
        )]
    );
    assert_eq!(
        speaker("“It is too early to call,” say analysts."),
        vec![(
            "say".to_string(),
            "analysts".to_string(),
            PhraseKind::Anonymous
        )]
    );
}

#[test]
fn trailing_colon_cue() {
    let f = quotes::scan("In a message to members, he wrote:");
    assert_eq!(f.trailing_cue, Some(Trailing::Colon(0)));
    assert!(quotes::scan("He bought a letter.").trailing_cue.is_none());
    assert_eq!(
        quotes::scan("He said the letter was a fake.").trailing_cue,
        Some(Trailing::Reported(0))
    );
}

#[test]
fn roles_tied_to_names() {
    let text = "Ukraine’s Foreign Minister Dmytro Kuleba met Antony Blinken, the US secretary of state, and Labour’s defence spokesman, Owen Pritchard.";
    let f = quotes::scan(text);
    let links: Vec<(String, String)> = role_links(text, &f.spans)
        .into_iter()
        .map(|l| (text[l.name].to_string(), text[l.role].to_string()))
        .collect();
    assert!(
        links.contains(&("Dmytro Kuleba".into(), "Ukraine’s Foreign Minister".into())),
        "{links:?}"
    );
    assert!(
        links.contains(&("Antony Blinken".into(), "the US secretary of state".into())),
        "{links:?}"
    );
    assert!(
        links.contains(&("Owen Pritchard".into(), "Labour’s defence spokesman".into())),
        "{links:?}"
    );
}

#[test]
fn a_dateline_is_no_speaker_and_a_headline_names_one_before_its_colon() {
    let title = speakers;
    // (The song is the singer's, as PolNeAR's annotators read it.)
    assert_eq!(
        title("LOS ANGELES, Sept. 28 (Wirewatch) — Blige sings Bruce Springsteen’s “American Skin” to the crowd."),
        ["Blige"]
    );
    assert_eq!(
        title("LOS ANGELES, Sept. 28 (Wirewatch) — Blige sings, “We are all American here.”"),
        ["Blige"]
    );
    assert_eq!(
        title(
            "Harriet Okonjo: Ministers Knew About the Survey for Two Years and It’s ‘Unforgivable’"
        ),
        ["Harriet Okonjo"]
    );
    assert_eq!(
        title("LONDON (Wirewatch) - Paul Rees said: “The deal is done.”"),
        ["Paul Rees"]
    );
}

#[test]
fn a_quote_after_a_sentence_about_its_speaker() {
    let who = speakers;
    assert_eq!(
        who("His former partner, Lawrence B. Cummings, called him a master of the deal. “He showed again and again an ability to put together deals.”"),
        ["Lawrence B. Cummings"]
    );
    assert_eq!(
        who("On “Face the Nation,” Sen. Bernie Sanders (Vt.), who lost the primaries, identified exhaustion with bigotry as a reason to vote. “The younger people are sick and tired of discrimination.”"),
        ["", "Bernie Sanders"]
    );
    // A sentence opened by a question word or a quantifier names no one.
    assert_eq!(
        who("Why the last-minute push? “This is when voters make up their minds.”"),
        [""]
    );
    assert_eq!(
        who("Once in my early 20s, my mother asked me about it. “I don’t believe in the devil.”"),
        [""]
    );
}

/// The subject of a participle or a verb is not the object of a
/// preposition before it, nor a word that only opens the sentence, and a
/// modifier before a role word does not cut the name off.
#[test]
fn prepositional_objects_and_modifiers_are_not_speakers() {
    type Case<'a> = (&'a str, (&'a str, &'a str, PhraseKind));
    let cases: &[Case<'_>] = &[
        (
            "About 300 protesters in Leeds marched to the Civic Hall chanting “Save our libraries.”",
            ("chanting", "About 300 protesters in Leeds", PhraseKind::Anonymous),
        ),
        (
            "Labour leadership candidate Aisha Rahman took to Twitter, writing: “We go again.”",
            ("writing", "Aisha Rahman", PhraseKind::Named),
        ),
        (
            "“You pay your taxes,” a narrator in the Labour advert asks.",
            ("asks", "a narrator in the Labour advert", PhraseKind::Anonymous),
        ),
        (
            "“It would be a stretch for them,” Maren Holt of the Centre for Arms Control and Verification Studies wrote in March.",
            ("wrote", "Maren Holt", PhraseKind::Named),
        ),
        (
            "Howard Kemp, a former party chairman and mayoral candidate, hit back on Monday, tweeting: “Nonsense.”",
            ("tweeting", "Howard Kemp", PhraseKind::Named),
        ),
    ];
    for (text, want) in cases {
        let got = speaker(text);
        assert_eq!(
            got.first().map(|(w, s, k)| (w.as_str(), s.as_str(), *k)),
            Some(*want),
            "{text}"
        );
    }
}

#[test]
fn an_organisation_named_with_on_is_one_speaker() {
    assert_eq!(
        speaker("The nonpartisan Commission on Presidential Debates said: “There was a problem.”"),
        [(
            "said".to_string(),
            "The nonpartisan Commission on Presidential Debates".to_string(),
            PhraseKind::Organisation
        )]
    );
    assert_eq!(
        speaker("“We were not consulted,” said the Council on Foreign Relations."),
        [(
            "said".to_string(),
            "the Council on Foreign Relations".to_string(),
            PhraseKind::Organisation
        )]
    );
    // A person named after `on` is still a person.
    assert_eq!(
        speaker("The vote went ahead on Tuesday. Later on Mark Ellison said: “It was fair.”"),
        [(
            "said".to_string(),
            "Mark Ellison".to_string(),
            PhraseKind::Named
        )]
    );
}

#[test]
fn one_another_and_a_party_tag_after_an_exclamation() {
    let s = |t: &str| speaker(t);
    assert_eq!(
        s("Voters were split. “It is a disgrace,” said one."),
        [("said".to_string(), "one".to_string(), PhraseKind::Anonymous)]
    );
    assert_eq!(
        s("“Better watch out for the auditors,” tweeted another."),
        [(
            "tweeted".to_string(),
            "another".to_string(),
            PhraseKind::Anonymous
        )]
    );
    // US style: the party and state between commas, no brackets, after a
    // quote closing with an exclamation mark.
    assert_eq!(
        s("The vote passed. “Perpetual motion!” Rep. Glenn Thompson, R-Pa., said of the week."),
        [(
            "said".to_string(),
            "Glenn Thompson".to_string(),
            PhraseKind::Named
        )]
    );
}

#[test]
fn a_verb_that_is_also_a_noun_after_a_people_or_counted_people() {
    let s = |t: &str| speaker(t);
    assert_eq!(
        s("“Today, the kingdom is a partner,” the Saudis state in the paper."),
        [(
            "state".to_string(),
            "the Saudis".to_string(),
            PhraseKind::Organisation
        )]
    );
    assert_eq!(
        s("“You seem to have picked a new standard,” the two write."),
        [(
            "write".to_string(),
            "the two".to_string(),
            PhraseKind::Anonymous
        )]
    );
    // Still a noun: `the two reports`, `this state`.
    assert_eq!(
        s("The two reports disagree. “It is a mess,” she said."),
        [(
            "said".to_string(),
            "she".to_string(),
            PhraseKind::Pronoun(Pronoun::She)
        )]
    );
}

#[test]
fn a_surname_that_is_a_word_between_quote_and_verb() {
    // Al From, George Will, Theresa May: a capitalised word right after the
    // quote is the speaker's name; a plural noun there stays a source.
    for (text, who, kind) in [
        (
            "“We needed Wall Street for investment,” From said.",
            "From",
            PhraseKind::Named,
        ),
        (
            "“This might hasten the eclipse of Carly Fiorina,” Will wrote.",
            "Will",
            PhraseKind::Named,
        ),
        (
            "“We will not be rushed,” Officials said.",
            "Officials",
            PhraseKind::Anonymous,
        ),
    ] {
        let got = speaker(text);
        assert_eq!((got[0].1.as_str(), got[0].2), (who, kind), "{text}");
    }
}

#[test]
fn a_time_before_the_subject_is_not_the_speaker() {
    let got = speaker("Last Tuesday, Bush referred to Rubio as “a bright, charismatic leader” but described his leadership skills as a “work in progress.”");
    assert!(got.iter().all(|(_, who, _)| who == "Bush"), "{got:?}");
}

#[test]
fn a_name_owning_the_subject_is_not_the_speaker() {
    // `Gary Johnson’s doctor is calling …`: the doctor, not Gary Johnson.
    for (text, who) in [
        (
            "Councillor Aled Price’s lawyer is calling the ruling “a travesty of justice.”",
            "Councillor Aled Price’s lawyer",
        ),
        (
            "Maria Okafor's spokesman is calling the report “deeply flawed.”",
            "Maria Okafor's spokesman",
        ),
    ] {
        let got = speaker(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, who, "{got:?}");
        assert_ne!(got[0].2, PhraseKind::Named, "{got:?}");
    }
    // A noun in -ly after a possessive is no adverb to skip.
    let got = speaker("“This ruling is a betrayal,” Ms Okafor's family said.");
    assert_eq!(got[0].1, "Ms Okafor's family", "{got:?}");
}

/// A participle cue's speaker is its clause's subject, not the object of the
/// verb before it; `with` gives a participle a subject of its own; a
/// message before the participle speaks.
#[test]
fn participle_cues_take_their_clause_subject() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "In central Leeds, about 300 protesters gathered outside the infirmary, waving placards and chanting “Fair pay now.”",
            "chanting",
            "about 300 protesters",
        ),
        (
            "Cardiff was on everyone’s mind at the parade, with many in the crowd chanting “Refugees welcome here.”",
            "chanting",
            "many in the crowd",
        ),
        (
            "Okafor opened the second debate saying “of course” the budget could be balanced.",
            "saying",
            "Okafor",
        ),
        (
            "Cllr Amira Haddad, the finance lead, drew jeers from the gallery upon saying, “The library plan is dead.”",
            "saying",
            "Amira Haddad",
        ),
        (
            "In March 2021, after the floods receded, Cllr Haddad wrote to residents, thanking the volunteers and adding, “We owe them everything.”",
            "adding",
            "Haddad",
        ),
        (
            "Outside the clinic a pensioner held up a sign saying “Hands off our NHS.”",
            "saying",
            "a sign",
        ),
    ];
    for (text, verb, who) in cases {
        let got = speaker(text);
        assert_eq!(
            got.first().map(|(v, s, _)| (v.as_str(), s.as_str())),
            Some((*verb, *who)),
            "{text}"
        );
    }
}

#[test]
fn a_transcript_label_opens_its_speakers_quote() {
    let who = speakers;
    assert_eq!(
        who("\"HOST: Minister, did you know about the report?"),
        ["HOST"]
    );
    // A transcript pasted from a web page: a no-break space after the colon.
    assert_eq!(
        who("\"MS ADEYEMI:\u{a0} We were told in March, and we acted in March."),
        ["MS ADEYEMI"]
    );
    // A time of day is no label.
    assert_eq!(
        who("\"At 10:30 the doors opened, and we ran,\" she said."),
        ["she"]
    );
}

#[test]
fn state_before_a_title_is_part_of_the_speakers_title() {
    let who = cues_and_speakers;
    assert_eq!(
        who("\u{201c}The county is watching,\u{201d} state Sen. Tom Allen said."),
        [("said".to_string(), "Tom Allen".to_string())]
    );
    assert_eq!(
        who("\u{201c}We won the vote!\u{201d} his cousin, state Rep. Rosa Ferreira, shouted to the crowd."),
        [("shouted".to_string(), "Rosa Ferreira".to_string())]
    );
    // A verb all the same before a lower-case word.
    assert_eq!(
        who("\u{201c}No one was hurt,\u{201d} state officials said on Monday."),
        [("said".to_string(), "officials".to_string())]
    );
}

#[test]
fn a_comma_inside_the_marks_makes_the_next_verb_a_speech_verb() {
    let who = cues_and_speakers;
    // A verb the lexicon does not know, after a name or a pronoun.
    assert_eq!(
        who("\u{201c}The paper says you met the editors in January,\u{201d} Hannity started."),
        [("started".to_string(), "Hannity".to_string())]
    );
    assert_eq!(
        who("\u{201c}So the money is still there,\u{201d} he ventured."),
        [("ventured".to_string(), "he".to_string())]
    );
    // Not when the sentence goes on: the name is the subject of a clause
    // of its own, not a speaker.
    assert_eq!(
        speakers("\u{201c}Not again,\u{201d} Cardiff Council opened talks with the union."),
        [""]
    );
    assert_eq!(
        speakers("\u{201c}We will rebuild,\u{201d} Ruth Okafor opened her speech in Leeds."),
        [""]
    );
}

#[test]
fn a_clause_after_said_is_reported_speech_not_its_speaker() {
    // `said` joined to an earlier verb takes the sentence's subject, not a
    // name at the end of the clause it reports.
    assert_eq!(
        speakers(
            "Ebeling reminisced about Des Moines, and said their views were changed by the Vietnam War. \u{201c}Nobody would recognise it now,\u{201d} she said."
        ),
        ["she"]
    );
    let f =
        quotes::scan("Ebeling reminisced, and said their views were changed by the Vietnam War.");
    assert!(f.cues.iter().all(|c| c
        .speaker
        .as_ref()
        .is_none_or(|s| !s.text.contains("Vietnam"))));
    // A capitalised name that is also an auxiliary still speaks.
    assert_eq!(
        speakers("\u{201c}We will appeal,\u{201d} said Do Kwon."),
        ["Do Kwon"]
    );
}

#[test]
fn a_participle_after_a_degree_word_is_an_adjective() {
    let f = quotes::scan(
        "The most telling promise Mrs. Clinton has made is that she will not overpromise. \u{201c}We don\u{2019}t need more of that,\u{201d} she has said.",
    );
    let words: Vec<&str> = f.cues.iter().map(|c| c.word.as_str()).collect();
    assert_eq!(words, ["said"]);
    // Without one, the participle speaks (`telling reporters …`).
    let f = quotes::scan("Brenda Hall left the court, telling reporters she would appeal.");
    assert!(f.cues.iter().any(|c| c.word == "telling"));
}

#[test]
fn an_opening_adverb_is_not_the_subject_before_an_apposition() {
    assert_eq!(
        speakers("Still, Petrilli, who thinks the ministry overreached, called the new law \u{201c}much, much better\u{201d} than the old one."),
        ["Petrilli"]
    );
    assert_eq!(
        speakers(
            "However, Ana Ruiz, 41, a nurse from Leeds, said: \u{201c}We were never asked.\u{201d}"
        ),
        ["Ana Ruiz"]
    );
}

#[test]
fn a_party_tag_and_a_coordinated_verb_keep_their_subject() {
    // A name with its party tag after an opening clause, then a comma.
    assert_eq!(
        speakers("Speaking in Berea after winning Ohio, Gov. Ray Tillman (R-OH), said, \u{201c}I am ready to rent a covered wagon.\u{201d}"),
        ["Ray Tillman"]
    );
    // `and` after an object, not after a verb: the pronoun the sentence
    // opens with.
    assert_eq!(
        speakers("She then put on a fake Southern accent and joked, \u{201c}Y\u{2019}all are too kind.\u{201d}"),
        ["She"]
    );
}

#[test]
fn a_relative_which_speaks_for_its_antecedent() {
    let f = quotes::scan("The release linked to the Wirewatch report, which notes, \u{201c}More than half the donors met her.\u{201d}");
    let who: Vec<_> = f
        .cues
        .iter()
        .filter_map(|c| c.speaker.as_ref().map(|s| (s.text.as_str(), s.kind)))
        .collect();
    assert_eq!(who, [("the Wirewatch report", PhraseKind::Organisation)]);
}

#[test]
fn a_sites_tag_is_no_transcript_label() {
    assert_eq!(
        speakers(
            "\u{201c}VIDEO: They all told me it was the video when they knew it was not.\u{201d}"
        ),
        [""]
    );
    assert_eq!(
        speakers("\u{201c}OKAFOR: They all told me it was the video.\u{201d}"),
        ["OKAFOR"]
    );
}

#[test]
fn a_name_after_said_ends_before_words_of_time_and_an_unclosed_apposition_still_speaks() {
    for (text, who) in [
        ("“What a great way to finish the year,” said Nadal afterwards.", "Nadal"),
        (
            "\"The cake will be bigger for everybody,\" said Deputy Prime Minister Abdullatif Sener earlier this month.",
            "Abdullatif Sener",
        ),
        ("“All the talk has been about France,” said Castaignede ahead of the March tie.", "Castaignede"),
        // The comma that would close the apposition is missing.
        (
            "\"What we are proposing is a civic commons,\" Will Davies, senior research fellow at the IPPR told the BBC News website.",
            "Will Davies",
        ),
        (
            "\"We used to see street hustlers do this,\" Andrei Illarionov - then economic adviser to the president - told a press conference.",
            "Andrei Illarionov",
        ),
        (
            "\"This will suddenly decrease,\" shop owner Hayriye Evren, told Associated Press.",
            "Hayriye Evren",
        ),
    ] {
        assert_eq!(speakers(text), [who], "{text}");
    }
    // A clause after the name is still no speaker phrase.
    assert_eq!(
        speakers("“It is done,” said the minister, whose views were changed by the war."),
        ["the minister"]
    );
}

#[test]
fn groups_named_by_a_plural_role_speak() {
    let cases: &[(&str, &str)] = &[
        (
            "“The line-up is the best we have had,” organisers said.",
            "organisers",
        ),
        (
            "“Rates of infection have fallen sharply,” researchers said in the Lancet.",
            "researchers",
        ),
        (
            "“Nobody warned us,” shoppers told the BBC on Saturday.",
            "shoppers",
        ),
        (
            "“The ward was full by noon,” doctors at the hospital said.",
            "doctors at the hospital",
        ),
    ];
    for (text, who) in cases {
        assert_eq!(speakers(text), vec![who.to_string()], "{text}");
    }
    // A plural noun that is no one's role is still no speaker.
    assert_eq!(
        speakers("“Sales are up,” figures released on Monday said."),
        vec![String::new()]
    );
}

#[test]
fn a_speech_to_be_given_has_its_speaker_before_the_frame() {
    let cases: &[(&str, &str)] = &[
        (
            "“We have a moral responsibility to those fleeing persecution,” he was due to say.",
            "he",
        ),
        (
            "“Britain is open for business,” the chancellor is expected to tell the conference.",
            "the chancellor",
        ),
        ("“The plan is working,” Mr Brown was due to say.", "Brown"),
    ];
    for (text, who) in cases {
        assert_eq!(speakers(text), vec![who.to_string()], "{text}");
    }
    // A survey's `more likely to say`: the voters, never the name after it.
    let survey = "Voters are more likely to say Sanders’ policies are “too liberal” than not.";
    assert_eq!(speakers(survey), vec!["Voters".to_string()]);
}

#[test]
fn quoted_as_saying_answers_to_the_one_who_quoted() {
    type Case<'a> = (&'a str, (&'a str, &'a str));
    let cases: &[Case<'_>] = &[
        (
            "“They moved so quickly it caught HSBC by surprise,” the Financial Times quoted an insider as saying.",
            ("quoted … as saying", "the Financial Times"),
        ),
        (
            "Reuters quoted Ivan Petrov, a Moscow trader, as saying: “Nobody is buying.”",
            ("quoted … as saying", "Reuters"),
        ),
        (
            "“The talks are over,” a spokesman for the union was quoted as saying.",
            ("quoted … as saying", "a spokesman for the union"),
        ),
    ];
    for (text, (cue, who)) in cases {
        assert_eq!(
            cues_and_speakers(text),
            vec![(cue.to_string(), who.to_string())],
            "{text}"
        );
    }
}

#[test]
fn a_line_that_is_only_a_speakers_label_attributes_the_next_quote() {
    for label in [
        "Priya Shah, 34, nurse:",
        "- Bolton boss Sam Allardyce",
        "– Councillor Tom Ashworth",
        "Dr. Amira Haddad, GP",
    ] {
        let f = quotes::scan(label);
        let t = f
            .trailing_cue
            .unwrap_or_else(|| panic!("no label read in {label:?}"));
        assert!(f.cues[t.cue()]
            .speaker
            .as_ref()
            .is_some_and(|s| s.kind == PhraseKind::Named));
    }
    for not_label in [
        "By Ellie Marsden",
        "Opening hours",
        "LONDON",
        "Sam Allardyce was furious.",
        "Bolton 1-2 Newcastle",
    ] {
        assert!(
            quotes::scan(not_label).trailing_cue.is_none(),
            "{not_label:?}"
        );
    }
}

#[test]
fn he_before_a_chinese_given_name_is_a_surname() {
    assert_eq!(
        speakers("“The talks were candid,” He Lifeng said."),
        vec!["He Lifeng".to_string()]
    );
    // The pronoun still speaks for itself, in a headline's capitals too.
    assert_eq!(
        speakers("“The talks were candid,” He said."),
        vec!["He".to_string()]
    );
    assert_eq!(speakers("‘We Will Win,’ He Said"), vec![String::new()]);
}

#[test]
fn after_a_question_the_next_sentence_may_open_with_the_speaker_and_an_apposition() {
    let text = "“What is the incentive for China?” He Jianxiong, the former executive director for China at the International Monetary Fund, said at a Nov. 6 event in Washington.";
    assert_eq!(speakers(text), vec!["He Jianxiong".to_string()]);
    // Not when the sentence opens with anything but the speaker.
    let text = "“What is the incentive for China?” At the summit in Washington on Tuesday, officials from both sides said the talks would go on.";
    assert_eq!(speakers(text), vec![String::new()]);
}

#[test]
fn a_verb_with_no_speaker_after_a_quote_does_not_hide_the_cue_after_it() {
    let text = "“The president wants a bigger deal than the little deal” announced in October, said Derek Scissors, a China scholar.";
    assert_eq!(
        cues_and_speakers(text),
        vec![("said".to_string(), "Derek Scissors".to_string())]
    );
}

#[test]
fn an_owners_verdict_after_a_quote_speaks_it() {
    let text = "“It was, as always, coded and careful, but entirely deliberate,” was Mr Marr’s assessment. The prime minister was asked about it later.";
    assert_eq!(speakers(text), vec!["Mr Marr"]);
    let text =
        "\"We have been here before and we will come through it,\" was her verdict on Tuesday.";
    assert_eq!(
        speaker(text),
        vec![(
            "verdict".to_string(),
            "her".to_string(),
            PhraseKind::Pronoun(Pronoun::She)
        )]
    );
    // Not a noun of saying: the quote waits for its cue.
    let text = "“We will appeal,” was Mr Okafor’s brother, who was in court.";
    assert_eq!(speakers(text), vec![""]);
}

#[test]
fn a_lead_in_naming_whose_words_they_are() {
    let text = "I am reminded of a line attributed to Thomas Jefferson. “A nation that limits freedom in the name of security will have neither.”";
    assert_eq!(speakers(text), vec!["Thomas Jefferson"]);
    let text = "In the words of Ada Quist: “Nobody in this town should go hungry.”";
    assert_eq!(speakers(text), vec!["Ada Quist"]);
    // The lead-in's own quote has a cue: its statement speaks on.
    let text = "“Her speech reflected her own thinking,” read the statement, which was attributed to Miller. “It was a success.”";
    assert_ne!(speakers(text)[1], "Miller");
}

#[test]
fn a_sentence_opening_with_a_persons_name_before_a_quote() {
    // An irregular verb, and a name with an apposition before its verb.
    let text = "Mauresmo spent five weeks at number one before injury ushered Davenport back in front. “Since then, I feel very confident on court.”";
    assert_eq!(speakers(text), vec!["Mauresmo"]);
    let text = "Graham Barlow, editor of Mac Format, has a rather partisan view. “It’s just a Mac, but we should be very excited.”";
    assert_eq!(speakers(text), vec!["Graham Barlow"]);
    // After a sentence with a quote and a cue of its own, not the name
    // it opens with.
    let text = "Rubio “apologized numerous times on this show,” Hannity said. “I think it’s time for people to move on.”";
    assert_ne!(speakers(text)[1], "Rubio");
}

#[test]
fn an_irregular_past_is_the_verb_after_its_subject() {
    let text = "Ms Okafor thought the scheme a “reckless gamble” with the borough’s reserves.";
    assert_eq!(speakers(text), vec!["Okafor"]);
    let text = "The shadow chancellor spoke of a “lost decade” for wages in the North East.";
    assert_eq!(speakers(text), vec!["The shadow chancellor"]);
}

#[test]
fn a_label_run_into_its_quote_on_one_line() {
    let text = "- Wigan boss Paul Jewell “We were second best for an hour and we know it.”";
    assert_eq!(speakers(text), vec!["Paul Jewell"]);
    // Not a byline, nor a sentence's subject before a verb.
    let text = "By Ellie Marsden “I can’t see who it’s for.”";
    assert_eq!(speakers(text), vec![""]);
}

#[test]
fn a_headline_names_its_speaker_before_a_colon_or_a_verb() {
    let text = "Okafor: Council cuts leave borough ‘on its knees’";
    assert_eq!(speakers(text), vec!["Okafor"]);
    let text = "Mayor Okafor Warned Council Of ‘Reckless Gamble’ On Reserves";
    assert_eq!(speakers(text), vec!["Okafor"]);
    // A label is no speaker.
    let text = "Update: Town hall flooded after ‘once in a century’ storm";
    assert_eq!(speakers(text), vec![""]);
}

#[test]
fn a_participle_or_a_relative_clause_before_the_subject() {
    let text = "Horrified at the size of the overspend, Councillor Dunmore thought the scheme a “reckless gamble”.";
    assert_eq!(speakers(text), vec!["Dunmore"]);
    let text = "In Rochdale, which votes next week, Brennan thought the plan “a con”.";
    assert_eq!(speakers(text), vec!["Brennan"]);
}

#[test]
fn words_that_came_from_someone_are_theirs() {
    let text = "“Not today,” came the curt reply from Mr Hale, the chairman.";
    assert_eq!(speakers(text), vec!["Hale"]);
    let text = "“Call the roll,” came shouts from the crowd, as the hall booed.";
    assert_eq!(
        speaker(text),
        vec![(
            "came".to_string(),
            "the crowd".to_string(),
            PhraseKind::Role
        )]
    );
    // Not a noun of saying, nor words with no one they came from.
    for text in [
        "“Call the roll,” came the motion from the floor.",
        "“No,” came the reply.",
    ] {
        assert_eq!(speakers(text), vec![""], "{text}");
    }
}

#[test]
fn a_conjunction_opening_the_sentence_is_no_part_of_its_subject() {
    let text =
        "But one reporter wanted to know, “How surprised are you that the budget passed at all?”";
    assert_eq!(
        speaker(text),
        vec![(
            "wanted".to_string(),
            "one reporter".to_string(),
            PhraseKind::Anonymous
        )]
    );
    // With its comma, before an opening clause.
    let text = "And, while we are on the subject of Mr Kilroy-Silk, Mr Morris despatches him with another of his neat lines. “Robert Kilroy-Silk is not a team player.”";
    assert_eq!(speakers(text), vec!["Morris"]);
}

#[test]
fn a_participle_after_a_speech_verb_is_that_speakers() {
    let text = "Ryan and Trump will meet sometime next week, Spicer said, adding, “They need to sit down and have a good talk.”";
    assert_eq!(speakers(text), vec!["Spicer"]);
    // Not a participle after the object of another verb.
    let text =
        "Ryan and Trump will meet next week, the aide confirmed, adding, “It is all arranged.”";
    assert_eq!(speakers(text), vec!["the aide"]);
    // A noun of saying before the comma is no verb.
    let text = "Mr Dean defended the remark, saying, “Something funny was going on last night.”";
    assert_eq!(speakers(text), vec!["Dean"]);
}

#[test]
fn here_and_a_place_open_the_sentence_before_its_subject() {
    let text = "Here in Columbia, Sanders stepped up his emphasis on criminal justice, saying, “We have got to do better.”";
    assert_eq!(speakers(text), vec!["Sanders"]);
}

#[test]
fn an_opening_clause_is_no_speaker_of_a_participle() {
    for (text, who) in [
        ("Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”", "Trump"),
        ("Early in his campaign, Trump attacked Romney, calling him, among other things, “a failed candidate.”", "Trump"),
        ("Continuing his attack on the bill, Carson rejected the notion, saying, “I would fix it.”", "Carson"),
        ("Amid the outcry, Matt Walsh defended the list, saying it is necessary to “identify the traitors.”", "Matt Walsh"),
        ("Soon, he found the city welcoming, saying, “We are home.”", "he"),
        // A name that ends like a participle is the subject.
        ("Manning, who won the title in 2016, told reporters, “We will be back.”", "Manning"),
        ("Brown, 54, told reporters, “We will be back.”", "Brown"),
    ] {
        assert_eq!(speakers(text), vec![who], "{text}");
    }
}

#[test]
fn a_subject_with_a_relative_clause_in_commas_speaks() {
    let text = "Police, who were called to the flat at 3am, arrived within minutes, saying: “We found the door open.”";
    assert_eq!(
        speaker(text),
        vec![(
            "saying".to_string(),
            "Police".to_string(),
            PhraseKind::Organisation
        )]
    );
}

#[test]
fn people_familiar_with_the_matter_are_one_anonymous_source() {
    let cases: &[(&str, &str)] = &[
        (
            "“The deal is close,” people familiar with the matter said on Tuesday.",
            "people familiar with the matter",
        ),
        (
            "“The deal is close,” said people close to the talks.",
            "people close to the talks",
        ),
        (
            "People familiar with the matter said: “The bid will be raised.”",
            "People familiar with the matter",
        ),
        (
            "Another source familiar with Ms Reyes’s thinking said, “She will stand.”",
            "Another source familiar with Ms Reyes’s thinking",
        ),
        (
            "“Nothing is signed yet,” said one official briefed on the talks.",
            "one official briefed on the talks",
        ),
    ];
    for (text, who) in cases {
        assert_eq!(
            speaker(text),
            [("said".to_string(), who.to_string(), PhraseKind::Anonymous)],
            "{text}"
        );
    }
    // `close` before its noun opens no postmodifier: the aide is named.
    assert_eq!(
        speakers("“We won,” said a close aide, Tom Hale."),
        ["Tom Hale"]
    );
}

#[test]
fn a_sentence_after_a_quote_may_say_whose_words_they_were() {
    let cases: &[(&str, &str)] = &[
        (
            "“I’d rather lose the seat than my conscience.” That quote from Home Office minister Tom Hale appeared on the front page.",
            "Tom Hale",
        ),
        (
            "“We will not be bullied.” The remark came from a senior aide to the governor.",
            "a senior aide to the governor",
        ),
        ("“We will not be bullied.” That warning from Mr Hale was ignored.", "Hale"),
        // Where a quote comes from in a work is no speaker.
        ("“We will not be bullied.” The line from the film is famous.", ""),
    ];
    for (text, who) in cases {
        assert_eq!(speakers(text), [who.to_string()], "{text}");
    }
}

#[test]
fn a_name_may_open_with_a_digit() {
    assert_eq!(
        speakers("“Our worry is the budget,” consultancy 4Cast said in a note."),
        ["4Cast"]
    );
    assert_eq!(
        speakers("“Sales rose,” said 3M, the US conglomerate."),
        ["3M"]
    );
}

#[test]
fn a_lead_in_opening_with_whose_words_follow() {
    let cases: &[(&str, &str)] = &[
        ("His answer: “Not this year.”", "His"),
        (
            "Heald was unimpressed. Her message to the government: “Fund the defences.”",
            "Her",
        ),
        (
            "Ms Heald’s verdict was blunt: “Too little, too late.”",
            "Heald",
        ),
        ("Joan Heald’s reply: “No comment.”", "Joan Heald"),
    ];
    for (text, who) in cases {
        assert_eq!(speakers(text), [who.to_string()], "{text}");
    }
    // The sheet resolves the pronoun to the person it stands for.
    let text = "The council leader, Tom Ashe, was asked whether the defences would be funded.\n\nHis answer: “Not this year.”";
    let doc = crate::text::Document::new(text, 0, &crate::analysis::Scanner::default());
    let article = crate::analysis::Article::new(
        doc.index().paragraphs(),
        crate::analysis::Language::PlainText,
    );
    let who: Vec<_> = article
        .quotes()
        .iter()
        .map(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        .collect();
    assert_eq!(who, [Some("Tom Ashe".to_string())]);
}

#[test]
fn a_progressive_and_a_business_title_give_the_sentence_subject() {
    assert_eq!(
        speakers("She is noting the “kind of problems” Sanders had."),
        ["She"]
    );
    assert_eq!(
        speakers("The billionaire businessman began by talking about the drug crisis, saying that heroin is now “cheaper than getting candy.”"),
        ["The billionaire businessman"]
    );
}

#[test]
fn groups_and_unions_in_the_plural_speak_as_organisations() {
    assert_eq!(
        speaker("“The use of force was excessive,” rights groups said."),
        [(
            "said".to_string(),
            "rights groups".to_string(),
            PhraseKind::Organisation
        )]
    );
    assert_eq!(
        speaker("Aid groups said: “We need access now.”"),
        [(
            "said".to_string(),
            "Aid groups".to_string(),
            PhraseKind::Organisation
        )]
    );
}

#[test]
fn a_middle_initial_even_a_is_part_of_the_name_after_the_verb() {
    for (text, name) in [
        (
            "“We were not very happy,” said John A. Finlayson.",
            "John A. Finlayson",
        ),
        (
            "“We were not happy,” said Jock A. Finlayson, head of policy at the council.",
            "Jock A. Finlayson",
        ),
        ("“It is a fair deal,” said Mary J. Blige.", "Mary J. Blige"),
    ] {
        assert_eq!(
            speaker(text),
            vec![("said".to_string(), name.to_string(), PhraseKind::Named)],
            "{text}"
        );
    }
}

#[test]
fn an_aside_in_dashes_between_the_subject_and_its_verb() {
    for (text, name) in [
        ("John Dickey, the chief executive of Ora Media — the production company that owns the programme, which is also streamed online — told me, “We're a content provider.”", "John Dickey"),
        ("John Dickey, the chief executive of Ora Media -- the company that owns the programme -- told me, \"We're a content provider.\"", "John Dickey"),
        ("Ms Patel – who has run the shop for 20 years – said: “We will not close.”", "Patel"),
    ] {
        let got = speaker(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1, name, "{text}");
    }
}

#[test]
fn a_colon_lead_in_with_no_speaking_subject_takes_the_person_it_ends_on() {
    assert_eq!(
        speakers("The timing of the surge does not surprise Republican pollster Daron Shaw: “Lesser-known candidates have seen the biggest boost.”"),
        ["Daron Shaw"]
    );
    // A place the lead-in ends on speaks for no one.
    assert_eq!(
        speaker("The latest pictures came in from New York: “The water is still rising.”"),
        vec![(String::new(), String::new(), PhraseKind::Elided)]
    );
}

#[test]
fn an_adverb_of_time_between_the_speaker_and_the_verb_after_a_quote() {
    for text in [
        "“We were wrong about the bridge,” he now says.",
        "“We were wrong about the bridge,” he still insists.",
        "“We were wrong about the bridge,” she first told the inquiry.",
    ] {
        let got = speaker(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert!(
            matches!(got[0].2, PhraseKind::Pronoun(_)),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_title_closing_the_apposition_before_the_verb_is_part_of_the_subject() {
    // The comma US style puts inside the title's marks closes the apposition.
    for text in [
        "As Akhil Reed Amar, a professor of law at Yale and author of “America’s Unwritten Constitution,” put it, “Senate Republicans should remember that.”",
        "As Akhil Reed Amar, a professor of law at Yale and author of ''America's Unwritten Constitution,'' put it, ''Senate Republicans should remember that.''",
    ] {
        assert_eq!(speakers(text), ["", "Akhil Reed Amar"], "{text}");
    }
}

#[test]
fn a_capitalised_article_after_the_name_opens_the_next_sentence() {
    // The full stop after the speaker's name was lost.
    assert_eq!(
        speakers("“The litigation risks are real,” said Credit Suisse analyst Vadim Mitroshin The dispute with the tax authorities has run for a year."),
        ["Vadim Mitroshin"]
    );
    // `The` as part of a name after the verb is still read.
    assert_eq!(speakers("“It is over,” said The Times."), ["The Times"]);
}

#[test]
fn a_past_form_that_is_also_a_noun_is_the_verb_before_its_object() {
    assert_eq!(
        speaker("The mayor left no doubt of her support for the plan, saying that “there has never been a better time to build.”"),
        vec![("saying".to_string(), "The mayor".to_string(), PhraseKind::Role)]
    );
}

#[test]
fn quick_or_keen_to_say_frames_the_speech_verb_after_its_subject() {
    // Reported speech with no quote: its cue's speaker is the subject
    // before the frame (what a quote in the next paragraph may be presumed
    // to continue).
    for (text, who) in [
        (
            "Donald Trump was quick to add that the negotiation did not include dropping the wall.",
            "Donald Trump",
        ),
        (
            "The minister was keen to stress that nothing had been decided.",
            "The minister",
        ),
    ] {
        let f = quotes::scan(text);
        let got: Vec<(String, Option<&str>)> = f
            .cues
            .iter()
            .map(|c| {
                (
                    c.word.clone(),
                    c.speaker
                        .as_ref()
                        .map(|s| &text[s.name.clone().unwrap_or(s.range.clone())]),
                )
            })
            .collect();
        assert!(got.iter().any(|(_, s)| *s == Some(who)), "{text}: {got:?}");
    }
}

#[test]
fn a_comma_aside_between_the_subject_and_a_verb_of_no_list() {
    // `referred to … as` is in no list of speech verbs: the sentence's
    // subject owns the fragment, past an aside in commas.
    let got = cues_and_speakers(
        "Mr. Trump, during multiple interviews on Thursday, referred to President Barack Obama as “the most valuable player” for the group.",
    );
    assert_eq!(got, vec![("referred".to_string(), "Trump".to_string())]);
    let got = cues_and_speakers(
        "Ms. Okafor, speaking in Dayton on Monday, branded the deal “a betrayal of working families.”",
    );
    assert_eq!(got, vec![("branded".to_string(), "Okafor".to_string())]);
}

#[test]
fn a_fragment_inside_reported_speech_is_the_reporters() {
    // The cue before the fragment belongs to a clause the sentence's
    // subject reports: the reporter gives the fragment.
    assert_eq!(
        speakers(
            "Labour MP Dawn Keeling said ministers had told councils to be \u{201c}closely coordinated\u{201d} over the winter."
        ),
        ["Dawn Keeling"]
    );
    assert_eq!(
        speakers("Senator Ruiz said he expected that voters will say \"no\" to the levy."),
        ["Ruiz"]
    );
    // The sentence's own cue keeps its fragment.
    assert_eq!(
        speakers("Mr Patel called the plan \u{201c}a disaster for savers\u{201d}."),
        ["Patel"]
    );
    // A cue after an earlier quote is no reporter of a later clause.
    assert_eq!(
        speakers(
            "\u{201c}Are we winning?\u{201d} she said, but as the mayor went on about \u{201c}a city reborn\u{201d} the hall emptied."
        )[1],
        "the mayor"
    );
}

#[test]
fn a_long_subject_with_an_aside_or_an_opening_clause_keeps_its_fragments() {
    // A second verb joined by `but` after an opening clause with a
    // relative clause in it: the subject after the clause.
    assert_eq!(
        speakers(
            "Speaking in Carlisle, which votes next month, Mr Haworth referred to the bypass as \u{201c}a bold plan\u{201d} but described the costings as \u{201c}a work in progress.\u{201d}"
        ),
        ["Haworth", "Haworth"]
    );
    // A name after a fragment that ends in its comma, with an apposition
    // holding a list.
    assert_eq!(
        speakers(
            "The new rules \u{201c}will not end the queues,\u{201d} Nadia Osei, minister for housing, planning, and local government, said on Tuesday."
        ),
        ["Nadia Osei"]
    );
    // A name with an apposition before the verb a fragment is woven into.
    assert_eq!(
        speakers(
            "Senator Ben Hollis of Ohio, a Democrat on the budget committee, favours a \u{201c}carbon dividend\u{201d} paid to every household."
        ),
        ["Ben Hollis"]
    );
}

#[test]
fn a_word_capitalised_only_to_open_the_sentence_is_no_speaker() {
    // `Early`, `Ever` open their sentences; they name no one.
    assert_eq!(
        speakers(
            "Early in 1999, Mr Hollis praised the mayor's campaign skills, telling the Echo: \u{201c}I wish I could work a room like that.\u{201d}"
        ),
        ["Hollis"]
    );
    assert_ne!(
        speakers(
            "Ever the optimist, she toured the depot to encourage young drivers with a simple message: \u{201c}Don't give up!\u{201d}"
        ),
        ["Ever"]
    );
    // People named by a plural still speak.
    assert_eq!(
        speakers(
            "Democrats had sued after the state scrapped the early week, saying \u{201c}it burdens voters who work shifts.\u{201d}"
        ),
        ["Democrats"]
    );
}

#[test]
fn a_place_is_no_speaker_before_its_person_or_after_a_dateline() {
    // `of Tucson, Arizona` places the speaker; she speaks.
    assert_eq!(
        speakers(
            "Maureen Platt of Tucson, Arizona says she will keep \u{201c}writing to anyone who listens.\u{201d}"
        ),
        ["Maureen Platt"]
    );
    // A dateline's place and agency stand before the sentence's subject.
    assert_eq!(
        speakers(
            "Washington (AFP) \u{2013} Senator Ruth Adler attacked the tariff plan, saying that \u{201c}bombastic comments\u{201d} do more harm than good."
        ),
        ["Ruth Adler"]
    );
}

#[test]
fn someone_speaks_and_a_participle_after_a_when_clause_is_its_subjects() {
    // `someone in the audience` is an unnamed speaker of the shout, not
    // the named man who answers it.
    assert_eq!(
        speakers(
            "When someone in the audience shouted, \u{201c}Resign,\u{201d} Mr Pryce joked, \u{201c}Not tonight!\u{201d}"
        ),
        ["someone in the audience", "Pryce"]
    );
    // A participle after a clause of time takes that clause's subject.
    assert_eq!(
        speakers(
            "The minister was opening a clinic in Didcot, when nurses from the picket line interrupted her speech, chanting \u{201c}pay us what we're worth!\u{201d}"
        ),
        ["nurses from the picket line"]
    );
    // Not a document's: a statement states nothing.
    assert_eq!(
        speakers(
            "The candidate changed her story months later, after her first statement was shown to be false, stating that none of the emails were \u{201c}marked classified at the time.\u{201d}"
        ),
        ["The candidate"]
    );
}
