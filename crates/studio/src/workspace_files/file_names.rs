//! File and folder names made from titles and directory names: readable, safe on Windows,
//! macOS and Linux, unique in their folder without regard to case (two names that differ only
//! in case are one file on Windows and macOS), and stable (a name depends only on the title
//! and on the older trainings with the same name, never on the order of the others).

use std::collections::HashSet;

/// The longest name part taken from a title, in bytes (a file name may have 255; room is left
/// for a suffix and the extension).
const MAX_NAME_BYTES: usize = 100;

/// Names Windows keeps for devices, whatever their extension.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// `title` as a name every system accepts: characters Windows forbids, control characters and
/// text-direction controls become `-`, runs of spaces one space, no leading dot (a hidden file)
/// or trailing dot or space (Windows drops them), a device name such as `CON` gets a `_`, and a
/// long title is cut at a character boundary. An empty result is `Untitled`.
pub fn safe_name(title: &str) -> String {
    let mut name = String::with_capacity(title.len().min(MAX_NAME_BYTES));
    let mut space = false;
    for c in title.chars() {
        if c.is_whitespace() {
            space = !name.is_empty();
            continue;
        }
        let c = if is_forbidden(c) { '-' } else { c };
        let extra = c.len_utf8() + usize::from(space);
        if name.len() + extra > MAX_NAME_BYTES {
            break;
        }
        if space {
            name.push(' ');
            space = false;
        }
        name.push(c);
    }
    let name = name
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    if name.is_empty() {
        return "Untitled".into();
    }
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    if RESERVED.contains(&stem.to_ascii_lowercase().as_str()) {
        return format!("{name}_");
    }
    name.to_owned()
}

fn is_forbidden(c: char) -> bool {
    matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*')
        || c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The names given so far in one folder.
#[derive(Debug, Default)]
pub struct Folder {
    taken: HashSet<String>,
}

impl Folder {
    /// A folder where `names` are already taken (e.g. the workspace file).
    pub fn with_taken<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        Folder {
            taken: names.into_iter().map(str::to_lowercase).collect(),
        }
    }

    /// A unique name for `title` with `extension` (empty for a folder): the safe name, or when
    /// that is taken the safe name with the first 8 characters of `id`, or the whole id, or a
    /// number. Call in a stable order (oldest first) for stable names.
    pub fn name(&mut self, title: &str, id: &str, extension: &str) -> String {
        let base = safe_name(title);
        let short: String = id.chars().take(8).collect();
        let id = safe_name(id);
        let candidates = [
            base.clone(),
            format!("{base} ({})", safe_name(&short)),
            format!("{base} ({id})"),
        ];
        let mut number = 2;
        let mut next = candidates.into_iter();
        loop {
            let stem = next.next().unwrap_or_else(|| {
                number += 1;
                format!("{base} ({id}) {number}")
            });
            let name = format!("{stem}{extension}");
            if self.taken.insert(name.to_lowercase()) {
                return name;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn titles_become_names_every_system_takes() {
        assert_eq!(
            safe_name("Returns: within 30 days?"),
            "Returns- within 30 days-"
        );
        assert_eq!(safe_name("  a\tb\n\nc  "), "a b c");
        assert_eq!(safe_name("...hidden..."), "hidden");
        assert_eq!(safe_name("CON"), "CON_");
        assert_eq!(safe_name("com1.txt"), "com1.txt_");
        assert_eq!(safe_name("Console"), "Console");
        assert_eq!(safe_name("??"), "--");
        assert_eq!(safe_name(" . "), "Untitled");
        assert_eq!(safe_name("مرحبا 👋"), "مرحبا 👋");
        assert_eq!(safe_name("a\u{202e}b"), "a-b");
        let long = safe_name(&"é".repeat(300));
        assert_eq!(long.len(), 100);
    }

    #[test]
    fn names_are_unique_in_any_case_and_keep_to_their_titles() {
        let mut folder = Folder::with_taken(["workspace.toml"]);
        assert_eq!(folder.name("Refunds", "a1b2c3d4e5", ".md"), "Refunds.md");
        assert_eq!(
            folder.name("REFUNDS", "f6e5d4c3b2", ".md"),
            "REFUNDS (f6e5d4c3).md"
        );
        assert_eq!(
            folder.name("refunds", "f6e5d4c3zz", ".md"),
            "refunds (f6e5d4c3zz).md"
        );
        assert_eq!(folder.name("workspace", "x", ".toml"), "workspace (x).toml");
    }

    proptest! {
        #[test]
        fn any_title_gives_a_safe_name(title in any::<String>()) {
            let name = safe_name(&title);
            prop_assert!(!name.is_empty() && name.len() <= MAX_NAME_BYTES + 1);
            prop_assert!(!name.chars().any(is_forbidden));
            prop_assert!(!name.starts_with('.') && !name.ends_with(['.', ' ']));
            prop_assert!(!name.starts_with(' '));
        }
    }
}
