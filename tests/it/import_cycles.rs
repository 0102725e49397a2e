//! No import circle between the files of `src/`: if file A uses an item
//! defined in file B, B must not, through any chain of files, use A.
//! `mod.rs` (or `x.rs` above `x/`) declares its children and holds the
//! entry points that use them; what the children share lives in a leaf
//! they import from by name.
//!
//! The check reads every `src/**/*.rs` (the module tree from `lib.rs` and
//! `main.rs`, following `mod x;` declarations), and for each file the paths
//! it uses: `use` declarations at any depth (grouped `a::{b, c::{d}}`,
//! `self`, `as`, globs) and qualified paths in code (`super::walk::step(…)`,
//! `crate::text::Document`, `walk::step(…)` when `walk` is a module in
//! scope). A path is resolved to the file that defines what it names:
//! through `mod` declarations, inline `mod x { … }` blocks, the items each
//! module defines and the names it imports (so `super::Item`, re-exported by
//! `mod.rs` with `pub use child::Item`, goes to the child that defines it).
//! A glob import (`use super::*;`) or an import of a module itself
//! (`use super::walk;`) depends on that module's file; a path that cannot be
//! followed to its end depends on the last module's file it reached; a path
//! starting with a name of no module or item of this crate is another
//! crate's (`std::`, `serde::`) and ignored. A `mod x;` declaration alone is
//! not a use. Test code (`#[cfg(test)]` items: `mod tests;` files and inline
//! test modules) is left out: it is no engine file, and a test may use
//! anything.
//!
//! It is a reader of tokens, not a compiler: it does not expand macros (a
//! `#[macro_export]` macro counts as defined at the crate root by its file),
//! sees no method call (`x.step()` names no file), takes the last segment
//! of a path in the type namespace first (`mod f; pub use f::f;` is one file
//! either way), and knows no `#[path]` attribute (it fails if it meets one).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    /// `::`
    Sep,
    Punct(char),
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    line: usize,
}

/// The tokens of Rust source with comments, strings, characters, numbers and
/// lifetimes left out: identifiers, `::` and single punctuation.
fn tokens(src: &str) -> Vec<Token> {
    let c: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if ch == '"' {
            i = skip_string(&c, i + 1, &mut line);
        } else if (ch == 'r' || ch == 'b' || ch == 'c') && is_raw_or_prefixed_literal(&c, i) {
            // b"…", c"…", b'…', r"…", r#"…"#, br#"…"#, cr"…".
            let mut k = i + 1;
            if ch != 'r' && at(k) == 'r' {
                k += 1;
            }
            if at(k) == '\'' {
                i = skip_char(&c, k);
            } else if at(k) == '"' && !(ch == 'r' || at(i + 1) == 'r') {
                i = skip_string(&c, k + 1, &mut line);
            } else {
                let mut hashes = 0;
                while at(k) == '#' {
                    hashes += 1;
                    k += 1;
                }
                k += 1; // the opening quote
                'raw: while k < c.len() {
                    if c[k] == '\n' {
                        line += 1;
                    }
                    if c[k] == '"' && (1..=hashes).all(|h| at(k + h) == '#') {
                        k += 1 + hashes;
                        break 'raw;
                    }
                    k += 1;
                }
                i = k;
            }
        } else if ch == 'r' && at(i + 1) == '#' && is_ident_start(at(i + 2)) {
            // A raw identifier, r#type.
            let start = i + 2;
            i = start;
            while i < c.len() && is_ident_char(c[i]) {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Ident(c[start..i].iter().collect()),
                line,
            });
        } else if is_ident_start(ch) {
            let start = i;
            while i < c.len() && is_ident_char(c[i]) {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Ident(c[start..i].iter().collect()),
                line,
            });
        } else if ch.is_ascii_digit() {
            while i < c.len()
                && (is_ident_char(c[i]) || (c[i] == '.' && at(i + 1).is_ascii_digit()))
            {
                i += 1;
            }
        } else if ch == '\'' {
            if at(i + 1) == '\\' || at(i + 2) == '\'' {
                i = skip_char(&c, i);
            } else {
                // A lifetime or a label.
                i += 1;
                while i < c.len() && is_ident_char(c[i]) {
                    i += 1;
                }
            }
        } else if ch == ':' && at(i + 1) == ':' {
            out.push(Token {
                tok: Tok::Sep,
                line,
            });
            i += 2;
        } else {
            out.push(Token {
                tok: Tok::Punct(ch),
                line,
            });
            i += 1;
        }
    }
    out
}

