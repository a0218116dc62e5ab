//! The sidebar's directory list ([`directory_entries`]): the server's directories, then those
//! only trainings point to, with readable, distinct names for the directories the server does
//! not name (no directory routes, or a `directory_id` the server does not list). A name comes
//! from the words its trainings' titles share ("Delivery, parcel"); where two directories would
//! still read the same, each gets a short tail of its id ("Unnamed directory (3f2a)"). The
//! editor's own names always win: only the derived names yield.

use std::collections::{BTreeMap, HashMap, HashSet};

use opencx::{Directory, Training};

use crate::workspace::DirectoryEntry;

/// The name of a derived directory whose trainings' titles share no word.
pub const UNNAMED: &str = "Unnamed directory";

/// How many shared words a derived name is made of, at most.
const NAME_WORDS: usize = 2;

/// The shortest id tail that tells two same-named directories apart.
const MIN_TAIL: usize = 4;

/// Words that say nothing about a directory's topic.
const STOP_WORDS: &[&str] = &[
    "about",
    "after",
    "and",
    "any",
    "are",
    "can",
    "customer",
    "customers",
    "does",
    "for",
    "from",
    "get",
    "has",
    "have",
    "how",
    "into",
    "not",
    "our",
    "the",
    "their",
    "this",
    "what",
    "when",
    "where",
    "which",
    "who",
    "why",
    "will",
    "with",
    "you",
    "your",
];

/// The sidebar's directories: the server's (`server = Some`) in its order, then one derived
/// entry per `directory_id` the trainings use that the server did not list, in first-seen order,
/// named by the editor (`local`, directory id → name) or from its trainings' titles, no two
/// alike.
pub fn directory_entries(
    server: Option<&[Directory]>,
    trainings: &[Training],
    local: &BTreeMap<String, String>,
) -> Vec<DirectoryEntry> {
    let mut entries: Vec<DirectoryEntry> = server
        .unwrap_or_default()
        .iter()
        .map(|d| DirectoryEntry {
            id: d.id.clone(),
            name: d.name.clone(),
            local_name_only: false,
        })
        .collect();
    let mut seen: HashSet<String> = entries.iter().map(|e| e.id.clone()).collect();
    for id in trainings.iter().filter_map(|t| t.directory_id.as_deref()) {
        if seen.insert(id.to_owned()) {
            entries.push(DirectoryEntry {
                id: id.to_owned(),
                name: String::new(),
                local_name_only: true,
            });
        }
    }
    name_derived(&mut entries, trainings, local);
    entries
}

