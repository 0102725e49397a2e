//! Quotes against their sources: indexing a 5 MB transcript, locating one
//! quote in it, and one keystroke in the words of a quote in the middle of
//! a 100 KB article, with the transcript attached and without (the issue's
//! target: within 20%). The transcript is generated: labelled, time-stamped
//! turns of words drawn from the English word list, with the article's own
//! quotes spoken in some of them.

use std::sync::Arc;

use criterion::{black_box, criterion_group, criterion_main, Criterion};

use copydesk::analysis::sources::{SourceFile, SourceSet};
use copydesk::analysis::{Language, ParagraphFacts, Scanner};
use copydesk::checks::Pass;
use copydesk::config::Config;
use copydesk::text::Document;

#[path = "typist.rs"]
mod typist;

use typist::Typist;

#[path = "corpus.rs"]
#[allow(dead_code)] // The keystroke sites other than the quote's.
mod corpus;

/// A transcript of about `bytes` holding `quotes` in its turns.
fn transcript(bytes: usize, quotes: &[String]) -> String {
    let words: Vec<&str> = include_str!("../data/english_words.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    let speakers = [
        "MAYOR DEREK OYELARAN",
        "CLLR PRIYA NAIR",
        "CLLR ZOË FERREIRA-LUND",
        "THE CHAIR",
        "MR TOMASZ WIŚNIEWSKI",
        "DR ANGELA MBEKI",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut out = String::with_capacity(bytes + 1024);
    let mut q = 0;
    let mut second = 0u64;
    while out.len() < bytes {
        second += 17 + next() % 90;
        let who = speakers[(next() % speakers.len() as u64) as usize];
        out.push_str(&format!(
            "[{:02}:{:02}:{:02}] {who}: ",
            second / 3600,
            second / 60 % 60,
            second % 60
        ));
        for _ in 0..2 + next() % 4 {
            let n = 6 + next() % 14;
            for i in 0..n {
                let w = words[(next() % words.len() as u64) as usize];
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(w);
            }
            out.push_str(". ");
        }
        if !quotes.is_empty() && next() % 4 == 0 {
            out.push_str(&quotes[q % quotes.len()]);
            q += 1;
        }
        out.push_str("\n\n");
    }
    out
}

/// The words of every quote of an article, as the scanner keeps them.
fn quotes_of(doc: &Document<ParagraphFacts>) -> Vec<String> {
    let mut out = Vec::new();
    for p in doc.index().paragraphs().iter() {
        out.extend(p.facts.said.iter().map(|s| s.text.to_string()));
    }
    out
}

fn sources(c: &mut Criterion) {
    let config = Config::default();
    let scanner = Scanner::new(&config);
    let article = corpus::article(100 * 1024, false);
    let doc = Document::new(&article, 1, &scanner);
    let quotes = quotes_of(&doc);
    let text = transcript(5 * 1024 * 1024, &quotes);
    let file = Arc::new(SourceFile::new(
        "hearing.txt".into(),
        "hearing.txt".into(),
        text.clone(),
    ));
    let mut group = c.benchmark_group("sources");
    group.sample_size(10);
    group.bench_function("index_5MB_transcript", |b| {
        b.iter(|| {
            let f = SourceFile::new(
                "hearing.txt".into(),
                "hearing.txt".into(),
                black_box(text.clone()),
            );
            black_box(f.word_count())
        })
    });
    let quote = quotes.get(quotes.len() / 2).cloned().unwrap_or_default();
    group.sample_size(50);
    group.bench_function("locate_one_quote_in_5MB", |b| {
        b.iter(|| {
            // A fresh set: nothing remembered.
            let set = SourceSet::new(vec![Arc::clone(&file)]);
            black_box(set.locate(black_box(&quote)).map(|l| l.score))
        })
    });
    let set = Arc::new(SourceSet::new(vec![Arc::clone(&file)]));
    let cold = std::time::Instant::now();
    let pass = Pass::with_sources(
        doc.index().paragraphs(),
        Language::PlainText,
        &config,
        Arc::clone(&set),
    );
    eprintln!(
        "100 KB article, {} quote pieces, checked against 5 MB from cold: {:?} ({} findings)",
        quotes.len(),
        cold.elapsed(),
        pass.findings.len()
    );
    let at = corpus::keystroke_sites(&article).quote;
    for (name, sources) in [
        (
            "keystroke_in_a_quote_100KB_without_sources",
            Arc::new(SourceSet::default()),
        ),
        (
            "keystroke_in_a_quote_100KB_with_5MB_transcript",
            Arc::clone(&set),
        ),
    ] {
        let mut typist = Typist::new(&article, at, &scanner, &config, sources);
        group.bench_function(name, |b| {
            b.iter(|| black_box(typist.keystroke(&scanner, &config)))
        });
    }
    // New words at every insertion (the quote aligned again each time).
    for (name, sources) in [
        (
            "new_words_in_a_quote_100KB_without_sources",
            Arc::new(SourceSet::default()),
        ),
        (
            "new_words_in_a_quote_100KB_with_5MB_transcript",
            Arc::clone(&set),
        ),
    ] {
        let mut typist = Typist::new(&article, at, &scanner, &config, sources);
        typist.fresh = true;
        group.bench_function(name, |b| {
            b.iter(|| black_box(typist.keystroke(&scanner, &config)))
        });
    }
    // By turns, keystroke by keystroke: the machine's drift falls on both.
    let mut without = Typist::new(
        &article,
        at,
        &scanner,
        &config,
        Arc::new(SourceSet::default()),
    );
    let mut with = Typist::new(&article, at, &scanner, &config, Arc::clone(&set));
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..400 {
        let t = std::time::Instant::now();
        black_box(without.keystroke(&scanner, &config));
        a.push(t.elapsed());
        let t = std::time::Instant::now();
        black_box(with.keystroke(&scanner, &config));
        b.push(t.elapsed());
    }
    a.sort();
    b.sort();
    let (ma, mb) = (a[a.len() / 2], b[b.len() / 2]);
    eprintln!(
        "keystroke by turns, medians: without sources {ma:?}, with a 5 MB transcript {mb:?} ({:.2}×)",
        mb.as_secs_f64() / ma.as_secs_f64()
    );
    group.finish();
}

criterion_group!(benches, sources);
criterion_main!(benches);
