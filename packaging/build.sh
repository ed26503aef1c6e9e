#!/usr/bin/env bash
# Build the one-folder application with PyInstaller, then start it once (offscreen) and take a
# screenshot of the demo project, to prove the bundle runs. Output: dist/annotator/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash .ci/setup
.venv/bin/python -m annotator.ui.translations release  # the .qm catalogues are build products
.venv/bin/python -m pip install -q pyinstaller 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/annotator.spec
shot="${1:-dist/bundle-screenshot.png}"
tmp="$(mktemp -d)"
QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
  dist/annotator/annotator --annotator bundle --screenshot "$shot"
test -s "$shot"
echo "Built dist/annotator/ and started it: $shot"
