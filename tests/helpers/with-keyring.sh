#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keytar talks to a
# real Secret Service in tests and CI (headless machines have neither a session bus nor a keyring).
set -euo pipefail
# macOS and Windows (CI runners) have their own keychain, always there: nothing to start.
if [ "$(uname -s)" != Linux ]; then exec "$@"; fi
if [ -z "${GREENCLOUD_KEYRING_READY:-}" ]; then
  export GREENCLOUD_KEYRING_READY=1
  exec dbus-run-session -- "$0" "$@"
fi
# A throwaway keyring home: the tests never touch the developer's own keyring.
export XDG_DATA_HOME="$(mktemp -d)"
# Unlocking with a password on stdin creates the login keyring without a GUI prompt.
eval "$(printf 'greencloud-tests' | gnome-keyring-daemon --daemonize --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
exec "$@"
