//! The kind of document.

/// The kind of document, which decides what is copy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    PlainText,
    /// Fenced code blocks and front matter are not copy; `#` lines are headings.
    Markdown,
}

impl Language {
    /// From an LSP language id (`plaintext`, `text`, `markdown`); `None` for
    /// documents copydesk does not check.
    pub fn from_language_id(id: &str) -> Option<Self> {
        match id {
            "plaintext" | "text" => Some(Self::PlainText),
            "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }

    /// From a file name: `.md`/`.markdown` is Markdown, anything else text.
    pub fn from_path(path: &std::path::Path) -> Self {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown") => Self::Markdown,
            _ => Self::PlainText,
        }
    }
}
