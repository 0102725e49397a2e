//! The workspace's other articles, for one spelling of a person across a
//! newsroom's stories (issue 17.6): the language server's side of what
//! `check FOLDER` reports between the files of a folder.
//!
//! At start-up the workspace folders (every folder of a multi-root
//! workspace, and those added later) are walked as `check FOLDER` walks
//! them (ignore files honoured, `[files]` globs applied) and each article's
//! people named in full are kept ([`named_people`]), not its text. A file
//! saved in the editor or changed on disk is read again. An open
//! document's analysis compares its own people (as typed) with the other
//! files' (as saved) and reports, where it first names someone, a spelling
//! the other articles or the style book do not use (`name-variant`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::analysis::names::{cross_variants, named_people, same_person, Named};
use crate::analysis::{Article, Scanner};
use crate::cli::input::{self, FileFilter, Source};
use crate::config::Config;
use crate::rules::{self, name_variant, Finding};
use crate::text::Document;

/// At most this many articles of a workspace are read (a folder of a
/// year's stories is compared by `check FOLDER`, not on every keystroke).
pub const MAX_FILES: usize = 2000;

/// Articles larger than this are left out of the comparison.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The workspace's articles as last read: each file's people named in
/// full, indexed by folded given name. Immutable: a change makes a new one.
#[derive(Debug, Default)]
pub struct Workspace {
    /// The workspace folders, as the client named them.
    roots: Vec<PathBuf>,
    /// Each article's path and people.
    files: Vec<(PathBuf, Vec<Named>)>,
    /// Folded given name → (file, person) of everyone with it.
    by_given: HashMap<String, Vec<(usize, usize)>>,
    /// The last answer of [`Workspace::findings`] for each document: the
    /// names it was asked about, the people found spelled otherwise (index
    /// and message) and the style book it was given.
    answers: Mutex<HashMap<PathBuf, Answer>>,
}

/// Names asked about (given name, surname), the answer, the style book.
type Answer = (Vec<(String, String)>, Vec<Spelt>, Vec<String>);

/// One of the people asked about (by index) spelled otherwise across the
/// workspace: the message, and the given name and surname to write.
#[derive(Clone, Debug)]
struct Spelt {
    person: usize,
    message: String,
    given: String,
    surname: String,
}

impl Workspace {
    /// The articles of the folders `roots`, read as `check FOLDER` reads a
    /// folder (an article in two nested folders once). Blocking: walks the
    /// folders and reads every article.
    pub fn scan(roots: &[PathBuf], config: &Config) -> Workspace {
        let found = input::sources(roots, &FileFilter::new(config, false));
        let mut files: Vec<(PathBuf, Vec<Named>)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for source in found.found.into_iter().flatten() {
            if files.len() >= MAX_FILES {
                tracing::info!(
                    folders = roots.len(),
                    "more than {MAX_FILES} articles in the workspace; the rest are not compared"
                );
                break;
            }
            let Some(path) = source.path().map(Path::to_path_buf) else {
                continue;
            };
            if !seen.insert(path.clone()) {
                continue;
            }
            if let Some(people) = read_people(&source, config) {
                files.push((path, people));
            }
        }
        tracing::info!(
            folders = roots.len(),
            articles = files.len(),
            "workspace read for spellings across articles"
        );
        Workspace::of(roots.to_vec(), files)
    }

    fn of(roots: Vec<PathBuf>, files: Vec<(PathBuf, Vec<Named>)>) -> Workspace {
        let mut by_given: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (f, (_, people)) in files.iter().enumerate() {
            for (p, n) in people.iter().enumerate() {
                by_given
                    .entry(n.given_key.clone())
                    .or_default()
                    .push((f, p));
            }
        }
        Workspace {
            roots,
            files,
            by_given,
            answers: Mutex::default(),
        }
    }

