use super::*;

fn file(text: &str) -> Arc<SourceFile> {
    Arc::new(SourceFile::new(
        "hearing.txt".to_string(),
        "hearing.txt".into(),
        text.to_string(),
    ))
}

const HEARING: &str = "\
HARROWFIELD BOROUGH COUNCIL — CABINET, 14 MARCH

[00:12:31] MAYOR DEREK OYELARAN: Good evening. We will find the money for the library. That is a promise to this town, and I do not make promises lightly.

[00:13:02] Cllr Priya Nair: With respect, Mayor, the grant has not been confirmed, and if it does not come through we will have to close the library in the autumn.
We have looked at every option.

Q: Will staff lose their jobs?
A: Nobody will be made redundant this year. We have organised retraining for everyone affected.
";

#[test]
fn turns_carry_labels_and_time_stamps() {
    let f = file(HEARING);
    let labels: Vec<Option<&str>> = f.turns.iter().map(|t| t.speaker.as_deref()).collect();
    assert_eq!(
        labels,
        [
            None,
            Some("MAYOR DEREK OYELARAN"),
            Some("Cllr Priya Nair"),
            Some("Q"),
            Some("A")
        ]
    );
    assert_eq!(f.turns[2].timestamp.as_deref(), Some("00:13:02"));
}

#[test]
fn faithful_edits_pass_and_unfaithful_ones_are_read() {
    let set = SourceSet::new(vec![file(HEARING)]);
    let state = |q: &str| set.locate(q).map(|l| l.state);
    // Case, marks, an ellipsis, a bracket, American spelling.
    for q in [
        "we will find the money for the library.",
        "We will find the money for the library … I do not make promises lightly",
        "[The grant] has not been confirmed",
        "Nobody will be made redundant this year. We have organized retraining for everyone affected.",
        "If it does not come through we will have to close the library in the autumn.",
    ] {
        assert_eq!(state(q), Some(MatchState::Faithful), "{q}");
    }
    assert_eq!(
        state("We will find the funding for the library."),
        Some(MatchState::Altered)
    );
    assert_eq!(
        state("The grant has not been confirmed, and we will have to close the library in the autumn."),
        Some(MatchState::Omission)
    );
    assert_eq!(
        state("We are going to build four hundred new homes by the river."),
        Some(MatchState::NotFound)
    );
    // Too short to look for.
    assert_eq!(state("the library"), None);
    let l = set
        .locate("We will find the funding for the library.")
        .unwrap();
    assert_eq!(
        l.turn.as_ref().and_then(|t| t.speaker.as_deref()),
        Some("MAYOR DEREK OYELARAN")
    );
    let c = &l.changes[0];
    assert_eq!(
        &"We will find the funding for the library."[c.quote.clone()],
        "funding"
    );
    assert_eq!(&HEARING[c.source.clone()], "money");
    assert_eq!(f_line(&set, &l), 3);
}

fn f_line(set: &SourceSet, l: &Located) -> usize {
    set.files[l.file.unwrap()].line_col(l.passage.start).0 + 1
}

#[test]
fn binary_like_and_empty_sources_do_not_panic() {
    let set = SourceSet::new(vec![file(""), file("\u{0}\u{1}:::[[[…… ...")]);
    assert_eq!(
        set.locate("We will find the money for the library")
            .map(|l| l.state),
        Some(MatchState::NotFound)
    );
}

#[test]
fn radix_sort_orders_as_a_comparison_sort() {
    use proptest::prelude::*;
    proptest!(|(keys in prop::collection::vec(prop_oneof![0u64..64, 0u64..5_000_000, any::<u64>()], 0..3000))| {
        let mut a = keys.clone();
        let mut b = keys;
        super::radix_sort(&mut a);
        b.sort_unstable();
        prop_assert_eq!(a, b);
    });
}
