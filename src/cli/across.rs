//! `check FOLDER`: the articles found in one folder are one newsroom's
//! stories and should spell a person one way (issue 17.6). A person named
//! in full one way in one article and another way in another gets a
//! `name-variant` finding where the odd article first names them.
//!
//! Only files found walking the same folder are compared: files named one
//! by one on the command line are checked one by one.

use std::path::PathBuf;

use super::input::Source;
use super::report::{self, Diagnostic, FileReport};
use crate::analysis::names::{cross_variants, CrossVariant, Named};
use crate::checks::{Checked, Finding};
use crate::config::Config;
use crate::rules::{self, name_variant};

/// What one checked file gives the comparison: the people it names in
/// full, each with where its first full reference sits (placed at once, so
/// the file's text need not be kept).
pub struct Roster {
    folder: Option<PathBuf>,
    path: String,
    uri: String,
    people: Vec<(Named, Diagnostic)>,
}

impl Roster {
    /// The roster of a checked file; an empty one unless it was found in a
    /// folder.
    pub fn new(source: &Source, checked: &Checked, report: &FileReport) -> Roster {
        let folder = match source {
            Source::InFolder { folder, .. } => Some(folder.clone()),
            _ => None,
        };
        let rope = checked.document.rope();
        let people = match folder {
            None => Vec::new(),
            Some(_) => checked
                .named
                .iter()
                .map(|n| (n.clone(), report::place(rope, &placeholder(n))))
                .collect(),
        };
        Roster {
            folder,
            path: report.path.clone(),
            uri: report.uri.clone(),
            people,
        }
    }
}

fn placeholder(n: &Named) -> Finding {
    Finding {
        code: name_variant::CODE,
        severity: name_variant::INFO.severity,
        range: n.at.clone(),
        message: String::new(),
        fixes: Vec::new(),
    }
}

/// The findings between the files of each folder, one report per file
/// that has any, in the order of `rosters`.
pub fn findings(rosters: &[Roster], config: &Config) -> Vec<FileReport> {
    if !rules::enabled(config, &name_variant::INFO) {
        return Vec::new();
    }
    let mut folders: Vec<&PathBuf> = Vec::new();
    for f in rosters.iter().filter_map(|r| r.folder.as_ref()) {
        if !folders.contains(&f) {
            folders.push(f);
        }
    }
    let mut out: Vec<FileReport> = Vec::new();
    for folder in folders {
        let members: Vec<&Roster> = rosters
            .iter()
            .filter(|r| r.folder.as_ref() == Some(folder))
            .collect();
        in_folder(&members, config, &mut out);
    }
    let order = |r: &FileReport| rosters.iter().position(|x| x.path == r.path);
    out.sort_by_key(order);
    out
}

fn in_folder(members: &[&Roster], config: &Config, out: &mut Vec<FileReport>) {
    if members.len() < 2 {
        return;
    }
    let named: Vec<Vec<Named>> = members
        .iter()
        .map(|r| r.people.iter().map(|(n, _)| n.clone()).collect())
        .collect();
    let severity = rules::severity(config, &name_variant::INFO);
    for v in cross_variants(&named, &config.names.canonical) {
        let roster = members[v.article];
        let Some((_, placed)) = roster.people.iter().find(|(n, _)| n.at == v.at) else {
            continue;
        };
        let mut d = placed.clone();
        d.severity = severity;
        d.message = message(&v, members);
        match out.iter_mut().find(|r| r.path == roster.path) {
            Some(r) => r.diagnostics.push(d),
            None => out.push(FileReport {
                path: roster.path.clone(),
                uri: roster.uri.clone(),
                diagnostics: vec![d],
            }),
        }
    }
}

fn message(v: &CrossVariant, members: &[&Roster]) -> String {
    let shown: Vec<String> = v
        .others
        .iter()
        .take(3)
        .map(|&o| members[o].path.clone())
        .collect();
    v.message(&shown)
}
