#!/usr/bin/env bash
# The Debian packages the tests need besides Node: Chromium (browser tests, never a downloaded
# browser), PostgreSQL (server tests start a throwaway cluster), nginx (the reverse-proxy test),
# DejaVu fonts (reports and screenshots) and runuser (PostgreSQL refuses to run as root).
# Run by `npm test` (its pretest hook) and by .ci/run. When everything is present it only says so;
# as root with apt-get it installs what is missing, saying what; otherwise it stops at once with
# the exact command to run, so the suite never fails halfway for a missing package.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# shellcheck disable=SC2012 # only checks whether any version is installed
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || missing+=(nginx)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
{ command -v runuser >/dev/null 2>&1 || [ -x /usr/sbin/runuser ]; } || missing+=(util-linux)

if ((${#missing[@]} == 0)); then
  echo "system-packages: present (chromium, postgresql, nginx, fonts-dejavu-core, runuser)"
  exit 0
fi

install="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  {
    echo "system-packages: the tests need Debian packages that are missing: ${missing[*]}"
    echo "Install them first (as root, on Debian or Ubuntu), then run npm test again:"
    echo "  sudo apt-get update && sudo $install"
  } >&2
  exit 1
fi

echo "system-packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
# shellcheck disable=SC2086 # one word per package
apt-get install -y --no-install-recommends ${missing[*]}
echo "system-packages: installed ${missing[*]}"
