//! `copydesk quotes` through the real binary: the JSON quote sheet and the table.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("copydesk runs");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("stdin");
    }
    let out = child.wait_with_output().expect("copydesk finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The JSON quote sheet of `text`, read from stdin; the run must succeed.
fn json_sheet(text: &str) -> serde_json::Value {
    let (code, out, err) = run(&["quotes", "--format", "json", "-"], text);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("JSON")
}

#[test]
fn json_sheet_from_stdin() {
    let text = "Defence Secretary Mark Halloran visited Tapa on Monday.\r\n\r\n“Our commitment to our allies is unshakeable,” the defence secretary said. He added: “These troops 🪖 send a clear message.”\r\n\r\nThe Ministry of Defence gave no date.\r\n\r\n“Nobody should doubt our resolve on this.”\r\n";
    let v = json_sheet(text);
    let quotes = v["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 3);
    assert_eq!(quotes[0]["speaker"]["name"], "Mark Halloran");
    assert_eq!(
        quotes[0]["speaker"]["mention"]["text"],
        "the defence secretary"
    );
    assert_eq!(quotes[1]["speaker"]["mention"]["text"], "He");
    assert_eq!(quotes[1]["speaker"]["cue"], "added");
    // UTF-16 columns: the emoji counts two.
    assert_eq!(quotes[1]["text"], "These troops 🪖 send a clear message.");
    assert_eq!(quotes[1]["range"]["end"]["line"], 2);
    assert_eq!(quotes[2]["speaker"], serde_json::Value::Null);
    assert_eq!(
        quotes[2]["range"]["start"],
        serde_json::json!({"line": 6, "character": 0})
    );
    let people = v["people"].as_array().expect("people");
    assert!(
        people
            .iter()
            .any(|p| p["name"] == "Mark Halloran" && p["quotes"] == 2),
        "{people:?}"
    );
}

#[test]
fn table_and_errors() {
    let (code, out, _) = run(
        &["quotes", "-"],
        "“Nobody should doubt our resolve on this.”\n",
    );
    assert_eq!(code, 0);
    assert!(out.contains("UNATTRIBUTED"), "{out}");
    let (code, _, err) = run(&["quotes", "/no/such/article.txt"], "");
    assert_eq!(code, 2);
    assert!(err.contains("article.txt: no such file or folder"), "{err}");
}

#[test]
fn quotes_in_pasted_furniture_are_nobodys() {
    // A scare quote in a READ MORE link headline is not copy: it is neither on
    // the sheet nor does it break the pronoun chain around it.
    let text = "Bridge repairs to run into next winter\n\nCouncillor Gareth Oduya said the contractor had found “far more damage than the first survey suggested”.\n\nREAD MORE:\nFerry timetable cut as crew shortage bites\nCity tram extension ‘two years late’, auditors say\n\n“Nobody wanted to be standing here telling people it will be another year,” he said.\n";
    let v = json_sheet(text);
    let quotes = v["quotes"].as_array().expect("quotes");
    let texts: Vec<&str> = quotes.iter().filter_map(|q| q["text"].as_str()).collect();
    assert!(!texts.contains(&"two years late"), "{texts:?}");
    assert_eq!(quotes.len(), 2, "{texts:?}");
    assert_eq!(quotes[1]["speaker"]["name"], "Gareth Oduya");
}

/// A fact check's quotes with credit lines under them are credited on the
/// sheet, as in the findings; the one with a list under it is not.
#[test]
fn quotes_with_a_credit_line_are_credited_on_the_sheet() {
    let text = std::fs::read_to_string("tests/rules/unattributed-quote/credit-lines-us.txt")
        .expect("fixture");
    let (code, out, err) = run(&["quotes", "-"], &text);
    assert_eq!(code, 0, "{err}");
    let row = |has: &str| {
        out.lines()
            .find(|l| l.contains(has))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        row("The bottom half of workers").contains("(credited)"),
        "{out}"
    );
    assert!(
        row("I wrote the rural broadband").contains("(credited)"),
        "{out}"
    );
    assert!(row("We will cut taxes").contains("UNATTRIBUTED"), "{out}");
}

/// Who `he` is, when the copy says so without a speech verb: a sentence
/// whose subject is `he` keeps the paragraph about the man it refers to,
/// though it names another man after him; `said` that reports a clause
/// does not make a name at the clause's end its speaker; a group that
/// speaks (`her family asked`) is no one `he` refers to.
#[test]
fn pronouns_follow_the_person_a_paragraph_is_about() {
    let text = "WASHINGTON — Donald Marsh won the Nevada caucuses on Tuesday night.\n\n\"I think we had a very good night,\" Marsh told supporters in Las Vegas.\n\nHe nodded only obliquely to his second-place finish in Iowa behind Ted Kowalczyk. \"You know, we learned a lot about ground games in one week,\" he said.\n\nBetsy Ebeling, a retired teacher, knocked on doors in Reno.\n\nWalking to the next address, Ebeling reminisced about her childhood, and said their views were changed by the Vietnam War. \u{201c}Barry Goldwater wouldn\u{2019}t recognise it,\u{201d} she said.\n\nDexter Wakefield, a minister in Raleigh, told reporters that Mrs Dalle was a regular at the church. He said her family asked for privacy. \u{201c}She is a kind and outgoing woman,\u{201d} he added.\n\nKeith Allard hired Paul Osgood as campaign chairman in March.\n\nOsgood cautioned against the post. It went out anyway. Allard himself was delighted by the row. \u{201c}The people who were offended were people we wanted to offend,\u{201d} he later said.\n";
    let v = json_sheet(text);
    let names: Vec<&str> = v["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| q["speaker"]["name"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(
        names,
        [
            "Donald Marsh",
            "Donald Marsh",
            "Betsy Ebeling",
            // Not `her family`: a group is no `he`.
            "Dexter Wakefield",
            // Not Osgood, whose `cautioned` came before a sentence about Allard.
            "Keith Allard"
        ]
    );
}

#[test]
fn the_table_says_when_a_speaker_is_unnamed_or_an_organisation() {
    let text = "The mayor, Jane Hollis, took questions at City Hall on Tuesday.\n\nBut one reporter wanted to know, “How surprised are you that the budget passed at all?”\n\n“We will publish the accounts in December,” the council said in a statement.\n\n“It was a long night,” Ms Hollis said.\n";
    let (code, out, err) = run(&["quotes", "-"], text);
    assert_eq!(code, 0, "{err}");
    let row = |words: &str| {
        out.lines()
            .find(|l| l.contains(words))
            .unwrap_or_else(|| panic!("no row for {words}: {out}"))
            .to_string()
    };
    let how = |words: &str| {
        row(words)
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .nth(2)
            .map(str::to_string)
    };
    assert!(row("How surprised").contains("one reporter"), "{out}");
    assert_eq!(how("How surprised").as_deref(), Some("anonymous"), "{out}");
    assert_eq!(
        how("We will publish").as_deref(),
        Some("organisation"),
        "{out}"
    );
    assert_eq!(
        how("It was a long night").as_deref(),
        Some("named"),
        "{out}"
    );
}
