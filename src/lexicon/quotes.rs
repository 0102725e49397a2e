//! Word lists for quotes and their speakers (`data/quotes/`).

crate::word_lists! {
    /// Speech verbs in every form (`said`, `says`, `told`, `tweeted`, …).
    speech_verbs = "quotes/speech_verbs.txt";
    /// Speech verbs whose base form is also a common noun (`note`, `report`).
    noun_bases = "quotes/noun_bases.txt";
    /// Speech verbs whose -s form is also a plural noun (`claims`, `reports`).
    noun_plurals = "quotes/noun_plurals.txt";
    /// Cues that attribute only a quote right after them (`called`, `thanked … for`).
    weak_cues = "quotes/weak_cues.txt";
    /// Verbs of reported speech (`said`, `told`, `warned`).
    reporting_verbs = "quotes/reporting_verbs.txt";
    /// Words opening a clause of time or reason inside a sentence (`when`, `as`).
    time_clause_words = "quotes/time_clause_words.txt";
    /// Degree words before an adjective (`most`, `less`): `the most telling promise`.
    degree_words = "quotes/degree_words.txt";
    /// Nouns for more than one person that are not plurals in -s (`family`, `crowd`).
    group_nouns = "quotes/group_nouns.txt";
    /// Cues of more than one word (`shot back`, `chimed in`).
    phrasal_cues = "quotes/phrasal_cues.txt";
    /// Nouns that head a role (`minister`, `spokesman`, `striker`).
    role_nouns = "quotes/role_nouns.txt";
    /// Nouns that head an anonymous source (`official`, `neighbour`).
    source_nouns = "quotes/source_nouns.txt";
    /// Nouns that head an organisation or a document (`ministry`, `report`).
    org_nouns = "quotes/org_nouns.txt";
    /// Nouns that show a woman (`spokeswoman`) or a man (`spokesman`).
    female_nouns = "quotes/female_nouns.txt";
    male_nouns = "quotes/male_nouns.txt";
    /// Determiners and possessives (`the`, `a`, `their`).
    determiners = "quotes/determiners.txt";
    /// Possessive determiners (`his`, `their`): `his spokesman` is someone else.
    possessives = "quotes/possessives.txt";
    /// Articles (`the`, `a`, `an`).
    articles = "quotes/articles.txt";
    /// Words after a closing mark that are no noun the quote names (`he`, `then`).
    not_after_quoted_name = "quotes/not_after_quoted_name.txt";
    /// Words that carry on the reporter's sentence after a lower-case
    /// quote closing on a comma (`“equal to …,” if they were taxed`).
    run_on_words = "quotes/run_on_words.txt";
    /// Past forms that are also nouns or adjectives (`left`, `set`): a verb
    /// only before an object.
    ambiguous_pasts = "quotes/ambiguous_pasts.txt";
    /// Words that open an object besides determiners (`no`, `him`, `it`).
    object_words = "quotes/object_words.txt";
    /// Time words that end a speaker phrase after a name (`said Nadal afterwards`).
    after_name_stops = "quotes/after_name_stops.txt";
    /// Words that end a role's own words (`for`, `who`): `spokesman for …`.
    role_stops = "quotes/role_stops.txt";
    /// Speech verbs whose next word is the listener (`told`, `asked`).
    listener_verbs = "quotes/listener_verbs.txt";
    /// Verbs whose object is a message's audience (`emailed supporters`).
    audience_verbs = "quotes/audience_verbs.txt";
    /// Nouns that speak through a participle after them though no role or
    /// source: messages and shares of people (`a sign saying`).
    participle_heads = "quotes/participle_heads.txt";
    /// Words after which a participle opens its own clause (`by`, `while`).
    participle_openers = "quotes/participle_openers.txt";
    /// Number words that, after `the`, count people (`the two said`).
    numbers = "quotes/numbers.txt";
    /// Sentence openers after which a name is no subject (`Unlike`, `If`).
    subordinators = "quotes/subordinators.txt";
    /// Words before a name that are not part of it (`Sen.`, `State`).
    name_prefixes = "quotes/name_prefixes.txt";
    /// Words that end a speaker phrase walking back from its verb.
    clause_words = "quotes/clause_words.txt";
    /// Adverbs and auxiliaries between a subject and its verb (`later`, `has`).
    between_subject_and_verb = "quotes/between_subject_and_verb.txt";
    /// Words between a subject and `to` before a speech verb said ahead of
    /// time (`due`, `expected`: `he was due to say`).
    before_to_say = "quotes/before_to_say.txt";
    /// Capitalised sentence openers that are no name (`The`, `Monday`).
    not_names = "quotes/not_names.txt";
    /// Honorifics that are not part of a name (`mr`, `dr`, `cllr`).
    name_honorifics = "quotes/name_honorifics.txt";
    /// Abbreviations whose full stop ends no sentence (`mr`, `u.s`).
    abbreviations = "quotes/abbreviations.txt";
    /// Subjects that take a bare verb form (`they`, `police`).
    plural_subjects = "quotes/plural_subjects.txt";
    /// Numbers and plural determiners before a plural noun (`two`, `their`).
    counting_words = "quotes/counting_words.txt";
    /// Words that end a speaker phrase after its verb (`who`, `on`).
    speaker_stops = "quotes/speaker_stops.txt";
    /// Words after a head noun that start a phrase of their own (`of`, `for`).
    head_breaks = "quotes/head_breaks.txt";
    /// Adjectives and participles after a source or role noun that open
    /// its postmodifier (`people familiar with the matter`).
    post_head_words = "quotes/post_head_words.txt";
    /// Prepositions whose object never chants or speaks (`to`, `outside`).
    place_prepositions = "quotes/place_prepositions.txt";
    /// Words that open an anonymous group (`several`, `many`).
    quantifiers = "quotes/quantifiers.txt";
    /// Auxiliary and modal verbs (`has`, `will`).
    auxiliaries = "quotes/auxiliaries.txt";
    /// Irregular past forms that are no common noun (`thought`, `spent`).
    irregular_pasts = "quotes/irregular_pasts.txt";
    /// Forms of `be` (`was`, `been`): a speech verb after one is passive
    /// or progressive.
    be_forms = "quotes/be_forms.txt";
    /// Words that open an adverbial clause before a subject (`In`, `Speaking`).
    clause_openers = "quotes/clause_openers.txt";
    /// Words after an apostrophe of elision (`’cause`, `’em`).
    elisions = "quotes/elisions.txt";
    /// Short words a title in title case leaves in lower case (`of`, `the`).
    small_words = "quotes/small_words.txt";
    /// Words that put a title in quote marks after them (`entitled`, `single`).
    title_introducers = "quotes/title_introducers.txt";
    /// Nouns whose words a quote right after them can be (`chants of`,
    /// `her comment that`, `his answer,`).
    quoted_nouns = "quotes/quoted_nouns.txt";
    /// Nouns of a speaker's words owned after a quote and `was` (`“…,” was
    /// Mr Marr’s assessment`).
    verdict_nouns = "quotes/verdict_nouns.txt";
    /// Nouns of the reporter's comment on a quote after it (`“…,” a
    /// reference to the strike`).
    remark_nouns = "quotes/remark_nouns.txt";
}

crate::pattern_lists! {
    /// Roles a later reference may give a person by another noun: `head:
    /// role, role, …` (`diplomat: foreign minister, ambassador`).
    role_equivalent_lines = "quotes/role_equivalents.txt";
}

/// The roles a later reference headed by `head` may stand for
/// ([`role_equivalent_lines`]), most likely first: `diplomat` →
/// `foreign minister`, `foreign secretary`, ….
pub fn role_equivalents(head: &str) -> &'static [&'static str] {
    use std::collections::HashMap;
    static MAP: std::sync::LazyLock<HashMap<&'static str, Vec<&'static str>>> =
        std::sync::LazyLock::new(|| {
            role_equivalent_lines()
                .iter()
                .filter_map(|line| {
                    let (head, roles) = line.split_once(':')?;
                    let roles = roles.split(',').map(str::trim).filter(|r| !r.is_empty());
                    Some((head.trim(), roles.collect()))
                })
                .collect()
        });
    MAP.get(head).map_or(&[], Vec::as_slice)
}
