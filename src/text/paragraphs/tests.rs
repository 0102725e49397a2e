//! Splitting, scanning on several threads, and edits matching a rebuild
//! (within and across chunks).

use std::sync::Arc;

use super::chunks::CHUNK;
use super::scan::PARALLEL_BYTES;
use super::*;

fn texts(s: &str) -> Vec<&str> {
    split_paragraphs(s).into_iter().map(|r| &s[r]).collect()
}

#[test]
fn a_large_region_scanned_on_several_threads_gives_the_same_index() {
    let mut text = String::new();
    let mut n = 0;
    while text.len() < 2 * PARALLEL_BYTES {
        text.push_str(&format!(
            "Paragraph {n} — “quoted”, said Ms Ødegård.\r\n\r\n"
        ));
        n += 1;
    }
    let rope = Rope::from_str(&text);
    let upper = |t: &str| t.to_uppercase();
    let index = ParagraphIndex::build(&rope, &upper);
    let expected: Vec<(usize, String)> = split_paragraphs(&text)
        .into_iter()
        .map(|r| (r.start, text[r].to_uppercase()))
        .collect();
    let got: Vec<(usize, String)> = index
        .paragraphs()
        .iter()
        .map(|p| (p.start, (**p.facts).clone()))
        .collect();
    assert_eq!(got.len(), n);
    assert_eq!(got, expected);
}

#[test]
fn a_sentence_ending_a_line_with_room_to_spare_ends_its_paragraph() {
    // One paragraph a line inside blank-line blocks, hard-wrapped at 72:
    // `calling the deaths “intolerable.”` had room for `On`, so the writer
    // broke the line there, not the wrapping tool.
    let text = "The minister spoke out on Tuesday about the death of a man in\nPeckham, calling the deaths “intolerable.”\nOn Thursday’s edition of “The Morning Programme,” the former home\nsecretary said she wanted to speak “directly to parents.”\n";
    assert_eq!(
        texts(text),
        vec![
            "The minister spoke out on Tuesday about the death of a man in\nPeckham, calling the deaths “intolerable.”",
            "On Thursday’s edition of “The Morning Programme,” the former home\nsecretary said she wanted to speak “directly to parents.”",
        ]
    );
    // A headline's clause ended at a semicolon, its deck on the next line.
    let head = "Council backs bypass plan;\nResidents say the new road will cut them off from the town centre.\n";
    assert_eq!(texts(head).len(), 2);
    // A wrapped line that ends a sentence but had no room goes on.
    let full = "The council approved the budget on Tuesday after a long debate.\nCouncillors said it was the hardest settlement in a decade for them.\n";
    assert_eq!(texts(full).len(), 1);
}

#[test]
fn splits_on_blank_lines_of_any_terminator() {
    let s = "LONDON (Reuters) - Shares fell.\r\nTraders said so.\r\n\r\n  \t\n“It was grim,” one said.\rSecond line.\r\r\n\u{a0}\nLast";
    assert_eq!(
        texts(s),
        vec![
            "LONDON (Reuters) - Shares fell.\r\nTraders said so.",
            "“It was grim,” one said.\rSecond line.",
            "Last"
        ]
    );
}

#[test]
fn line_separator_does_not_end_a_line() {
    assert_eq!(
        texts("a\u{2028}\u{2028}b\n\nc"),
        vec!["a\u{2028}\u{2028}b", "c"]
    );
}

#[test]
fn edit_joining_paragraphs_matches_rebuild() {
    let scan = |t: &str| t.to_string();
    let mut rope = Rope::from_str("One.\n\nTwo.\n\nThree.\n\nFour.\n");
    let mut index = ParagraphIndex::build(&rope, &scan);
    // Delete the blank line between "Two." and "Three.".
    let before = rope.clone();
    rope.remove(rope.byte_to_char(10)..rope.byte_to_char(11));
    index.edit(&before, &rope, 10..11, 0, &scan);
    assert_eq!(index, ParagraphIndex::build(&rope, &scan));
    assert_eq!(index.paragraphs().at(1).facts.as_str(), "Two.\nThree.");
}

