//! No import circle among `crates/studio`'s modules.
//!
//! The test reads `src/**/*.rs` and draws an edge from a module to every other module it names
//! through `crate::…` (a `use` or a path in code; `crate::{a, b}` groups too). A name that
//! `lib.rs` re-exports (`crate::Studio`) counts as the module it comes from.
//!
//! What a node is:
//! - a file `src/x.rs` is the node `x`;
//! - a folder `src/x/` is one node `x`, whatever its files. The service layer
//!   (`src/service/`) is one object, [`Studio`], whose `impl` blocks are split by the shell's
//!   command groups; its files call each other through `self`, which no `use` shows, so an
//!   edge between two of them would say nothing. What matters is the edge into the service
//!   from anything else: a store or a domain module naming `Studio` (or the session's service
//!   side) makes a circle with the service, and that is what this test catches.
//! - `lib.rs` is no node (it declares the modules and re-exports their names); neither is a
//!   module `lib.rs` declares under `#[cfg(test)]` (`test_support`, fixtures for unit tests).
//!   Unit-test modules (`#[cfg(test)] mod … { … }`) are left out: test code may reach across.
//!
//! On a circle the test fails naming each one, module by module, with the file and the name
//! that makes each step.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};

/// Where each edge comes from: (from, to) → one `file: crate::name` that makes it.
type Edges = BTreeMap<(String, String), String>;

#[test]
fn no_module_of_the_studio_crate_imports_itself_through_others() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = module_edges(&src);
    assert!(
        edges.len() > 20,
        "the scan found only {} edges between modules: it reads nothing",
        edges.len()
    );
    let circles = circles(&edges);
    let said: Vec<String> = circles.iter().map(|c| describe(c, &edges)).collect();
    assert!(
        said.is_empty(),
        "crates/studio has {} import circle(s):\n\n{}",
        said.len(),
        said.join("\n\n")
    );
}

#[test]
fn a_store_naming_the_service_is_a_circle() {
    let mut edges = Edges::new();
    for (from, to) in [
        ("service", "history"),
        ("history", "service"),
        ("service", "draft"),
    ] {
        edges.insert((from.into(), to.into()), format!("{from}.rs"));
    }
    let found = circles(&edges);
    assert_eq!(found, [vec!["history".to_owned(), "service".to_owned()]]);
    assert!(describe(&found[0], &edges).contains("history → service → history"));
}

#[test]
fn references_are_read_from_uses_groups_paths_and_re_exports() {
    let re_exports: BTreeMap<String, String> = [("Studio".to_owned(), "service".to_owned())].into();
    let modules: BTreeSet<String> = ["draft", "error", "service", "history"]
        .map(String::from)
        .into();
    let code = "use crate::draft::TrainingDraft;\n\
                use crate::{error::Result, Studio};\n\
                // crate::history is only named in a comment\n\
                fn f() { crate::history::keep(); }\n\
                #[cfg(test)]\nmod tests {\n    use crate::service::x;\n}\n";
    let named = named_modules(code, &modules, &re_exports);
    let named: Vec<&str> = named.keys().map(String::as_str).collect();
    assert_eq!(named, ["draft", "error", "history", "service"]);
}

/// Every edge between the crate's modules.
fn module_edges(src: &Path) -> Edges {
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    let test_only = test_only_modules(&lib);
    let re_exports = re_exports(&lib);
    let files: Vec<(String, PathBuf)> = rust_files(src)
        .into_iter()
        .filter_map(|path| Some((node_of(src, &path)?, path)))
        .filter(|(node, _)| !test_only.contains(node))
        .collect();
    let modules: BTreeSet<String> = files.iter().map(|(n, _)| n.clone()).collect();
    let mut edges = Edges::new();
    for (node, path) in &files {
        let code = fs::read_to_string(path).unwrap();
        let file = path.strip_prefix(src).unwrap().display().to_string();
        for (target, name) in named_modules(&code, &modules, &re_exports) {
            if &target != node {
                edges
                    .entry((node.clone(), target))
                    .or_insert_with(|| format!("{file}: crate::{name}"));
            }
        }
    }
    edges
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// `x.rs` and everything under `x/` is node `x`; `lib.rs` is none.
fn node_of(src: &Path, path: &Path) -> Option<String> {
    let first = path.strip_prefix(src).ok()?.components().next()?;
    let first = first.as_os_str().to_str()?;
    let node = first.strip_suffix(".rs").unwrap_or(first);
    (node != "lib").then(|| node.to_owned())
}

/// Modules `lib.rs` declares only for tests.
fn test_only_modules(lib: &str) -> BTreeSet<String> {
    let lines: Vec<&str> = lib.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter(|w| w[0] == "#[cfg(test)]")
        .filter_map(|w| {
            let rest = w[1].strip_prefix("pub ").unwrap_or(w[1]);
            Some(rest.strip_prefix("mod ")?.trim_end_matches(';').to_owned())
        })
        .collect()
}

/// Name → module for every `pub use module::…` in `lib.rs`.
fn re_exports(lib: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for line in lib.lines().map(str::trim) {
        let Some(path) = line.strip_prefix("pub use ") else {
            continue;
        };
        let path = path.trim_end_matches(';');
        let Some((module, rest)) = path.split_once("::") else {
            continue;
        };
        let names = rest.rsplit("::").next().unwrap_or(rest);
        let names = names.trim_start_matches('{').trim_end_matches('}');
        for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let name = name.rsplit(" as ").next().unwrap_or(name);
            map.insert(name.to_owned(), module.to_owned());
        }
    }
    map
}

