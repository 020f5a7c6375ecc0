#!/usr/bin/env bash
# Vendor the front-end files we ship from npm into the repository, so that Node is never needed to run.
#
#   bash scripts/vendor.sh        (make vendor)
#
# Packs exact versions with `npm pack` in a temporary directory (no node_modules, no install scripts run),
# extracts them and copies only the files we serve or test with, together with their licences:
#   static/vendor/utrecht/                   NL Design System components (@utrecht/component-library-css, EUPL-1.2)
#   static/vendor/voorbeeld-design-tokens/   neutral example theme, class .voorbeeld-theme (EUPL-1.2)
#   tests/e2e/vendor/                        axe-core for the accessibility scans in the browser tests (MPL-2.0)
# The Utrecht brand tokens (@utrecht/design-tokens) are not openly licensed and are deliberately not used.
# To update: change a version below, run `make vendor`, look at the screenshots of `make test`, commit.
set -euo pipefail
cd "$(dirname "$0")/.."

UTRECHT_CSS_VERSION="9.0.4"          # @utrecht/component-library-css
VOORBEELD_TOKENS_VERSION="7.4.1"     # @nl-design-system-unstable/voorbeeld-design-tokens
AXE_CORE_VERSION="4.14.1"            # axe-core

command -v npm >/dev/null || { echo "[vendor] npm is needed to update the vendored files (not to run the site)." >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/portal-vendor.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

fetch() {  # $1 = package@version; extracts into $WORK/<sanitised name>/package and prints that path
  local spec="$1" dir
  dir="$WORK/$(printf '%s' "$spec" | tr '@/' '__')"
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent --ignore-scripts "$spec" >/dev/null 2>&1) \
    || { echo "[vendor] npm pack $spec failed" >&2; exit 1; }
  tar -xzf "$dir"/*.tgz -C "$dir"
  printf '%s\n' "$dir/package"
}

UTRECHT="$(fetch "@utrecht/component-library-css@$UTRECHT_CSS_VERSION")"
TOKENS="$(fetch "@nl-design-system-unstable/voorbeeld-design-tokens@$VOORBEELD_TOKENS_VERSION")"
AXE="$(fetch "axe-core@$AXE_CORE_VERSION")"

rm -rf static/vendor/utrecht static/vendor/voorbeeld-design-tokens
mkdir -p static/vendor/utrecht static/vendor/voorbeeld-design-tokens tests/e2e/vendor

cp "$UTRECHT/dist/index.css" static/vendor/utrecht/index.css
cp "$UTRECHT/dist/html.css" static/vendor/utrecht/html.css   # class-less styles for rich text, scoped to .utrecht-html
cp "$UTRECHT/LICENSE.md" static/vendor/utrecht/LICENSE.md
cp "$TOKENS/dist/theme.css" static/vendor/voorbeeld-design-tokens/theme.css
cp "$TOKENS/LICENSE.md" static/vendor/voorbeeld-design-tokens/LICENSE.md
cp "$AXE/axe.min.js" tests/e2e/vendor/axe.min.js
cp "$AXE/LICENSE" tests/e2e/vendor/axe-core.LICENSE

cat > static/vendor/README.md <<TXT
Vendored by scripts/vendor.sh (make vendor) with npm pack; do not edit these files by hand.

- utrecht/index.css, utrecht/html.css: @utrecht/component-library-css $UTRECHT_CSS_VERSION (EUPL-1.2, see utrecht/LICENSE.md)
- voorbeeld-design-tokens/theme.css: @nl-design-system-unstable/voorbeeld-design-tokens $VOORBEELD_TOKENS_VERSION
  (EUPL-1.2, see voorbeeld-design-tokens/LICENSE.md)

Our own theme on top of these is static/css/theme.css: that is the one file a municipality replaces.
TXT
cat > tests/e2e/vendor/README.md <<TXT
Vendored by scripts/vendor.sh (make vendor): axe-core $AXE_CORE_VERSION (MPL-2.0, see axe-core.LICENSE).
TXT

echo "[vendor] utrecht $UTRECHT_CSS_VERSION, voorbeeld tokens $VOORBEELD_TOKENS_VERSION, axe-core $AXE_CORE_VERSION vendored."
