//! A generated article of any size, in the shape of wire copy: stories of
//! narrative and quotes (named, pronoun, role, continuation, anonymous and
//! organisation speakers), hundreds of different people, the odd piece of
//! web furniture.

/// One story: `{A}`/`{B}` are two people's full names, `{a}`/`{b}` the same
/// people by honorific and surname, `{ra}` the first one's role.
const STORY: &[&str] = &[
    "LONDON (Reuters) - {ra} {A} said on Tuesday that talks with European partners had made “real progress” on air defence, as drones struck energy sites overnight.",
    "“We are not asking for favours, we are asking for the tools to defend our cities,” {a} told reporters in Brussels. “Every day of delay costs lives.”",
    "{B}, the deputy finance minister, said the government would announce a new package of support within weeks. She added: “Our commitment has not changed.”",
    "A senior EU official, who asked not to be named, said ministers had agreed in principle to speed up deliveries but that “the details are still being worked out”.",
    "The ministry said in a statement that 14 of 18 drones had been shot down over the Kyiv, Odesa and Kharkiv regions. {b}’s office said it would fund repairs at two hospitals.",
    "Shares in defence groups rose 2.3% in early trading, with analysts at Peel Hunt saying demand would stay strong “for the foreseeable future”.",
    "READ MORE: Kyiv counts the cost of a winter without power\nEurope’s gas storage hits record high [REPORT]",
    "“It’s a question of political will,” the {rb} said. “The money is there; the factories are not.”",
    "Follow me on Twitter @desk_reporter",
    "Officials in Warsaw said the next round of talks would be held in March. 🇺🇦 {a} is expected to attend.",
];