fn is_ident_start(ch: char) -> bool {
    ch == '_' || ch.is_alphabetic()
}

fn is_ident_char(ch: char) -> bool {
    ch == '_' || ch.is_alphanumeric()
}

fn is_raw_or_prefixed_literal(c: &[char], i: usize) -> bool {
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    if i > 0 && is_ident_char(c[i - 1]) {
        return false;
    }
    let mut k = i + 1;
    if c[i] != 'r' && at(k) == 'r' {
        k += 1;
    }
    let raw = c[i] == 'r' || at(i + 1) == 'r';
    match at(k) {
        '"' => true,
        '\'' => c[i] == 'b' && k == i + 1,
        '#' if raw => {
            while at(k) == '#' {
                k += 1;
            }
            at(k) == '"'
        }
        _ => false,
    }
}

/// Past the closing quote of a string whose body starts at `i`.
fn skip_string(c: &[char], mut i: usize, line: &mut usize) -> usize {
    while i < c.len() {
        match c[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            '\n' => {
                *line += 1;
                i += 1
            }
            _ => i += 1,
        }
    }
    i
}

/// Past the closing quote of a character literal opening at `i`.
fn skip_char(c: &[char], mut i: usize) -> usize {
    i += 1;
    while i < c.len() {
        match c[i] {
            '\\' => i += 2,
            '\'' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

type ModId = usize;
type FileId = usize;

#[derive(Default)]
struct Module {
    file: FileId,
    parent: Option<ModId>,
    /// The crate root above it (`lib.rs` or `main.rs`).
    root: ModId,
    /// The folder its `mod x;` children are in.
    dir: PathBuf,
    children: HashMap<String, ModId>,
    /// Items defined here, by name, with the file defining them.
    items: HashMap<String, FileId>,
    /// Names imported here (`use a::b as c;` binds `c` to `a::b`).
    imports: HashMap<String, Vec<String>>,
    globs: Vec<Vec<String>>,
}

/// A path a file uses, with where it is.
struct Use {
    module: ModId,
    line: usize,
    path: Vec<String>,
    glob: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    Module(ModId),
    Item(FileId),
}

struct Crate {
    files: Vec<PathBuf>,
    modules: Vec<Module>,
    uses: Vec<Vec<Use>>,
    lib_root: ModId,
    /// The files of `#[cfg(test)] mod x;`, not read.
    test_files: Vec<PathBuf>,
}

impl Crate {
    fn read(src: &Path) -> Crate {
        let mut krate = Crate {
            files: Vec::new(),
            modules: Vec::new(),
            uses: Vec::new(),
            lib_root: 0,
            test_files: Vec::new(),
        };
        krate.lib_root = krate.load_file(&src.join("lib.rs"), None, None);
        if src.join("main.rs").exists() {
            krate.load_file(&src.join("main.rs"), None, None);
        }
        krate
    }

    fn new_module(&mut self, file: FileId, parent: Option<ModId>, dir: PathBuf) -> ModId {
        let id = self.modules.len();
        let root = parent.map_or(id, |p| self.modules[p].root);
        self.modules.push(Module {
            file,
            parent,
            root,
            dir,
            ..Module::default()
        });
        id
    }

    /// Reads the module file `path` (a child of `parent` called `name`).
    fn load_file(&mut self, path: &Path, parent: Option<ModId>, name: Option<&str>) -> ModId {
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file = self.files.len();
        self.files.push(path.to_path_buf());
        self.uses.push(Vec::new());
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let folder = path.parent().expect("a folder").to_path_buf();
        let dir = if ["lib", "main", "mod"].contains(&stem) {
            folder
        } else {
            folder.join(stem)
        };
        let module = self.new_module(file, parent, dir);
        if let (Some(p), Some(n)) = (parent, name) {
            self.modules[p].children.insert(n.to_string(), module);
        }
        let toks = tokens(&text);
        self.parse(&toks, file, module);
        module
    }

    fn parse(&mut self, t: &[Token], file: FileId, module: ModId) {
        let ident = |k: usize| match t.get(k).map(|x| &x.tok) {
            Some(Tok::Ident(s)) => Some(s.as_str()),
            _ => None,
        };
        let punct = |k: usize, ch: char| matches!(t.get(k).map(|x| &x.tok), Some(Tok::Punct(p)) if *p == ch);
        // One entry per open brace: the module whose body it opens, if any.
        let mut scopes: Vec<Option<ModId>> = Vec::new();
        let mut pending_module: Option<ModId> = None;
        let mut macro_export = false;
        let mut i = 0;
        while i < t.len() {
            let current = scopes.iter().rev().find_map(|s| *s).unwrap_or(module);
            let at_module_level = scopes.last().is_none_or(|s| s.is_some());
            match &t[i].tok {
                Tok::Punct('#') => {
                    // An attribute: skipped, but `#[path]` is refused and
                    // `#[macro_export]` noted.
                    let mut k = i + 1;
                    if punct(k, '!') {
                        k += 1;
                    }
                    if punct(k, '[') {
                        assert!(
                            ident(k + 1) != Some("path"),
                            "{}:{}: #[path] is not followed by this check",
                            self.files[file].display(),
                            t[i].line
                        );
                        if ident(k + 1) == Some("macro_export") {
                            macro_export = true;
                        }
                        let end = matching(t, k, '[', ']');
                        let cfg_test = end == k + 5
                            && ident(k + 1) == Some("cfg")
                            && punct(k + 2, '(')
                            && ident(k + 3) == Some("test")
                            && punct(k + 4, ')');
                        i = end + 1;
                        if cfg_test {
                            // Test code is not an engine file: the item
                            // (a `mod tests;` or `mod tests { … }`) is
                            // left out, and its file with it.
                            if ident(i) == Some("mod")
                                && ident(i + 1).is_some()
                                && punct(i + 2, ';')
                            {
                                let dir = self.modules[current].dir.clone();
                                let name = ident(i + 1).expect("a name");
                                self.test_files.push(dir.join(format!("{name}.rs")));
                                self.test_files.push(dir.join(name).join("mod.rs"));
                            }
                            i = item_end(t, i);
                        }
                        continue;
                    }
                    i += 1;
                }
                Tok::Punct('{') => {
                    macro_export = false;
                    scopes.push(pending_module.take());
                    i += 1;
                }
                Tok::Punct('}') => {
                    scopes.pop();
                    i += 1;
                }
                Tok::Ident(word) if word == "pub" && punct(i + 1, '(') => {
                    // pub(crate), pub(super), pub(in crate::a): not paths.
                    i = matching(t, i + 1, '(', ')') + 1;
                }
                Tok::Ident(word) if word == "use" => {
                    let line = t[i].line;
                    let mut k = i + 1;
                    let mut entries = Vec::new();
                    use_tree(t, &mut k, Vec::new(), &mut entries);
                    for (mut path, mut alias, glob) in entries {
                        if path.last().map(String::as_str) == Some("self") {
                            path.pop();
                        }
                        if path.is_empty() {
                            continue;
                        }
                        if at_module_level {
                            if glob {
                                self.modules[current].globs.push(path.clone());
                            } else {
                                let name = alias
                                    .take()
                                    .unwrap_or_else(|| path.last().cloned().expect("a name"));
                                if name != "_" {
                                    self.modules[current].imports.insert(name, path.clone());
                                }
                            }
                        }
                        self.uses[file].push(Use {
                            module: current,
                            line,
                            path,
                            glob,
                        });
                    }
                    i = k;
                }
                Tok::Ident(word) if word == "mod" && ident(i + 1).is_some() => {
                    let name = ident(i + 1).expect("a name").to_string();
                    if punct(i + 2, ';') {
                        let dir = self.modules[current].dir.clone();
                        let flat = dir.join(format!("{name}.rs"));
                        let path = if flat.exists() {
                            flat
                        } else {
                            dir.join(&name).join("mod.rs")
                        };
                        self.load_file(&path, Some(current), Some(&name));
                        i += 3;
                    } else {
                        let dir = self.modules[current].dir.join(&name);
                        let inline = self.new_module(file, Some(current), dir);
                        self.modules[current].children.insert(name, inline);
                        pending_module = Some(inline);
                        i += 2;
                    }
                }
                Tok::Ident(word)
                    if at_module_level
                        && [
                            "fn", "struct", "enum", "union", "trait", "type", "const", "static",
                        ]
                        .contains(&word.as_str()) =>
                {
                    let mut k = i + 1;
                    if ident(k) == Some("mut") {
                        k += 1;
                    }
                    match ident(k) {
                        Some("fn") | None => {}
                        Some(name) => {
                            self.modules[current].items.insert(name.to_string(), file);
                        }
                    }
                    i += 1;
                }
                Tok::Ident(word) if word == "macro_rules" && punct(i + 1, '!') => {
                    if let Some(name) = ident(i + 2) {
                        let home = if macro_export {
                            self.modules[current].root
                        } else {
                            current
                        };
                        self.modules[home].items.insert(name.to_string(), file);
                    }
                    macro_export = false;
                    i += 3;
                }
                Tok::Ident(first) if matches!(t.get(i + 1).map(|x| &x.tok), Some(Tok::Sep)) => {
                    // A qualified path in code: `a::b::c`, not preceded by
                    // `::` or `.` (a method's turbofish).
                    let after_dot_or_sep =
                        i > 0 && matches!(t[i - 1].tok, Tok::Sep | Tok::Punct('.'));
                    let dollar = i > 0 && matches!(t[i - 1].tok, Tok::Punct('$'));
                    let mut path = vec![first.clone()];
                    let mut k = i + 1;
                    while matches!(t.get(k).map(|x| &x.tok), Some(Tok::Sep)) {
                        match ident(k + 1) {
                            Some(s) => {
                                path.push(s.to_string());
                                k += 2;
                            }
                            None => break,
                        }
                    }
                    if !after_dot_or_sep && (path.len() > 1 || dollar) {
                        if dollar && path[0] == "crate" {
                            path[0] = "$crate".to_string();
                        }
                        self.uses[file].push(Use {
                            module: current,
                            line: t[i].line,
                            path,
                            glob: false,
                        });
                    }
                    i = k;
                }
                _ => {
                    if punct(i, ';') {
                        macro_export = false;
                    }
                    i += 1;
                }
            }
        }
    }

    fn file_of(&self, target: Target) -> FileId {
        match target {
            Target::Module(m) => self.modules[m].file,
            Target::Item(f) => f,
        }
    }

    /// What `name` means in module `m`: a child module, an item, an import
    /// (followed) or a name a glob brings.
    fn lookup(&self, m: ModId, name: &str, seen: &mut HashSet<(ModId, String)>) -> Option<Target> {
        if !seen.insert((m, name.to_string())) {
            return None;
        }
        let module = &self.modules[m];
        if let Some(&child) = module.children.get(name) {
            return Some(Target::Module(child));
        }
        if let Some(&file) = module.items.get(name) {
            return Some(Target::Item(file));
        }
        if let Some(path) = module.imports.get(name) {
            return match self.resolve(m, path, seen) {
                Resolved::Found(t) => Some(t),
                Resolved::Partly(reached) => Some(Target::Module(reached)),
                Resolved::Foreign => None,
            };
        }
        for glob in &module.globs {
            if let Resolved::Found(Target::Module(g)) = self.resolve(m, glob, seen) {
                if let Some(t) = self.lookup(g, name, seen) {
                    return Some(t);
                }
            }
        }
        None
    }

    fn resolve(
        &self,
        from: ModId,
        path: &[String],
        seen: &mut HashSet<(ModId, String)>,
    ) -> Resolved {
        let mut segs = path.iter().map(String::as_str);
        let first = segs.next().expect("a path");
        let mut at = match first {
            "crate" => self.modules[from].root,
            "$crate" => self.lib_root,
            "copydesk" if self.modules[from].root != self.lib_root => self.lib_root,
            "self" => from,
            "super" => match self.modules[from].parent {
                Some(p) => p,
                None => return Resolved::Foreign,
            },
            "Self" => return Resolved::Foreign,
            name => match self.lookup(from, name, seen) {
                Some(Target::Module(m)) => m,
                Some(item) => return Resolved::Found(item),
                None => return Resolved::Foreign,
            },
        };
        for seg in segs {
            if seg == "super" {
                match self.modules[at].parent {
                    Some(p) => at = p,
                    None => return Resolved::Partly(at),
                }
                continue;
            }
            if seg == "self" {
                continue;
            }
            match self.lookup(at, seg, seen) {
                Some(Target::Module(m)) => at = m,
                Some(item) => return Resolved::Found(item),
                None => return Resolved::Partly(at),
            }
        }
        Resolved::Found(Target::Module(at))
    }

    /// The file graph: for each file, the files it uses, with the first
    /// place it does (line and path) for the report.
    fn graph(&self) -> Vec<BTreeMap<FileId, (usize, String)>> {
        let mut graph = vec![BTreeMap::new(); self.files.len()];
        for (file, uses) in self.uses.iter().enumerate() {
            for u in uses {
                let target = match self.resolve(u.module, &u.path, &mut HashSet::new()) {
                    Resolved::Found(t) => self.file_of(t),
                    Resolved::Partly(m) => self.modules[m].file,
                    Resolved::Foreign => continue,
                };
                if target != file {
                    let text = u.path.join("::") + if u.glob { "::*" } else { "" };
                    graph[file].entry(target).or_insert((u.line, text));
                }
            }
        }
        graph
    }
}

enum Resolved {
    Found(Target),
    /// Followed as far as this module, then a name it does not know.
    Partly(ModId),
    /// Another crate's path.
    Foreign,
}

/// Past the end of the item starting at `i`: its `;`, or the brace
/// closing its body.
fn item_end(t: &[Token], mut i: usize) -> usize {
    let mut depth = 0;
    while i < t.len() {
        match t[i].tok {
            Tok::Punct('(' | '[') => depth += 1,
            Tok::Punct(')' | ']') => depth -= 1,
            Tok::Punct(';') if depth == 0 => return i + 1,
            Tok::Punct('{') if depth == 0 => return matching(t, i, '{', '}') + 1,
            _ => {}
        }
        i += 1;
    }
    i
}

/// The index of the bracket closing the one at `open`.
fn matching(t: &[Token], open: usize, l: char, r: char) -> usize {
    let mut depth = 0;
    for (k, tok) in t.iter().enumerate().skip(open) {
        match tok.tok {
            Tok::Punct(c) if c == l => depth += 1,
            Tok::Punct(c) if c == r => {
                depth -= 1;
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    t.len()
}

/// A use tree from `*k` (after `use`, or inside braces) up to its `;`, `,`
/// or `}`: each leaf as (path, alias, is a glob).
fn use_tree(
    t: &[Token],
    k: &mut usize,
    prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, Option<String>, bool)>,
) {
    let mut path = prefix;
    loop {
        match t.get(*k).map(|x| &x.tok) {
            Some(Tok::Sep) => *k += 1,
            Some(Tok::Punct('$')) => *k += 1, // $crate in a macro
            Some(Tok::Punct('*')) => {
                *k += 1;
                out.push((path, None, true));
                break;
            }
            Some(Tok::Punct('{')) => {
                *k += 1;
                loop {
                    match t.get(*k).map(|x| &x.tok) {
                        Some(Tok::Punct('}')) => {
                            *k += 1;
                            break;
                        }
                        Some(Tok::Punct(',')) => *k += 1,
                        None => break,
                        _ => use_tree(t, k, path.clone(), out),
                    }
                }
                break;
            }
            Some(Tok::Ident(s)) => {
                let dollar = *k > 0 && matches!(t[*k - 1].tok, Tok::Punct('$'));
                path.push(if dollar && s == "crate" {
                    "$crate".to_string()
                } else {
                    s.clone()
                });
                *k += 1;
                if !matches!(t.get(*k).map(|x| &x.tok), Some(Tok::Sep)) {
                    let mut alias = None;
                    if matches!(t.get(*k).map(|x| &x.tok), Some(Tok::Ident(a)) if a == "as") {
                        if let Some(Tok::Ident(a)) = t.get(*k + 1).map(|x| &x.tok) {
                            alias = Some(a.clone());
                        }
                        *k += 2;
                    }
                    out.push((path, alias, false));
                    break;
                }
            }
            _ => break,
        }
    }
    // Past the end of a top-level use.
    if matches!(t.get(*k).map(|x| &x.tok), Some(Tok::Punct(';'))) {
        *k += 1;
    }
}

/// The import circles: each strongly connected set of more than one file,
/// shown as one circle through it with where each step is.
fn cycles(krate: &Crate) -> Vec<String> {
    let graph = krate.graph();
    let n = graph.len();
    // Tarjan's strongly connected components.
    struct Tarjan<'g> {
        graph: &'g [BTreeMap<FileId, (usize, String)>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        on_stack: Vec<bool>,
        stack: Vec<FileId>,
        next: usize,
        components: Vec<Vec<FileId>>,
    }
    impl Tarjan<'_> {
        fn visit(&mut self, v: FileId) {
            self.index[v] = Some(self.next);
            self.low[v] = self.next;
            self.next += 1;
            self.stack.push(v);
            self.on_stack[v] = true;
            for &w in self.graph[v].keys() {
                match self.index[w] {
                    None => {
                        self.visit(w);
                        self.low[v] = self.low[v].min(self.low[w]);
                    }
                    Some(iw) if self.on_stack[w] => self.low[v] = self.low[v].min(iw),
                    _ => {}
                }
            }
            if Some(self.low[v]) == self.index[v] {
                let mut component = Vec::new();
                loop {
                    let w = self.stack.pop().expect("on the stack");
                    self.on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                self.components.push(component);
            }
        }
    }
    let mut tarjan = Tarjan {
        graph: &graph,
        index: vec![None; n],
        low: vec![0; n],
        on_stack: vec![false; n],
        stack: Vec::new(),
        next: 0,
        components: Vec::new(),
    };
    for v in 0..n {
        if tarjan.index[v].is_none() {
            tarjan.visit(v);
        }
    }
    let name = |f: FileId| krate.files[f].display().to_string();
    let mut report = Vec::new();
    for component in tarjan.components.iter().filter(|c| c.len() > 1) {
        let members: BTreeSet<FileId> = component.iter().copied().collect();
        let start = *members.iter().min_by_key(|&&f| name(f)).expect("a file");
        // The shortest way from `start` back to itself inside the set.
        let mut came_from: HashMap<FileId, FileId> = HashMap::new();
        let mut queue = VecDeque::from([start]);
        let mut last = None;
        'search: while let Some(v) = queue.pop_front() {
            for &w in graph[v].keys() {
                if !members.contains(&w) {
                    continue;
                }
                if w == start {
                    last = Some(v);
                    break 'search;
                }
                if let std::collections::hash_map::Entry::Vacant(e) = came_from.entry(w) {
                    e.insert(v);
                    queue.push_back(w);
                }
            }
        }
        let mut circle = vec![start];
        let mut v = last.expect("a circle");
        while v != start {
            circle.push(v);
            v = came_from[&v];
        }
        circle[1..].reverse();
        circle.push(start);
        let mut text = format!(
            "{} files import each other: {}\n",
            members.len(),
            members
                .iter()
                .map(|&f| name(f))
                .collect::<Vec<_>>()
                .join(", ")
        );
        for pair in circle.windows(2) {
            let (line, path) = &graph[pair[0]][&pair[1]];
            text += &format!(
                "  {}:{line} uses `{path}` → {}\n",
                name(pair[0]),
                name(pair[1])
            );
        }
        report.push(text);
    }
    report.sort();
    report
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// What a check of the crate in `src` finds: the `.rs` files under it that
/// are not in its module tree, and the import circles, paths shown from
/// `src`'s parent.
fn check(src: &Path) -> (Vec<String>, Vec<String>) {
    let krate = Crate::read(src);
    let mut all = Vec::new();
    rust_files(src, &mut all);
    let read: BTreeSet<&PathBuf> = krate.files.iter().chain(&krate.test_files).collect();
    let base = format!("{}/", src.parent().expect("a parent").display());
    let unread = all
        .iter()
        .filter(|f| !read.contains(f))
        .map(|f| f.display().to_string().replace(&base, ""))
        .collect();
    let circles = cycles(&krate)
        .iter()
        .map(|r| r.replace(&base, ""))
        .collect();
    (unread, circles)
}

#[test]
fn no_import_cycles_between_source_files() {
    let (unread, circles) = check(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(
        unread.is_empty(),
        "files outside the module tree: {unread:?}"
    );
    assert!(
        circles.is_empty(),
        "{} import circles between files of src/:\n{}",
        circles.len(),
        circles.join("\n")
    );
}

/// The check itself, on small crates written for it.
#[test]
fn the_check_finds_a_circle_through_a_parent_and_not_through_a_leaf() {
    let crate_of = |files: &[(&str, &str)]| {
        let dir = tempfile::tempdir().expect("a folder");
        for (path, text) in files {
            let path = dir.path().join("src").join(path);
            fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
            fs::write(path, text).expect("written");
        }
        let found = check(&dir.path().join("src"));
        (dir, found)
    };
    // A child takes a type from its parent, which uses the child: a circle,
    // through a grouped import and a glob.
    let (_dir, (unread, circles)) = crate_of(&[
        (
            "lib.rs",
            "pub mod a;\npub struct Shared;\npub fn top() { a::b::run(); }\n",
        ),
        ("a/mod.rs", "pub mod b;\n#[cfg(test)]\nmod tests;\n"),
        (
            "a/b.rs",
            "use crate::{Shared as S, a::*};\npub fn run() -> Option<S> { None }\n",
        ),
        ("a/tests.rs", "use super::*;\n"),
        ("stray.rs", "fn f() {}\n"),
    ]);
    assert_eq!(unread, ["src/stray.rs"]);
    assert_eq!(circles.len(), 1, "{circles:?}");
    assert!(
        circles[0].contains("src/a/b.rs:1 uses `crate::Shared`"),
        "{circles:?}"
    );
    assert!(
        circles[0].contains("src/lib.rs:3 uses `a::b::run`"),
        "{circles:?}"
    );
    // The type in a leaf that both import, re-exported by the parent: the
    // child's `super::Shared` goes to the leaf, and there is no circle. A
    // path named in a comment or a string is no use.
    let (_dir, (_, circles)) = crate_of(&[
        (
            "lib.rs",
            "mod a;\nmod shared;\npub use shared::Shared;\npub fn top() { a::run(); }\n",
        ),
        ("shared.rs", "pub struct Shared;\n"),
        (
            "a.rs",
            "use super::Shared; // not crate::top\nconst S: &str = \"crate::top\";\npub fn run() -> Option<Shared> { None }\n",
        ),
    ]);
    assert!(circles.is_empty(), "{circles:?}");
}
