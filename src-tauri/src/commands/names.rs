// Every IPC command of the app, as the UI invokes it. Included by build.rs, which puts each under
// the ACL (src-tauri/capabilities/main.json grants each to the main window), and by the shell's
// tests, which check the capability and call every command. (Plain comments: this file is
// `include!`d, where inner doc comments are not allowed.)
pub const COMMANDS: &[&str] = &[
    "list_workspaces",
    "resume_session",
    "sign_in",
    "open_demo",
    "switch_workspace",
    "sign_out",
    "load_workspace",
    "search_trainings",
    "render_preview",
    "review_changes",
    "save_training",
    "confirm_close",
    "create_training",
    "delete_training",
    "set_published",
    "create_directory",
    "rename_directory",
    "delete_directory",
    "start_job",
    "cancel_job",
    "retry_failed",
    "journal_write",
    "journal_list",
    "journal_discard",
    "history_list",
    "history_version",
    "history_compare",
    "open_link",
];
