//! English words (`data/english_words.txt`): to tell a misspelt name from an
//! ordinary word (`Woman` is not a typo of `Women`), and English copy from
//! copy in another language pasted by mistake.

crate::word_lists! {
    /// Lower-case English words, inflected forms included (SCOWL, size 50).
    english_words = "english_words.txt";
}

/// Whether `w` is an English word in any case (`Board`, `sees`).
pub fn is_english_word(w: &str) -> bool {
    english_words().contains(w)
}

/// What language a paragraph reads in, from its lower-case words
/// (capitalised words are left out: names are rarely in the list).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tongue {
    /// Fewer than three lower-case words: too few to tell.
    #[default]
    Unsure,
    /// At least 40% of them English words (English prose runs at 90% and
    /// more, with names, jargon and an odd foreign phrase).
    English,
    /// Fewer than 40% English (German, French or Russian copy runs well
    /// under a third).
    Other,
}

/// Characters of a script without case taken as one word (Chinese writes
/// no spaces; a Korean word runs two to four syllables).
const UNCASED_CHARS_PER_WORD: u32 = 4;

impl Tongue {
    /// The tongue of one paragraph's text.
    pub fn of(text: &str) -> Self {
        let (mut words, mut english) = (0u32, 0u32);
        for w in text.split(|c: char| !c.is_alphabetic()) {
            let mut chars = w.chars();
            let Some(first) = chars.next() else {
                continue;
            };
            if !first.is_lowercase() && !first.is_uppercase() {
                // A script without case (Korean, Chinese, Arabic, Hindi):
                // never English; a run of ideographs is several words.
                words += 1 + w.chars().count() as u32 / UNCASED_CHARS_PER_WORD;
                continue;
            }
            if !first.is_lowercase() || chars.next().is_none() {
                continue;
            }
            words += 1;
            english += u32::from(is_english_word(w));
        }
        if words < 3 {
            Self::Unsure
        } else if english * 5 < words * 2 {
            Self::Other
        } else {
            Self::English
        }
    }
}

/// How many paragraphs of an article read in English and how many in
/// another language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tongues {
    pub english: usize,
    pub other: usize,
}

impl Tongues {
    /// Counts a paragraph in (`add`) or out.
    pub fn count(&mut self, t: Tongue, add: bool) {
        let slot = match t {
            Tongue::Unsure => return,
            Tongue::English => &mut self.english,
            Tongue::Other => &mut self.other,
        };
        *slot = if add {
            *slot + 1
        } else {
            slot.saturating_sub(1)
        };
    }

    /// Whether the article is not in English: at least two paragraphs read
    /// in another language, and more than read in English.
    pub fn foreign(&self) -> bool {
        self.other >= 2 && self.other > self.english
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_copy_reads_as_english() {
        let en = Tongue::of(
            "The minister said on Tuesday that the talks would go on, and that he \
             expected an agreement before the end of the month, whatever the cost.",
        );
        assert_eq!(en, Tongue::English);
        let de = Tongue::of(
            "Der Minister sagte am Dienstag, die Gespräche würden weitergehen und er \
             erwarte noch vor Ende des Monats eine Einigung, was es auch koste.",
        );
        assert_eq!(de, Tongue::Other);
        let fr = Tongue::of("Le ministre a déclaré mardi que les négociations se poursuivraient.");
        assert_eq!(fr, Tongue::Other);
        let ru = Tongue::of("министр заявил во вторник, что переговоры продолжатся");
        assert_eq!(ru, Tongue::Other);
        assert_eq!(Tongue::of("Kuleba said:"), Tongue::Unsure);
        // Scripts without capitals: Korean, Chinese, Arabic.
        let ko = Tongue::of("서울시의회는 3일 본회의에서 청년 주거 지원 조례를 통과시켰다.");
        assert_eq!(ko, Tongue::Other);
        let zh = Tongue::of("市议会周二以七票对两票通过了关闭三家图书馆的决定。");
        assert_eq!(zh, Tongue::Other);
        let ar = Tongue::of("قال الوزير يوم الثلاثاء إن المحادثات ستستمر");
        assert_eq!(ar, Tongue::Other);
        // An English paragraph quoting a few words of Korean stays English.
        let mixed = Tongue::of(
            "The slogan, 주거는 권리, means that housing is a right, and the council              said it would be printed on every notice about the new rules.",
        );
        assert_eq!(mixed, Tongue::English);
        assert!(is_english_word("Board") && !is_english_word("Kuleba"));
    }
}