/// The name derived from the titles of one directory's trainings: the words most of them share
/// (in at least two titles and a third of them; a plural counts as its singular), or the single
/// title's first words when it holds one training.
pub fn name_from_titles<'a>(titles: impl IntoIterator<Item = &'a str>) -> String {
    let titles: Vec<Vec<String>> = titles.into_iter().map(topic_words).collect();
    // word key → (titles it is in, first seen, the form it was first seen in)
    let mut shared: HashMap<String, (usize, usize, &str)> = HashMap::new();
    for words in &titles {
        for word in words {
            let first = shared.len();
            shared.entry(singular(word)).or_insert((0, first, word)).0 += 1;
        }
    }
    let needed = match titles.len() {
        1 => 1,
        n => n.div_ceil(3).max(2),
    };
    let mut candidates: Vec<(usize, usize, &str)> = shared
        .into_values()
        .filter(|(count, _, _)| *count >= needed)
        .collect();
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.truncate(NAME_WORDS);
    candidates.sort_by_key(|c| c.1);
    let words: Vec<&str> = candidates.iter().map(|c| c.2).collect();
    match words.split_first() {
        None => UNNAMED.to_owned(),
        Some((first, rest)) => std::iter::once(capitalised(first))
            .chain(rest.iter().map(|w| (*w).to_owned()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The key a word is counted under: "returns" and "return" are one word.
fn singular(word: &str) -> String {
    match word.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => stem.to_owned(),
        _ => word.to_owned(),
    }
}

/// Names every derived entry (those with `local_name_only`) from its trainings' titles, applies
/// the editor's names (`local`, directory id → name), then gives each derived name that another
/// directory already shows a short tail of its id.
pub fn name_derived(
    entries: &mut [DirectoryEntry],
    trainings: &[Training],
    local: &BTreeMap<String, String>,
) {
    let mut titles: HashMap<&str, Vec<&str>> = HashMap::new();
    for t in trainings {
        if let Some(dir) = t.directory_id.as_deref() {
            titles.entry(dir).or_default().push(t.shown_title());
        }
    }
    let mut yielding = Vec::new();
    for (index, entry) in entries.iter_mut().enumerate() {
        if !entry.local_name_only {
            continue;
        }
        match local.get(&entry.id) {
            Some(name) => entry.name.clone_from(name),
            None => {
                let own = titles.get(entry.id.as_str()).cloned().unwrap_or_default();
                entry.name = name_from_titles(own);
                yielding.push(index);
            }
        }
    }
    make_distinct(entries, &yielding);
}

/// Gives each entry at `yielding` whose name another entry also shows (case aside) a tail of
/// its id, long enough that no other clashing id ends the same way and no name is taken.
fn make_distinct(entries: &mut [DirectoryEntry], yielding: &[usize]) {
    let key = |name: &str| name.to_lowercase();
    let mut count: HashMap<String, usize> = HashMap::new();
    for entry in entries.iter() {
        *count.entry(key(&entry.name)).or_default() += 1;
    }
    let clashing: Vec<usize> = yielding
        .iter()
        .copied()
        .filter(|&i| count[&key(&entries[i].name)] > 1)
        .collect();
    let mut taken: HashSet<String> = entries
        .iter()
        .enumerate()
        .filter(|(i, _)| !clashing.contains(i))
        .map(|(_, e)| key(&e.name))
        .collect();
    let alphanumeric =
        |id: &str| -> String { id.chars().filter(char::is_ascii_alphanumeric).collect() };
    for &i in &clashing {
        let own = alphanumeric(&entries[i].id);
        let others: Vec<String> = clashing
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| alphanumeric(&entries[j].id))
            .collect();
        let mut len = MIN_TAIL.min(own.len());
        let name = loop {
            let tail = &own[own.len() - len..];
            let name = format!("{} ({tail})", entries[i].name);
            let unique = !others.iter().any(|o| o.ends_with(tail)) && !taken.contains(&key(&name));
            if unique || len == own.len() {
                break name;
            }
            len += 1;
        };
        taken.insert(key(&name));
        entries[i].name = name;
    }
}

/// The lower-cased words of a title that can name a topic, each once, in order.
fn topic_words(title: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    title
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .filter(|w| seen.insert(w.clone()))
        .collect()
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{directory, training};

    fn derived(id: &str) -> DirectoryEntry {
        DirectoryEntry {
            id: id.into(),
            name: String::new(),
            local_name_only: true,
        }
    }

    fn in_dir(id: &str, dir: &str, title: &str) -> Training {
        let mut t = training(id);
        t.directory_id = Some(dir.into());
        t.title = title.into();
        t
    }

    #[test]
    fn a_name_is_made_of_the_words_titles_share() {
        let name = name_from_titles([
            "Where is my parcel?",
            "Parcel delivery is late",
            "Lost parcel after delivery",
        ]);
        assert_eq!(name, "Parcel, delivery");
        assert_eq!(
            name_from_titles(["Refund policy for damaged items"]),
            "Refund, policy"
        );
        assert_eq!(name_from_titles(["Hello", "Greeting tone"]), UNNAMED);
        assert_eq!(name_from_titles(Vec::<&str>::new()), UNNAMED);
        assert_eq!(
            name_from_titles(["Échange d'article", "échange rapide"]),
            "Échange"
        );
    }

    #[test]
    fn three_time_ordered_ids_never_read_the_same() {
        // The first eight characters of time-ordered ids are the same: the old names were too.
        let ids = [
            "00000000-0000-7000-8000-00000000a1b2",
            "00000000-0000-7000-8000-00000000c3d4",
            "00000000-0000-7000-8000-00000000e5f6",
        ];
        let mut entries: Vec<DirectoryEntry> = ids.iter().map(|id| derived(id)).collect();
        let trainings: Vec<Training> = ids
            .iter()
            .enumerate()
            .map(|(i, dir)| in_dir(&format!("t{i}"), dir, "Hello"))
            .collect();
        name_derived(&mut entries, &trainings, &BTreeMap::new());
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Hello (a1b2)", "Hello (c3d4)", "Hello (e5f6)"]);
    }

    #[test]
    fn tails_grow_until_the_names_differ() {
        let mut entries = vec![derived("x-aaaa1234"), derived("y-bbbb1234")];
        name_derived(&mut entries, &[], &BTreeMap::new());
        assert_eq!(entries[0].name, "Unnamed directory (a1234)");
        assert_eq!(entries[1].name, "Unnamed directory (b1234)");
    }

    #[test]
    fn the_editors_name_wins_and_a_derived_name_yields_to_it() {
        let mut entries = vec![
            DirectoryEntry {
                id: "server".into(),
                name: "Parcel, delivery".into(),
                local_name_only: false,
            },
            derived("d-1111"),
            derived("d-2222"),
        ];
        let trainings = [
            in_dir("t1", "d-1111", "Parcel delivery times"),
            in_dir("t2", "d-1111", "Parcel delivery abroad"),
            in_dir("t3", "d-2222", "Anything"),
        ];
        let local: BTreeMap<String, String> =
            [("d-2222".to_string(), "Parcel, delivery".to_string())].into();
        name_derived(&mut entries, &trainings, &local);
        assert_eq!(entries[0].name, "Parcel, delivery");
        assert_eq!(entries[1].name, "Parcel, delivery (1111)");
        assert_eq!(
            entries[2].name, "Parcel, delivery",
            "the editor's own name is kept"
        );
    }

    #[test]
    fn distinct_names_are_left_alone() {
        let mut entries = vec![derived("d1"), derived("d2")];
        let trainings = [
            in_dir("t1", "d1", "Refund window"),
            in_dir("t2", "d1", "Refund for damaged items"),
            in_dir("t3", "d2", "Opening hours"),
        ];
        name_derived(&mut entries, &trainings, &BTreeMap::new());
        assert_eq!(entries[0].name, "Refund");
        assert_eq!(entries[1].name, "Opening, hours");
    }

    #[test]
    fn derives_directories_from_trainings_when_the_server_has_none() {
        let mut a = training("t1");
        a.directory_id = Some("0f3c9a12-aaaa-4bbb-8ccc-000000000001".into());
        a.title = "Refund window".into();
        let mut b = training("t2");
        b.directory_id = Some("0f3c9a12-aaaa-4bbb-8ccc-000000000001".into());
        b.title = "Refund for damaged items".into();
        let mut c = training("t3");
        c.directory_id = Some("77".into());
        c.title = "Opening hours".into();
        let d = training("t4");
        let entries = directory_entries(None, &[a, b, c, d], &BTreeMap::new());
        assert_eq!(
            entries,
            [
                DirectoryEntry {
                    id: "0f3c9a12-aaaa-4bbb-8ccc-000000000001".into(),
                    name: "Refund".into(),
                    local_name_only: true
                },
                DirectoryEntry {
                    id: "77".into(),
                    name: "Opening, hours".into(),
                    local_name_only: true
                },
            ]
        );
    }

    #[test]
    fn server_directories_come_first_and_unknown_ids_are_added() {
        let server = [directory("d1", "Billing")];
        let mut a = training("t1");
        a.directory_id = Some("d1".into());
        let mut b = training("t2");
        b.directory_id = Some("gone-directory".into());
        let entries = directory_entries(Some(&server), &[a, b], &BTreeMap::new());
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].name, "Billing");
        assert!(!entries[0].local_name_only);
        assert_eq!(entries[1].name, "Training");
        assert!(entries[1].local_name_only);
    }
}
