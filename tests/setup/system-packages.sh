#!/usr/bin/env bash
# Run first by `npm test`: the Debian packages the tests need beyond npm.
#   chromium        drives the end-to-end tests and renders print views to PDF (/usr/bin/chromium)
#   fonts-noto-cjk  keeps Chinese from turning into boxes in screenshots and PDFs
#   fonts-hanazono  covers the rare characters (CJK Ext. B, 𠀀) that Noto CJK lacks
#   poppler-utils   reads PDFs back (pdftotext, pdffonts, pdfinfo, pdftoppm)
#   libreoffice-writer-nogui  renders the .docx to PDF as Word-like software would (soffice --headless)
# When they are all there it says nothing. When some are missing it installs them where it can (root
# with apt-get, as on CI); where it cannot, it stops at once with the one command to run.
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk fonts-hanazono poppler-utils libreoffice-writer-nogui)

installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "npm test: this is not a Debian-like system (no dpkg-query). The tests need: ${PACKAGES[*]}" >&2
  echo "Install them with your system's package manager (Chromium must be at /usr/bin/chromium), then run npm test again." >&2
  exit 1
fi

missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command_line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "npm test: installing the system packages the tests need: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  # The package lists of a fresh machine or container are empty or stale: refresh them first.
  if apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    exit 0
  fi
  echo "npm test: installing ${missing[*]} failed (see apt-get's message above)." >&2
  exit 1
fi

echo "npm test: the tests need these system packages, which are missing: ${missing[*]}" >&2
echo "Run this once, then npm test again:" >&2
echo "  sudo apt-get update && sudo ${command_line}" >&2
exit 1
