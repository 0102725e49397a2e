//! The configuration file's name, and the limits on what it and the files
//! it governs may hold.

/// The file name looked for at a workspace root.
pub const CONFIG_FILE: &str = "copydesk.toml";

/// Patterns a section may hold: each is run on every line of every article.
pub const MAX_PATTERNS: usize = 100;

/// The most a pattern may take once compiled (the regex crate's
/// `size_limit`; its lazy DFA gets the same `dfa_size_limit`). A hundred
/// patterns at this size stay under about 50 MB; `\w{100}` (Unicode word
/// characters) would take 12 MB on its own.
pub const PATTERN_SIZE_LIMIT: usize = 256 * 1024;

/// The default limit on the size of a file the command line reads, in MiB
/// (`[limits] max_file_mb`).
pub const DEFAULT_MAX_FILE_MB: u64 = 64;

/// The largest configuration file read (a 100,000-name style book is about
/// 3 MB).
pub const MAX_CONFIG_BYTES: u64 = 64 * 1024 * 1024;

/// The highest `max_file_mb` accepted.
pub const MAX_FILE_MB_CEILING: u64 = 4096;
