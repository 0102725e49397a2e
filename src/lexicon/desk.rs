//! Word lists for desk placeholders (`data/placeholder/`): desk-note
//! keywords and the words around a figure written with X.

crate::word_lists! {
    /// Keywords that make a bracket a desk note wherever they start it (`check`, `tbc`).
    notes_strong = "placeholder/notes_strong.txt";
    /// Keywords that start notes and editorial insertions alike (`name`, `figure`).
    notes_weak = "placeholder/notes_weak.txt";
    /// Words after a weak keyword that make the bracket a note (`of`, `needed`).
    to_come_words = "placeholder/to_come_words.txt";
    /// Units glued to a figure (`m`, `bn`, `%`).
    unit_suffixes = "placeholder/unit_suffixes.txt";
    /// Count and measure words after a figure (`people`, `per`, `miles`).
    figure_next = "placeholder/figure_next.txt";
    /// Words after which a bare `XX` is always a figure (`aged`, `about`).
    figure_cues_strong = "placeholder/figure_cues_strong.txt";
    /// Words after which a bare `XX` is a figure if one could follow (`rose`, `to`).
    figure_cues = "placeholder/figure_cues.txt";
    /// Words that may follow a figure in a clause (`in`, `by`).
    linking_words = "placeholder/linking_words.txt";
    /// Determiners (`the`, `their`).
    determiners = "placeholder/determiners.txt";
    /// Words in -s that are no plural noun (`across`).
    not_plural = "placeholder/not_plural.txt";
}