    /// The workspace with the files at `paths` read again (added, changed
    /// or gone); `None` when no article's people changed.
    pub fn refreshed(&self, paths: &[PathBuf], config: &Config) -> Option<Workspace> {
        if self.roots.is_empty() {
            return None;
        }
        let mut files = self.files.clone();
        let mut changed = false;
        for path in paths {
            let article = matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "md" | "markdown")
            );
            let Some(root) = self.root_of(path).filter(|_| article) else {
                continue;
            };
            let source = Source::InFolder {
                path: path.clone(),
                folder: root.clone(),
            };
            let people = path
                .is_file()
                .then(|| read_people(&source, config))
                .flatten();
            let at = files.iter().position(|(p, _)| p == path);
            match (at, people) {
                (Some(i), Some(people)) if files[i].1 != people => {
                    files[i].1 = people;
                    changed = true;
                }
                (Some(i), None) => {
                    files.remove(i);
                    changed = true;
                }
                (None, Some(people)) if files.len() < MAX_FILES && !people.is_empty() => {
                    files.push((path.clone(), people));
                    changed = true;
                }
                _ => {}
            }
        }
        changed.then(|| Workspace::of(self.roots.clone(), files))
    }

    /// Whether any folder is read.
    pub fn has_folders(&self) -> bool {
        !self.roots.is_empty()
    }

    /// The workspace folder `path` is in (the innermost of nested ones).
    fn root_of(&self, path: &Path) -> Option<&PathBuf> {
        self.roots
            .iter()
            .filter(|r| path.starts_with(r))
            .max_by_key(|r| r.components().count())
    }

    /// Whether `path` is an article in one of this workspace's folders, with
    /// other articles to compare it with.
    pub fn covers(&self, path: Option<&Path>) -> bool {
        path.is_some_and(|p| {
            self.root_of(p).is_some()
                && (self.files.len() > 1 || self.files.first().is_some_and(|(f, _)| f != p))
        })
    }

    /// The `name-variant` findings of the document at `path`, `article`:
    /// each person it spells otherwise than the other articles (or the
    /// style book), where it first names them in full, with the fix that
    /// respells them throughout the article. The last answer for each
    /// document is kept: a keystroke that changes no one's name (most of
    /// them) only places it again.
    pub fn findings(&self, path: &Path, article: &Article<'_>, config: &Config) -> Vec<Finding> {
        if !rules::enabled(config, &name_variant::INFO) {
            return Vec::new();
        }
        let people = named_people(article);
        let people = &people[..];
        if people.is_empty() {
            return Vec::new();
        }
        let key: Vec<(&str, &str)> = people
            .iter()
            .map(|n| (n.given.as_str(), n.surname.as_str()))
            .collect();
        let mut cache = self.answers.lock().unwrap_or_else(|e| e.into_inner());
        let hit = cache.get(path).filter(|(k, _, style)| {
            k.len() == key.len()
                && k.iter().zip(&key).all(|(a, b)| a.0 == b.0 && a.1 == b.1)
                && *style == config.names.canonical
        });
        let answer = match hit {
            Some((_, answer, _)) => answer.clone(),
            None => {
                let answer = self.compare(path, people, &config.names.canonical);
                let key = key
                    .iter()
                    .map(|(g, s)| (g.to_string(), s.to_string()))
                    .collect();
                cache.insert(
                    path.to_path_buf(),
                    (key, answer.clone(), config.names.canonical.clone()),
                );
                answer
            }
        };
        let severity = rules::severity(config, &name_variant::INFO);
        answer
            .into_iter()
            .filter_map(|s| {
                let at = people.get(s.person)?.at.clone();
                let fixes = name_variant::across_fix(article, &at, &s.given, &s.surname)
                    .into_iter()
                    .collect();
                Some(Finding {
                    code: name_variant::CODE,
                    severity,
                    range: at,
                    message: s.message,
                    fixes,
                })
            })
            .collect()
    }

    /// Which of `people` (by index) the other articles or the style book
    /// spell otherwise, with the message.
    fn compare(&self, path: &Path, people: &[Named], style_book: &[String]) -> Vec<Spelt> {
        // Only the others who can be the same person as someone here (the
        // same given name, the surname alike: `same_person`) are compared.
        let mut others: Vec<(usize, Vec<Named>)> = Vec::new();
        for n in people {
            for &(f, p) in self.by_given.get(&n.given_key).into_iter().flatten() {
                let person = &self.files[f].1[p];
                if self.files[f].0 == path || !same_person(n, person) {
                    continue;
                }
                match others.iter_mut().find(|(g, _)| *g == f) {
                    Some((_, list)) if !list.contains(person) => list.push(person.clone()),
                    Some(_) => {}
                    None => others.push((f, vec![person.clone()])),
                }
            }
        }
        if others.is_empty() {
            return Vec::new();
        }
        let mut articles: Vec<Vec<Named>> = vec![people.to_vec()];
        articles.extend(others.iter().map(|(_, list)| list.clone()));
        cross_variants(&articles, style_book)
            .into_iter()
            .filter(|v| v.article == 0)
            .filter_map(|v| {
                let i = people.iter().position(|n| n.at == v.at)?;
                // (Article 0 is this document; article k is others[k - 1].)
                let shown: Vec<String> = v
                    .others
                    .iter()
                    .filter_map(|&o| others.get(o.checked_sub(1)?))
                    .take(3)
                    .map(|(f, _)| self.shown(&self.files[*f].0))
                    .collect();
                Some(Spelt {
                    person: i,
                    message: v.message(&shown),
                    given: v.canonical_given.clone(),
                    surname: v.canonical_surname.clone(),
                })
            })
            .collect()
    }

    /// A path as the message shows it: inside its workspace folder, and
    /// with several folders, under the folder's name (`foreign/market.txt`).
    fn shown(&self, path: &Path) -> String {
        let Some(root) = self.root_of(path) else {
            return path.display().to_string();
        };
        let inside = path.strip_prefix(root).unwrap_or(path);
        match root.file_name() {
            Some(name) if self.roots.len() > 1 => Path::new(name).join(inside),
            _ => inside.to_path_buf(),
        }
        .display()
        .to_string()
    }
}

/// The people an article on disk names in full; `None` when it cannot be
/// read (logged) or is too large.
fn read_people(source: &Source, config: &Config) -> Option<Vec<Named>> {
    let text = match input::read(source, MAX_FILE_BYTES) {
        Ok(t) => t,
        Err(e) => {
            tracing::debug!("not compared across articles: {e}");
            return None;
        }
    };
    let language = source.language();
    let scanner = Scanner::new(config);
    let document =
        Document::with_paragraphing(&text.text, 0, config.paragraphing(language), &scanner);
    let article = Article::with_style_book(
        document.index().paragraphs(),
        language,
        &config.names.canonical,
    );
    Some(named_people(&article))
}
