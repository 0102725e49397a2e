//! The store's promises: an analysis belongs to the open and text it was
//! made for, and edits to a document being scanned wait in order.

use super::*;
use crate::text::LineCol;

fn uri() -> Uri {
    "file:///desk/story.txt".parse().expect("uri")
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

#[test]
fn an_analysis_belongs_to_the_open_and_text_it_was_made_for() {
    runtime().block_on(async {
        let store = Arc::new(Store::new());
        let (_, first) = store.open(uri(), "Share on Facebook\n".into(), 1, Language::PlainText);
        let a = store.analysis(&uri(), None).await.expect("open");
        assert!(store.is_current(&uri(), &a));
        assert_eq!(a.findings.len(), 1);
        store.close(&uri());
        let (_, second) = store.open(uri(), "Copy.\n".into(), 1, Language::PlainText);
        assert_ne!(first, second);
        assert!(!store.is_current(&uri(), &a), "same version, another open");
        assert!(store.analysis(&uri(), Some(first)).await.is_none());
        let b = store.analysis(&uri(), None).await.expect("open");
        assert!(b.findings.is_empty());
    });
}

#[test]
fn edits_to_a_document_being_scanned_wait_in_order() {
    runtime().block_on(async {
        let store = Arc::new(Store::new());
        let text = "The council met on Tuesday.\n\n".repeat(SCAN_INLINE_BYTES / 20);
        let lines = text.matches('\n').count() as u32;
        store.open(uri(), text, 1, Language::PlainText);
        let at = |line| Some((LineCol::new(line, 0), LineCol::new(line, 0)));
        for (version, line, words) in [(2, lines, "Advertisement\n"), (3, 0, "TK\n\n")] {
            let change = Change {
                range: at(line),
                text: words.into(),
            };
            store.change(&uri(), version, vec![change]).expect("queued");
        }
        assert!(
            store.change(&uri(), 3, Vec::new()).is_err(),
            "stale version refused"
        );
        let a = store.analysis(&uri(), None).await.expect("open");
        assert_eq!(a.version(), 3);
        let text = a.document.text();
        assert!(text.starts_with("TK\n\nThe council"));
        assert!(text.ends_with("Tuesday.\n\nAdvertisement\n"));
        assert!(store.is_current(&uri(), &a));
    });
}