/// The modules `code` names through `crate::`, each with the name that names it; comments and
/// `#[cfg(test)]` items are left out.
fn named_modules(
    code: &str,
    modules: &BTreeSet<String>,
    re_exports: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let code = without_tests(&without_comments(code));
    let mut named = BTreeMap::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `$crate::` or a longer word
        }
        let heads: Vec<String> = match rest.strip_prefix('{') {
            Some(group) => {
                let end = matching_brace(group);
                split_top_level(&group[..end])
                    .into_iter()
                    .map(|item| ident_at(item.trim()))
                    .collect()
            }
            None => vec![ident_at(rest)],
        };
        for head in heads.into_iter().filter(|h| !h.is_empty()) {
            let module = if modules.contains(&head) {
                Some(head.clone())
            } else {
                re_exports.get(&head).cloned()
            };
            if let Some(module) = module {
                named.entry(module).or_insert(head);
            }
        }
    }
    named
}

fn ident_at(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Where the brace that closes a group opened just before `s` is.
fn matching_brace(s: &str) -> usize {
    let mut depth = 1;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

/// `a::{b, c}, d` → [`a::{b, c}`, `d`].
fn split_top_level(s: &str) -> Vec<&str> {
    let (mut items, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&s[start..]);
    items
}

fn without_comments(code: &str) -> String {
    code.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Drops every item marked `#[cfg(test)]`: to the end of its braces, or of its line.
fn without_tests(code: &str) -> String {
    let mut kept = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        kept.push_str(&rest[..at]);
        rest = &rest[at + "#[cfg(test)]".len()..];
        let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let item_end = match (rest.find('{'), rest.find(';')) {
            (Some(open), semi) if semi.is_none_or(|s| open < s) => {
                open + 1 + matching_brace(&rest[open + 1..]) + 1
            }
            (_, Some(semi)) => semi + 1,
            _ => line_end,
        };
        rest = &rest[item_end.min(rest.len())..];
    }
    kept.push_str(rest);
    kept
}

/// Every circle: the strongly connected groups of more than one module, each sorted.
fn circles(edges: &Edges) -> Vec<Vec<String>> {
    let nodes: BTreeSet<&String> = edges.keys().flat_map(|(a, b)| [a, b]).collect();
    let reaches = |from: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(n) = todo.pop() {
            for ((a, b), _) in edges.iter() {
                if *a == n && seen.insert(b.clone()) {
                    todo.push(b.clone());
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&String, BTreeSet<String>> =
        nodes.iter().map(|n| (*n, reaches(n))).collect();
    let mut groups: BTreeSet<Vec<String>> = BTreeSet::new();
    for n in &nodes {
        let group: Vec<String> = nodes
            .iter()
            .filter(|m| reach[*n].contains(**m) && reach[*m].contains(*n))
            .map(|m| (*m).clone())
            .collect();
        if group.len() > 1 {
            groups.insert(group);
        }
    }
    groups.into_iter().collect()
}

/// One circle through the group's first module, step by step with what makes each step.
fn describe(group: &[String], edges: &Edges) -> String {
    let start = &group[0];
    let inside = |n: &String| group.contains(n);
    // Shortest way back to `start`.
    let mut came_from: BTreeMap<String, String> = BTreeMap::new();
    let mut queue = VecDeque::from([start.clone()]);
    let mut last = None;
    'search: while let Some(n) = queue.pop_front() {
        for (a, b) in edges.keys() {
            if *a != n || !inside(b) {
                continue;
            }
            if b == start {
                last = Some(n.clone());
                break 'search;
            }
            if !came_from.contains_key(b) {
                came_from.insert(b.clone(), n.clone());
                queue.push_back(b.clone());
            }
        }
    }
    let mut path = vec![start.clone()];
    let mut at = last.expect("a circle leads back to its start");
    let mut back = Vec::new();
    while &at != start {
        back.push(at.clone());
        at = came_from[&at].clone();
    }
    path.extend(back.into_iter().rev());
    path.push(start.clone());
    let steps: Vec<String> = path
        .windows(2)
        .map(|w| {
            format!(
                "  {} → {}  ({})",
                w[0],
                w[1],
                edges[&(w[0].clone(), w[1].clone())]
            )
        })
        .collect();
    let two_way: Vec<String> = edges
        .keys()
        .filter(|(a, b)| a < b && inside(a) && inside(b))
        .filter(|(a, b)| edges.contains_key(&(b.clone(), a.clone())))
        .map(|(a, b)| format!("{a} ⇄ {b}"))
        .collect();
    format!(
        "{} (modules in this circle: {})\n{}\n  modules that name each other: {}",
        path.join(" → "),
        group.join(", "),
        steps.join("\n"),
        if two_way.is_empty() {
            "none".to_owned()
        } else {
            two_way.join(", ")
        }
    )
}
