//! Engine speed: cold analysis throughput on a 1 MB article, and the cost of
//! one keystroke (apply the edit, rescan, update the article pass, findings
//! ready) in the middle of a 10 KB and of a 1 MB article, side by side (both
//! with one article's furniture), and of a 1 MB article with furniture all
//! through it.

use criterion::{
    black_box, criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput,
};

use std::sync::Arc;

use copydesk::analysis::sources::SourceSet;
use copydesk::analysis::{Language, ParagraphFacts, Scanner};
use copydesk::checks;
use copydesk::config::Config;
use copydesk::text::{offset_to_position, Change, Document, PositionEncoding};

#[path = "corpus.rs"]
mod corpus;
#[path = "typist.rs"]
mod typist;

use typist::Typist;

fn no_sources() -> Arc<SourceSet> {
    Arc::new(SourceSet::default())
}

fn cold(c: &mut Criterion) {
    let config = Config::default();
    let text = corpus::article(1024 * 1024, false);
    let mut group = c.benchmark_group("cold");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("analyse_1MB", |b| {
        b.iter(|| {
            let checked = checks::check_text(black_box(&text), Language::PlainText, &config);
            black_box(checked.findings.len())
        })
    });
    group.finish();
}

/// A generated article and one typed character in it at `at`.
fn article_and_keystroke(
    text: &str,
    at: usize,
    scanner: &Scanner,
) -> (Document<ParagraphFacts>, [Change; 1]) {
    let doc = Document::new(text, 1, scanner);
    let at = offset_to_position(doc.rope(), at, PositionEncoding::Utf16);
    let change = [Change {
        range: Some((at, at)),
        text: "x".to_string(),
    }];
    (doc, change)
}

/// One keystroke (apply the edit → findings ready, the article pass
/// updated) in the middle of a 10 KB and of a 1 MB article: typing in the
/// words of a quote (no fact changes, the common case), in a cue word (a
/// fact changes but no name: the attribution walk resumes around it), at
/// the end of a speaker's long surname (a misspelling of it: the family of
/// that surname is regrouped, the walk resumes), and at the end of a short
/// surname (a new person: everyone else keeps their id, the walk resumes),
/// and at the end of the given name of a first full reference (the person's
/// canonical name changes, and with it the name on all their quotes).
fn keystroke(c: &mut Criterion) {
    let config = Config::default();
    let scanner = Scanner::new(&config);
    let mut group = c.benchmark_group("keystroke");
    group.sample_size(20);
    for (label, size, dense) in [
        ("10KB", 10 * 1024, false),
        ("1MB", 1024 * 1024, false),
        ("1MB_dense_furniture", 1024 * 1024, true),
    ] {
        let text = corpus::article(size, dense);
        let sites = corpus::keystroke_sites(&text);
        for (site, at) in [
            ("in_quote", sites.quote),
            ("in_cue", sites.cue),
            ("in_name", sites.variant),
            ("new_person", sites.new_person),
            ("rename", sites.rename),
        ] {
            let mut typist = Typist::new(&text, at, &scanner, &config, no_sources());
            group.bench_function(BenchmarkId::new(site, label), |b| {
                b.iter(|| black_box(typist.keystroke(&scanner, &config)))
            });
            eprintln!("keystroke/{site}/{label}: reused {:?}", typist.reused);
        }
    }
    group.finish();
}

/// The incremental text layer alone: apply the edit, re-split and rescan the
/// touched paragraphs (their facts: furniture, placeholders, quotes, cues,
/// names), without the article pass.
fn edit_only(c: &mut Criterion) {
    let scanner = Scanner::new(&Config::default());
    let mut group = c.benchmark_group("edit_and_rescan");
    for (label, size) in [("10KB", 10 * 1024), ("1MB", 1024 * 1024)] {
        let text = corpus::article(size, false);
        let (doc, change) =
            article_and_keystroke(&text, corpus::keystroke_sites(&text).quote, &scanner);
        group.bench_with_input(BenchmarkId::from_parameter(label), &doc, |b, doc| {
            b.iter_batched(
                || doc.clone(),
                |mut doc| {
                    doc.apply_changes(2, &change, PositionEncoding::Utf16, &scanner)
                        .expect("edit");
                    doc
                },
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

/// The 1 MB : 10 KB keystroke ratio per site, robust to a shared
/// machine's drift: the two articles are typed into by turns, keystroke by
/// keystroke, and the medians compared (printed, not asserted).
fn keystroke_ratio(_: &mut Criterion) {
    let config = Config::default();
    let scanner = Scanner::new(&config);
    let typists = |size: usize| {
        let text = corpus::article(size, false);
        let sites = corpus::keystroke_sites(&text);
        [
            sites.quote,
            sites.cue,
            sites.variant,
            sites.new_person,
            sites.rename,
        ]
        .map(|at| Typist::new(&text, at, &scanner, &config, no_sources()))
    };
    let (mut small, mut large) = (typists(10 * 1024), typists(1024 * 1024));
    let median = |mut v: Vec<std::time::Duration>| {
        v.sort_unstable();
        v[v.len() / 2]
    };
    for (i, site) in ["in_quote", "in_cue", "in_name", "new_person", "rename"]
        .into_iter()
        .enumerate()
    {
        let rounds = 1000;
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            for (typist, times) in [(&mut small[i], &mut a), (&mut large[i], &mut b)] {
                let t = std::time::Instant::now();
                black_box(typist.keystroke(&scanner, &config));
                times.push(t.elapsed());
            }
        }
        let (a, b) = (median(a), median(b));
        eprintln!(
            "keystroke_ratio/{site}: 10KB median {a:?}, 1MB median {b:?}, ratio {:.2}",
            b.as_secs_f64() / a.as_secs_f64()
        );
    }
}

criterion_group!(benches, cold, keystroke, edit_only, keystroke_ratio);
criterion_main!(benches);
