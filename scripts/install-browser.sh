#!/usr/bin/env bash
# Installs Debian's chromium for the e2e tests when it is missing. Needs root (or password-less sudo);
# without either the e2e tests skip and say why.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
  echo "chromium ontbreekt en er is geen root/sudo: de browsertests worden overgeslagen." >&2; exit 0; fi
echo "chromium installeren (Debian-pakketten chromium en chromium-driver)..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
