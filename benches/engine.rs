//! Engine speed: cold analysis throughput on a 1 MB article, and the cost of
//! one keystroke (apply the edit, rescan, article pass, checks) in the middle
//! of a 10 KB and of a 1 MB article, side by side (both with one article's
//! furniture), and of a 1 MB article with furniture all through it.

use criterion::{
    black_box, criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput,
};

use copydesk::analysis::{Article, Language, ParagraphFacts, Scanner};
use copydesk::checks;
use copydesk::config::Config;
use copydesk::text::{offset_to_position, Change, Document, PositionEncoding};

#[path = "corpus.rs"]
mod corpus;

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

/// A generated article and one typed character in the middle of a paragraph
/// in the middle of it.
fn article_and_keystroke(
    size: usize,
    dense: bool,
    scanner: &Scanner,
) -> (Document<ParagraphFacts>, [Change; 1]) {
    let text = corpus::article(size, dense);
    let doc = Document::new(&text, 1, scanner);
    let mid = text[text.len() / 2..]
        .find(" said")
        .map_or(text.len() / 2, |i| text.len() / 2 + i);
    let at = offset_to_position(doc.rope(), mid, PositionEncoding::Utf16);
    let change = [Change {
        range: Some((at, at)),
        text: "x".to_string(),
    }];
    (doc, change)
}

fn keystroke(c: &mut Criterion) {
    let config = Config::default();
    let scanner = Scanner::new(&config);
    let mut group = c.benchmark_group("keystroke");
    for (label, size, dense) in [
        ("10KB", 10 * 1024, false),
        ("1MB", 1024 * 1024, false),
        ("1MB_dense_furniture", 1024 * 1024, true),
    ] {
        let (doc, change) = article_and_keystroke(size, dense, &scanner);
        group.bench_with_input(BenchmarkId::from_parameter(label), &doc, |b, doc| {
            b.iter_batched(
                || doc.clone(),
                |mut doc| {
                    doc.apply_changes(2, &change, PositionEncoding::Utf16, &scanner)
                        .expect("edit");
                    let article = Article::new(doc.index().paragraphs(), Language::PlainText);
                    let findings = checks::run(&article, &config);
                    black_box(findings.len());
                    doc
                },
                BatchSize::SmallInput,
            )
        });
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
        let (doc, change) = article_and_keystroke(size, false, &scanner);
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

criterion_group!(benches, cold, keystroke, edit_only);
criterion_main!(benches);