/// Given names (first half men, second half women) and distinct surnames:
/// story `i` names the people `i` and `i + 1` of the cast, so an article of
/// a megabyte names a few hundred people, each several times.
const MEN: &[&str] = &[
    "Dmytro",
    "Antony",
    "Tomasz",
    "Rafael",
    "Kwame",
    "Hiroshi",
    "Lars",
    "Mehmet",
    "Arjun",
    "Pieter",
    "Oleksandr",
    "Gareth",
    "Matteo",
    "Sipho",
    "Javier",
    "Conor",
    "Anders",
    "Yusuf",
    "Pavel",
    "Emeka",
];
const WOMEN: &[&str] = &[
    "Marta",
    "Ingrid",
    "Amara",
    "Sofia",
    "Aiko",
    "Leila",
    "Katarzyna",
    "Nadia",
    "Priya",
    "Fiona",
    "Olena",
    "Lucía",
    "Zanele",
    "Hanna",
    "Chloé",
    "Siobhan",
    "Astrid",
    "Yasmin",
    "Elena",
    "Ngozi",
];
const SURNAMES: &[&str] = &[
    "Kuleba",
    "Blinken",
    "Nowak",
    "Moreira",
    "Mensah",
    "Tanaka",
    "Lindqvist",
    "Demir",
    "Iyer",
    "Verhoeven",
    "Bondarenko",
    "Pritchard",
    "Rinaldi",
    "Dlamini",
    "Castellanos",
    "Gallagher",
    "Holmberg",
    "Haddad",
    "Dvorak",
    "Okonkwo",
    "Kowalczyk",
    "Brennan",
    "Fontaine",
    "Achebe",
    "Yamamoto",
    "Sandoval",
    "Eriksen",
    "Karimi",
    "Chaudhry",
    "Ferreira",
    "Abernethy",
    "Novotny",
    "Mwangi",
    "Lefebvre",
    "Ostrowski",
    "Ruiz",
    "Takahashi",
    "Whitcombe",
    "Asante",
    "Grünewald",
    "Horvath",
    "Quispe",
    "Maguire",
    "Stavros",
    "Nakamura",
    "Oyelaran",
    "Lundgren",
    "Petrescu",
    "Baptiste",
    "Kaminski",
    "Delacroix",
    "Osei",
    "Varga",
    "Ibarra",
    "Hargreaves",
    "Mbeki",
    "Saarinen",
    "Colquhoun",
    "Aguilar",
    "Zielinski",
    "Fitzgerald",
    "Morozova",
    "Tshabalala",
    "Bergström",
    "Carvalho",
    "Duffield",
    "Esposito",
    "Faulkner",
    "Gutiérrez",
    "Holloway",
    "Ivanova",
    "Jankowski",
    "Kettering",
    "Lombardi",
    "Marchetti",
    "Nyström",
    "Okafor",
    "Pemberton",
    "Quintero",
    "Rasmussen",
    "Szabo",
    "Thornbury",
    "Uchenna",
    "Valdés",
    "Wojcik",
    "Xavier",
    "Yilmaz",
    "Zamora",
    "Albrecht",
    "Bianchi",
    "Cardenas",
    "Dobrev",
    "Ekström",
    "Fairweather",
    "Galloway",
    "Hakimi",
    "Illingworth",
    "Jovanović",
    "Kiplagat",
    "Lachance",
    "Mortensen",
    "Nikolaidis",
    "Oduya",
    "Pereira",
    "Rousseau",
    "Sokolov",
    "Trevelyan",
    "Underwood",
    "Vasquez",
    "Weatherall",
    "Yeboah",
    "Zubiri",
    "Ashdown",
    "Bokova",
    "Crespo",
    "Dunleavy",
    "Etxeberria",
    "Fonseca",
    "Gvozdev",
    "Heathcote",
    "Ibekwe",
    "Jaramillo",
    "Kovalenko",
    "Lindgren",
    "Montoya",
    "Njoroge",
    "Ortega",
    "Paxton",
    "Ravensworth",
    "Sheridan",
    "Tomasevic",
    "Uribe",
    "Villanueva",
    "Wakefield",
    "Yoshida",
    "Zelenko",
    "Amundsen",
    "Bazargan",
    "Cosgrove",
    "Dimitrov",
    "Engel",
    "Forsyth",
    "Garrido",
    "Hollis",
    "Ilunga",
    "Jablonski",
    "Kuznetsov",
    "Larkin",
    "Mulroney",
    "Nkemelu",
    "Oberst",
    "Pacheco",
    "Radcliffe",
    "Santoro",
    "Tillman",
    "Ulloa",
    "Vickery",
    "Winterbottom",
    "Yardley",
    "Zaragoza",
    "Abiodun",
    "Brightwell",
    "Cavendish",
    "Dragomir",
    "Esterhuizen",
    "Fairbanks",
    "Gallardo",
    "Hoskins",
    "Ignatiev",
    "Jessop",
    "Kingsley",
    "Lusardi",
    "Molyneux",
    "Nakashima",
    "Ormsby",
    "Pellegrini",
    "Rowntree",
    "Stanwick",
    "Tolhurst",
    "Vukovic",
    "Whitlam",
    "Youngblood",
    "Zawadzki",
    "Ambrose",
    "Blackwood",
    "Chukwu",
    "Dempsey",
    "Everly",
    "Featherstone",
    "Goldberg",
    "Hatherley",
    "Iwuchukwu",
    "Jorgensen",
    "Kerrigan",
    "Lockhart",
    "Maddox",
    "Northcott",
    "Oakes",
    "Prendergast",
];
const ROLES_A: &[&str] = &[
    "Foreign Minister",
    "Defence Secretary",
    "Energy Minister",
    "Trade Commissioner",
];
const ROLES_B: &[&str] = &["deputy finance minister", "minister", "commissioner"];

/// Whether a paragraph is web furniture (the ones an article pastes once).
fn is_furniture(p: &str) -> bool {
    p.starts_with("READ MORE") || p.starts_with("Follow me")
}