#[test]
fn untouched_paragraphs_keep_their_facts() {
    let scan = |t: &str| t.to_string();
    let text = (0..50)
        .map(|i| format!("Paragraph {i}."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut rope = Rope::from_str(&text);
    let mut index = ParagraphIndex::build(&rope, &scan);
    let before: Vec<_> = index
        .paragraphs()
        .iter()
        .map(|p| Arc::clone(p.facts))
        .collect();
    let at = index.paragraphs().at(25).start + 3;
    let old = rope.clone();
    rope.insert(rope.byte_to_char(at), "X");
    let scanned = index.edit(&old, &rope, at..at, 1, &scan);
    assert_eq!(
        scanned, 3,
        "the touched paragraph and one neighbour each side"
    );
    let kept = index
        .paragraphs()
        .iter()
        .zip(&before)
        .filter(|(p, old)| Arc::ptr_eq(p.facts, old))
        .count();
    assert_eq!(kept, 47);
    assert_eq!(index, ParagraphIndex::build(&rope, &scan));
}

/// Edits across chunk boundaries (one that keeps the number of
/// paragraphs, one that splits one, one that joins two, at the first and
/// last paragraph of a chunk and at the ends) give the index built
/// afresh, and a kept version still reads as it did.
#[test]
fn edits_at_chunk_boundaries_match_rebuild() {
    let scan = |t: &str| t.to_string();
    let text = (0..3 * CHUNK + 5)
        .map(|i| format!("Paragraph {i} said: “Ms Ødegård’s”."))
        .collect::<Vec<_>>()
        .join("\r\n\r\n");
    let mut rope = Rope::from_str(&text);
    let mut index = ParagraphIndex::build(&rope, &scan);
    let mut edits = 0;
    for p in [0, CHUNK - 1, CHUNK, 2 * CHUNK - 1, 2 * CHUNK, 3 * CHUNK + 4] {
        for (at_end, insert, remove) in [
            (false, "X", 0),
            (true, "\n\nNew paragraph.", 0),
            (true, "", 4),
            (false, "", 1),
        ] {
            let kept = index.clone();
            let kept_text = rope.to_string();
            let Some(para) = index.paragraphs().get(p) else {
                continue;
            };
            let at = if at_end { para.end() } else { para.start };
            let end = (at + remove).min(rope.len_bytes());
            let before = rope.clone();
            rope.remove(rope.byte_to_char(at)..rope.byte_to_char(end));
            rope.insert(rope.byte_to_char(at), insert);
            index.edit(&before, &rope, at..end, insert.len(), &scan);
            assert_eq!(
                index,
                ParagraphIndex::build(&rope, &scan),
                "edit at paragraph {p}"
            );
            assert_eq!(
                kept,
                ParagraphIndex::build(&Rope::from_str(&kept_text), &scan)
            );
            edits += 1;
        }
    }
    assert_eq!(edits, 24);
    let all = index.paragraphs();
    let tail = all.slice(CHUNK - 2..CHUNK + 2);
    assert_eq!(tail.len(), 4);
    assert_eq!(tail.at(2), all.at(CHUNK));
    assert_eq!(tail.iter().next_back(), all.get(CHUNK + 1));
    assert_eq!(all.iter().nth(CHUNK + 3), all.get(CHUNK + 3));
    assert_eq!(
        all.partition_point(|p| p.start < all.at(CHUNK).start),
        CHUNK
    );
    // Everything deleted, then typed into the empty document.
    let whole = rope.len_bytes();
    let before = rope.clone();
    rope.remove(..);
    index.edit(&before, &rope, 0..whole, 0, &scan);
    assert!(index.paragraphs().is_empty());
    let before = rope.clone();
    rope.insert(0, "Fresh.");
    index.edit(&before, &rope, 0..0, 6, &scan);
    assert_eq!(index, ParagraphIndex::build(&rope, &scan));
}

#[test]
fn a_quote_closed_on_the_next_line_keeps_its_lines_together() {
    // A long line ends its paragraph in plain text, unless it leaves a
    // quote open that the next line closes without opening another.
    let long = "\"I worry that we may see a resurgence of Democrats singing the virtues of balanced budgets as the economy slows.";
    let text = format!("{long}\nDean Baker, Center for Economic and Policy Research.\"\n\nNext.\n");
    assert_eq!(texts(&text).len(), 2, "{:?}", texts(&text));
    // A line that opens a quote of its own starts a paragraph.
    let text = format!("{long}\n\"That is all,\" she said.\n");
    assert_eq!(texts(&text).len(), 2, "{:?}", texts(&text));
    // A line a paragraph: only a source's credit closes the quote above.
    let lines = |t: &str| {
        super::splitter::split(t, crate::text::layout::Layout::Line, false)
            .into_iter()
            .map(|r| t[r].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        lines(&format!(
            "{long}\nDean Baker, Center for Economic and Policy Research.\"\n"
        ))
        .len(),
        1
    );
    assert_eq!(
        lines(&format!("{long}\nAnd we will not forget it.\"\n")).len(),
        2
    );
}
