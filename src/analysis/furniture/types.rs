//! What furniture is: its kinds, how sure a reading is, the cues a line
//! gives, and how a line reads on its own.

/// What sort of furniture a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoilerplateKind {
    /// `READ MORE:` / `DON'T MISS:` / `MORE ON THIS STORY` and the link lines under it.
    LinkBlock,
    /// A line ending in a link tag such as `[REPORT]`.
    LinkTag,
    CommentPrompt,
    /// `Got a story? Email …`, `Have you been affected? Get in touch`.
    ContactPrompt,
    SharePrompt,
    Newsletter,
    SocialFollow,
    Advertisement,
    PictureCredit,
    /// A picture's caption: by its own label (`Above: …`, `Image caption …`)
    /// or next to a credit.
    Caption,
    /// An embedded post's signature (`— Jane Doe (@jdoe) March 3, 2024`).
    Embed,
    SourceLine,
    ClickHere,
    /// `Published 4 March 2025`, `Updated at 14.32 GMT`: a web page's time stamp.
    Timestamp,
    /// Live-page and site controls, labels and navigation: `Key events`,
    /// `Scroll down for video`, `Skip ad`, `Text size`, section names, tags.
    PageChrome,
    Copyright,
    /// Matched a pattern from the configuration.
    Custom,
}

/// How sure the scanner is that a line is furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Confidence {
    /// Probably furniture: reported, and its removal offered, but not made
    /// by `copydesk fix` or the fix-all action.
    Probable,
    /// Furniture: removed by `copydesk fix` and the fix-all action (where
    /// removal takes no part of a wrapped sentence).
    Certain,
}

/// What a line may be in its place, besides what it is on its own: a bit
/// set, a paragraph fact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Cues(u32);

impl Cues {
    pub const NONE: Cues = Cues(0);
    /// No sentence of body copy: a short line, or one with no sentence end.
    pub const TEXT: Cues = Cues(1);
    /// A short sentence that could be a picture's caption (no quote, no
    /// speech verb). The only cue that is no signal ([`Cues::signal`]).
    pub const CAPTION: Cues = Cues(1 << 1);
    /// At most four words and no sentence.
    pub const SHORT: Cues = Cues(1 << 2);
    /// A section or topic name (`Business`, `World`).
    pub const SECTION: Cues = Cues(1 << 3);
    /// A bare date or time (`November 18, 2019`, `7:00 – 9:30 pm`).
    pub const STAMP: Cues = Cues(1 << 4);
    /// The article's own byline (`By Jane Doe`, `Jane Doe`, `Political correspondent`).
    pub const BYLINE: Cues = Cues(1 << 5);
    /// A picture credit and nothing else: its caption is the line before.
    pub const CREDIT: Cues = Cues(1 << 6);
    /// A short line in capitals (`RANDY ANDY`, `US FALLS`).
    pub const KICKER: Cues = Cues(1 << 7);
    /// A label over a list of tags (`Tags:`, `Related Topics`).
    pub const TAGS: Cues = Cues(1 << 8);
    /// Only a number (`4553`): a share count, a rank, a score.
    pub const NUMBER: Cues = Cues(1 << 9);
    /// A page's button (`Email`, `Print`, `Video`): furniture next to other
    /// furniture or above or below the article, maybe copy on its own.
    pub const BUTTON: Cues = Cues(1 << 10);
    /// A share button (`Facebook`, `Twitter`, `Email`), as [`Cues::BUTTON`].
    pub const SHARE_BUTTON: Cues = Cues(1 << 11);
    /// Shaped like a headline (four words or more, no sentence, not a list
    /// item nor a byline): a link to another story among others like it.
    pub const HEADLINE: Cues = Cues(1 << 12);
    /// An item of a list in the copy (`• `, `- `, `1. `): never a link.
    pub const LIST_ITEM: Cues = Cues(1 << 13);
    /// Ends in a colon (`Here are the highlights:`): what follows is its list.
    /// No signal on its own ([`Cues::signal`]).
    pub const LEAD: Cues = Cues(1 << 14);
    /// A sign-off of the copy (`Additional reporting by…`, `Editing by…`):
    /// copy, never furniture, and no signal.
    pub const SIGN_OFF: Cues = Cues(1 << 15);
    /// Holds a figure (`30 minutes`, `2019`), for the judge of a run of
    /// headlines: rows of a list or a table have one each.
    pub const FIGURE: Cues = Cues(1 << 16);
    /// A short label and a colon before the rest (`Path B: …`, `Volker: …`).
    pub const COLON: Cues = Cues(1 << 17);
    /// Holds a date or a time (`June 19 -- Pavilion, Charlotte`).
    pub const DATED: Cues = Cues(1 << 18);
    /// In title case (`The 11 Biggest Questions About Dark Matter`).
    pub const TITLE: Cues = Cues(1 << 19);
    /// A headline in capitals, of eight words or more or with a quoted word
    /// (`SPICER ELIMINATED FROM 'DANCING WITH THE STARS'`): another story's.
    pub const SHOUTED: Cues = Cues(1 << 20);
    /// Ends in a note in brackets of more than a word (`Catherine Tate (The
    /// Catherine Tate Show, BBC Two)`): a row of a list (a link's tag,
    /// `(VIDEO)`, is one word).
    pub const NOTED: Cues = Cues(1 << 21);
    /// A day and a month alone, with no year (`Tuesday, 1 March`): above the
    /// copy, the date of a fact box over a match or an event (venue, date,
    /// kick-off, referee), which a page's own time stamp never is (a page
    /// dates itself in full).
    pub const DAY: Cues = Cues(1 << 22);

