//! Word and pattern lists for web furniture (`data/furniture/`, whose
//! README says which file is which sort).

crate::word_lists! {
    /// Share-button labels (`Facebook`, `WhatsApp`, `Email`).
    share_networks = "furniture/share_networks.txt";
    /// Agencies and picture libraries (`Getty`, `PA`, `Reuters`).
    agencies = "furniture/agencies.txt";
    /// Words that go with an agency in a credit line (`Images`, `Wire`).
    credit_words = "furniture/credit_words.txt";
    /// Bracketed tags that are desk notes, not link tags (`[CHECK]`).
    desk_tags = "furniture/desk_tags.txt";
    /// Link tags after or before a headline (`[VIDEO]`, `[PICS]`).
    link_tags = "furniture/link_tags.txt";
    /// Words a wrapped body line ends on and a headline does not.
    trailing_words = "furniture/trailing_words.txt";
    /// Words that make `Sign up …` a newsletter promotion.
    newsletter_words = "furniture/newsletter_words.txt";
    /// Words that report speech, so a prompt-shaped line is copy (`said`).
    speech_cues = "furniture/speech_cues.txt";
    /// Whole-line section and topic names (`Business`, `World`).
    sections = "furniture/sections.txt";
    /// Words a body sentence starts with and a caption rarely does (`But`, `He`).
    body_openers = "furniture/body_openers.txt";
    /// Month names in other languages, for time stamps (`octubre`, `maret`).
    months_other = "furniture/months_other.txt";
    /// Words of a time stamp line (`published`, `updated`, `mis à jour`).
    stamp_words = "furniture/stamp_words.txt";
    /// Words a time stamp line may carry without being copy (`on`, `at`, `ago`).
    stamp_fillers = "furniture/stamp_fillers.txt";
    /// Lower-case words inside a name or an organisation (`de`, `of`, `via`).
    name_joiners = "furniture/name_joiners.txt";
    /// Words of a byline's role line (`correspondent`, `writer`).
    byline_roles = "furniture/byline_roles.txt";
    /// Words that make `© …` a copyright footer.
    copyright_owners = "furniture/copyright_owners.txt";
}

crate::pattern_lists! {
    /// The gate: a first word, then the checks it calls for.
    first_words = "furniture/first_words.txt";
    /// Link-block headings (`read more`, `most read(?: in [a-z]+)?`).
    headings = "furniture/headings.txt";
    /// Headings only with a separator and a link after them (`related`).
    headings_weak = "furniture/headings_weak.txt";
    /// Comment prompts at the start of a line.
    comment_patterns = "furniture/comment_patterns.txt";
    /// Whole-line comment widget labels.
    comment_labels = "furniture/comment_labels.txt";
    /// Calls for readers' stories and contact lines.
    contact_patterns = "furniture/contact_patterns.txt";
    /// Share prompts.
    share_patterns = "furniture/share_patterns.txt";
    /// What a newsletter promotion starts with.
    newsletter_patterns = "furniture/newsletter_patterns.txt";
    /// Social networks a follow line names.
    social_networks = "furniture/social_networks.txt";
    /// Advertisement markers.
    advert_patterns = "furniture/advert_patterns.txt";
    /// Labels that start a picture credit (`picture`, `photo credit`).
    credit_labels = "furniture/credit_labels.txt";
    /// Credits at the end of a caption.
    credit_tail_patterns = "furniture/credit_tail_patterns.txt";
    /// Web address endings (`co\.uk`).
    tlds = "furniture/tlds.txt";
    /// Page controls and app promotions.
    chrome_patterns = "furniture/chrome_patterns.txt";
    /// Whole-line labels by kind (`[share]`, `[chrome]`, …), as written.
    labels = "furniture/labels.txt";
    /// Promotions, disclosures and legal lines by kind (`[newsletter]`, …).
    promo_patterns = "furniture/promo_patterns.txt";
    /// What an author box's heading starts with (`about`, `sobre`).
    author_box = "furniture/author_box.txt";
    /// Reading-time labels (`2 min read`).
    reading_time = "furniture/reading_time.txt";
    /// Whole-line picture credits (`Credit...Jane Doe`, `Submitted photo`).
    credit_only_patterns = "furniture/credit_only_patterns.txt";
    /// A caption's own label (`Above:`, `FILE PHOTO:`, `Image caption`).
    caption_openers = "furniture/caption_openers.txt";
    /// Agencies and picture desks named in credits (`getty images`).
    agency_names = "furniture/agency_names.txt";
    /// Verbs a follow line starts with (`follow`, `connect with`).
    follow_verbs = "furniture/follow_verbs.txt";
    /// What a `… here` line starts with (`read`, `find out more`).
    here_verbs = "furniture/here_verbs.txt";
    /// Sign-offs that are copy (`Additional reporting by …`).
    sign_off_patterns = "furniture/sign_off_patterns.txt";
}
