//! Tauri's build step for the bare window: reads its tauri.conf.json and embeds page/.

fn main() {
    tauri_build::build();
}
