use super::*;
use crate::analysis::{Article, Language, Scanner};
use crate::text::Document;

/// Each quote's first three words, its speaker's name and how it was resolved.
fn sheet(text: &str) -> Vec<(String, Option<String>, Option<&'static str>)> {
    let doc = Document::new(text, 0, &Scanner::default());
    let article = Article::new(doc.index().paragraphs(), Language::PlainText);
    article
        .quotes()
        .iter()
        .map(|q| {
            let words: Vec<&str> = text[q.content[0].clone()]
                .split_whitespace()
                .take(3)
                .collect();
            let how = q.speaker.as_ref().map(|s| match s.resolution {
                Resolution::Direct => "direct",
                Resolution::Pronoun { .. } => "pronoun",
                Resolution::RoleNoun { .. } => "role",
                Resolution::Continuation => "continuation",
                Resolution::PreviousParagraphCue => "previous",
                Resolution::Topic => "topic",
            });
            (
                words.join(" "),
                q.speaker.as_ref().map(|s| s.name.clone()),
                how,
            )
        })
        .collect()
}

#[test]
fn resolves_speakers_in_small_passages() {
    type Want<'a> = &'a [(&'a str, Option<&'a str>, Option<&'a str>)];
    let cases: &[(&str, Want<'_>)] = &[
        (
            // Tabloid style: a descriptor before a first name used alone,
            // a plural noun that is no cue, someone's representative.
            "Guests said property developer Mark Jones, 48, was hit from behind.\n\nDad-of-three Mark said last night: “I made one joke.”\n\nThe band left two security posts empty. His representative said: “He regrets it.”",
            &[
                ("I made one", Some("Mark Jones"), Some("direct")),
                ("He regrets it.", Some("His representative"), Some("direct")),
            ],
        ),
        (
            // A role noun with no holder: the last person named as more
            // than a possessive. A pronoun: not someone the quote names.
            "Tomasz Kowalczyk scored twice for Rovers, whose manager is Kieran Doyle.\n\nBut Kowalczyk turned the game. He swept home Jamie Ellard’s cut-back.\n\n“Tonight it went in,” the striker said.\n\nDoyle singled out Sam Whitlow, whose save from Ricky Mensah kept them level. “Sam’s been our best player,” he said.",
            &[
                ("Tonight it went", Some("Tomasz Kowalczyk"), Some("role")),
                ("Sam’s been our", Some("Kieran Doyle"), Some("pronoun")),
            ],
        ),
        (
            // Pronoun to the last compatible person; the honorific gives gender.
            "Mrs Angharad Pugh introduced the ban. Mr Gareth Bevan opposed it.\n\n“I support the aim,” he said. “Not the method.”\n\nMrs Pugh disagreed. “Governors were told in June,” she said.",
            &[
                ("I support the", Some("Gareth Bevan"), Some("pronoun")),
                ("Not the method.", Some("Gareth Bevan"), Some("continuation")),
                ("Governors were told", Some("Angharad Pugh"), Some("pronoun")),
            ],
        ),
        (
            // Role nouns to the person introduced with the role.
            "Ukraine’s Foreign Minister Dmytro Kuleba met Antony Blinken, the US secretary of state, in Brussels.\n\n“Any settlement has to be one Ukraine can accept,” the secretary of state said.\n\n“Our door is open to talks,” the foreign minister said.",
            &[
                ("Any settlement has", Some("Antony Blinken"), Some("role")),
                ("Our door is", Some("Dmytro Kuleba"), Some("role")),
            ],
        ),
        (
            // A cue ending the previous paragraph; a continuation paragraph.
            "The union’s leader, Alan Burridge, wrote to members. He added:\n\n“This offer is not everything we asked for.\n\n“But it is a great deal more than we were told was possible.”",
            &[("This offer is", Some("Alan Burridge"), Some("previous"))],
        ),
        (
            // Anonymous sources, and `the diplomat` back to `a senior European diplomat`.
            "A senior European diplomat said the plan had been “dead on arrival”.\n\n“Nobody in the room thought Kyiv would accept it,” the diplomat said.",
            &[
                ("dead on arrival", Some("A senior European diplomat"), Some("direct")),
                ("Nobody in the", Some("A senior European diplomat"), Some("role")),
            ],
        ),
        (
            // Organisations, and `according to`.
            "\"The contracts were never put out to bid,\" The Post reported.\n\nThe figures are \"a damning verdict on a decade of neglect,\" according to Dr Samuel Okafor.",
            &[
                ("The contracts were", Some("The Post"), Some("direct")),
                ("a damning verdict", Some("Samuel Okafor"), Some("direct")),
            ],
        ),
        (
            // The hard negative: a quote paragraph after narrative with no cue.
            "Jenny Marlow said the response had been overwhelming. “People gave what they could,” she said.\n\nThe shop reopens on December 1.\n\n“We never once thought we would fail.”",
            &[
                ("People gave what", Some("Jenny Marlow"), Some("pronoun")),
                ("We never once", None, None),
            ],
        ),
        (
            // A lone quote paragraph after a paragraph reporting one
            // person's words: presumed theirs. Not after a paragraph that
            // only describes someone, nor one where two people speak.
            "Councillor Dafydd Morgan said the plan would cost jobs. The bakery his family runs on Bridge Street has been open since 1962.\n\n“We have been here before and we know how it ends.”\n\nMorgan has sat on the council since 2015. The vote is on Tuesday.\n\n“Nobody asked the traders.”\n\nMorgan said the vote was rushed. Cllr Sian Price said it was overdue. The council meets again in May.\n\n“The money is not there.”",
            &[
                ("We have been", Some("Dafydd Morgan"), Some("topic")),
                ("Nobody asked the", None, None),
                ("The money is", None, None),
            ],
        ),
        (
            // Reported speech ending a paragraph hands the next lone quote
            // to its speaker only when that is one person of the article,
            // and the sentence's own subject: not a party, not a report by
            // `some`, not a person named inside it.
            "Ofsted inspector Helen Rowe said the school had turned a corner.\n\n“The children are safer now.”\n\nConservatives said the findings raised more questions about the trust.\n\n“Parents were never told.”\n\nSome note that Rowe, even as she says the school improved, has left the head in post.\n\n“It is a whitewash.”",
            &[
                ("The children are", Some("Helen Rowe"), Some("previous")),
                ("Parents were never", None, None),
                ("It is a", None, None),
            ],
        ),
        (
            // A participle after a quote with no subject and no cue before
            // it to lend one: the speaker was cut, so the quote is flagged.
            // A document or body the sentence opens with speaks through a
            // verb joined by `and`.
            "Hartley toured the depot on Monday.\n\n“We need a fleet that runs on time,” arguing that the routes had been cut too far.\n\nThe transport department rejected the figures and said that “the survey is two years out of date.”",
            &[
                ("We need a", None, None),
                ("the survey is", Some("The transport department"), Some("direct")),
            ],
        ),
        (
            // A lone quote paragraph right after an attributed quote paragraph.
            "“The water was up to their waists,” said helmsman Chris Tovey.\n\n“Another twenty minutes and it would have been too late.”",
            &[
                ("The water was", Some("Chris Tovey"), Some("direct")),
                ("Another twenty minutes", None, None),
            ],
        ),
    ];
    for (text, want) in cases {
        let want: Vec<(String, Option<String>, Option<&str>)> = want
            .iter()
            .map(|(w, s, h)| (w.to_string(), s.map(str::to_string), *h))
            .collect();
        assert_eq!(sheet(text), want, "{text}");
    }
}

#[test]
fn pronoun_and_role_cues_are_listed_for_hints() {
    let text = "Defence Secretary Mark Halloran visited the base.\n\n“Our commitment is unshakeable,” the defence secretary said. He added: “We are here to stay.”";
    let doc = Document::new(text, 0, &Scanner::default());
    let article = Article::new(doc.index().paragraphs(), Language::PlainText);
    let hints: Vec<(&str, &str)> = article
        .attribution
        .resolved
        .iter()
        .map(|r| (&text[r.range.clone()], r.surname.as_str()))
        .collect();
    assert_eq!(
        hints,
        vec![("the defence secretary", "Halloran"), ("He", "Halloran")]
    );
    let at = text.find("stay").unwrap_or(0);
    assert_eq!(
        article
            .quote_at(at)
            .and_then(|q| q.speaker.as_ref())
            .map(|s| s.cue.as_str()),
        Some("added")
    );
}

#[test]
fn an_honorific_is_no_role() {
    let text = "“We will appeal,” said Ms Sarah Lindqvist.\n\n“The ruling stands,” said Foreign Minister Dmytro Kuleba.\n\n“It is over,” said Mr. Hale.";
    let doc = Document::new(text, 0, &Scanner::default());
    let article = Article::new(doc.index().paragraphs(), Language::PlainText);
    let roles: Vec<(&str, Option<&str>)> = article
        .quotes()
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .map(|s| (s.name.as_str(), s.role.as_deref()))
        .collect();
    assert_eq!(
        roles,
        vec![
            ("Sarah Lindqvist", None),
            ("Dmytro Kuleba", Some("Foreign Minister")),
            ("Hale", None)
        ]
    );
}

#[test]
fn a_quoted_nickname_is_part_of_the_name_not_a_quote() {
    let text = "The count in New Orleans ran late into the night.\n\n“We held every seat we had,” said Rep. Cedric “Ced” Richmond. “Now we go to work.”\n\nState Sen. Marcia \"Cia\" Price (D) said the turnout had surprised her.\n\n“Nobody saw it coming,” Price said.";
    let got = sheet(text);
    let words: Vec<&str> = got.iter().map(|(w, _, _)| w.as_str()).collect();
    assert_eq!(
        words,
        ["We held every", "Now we go", "Nobody saw it"],
        "the nicknames are no quotes: {got:?}"
    );
    assert_eq!(got[0].1.as_deref(), Some("Cedric Richmond"), "{got:?}");
    assert_eq!(got[2].1.as_deref(), Some("Marcia Price"), "{got:?}");
    // Hard-wrapped, the nickname may end a line or start one.
    for wrapped in [
        text.replace(
            "Cedric “Ced” Richmond",
            "Cedric
“Ced” Richmond",
        ),
        text.replace(
            "Cedric “Ced” Richmond",
            "Cedric “Ced”
Richmond",
        ),
    ] {
        assert_eq!(sheet(&wrapped), got, "{wrapped:?}");
    }
    // A headline in title case quotes a phrase, whatever stands around it.
    let headline = "Trump ‘The Dealmaker’ Could Address Clean Energy, Graham Says\n\nThe senator spoke on Monday.";
    assert_eq!(sheet(headline).len(), 1, "{:?}", sheet(headline));
}

#[test]
fn an_age_after_a_name_answers_the_n_year_old() {
    let text = "Jane Doe, 34, was walking her dog when the oak fell. Her neighbour, Peter Lyle (61), called an ambulance.\n\n“It was terrifying,” the 34-year-old said.\n\n“I heard a crack like a gunshot,” said the 61-year-old.";
    let got: Vec<_> = sheet(text)
        .into_iter()
        .map(|(_, who, how)| (who, how))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Jane Doe".to_string()), Some("role")),
            (Some("Peter Lyle".to_string()), Some("role")),
        ]
    );
}

#[test]
fn it_is_the_organisation_not_the_anonymous_person_after_it() {
    let text = "The council said it would review every tree on the street.\n\n“We have lost three,” one resident said.\n\n“Safety is our first concern,” it said.\n\n“The prime minister has full confidence in her,” No 10 said.";
    let got: Vec<_> = sheet(text).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(
        got,
        [
            Some("one resident".to_string()),
            Some("The council".to_string()),
            Some("No 10".to_string()),
        ]
    );
}

#[test]
fn she_is_the_woman_named_before_a_speaker_of_unknown_gender() {
    let text = "Prosecutor Anna Brooks told the court the driver had asked Kieran Walsh to pay his fare. “He became abusive and struck the driver twice,” she said.";
    let got: Vec<_> = sheet(text)
        .into_iter()
        .map(|(_, who, how)| (who, how))
        .collect();
    assert_eq!(got, [(Some("Anna Brooks".to_string()), Some("pronoun"))]);
}

#[test]
fn a_role_no_one_holds_is_not_someone_with_another_office() {
    // The last person named is the president: `the senator` is no one
    // introduced, an anonymous source, not Barack Obama.
    let got = sheet(
        "Donald Trump spoke in Ohio on Monday. He praised President Barack Obama for his service.\n\n“We will fight this in every state,” the senator said.",
    );
    assert_eq!(got[0].1.as_deref(), Some("the senator"), "{got:?}");
    // A title given short (`Sen.`) may be that office: the senator is she.
    let got = sheet(
        "Sen. Claire McCaskill spoke in St. Louis on Monday.\n\n“We will fight this in every state,” the senator said.",
    );
    assert_eq!(got[0].1.as_deref(), Some("Claire McCaskill"), "{got:?}");
    assert_eq!(got[0].2, Some("role"));
}

#[test]
fn a_role_of_another_party_or_a_vice_office_is_someone_else() {
    // The only nominee with a party is the Democrat's running mate: `the
    // Republican nominee` is not Tim Kaine, and `he` stays with whoever
    // the copy last named.
    let got = sheet(
        "Republicans attacked Democratic vice presidential nominee Tim Kaine on Monday.\n\nDonald Trump spoke in Virginia.\n\nThe Republican nominee also outlined his cybersecurity plan. “We will protect this country,” he said.",
    );
    assert_eq!(got[0].1.as_deref(), Some("Donald Trump"), "{got:?}");
    // `the nominee` is not the vice presidential nominee either.
    let got = sheet(
        "Democratic vice presidential nominee Tim Kaine spoke in Ohio.\n\nHillary Clinton spoke in Florida.\n\n“We are going to win,” the nominee said.",
    );
    assert_ne!(got[0].1.as_deref(), Some("Tim Kaine"), "{got:?}");
}

#[test]
fn a_definite_role_as_subject_is_the_person_introduced_in_it() {
    // `The top Brazilian diplomat` is the foreign minister (a role it may
    // stand for, data/quotes/role_equivalents.txt); as the sentence's
    // subject she is who `she` is, not the chief of staff named last.
    let got = sheet(
        "Brazil’s Foreign Minister Ana Ribeiro arrived in Buenos Aires on Monday.\n\nPresident Carlos Mendes met farmers, and his chief of staff, Lucía Porto, sat in.\n\nThe top Brazilian diplomat later toured the river. She said: “We came here in good faith.”",
    );
    assert_eq!(got[0].1.as_deref(), Some("Ana Ribeiro"), "{got:?}");
    // A sentence whose subject is no role (`The movie mentions … the
    // president`) leaves the subject before it.
    let got = sheet(
        "President Barack Obama did not attend the premiere.\n\nHugh Hewitt was blunt. The movie mentions neither the president nor the secretary of state. “It is an indictment,” he writes.",
    );
    assert_eq!(got[0].1.as_deref(), Some("Hugh Hewitt"), "{got:?}");
}

#[test]
fn a_party_member_is_the_party_s_candidate_later() {
    // `Democrat Hillary Clinton` is `the Democratic presidential candidate`
    // (her party's candidate or nominee, data/quotes/role_equivalents.txt):
    // the subject the pronoun after it refers to, not the woman named last.
    let text = "Democrat Hillary Clinton called the tweets by Donald Trump “unhinged.”\n\nTrump wrote that Alicia Machado was “disgusting.” Machado said she would not be intimidated.\n\nThe Democratic presidential candidate's response came in her own tweets on Friday. She tweeted: “When something gets under Donald's thin skin, he lashes out.”";
    let got = sheet(text);
    assert_eq!(got[2].1.as_deref(), Some("Hillary Clinton"), "{got:?}");
    // Not the other party's: `the Republican nominee` is not hers.
    let got = sheet(&text.replace(
        "The Democratic presidential candidate's",
        "The Republican nominee's",
    ));
    assert_ne!(got[2].1.as_deref(), Some("Hillary Clinton"), "{got:?}");
}

#[test]
fn a_surname_alone_as_subject_is_who_he_is() {
    // Carson is named by surname only; as the subject of his sentence he
    // is `he`, not Cruz, who spoke last in the paragraph before.
    let got = sheet(
        "Cruz openly admitted that his pick was political. “With an eye to February 20th, Carolina,” he said.\n\nCarson defied the question. “It will either be Denver or Carolina,” he said.",
    );
    assert_eq!(got[1].1.as_deref(), Some("Carson"), "{got:?}");
    // Not a surname that modifies a noun (`Sanford police officer …`).
    let got = sheet(
        "George Zimmerman is selling the gun.\n\nSanford police officer Timothy Smith held it up at the trial. “The firearm is fully functional,” he added.",
    );
    assert_ne!(got[0].1.as_deref(), Some("Sanford"), "{got:?}");
}

#[test]
fn a_role_inside_an_of_phrase_is_not_the_subjects() {
    // `the folk singer Bridget Calloway` is the singer; the director of a
    // film about her is someone else, who speaks.
    let got = sheet(
        "The director of a forthcoming biopic of the folk singer Bridget Calloway said: “We wanted a fresh face.”\n\nThe director added: “Nobody knew her songs.”",
    );
    assert_ne!(got[0].1.as_deref(), Some("Bridget Calloway"), "{got:?}");
    assert_ne!(got[1].1.as_deref(), Some("Bridget Calloway"), "{got:?}");
}

#[test]
fn a_title_before_a_named_fragment_is_nobodys_words() {
    // The speaker of a later fragment does not reach back to the titles of
    // products named before it.
    let got = sheet(
        "Rival brewer Sapporo already sells the beer-flavoured \"Draft One\". Kirin, the fourth big name, is launching its own \"third-type\" drink in April.",
    );
    assert_eq!(got[0].1, None, "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("Kirin"), "{got:?}");
    // A full quote before the title still reaches the speaker past it.
    let got = sheet(
        "Taro Mori, the brewery's chief executive, was upbeat.\n\n\"We have never been so ready.\" The lager \"Draft One\" goes on sale in April. \"It will sell out,\" said Mr Mori.",
    );
    assert_eq!(got[0].1.as_deref(), Some("Taro Mori"), "{got:?}");
    assert_eq!(got[1].1, None, "{got:?}");
    assert_eq!(got[2].1.as_deref(), Some("Taro Mori"), "{got:?}");
}

#[test]
fn a_negated_verb_names_no_speaker_and_an_emphatic_one_does() {
    // `didn’t disclose` reports nothing: its subject is not the speaker of
    // the fragment after `he did say`, who is the man the story is about.
    let got = sheet(
        "Casino owner Sheldon Markham met the candidate at his Las Vegas hotel on Friday.\n\nWhile the mega donor didn’t disclose how much he would give, he did say he found the candidate “very charming” and called his standing “unheard of.”",
    );
    assert_eq!(got[0].1.as_deref(), Some("Sheldon Markham"), "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("Sheldon Markham"), "{got:?}");
    // `cannot say` is not the council leader's words: the speaker follows.
    let got = sheet(
        "Councillor Ruth Ashby leads the council. Her deputy, Tom Ellery, has questioned the audit.\n\nAshby cannot say that “from her own perspective,” Ellery added, saying it should be “up to the auditors.”",
    );
    assert_eq!(got[0].1.as_deref(), Some("Tom Ellery"), "{got:?}");
    // `did suggest`: an emphatic auxiliary between subject and verb.
    let got = sheet(
        "The comedian Tim Arden was asked about the mayor on Tuesday.\n\nAcknowledging that the mayor “says a lot of daft stuff,” though, Arden did suggest that his wealth gives him an edge.",
    );
    assert_eq!(got[0].1.as_deref(), Some("Tim Arden"), "{got:?}");
}

#[test]
fn a_question_put_to_the_subject_is_not_their_words_but_the_answer_after_is() {
    // `was asked, “…?”`: the question is the interviewer's, unnamed.
    let got = sheet(
        "The mayor, Dana Whitfield, spoke to the Herald on Sunday.\n\nIn the interview, Whitfield was asked, “What is the most dangerous street in the city?” She named the ring road.",
    );
    assert_eq!(got[0].1, None, "{got:?}");
    // A quote in the sentence after it is the answer: the subject's.
    let got = sheet(
        "Dr Liam Fenwick was asked if he would back the bid. “I'm sure we would look at it sympathetically.”",
    );
    assert_eq!(got[0].1.as_deref(), Some("Liam Fenwick"), "{got:?}");
}

#[test]
fn a_speech_verb_put_before_the_speaker_is_no_given_name() {
    // `Stated Stone:` is Roger Stone speaking, not a person called Stated
    // Stone (who showed on the quote sheet and in hover as someone new).
    let text = "Voting machines can be hacked, Donald Trump’s longtime adviser Roger Stone said on Monday.\n\n\
Stated Stone: “I think that the stakes are so high that they would do anything.”\n\n\
Continued Stone: “So I think it’s a very real problem.”\n\n\
Councillor Priya Patel was unmoved. Adds Ms Patel: “We count every paper ballot by hand.”\n";
    let speakers: Vec<Option<String>> = sheet(text).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(
        speakers,
        [
            Some("Roger Stone".to_string()),
            Some("Roger Stone".to_string()),
            Some("Priya Patel".to_string()),
        ]
    );
}

#[test]
fn a_surname_that_heads_organisations_names_is_the_person_who_has_it() {
    // Poll, Court and Hall head the names of polls, courts and halls; after
    // a full name they are that person's surname: `said Poll` was an
    // organisation called Poll, `Referee Graham Poll` no one at all.
    let text = "Referee Graham Poll said he had no doubt about the penalty.\n\n\
“I gave what I saw,” said Poll.\n\n\
Former referee Steve Court backed him. “It was a brave call,” Court told BBC Radio 5\u{a0}Live.\n\n\
Everton manager Karen Hall said: “We will write to the FA.”\n\n\
Asked about Hall’s complaint, Court said: “Managers always see it their own way.”\n";
    let speakers: Vec<(Option<String>, Option<&str>)> = sheet(text)
        .into_iter()
        .map(|(_, who, how)| (who, how))
        .collect();
    let want = |name: &str| (Some(name.to_string()), Some("direct"));
    assert_eq!(
        speakers,
        [
            want("Graham Poll"),
            want("Steve Court"),
            want("Karen Hall"),
            want("Steve Court"),
        ]
    );
}