    pub fn has(self, c: Cues) -> bool {
        self.0 & c.0 == c.0 && c.0 != 0
    }

    pub fn any(self, c: Cues) -> bool {
        self.0 & c.0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the line is a signal to the judge: anything but a mere
    /// caption-shaped sentence, a lead-in, a list item, a sign-off or what
    /// a headline holds.
    pub fn signal(self) -> bool {
        const QUIET: u32 = Cues::CAPTION.0
            | Cues::LEAD.0
            | Cues::LIST_ITEM.0
            | Cues::SIGN_OFF.0
            | Cues::FIGURE.0
            | Cues::COLON.0
            | Cues::DATED.0
            | Cues::TITLE.0
            | Cues::NOTED.0
            | Cues::DAY.0;
        self.0 & !QUIET != 0
    }
}

impl std::ops::BitOr for Cues {
    type Output = Cues;
    fn bitor(self, rhs: Cues) -> Cues {
        Cues(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for Cues {
    fn bitor_assign(&mut self, rhs: Cues) {
        self.0 |= rhs.0;
    }
}

/// How one line of a paragraph reads on its own: a paragraph fact. Lines
/// of body copy (a sentence, longer than a caption or with a quote) are not
/// listed. Blocks of furniture are put together from these across
/// paragraphs ([`blocks`](super::blocks)), so a `READ MORE:` heading takes
/// its link lines whether the copy puts them in one paragraph, a line each,
/// or blank lines between.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoilerplateHit {
    /// Line index within the paragraph.
    pub line: usize,
    /// What the line is on its own, if furniture.
    pub class: Option<LineClass>,
    /// Shaped like a line under a link-block heading (a link, or a headline).
    pub link: bool,
    /// What the line may be in its place.
    pub cues: Cues,
    /// How many lines it covers: one, or a hard-wrapped paragraph's all.
    pub span: usize,
}

impl BoilerplateHit {
    /// Whether the judge reads this line for its own sake: furniture, link
    /// shaped, or with a cue other than a caption's shape.
    pub fn is_signal(&self) -> bool {
        self.class.is_some() || self.link || self.cues.signal()
    }
}

/// What a line of furniture is on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineClass {
    /// A link-block heading (`READ MORE:`): takes the link lines after it.
    Heading,
    /// One line of furniture.
    Line(BoilerplateKind, Confidence),
}
