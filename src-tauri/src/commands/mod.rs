//! The IPC commands the UI calls (through ui/src/lib/ipc.ts). Each one unpacks its arguments,
//! calls the `studio` service and returns its answer or its `{kind, message}` error.

pub mod directories;
pub mod jobs;
pub mod organise;
pub mod trainings;
pub mod window;
pub mod workspaces;

/// Every command's name, as the UI invokes it; build.rs declares the same list to the ACL.
#[cfg(test)]
pub const ALL: [&str; 22] = [
    "list_workspaces",
    "resume_session",
    "sign_in",
    "open_demo",
    "switch_workspace",
    "sign_out",
    "load_workspace",
    "search_trainings",
    "get_training",
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
];
