#!/bin/sh
# Install the Debian packages the build needs, only when something is missing.
# Called by the Makefile before the first build; safe to run again.
set -e
PKGS="build-essential pkg-config clang libclang-rt-dev libstemmer-dev \
libuchardet-dev libutf8proc-dev libjansson-dev libxml2-dev zlib1g-dev \
libsqlite3-dev libcurl4-openssl-dev python3"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "setup: installing$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