/// Person `k` of the cast: full name and honorific + surname (`k` even: a
/// man, odd: a woman).
fn person(k: usize) -> (String, String) {
    let surname = SURNAMES[k % SURNAMES.len()];
    let (given, honorific) = if k % 2 == 0 {
        (MEN[(k / 2) % MEN.len()], "Mr")
    } else {
        (WOMEN[(k / 2) % WOMEN.len()], "Ms")
    };
    (
        format!("{given} {surname}"),
        format!("{honorific} {surname}"),
    )
}

/// An article of about `bytes` bytes, paragraphs separated by blank lines.
/// Its first 10 KB carry the furniture of one pasted article; the rest is
/// copy, as in a long report or live page. `dense` repeats the furniture
/// all the way through instead (hundreds of findings per megabyte).
pub fn article(bytes: usize, dense: bool) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    out.push_str("Kuleba says talks with Europe made ‘real progress’ on air defence\n\n");
    let mut story = 0;
    while out.len() < bytes {
        let (a_full, a_short) = person(2 * story);
        let (b_full, b_short) = person(2 * story + 1);
        for p in STORY {
            if out.len() >= bytes {
                break;
            }
            if !dense && out.len() > 10 * 1024 && is_furniture(p) {
                continue;
            }
            let p = p
                .replace("{ra}", ROLES_A[story % ROLES_A.len()])
                .replace("{rb}", ROLES_B[story % ROLES_B.len()])
                .replace("{A}", &a_full)
                .replace("{B}", &b_full)
                .replace("{a}", &a_short)
                .replace("{b}", &b_short);
            out.push_str(&p);
            out.push_str("\n\n");
        }
        story += 1;
    }
    out
}

/// Where in the middle of an article a keystroke lands ([`keystroke_sites`]).
pub struct Sites {
    /// Inside the words of a quote: no fact changes (the common case).
    pub quote: usize,
    /// At the end of the cue word after a speaker (`toldx reporters`): a cue
    /// changes, no name does.
    pub cue: usize,
    /// At the end of a speaker's long surname (`Mr Lindqvistx`): the name
    /// becomes a misspelling of that surname, so its family of people is
    /// regrouped and everyone reads as before.
    pub variant: usize,
    /// At the end of a speaker's short surname (`Mr Ruizx`): no near
    /// spelling, so a new person appears (everyone else keeps their id).
    pub new_person: usize,
    /// At the end of the given name of a person's first full reference
    /// (`Rafaelx Ruiz said on Tuesday`): a near spelling of it, so the
    /// person's canonical name changes.
    pub rename: usize,
}

/// The keystroke sites of `text`, past its middle.
pub fn keystroke_sites(text: &str) -> Sites {
    let mid = text.len() / 2;
    let quote = text[mid..]
        .find("asking for the tools")
        .map_or(mid, |i| mid + i + "asking for the".len());
    // The end of the first surname before ` told reporters` past the
    // middle whose length (in letters) `fits`.
    let speaker = |fits: &dyn Fn(usize) -> bool| {
        let mut from = mid;
        while let Some(i) = text[from..].find(" told reporters") {
            let at = from + i;
            let word = text[..at].rsplit(' ').next().unwrap_or("");
            if fits(word.chars().count()) {
                return at;
            }
            from = at + 1;
        }
        mid
    };
    let variant = speaker(&|n| n >= 7);
    // The end of the first given name of six letters or more before a
    // surname and ` said on Tuesday` past the middle.
    let rename = {
        let mut from = mid;
        let mut at = mid;
        while let Some(i) = text[from..].find(" said on Tuesday") {
            let end = from + i;
            let mut words = text[..end].rsplit(' ');
            let surname = words.next().unwrap_or("");
            let given = words.next().unwrap_or("");
            if given.chars().count() >= 6 {
                at = end - surname.len() - 1;
                break;
            }
            from = end + 1;
        }
        at
    };
    Sites {
        quote,
        cue: variant + " told".len(),
        variant,
        new_person: speaker(&|n| n <= 4),
        rename,
    }
}
