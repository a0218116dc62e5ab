# Sourced by the test scripts: run a command against the real Secret Service and a real display.

# Runs a command in its own D-Bus session with a fresh, unlocked gnome-keyring (the real Secret
# Service) and a fresh XDG data folder, so nothing from the developer's own keyring is touched.
in_keyring_session() {
  local data_home
  data_home=$(mktemp -d)
  XDG_DATA_HOME="$data_home" NO_AT_BRIDGE=1 dbus-run-session -- bash -c '
    printf %s "test-password" | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null
    exec "$@"' _ "$@"
}

# The same on a virtual X display, started first so that services the session starts can use it.
on_display_in_keyring_session() {
  xvfb-run -a -s "-screen 0 1440x900x24" \
    bash -c "$(declare -f in_keyring_session); in_keyring_session \"\$@\"" _ "$@"
}
