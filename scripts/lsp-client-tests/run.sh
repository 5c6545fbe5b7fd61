#!/usr/bin/env bash
# Runs tl-lsp against real third-party LSP clients: pytest-lsp (PyPI, pinned, in .venv-lsp) and headless
# Neovim (Debian's package). Prints "N passed, N failed" and exits non-zero when any client test fails.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/scripts/lsp-client-tests"
PYTEST_LSP_VERSION="1.0.1"
passed=0
failed=0

note() { echo "[lsp-client-tests] $*"; }
record() { if [ "$1" -eq 0 ]; then passed=$((passed + 1)); note "PASS $2"; else failed=$((failed + 1)); note "FAIL $2"; fi; }

cd "$ROOT"
SERVER="${TL_LSP_BINARY:-$ROOT/.build/debug/tl-lsp}"
if [ -z "${TL_LSP_BINARY:-}" ]; then
  note "building tl-lsp"
  swift build --product tl-lsp >/dev/null || { note "build failed"; echo "0 passed, 1 failed"; exit 1; }
fi
export TL_LSP_BINARY="$SERVER"

# (a) pytest-lsp in a local virtual environment.
VENV="$ROOT/.venv-lsp"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import pytest_lsp" 2>/dev/null; then
  note "creating $VENV with pytest-lsp==$PYTEST_LSP_VERSION"
  python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet "pytest-lsp==$PYTEST_LSP_VERSION"
fi
if "$VENV/bin/python" -c "import pytest_lsp" 2>/dev/null; then
  (cd "$HERE" && "$VENV/bin/python" -m pytest -q -p no:cacheprovider test_tl_lsp.py)
  record $? "pytest-lsp $PYTEST_LSP_VERSION"
else
  record 1 "pytest-lsp could not be installed"
fi

# (b) Neovim headless with the built-in LSP client.
if ! command -v nvim >/dev/null 2>&1; then
  note "installing neovim"
  (apt-get install -y neovim >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y neovim >/dev/null 2>&1; })
fi
if command -v nvim >/dev/null 2>&1; then
  REPORT="$(mktemp)"
  TL_LSP_SERVER="$SERVER" TL_LSP_FIXTURE="$ROOT/Tests/Fixtures/lsp/gemm_kernel.py" TL_LSP_REPORT="$REPORT" \
    timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile $HERE/nvim_client.lua"
  status=$?
  cat "$REPORT" 2>/dev/null | sed 's/^/[nvim] /'
  if [ $status -eq 0 ] && ! grep -q '^FAIL' "$REPORT" && grep -q '^PASS hover mentions' "$REPORT"; then status=0; else status=1; fi
  rm -f "$REPORT"
  record $status "neovim $(nvim --version | head -1 | awk '{print $2}')"
else
  record 1 "neovim could not be installed"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
