//! Word lists for quotes and their speakers.

crate::word_lists! {
    /// Speech verbs in every form (`said`, `says`, `told`, `tweeted`, …).
    speech_verbs = "speech_verbs.txt";
}
