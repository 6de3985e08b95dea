#!/bin/sh
# Renders an HTML file in headless Chromium and prints the resulting DOM on standard output.
# Installs Debian's `chromium` package first when it is missing (needs root and apt).
# Usage: tests/browser/render.sh PAGE.html [FRAGMENT]   (FRAGMENT such as q=Иванов)
set -eu
page=$(realpath "$1")
fragment=${2:+#$2}
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "chromium is missing and cannot be installed here" >&2
        exit 77
    fi
    apt-get update >&2 && apt-get install -y chromium >&2 || {
        echo "chromium could not be installed" >&2
        exit 77
    }
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --dump-dom "file://$page$fragment" 2>/dev/null
