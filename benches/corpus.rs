//! A generated article of any size, in the shape of wire copy: paragraphs of
//! narrative and quotes, named people, the odd piece of web furniture.

const PARAGRAPHS: &[&str] = &[
    "LONDON (Reuters) - Ukraine’s Foreign Minister Dmytro Kuleba said on Tuesday that talks with European partners had made “real progress” on air defence, as Russian drones struck energy sites overnight.",
    "“We are not asking for favours, we are asking for the tools to defend our cities,” Mr Kuleba told reporters in Brussels. “Every day of delay costs lives.”",
    "Antony Blinken, the US secretary of state, said Washington would announce a new package of support within weeks. He added: “Our commitment has not changed.”",
    "A senior EU official, who asked not to be named, said ministers had agreed in principle to speed up deliveries but that “the details are still being worked out”.",
    "The ministry said in a statement that 14 of 18 drones had been shot down over the Kyiv, Odesa and Kharkiv regions. Ms Zelenska’s charity said it would fund repairs at two hospitals.",
    "Shares in defence groups rose 2.3% in early trading, with analysts at Peel Hunt saying demand would stay strong “for the foreseeable future”.",
    "READ MORE: Kyiv counts the cost of a winter without power\nEurope’s gas storage hits record high [REPORT]",
    "“It’s a question of political will,” said Marta Kos, a former diplomat who now teaches at the Collège d’Europe. “The money is there; the factories are not.”",
    "Follow me on Twitter @desk_reporter",
    "Officials in Warsaw said the next round of talks would be held in March. 🇺🇦 Mr Blinken is expected to attend.",
];

/// Whether a paragraph is web furniture (the ones an article pastes once).
fn is_furniture(p: &str) -> bool {
    p.starts_with("READ MORE") || p.starts_with("Follow me")
}

/// An article of about `bytes` bytes, paragraphs separated by blank lines.
/// Its first 10 KB carry the furniture of one pasted article; the rest is
/// copy, as in a long report or live page. `dense` repeats the furniture
/// all the way through instead (hundreds of findings per megabyte).
pub fn article(bytes: usize, dense: bool) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    out.push_str("Kuleba says talks with Europe made ‘real progress’ on air defence\n\n");
    let mut i = 0;
    while out.len() < bytes {
        let p = PARAGRAPHS[i % PARAGRAPHS.len()];
        i += 1;
        if !dense && out.len() > 10 * 1024 && is_furniture(p) {
            continue;
        }
        out.push_str(p);
        out.push_str("\n\n");
    }
    out
}
