//! Local directory names: where the server has no directory routes (or a training points to a
//! directory the server does not list), the sidebar's directories come from the trainings'
//! `directory_id` values and the editor can name them here. The names live in the settings
//! file per workspace and win over the names `derived_names` gives them.

use std::collections::BTreeMap;

use crate::error::{Result, StudioError};
use crate::settings::SettingsFile;

/// The editor's names for this workspace's directories (directory id → name).
pub(crate) fn load(
    settings: &SettingsFile,
    workspace_id: &str,
) -> Result<BTreeMap<String, String>> {
    Ok(settings
        .load_data()?
        .directory_names
        .remove(workspace_id)
        .unwrap_or_default())
}

/// Remembers `name` for directory `directory_id` of the workspace.
pub(crate) fn store(
    settings: &SettingsFile,
    workspace_id: &str,
    directory_id: &str,
    name: &str,
) -> Result<()> {
    let mut data = settings.load_data()?;
    data.directory_names
        .entry(workspace_id.to_owned())
        .or_default()
        .insert(directory_id.to_owned(), name.to_owned());
    settings.save_data(&data)
}

/// A directory name as typed, trimmed; refused when blank.
pub fn checked_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StudioError::invalid_input(
            "Give the directory a name, for example \"Billing\".",
        ));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::settings_listing;

    #[test]
    fn stored_per_workspace_kept_by_list_saves_and_dropped_with_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let (settings, mut list) = settings_listing(dir.path(), &["w1", "w2"]);
        store(&settings, "w1", "d1", "Billing").unwrap();
        store(&settings, "w2", "d1", "Other").unwrap();
        list.active_id = Some("w1".into());
        settings.save(&list).unwrap();
        assert_eq!(load(&settings, "w1").unwrap()["d1"], "Billing");
        assert_eq!(load(&settings, "w2").unwrap()["d1"], "Other");
        assert_eq!(settings.load().unwrap(), list);
        list.remove("w2");
        settings.save(&list).unwrap();
        assert!(load(&settings, "w2").unwrap().is_empty());
        assert_eq!(load(&settings, "w1").unwrap().len(), 1);
    }

    #[test]
    fn blank_names_are_refused() {
        assert_eq!(checked_name("  Billing ").unwrap(), "Billing");
        assert!(checked_name(" \t").is_err());
    }
}
