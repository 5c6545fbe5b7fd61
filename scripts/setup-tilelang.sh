#!/usr/bin/env bash
# Creates the pinned light tilelang 0.1.15 venv used by tl-lsp's tests and CI (stand-in torch, no CUDA wheels).
# Usage: scripts/setup-tilelang.sh [VENV_DIR]   (default: .venv-tilelang in the repository root). Idempotent.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${1:-$repo_root/.venv-tilelang}"
python="${PYTHON:-python3}"
stub_src="$repo_root/scripts/torch-stub/torch"

export TVM_FFI_DISABLE_TORCH_C_DLPACK=1
export TILELANG_CACHE_DIR="${TILELANG_CACHE_DIR:-$venv/.tilelang-cache}"

check() {
  # Run from / so that no local directory shadows a package.
  (cd / && "$venv/bin/python" -c 'import tilelang, sys; sys.exit(0 if tilelang.__version__.startswith("0.1.15") else 1)') \
    >/dev/null 2>&1
}

install_stub() {
  local site
  site="$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  # Never replace a real torch (one without our marker file).
  if [ -d "$site/torch" ] && [ ! -f "$site/torch/.tl-lsp-stub" ]; then
    echo "setup-tilelang: $site/torch is a real torch; leaving it alone" >&2
    return
  fi
  rm -rf "$site/torch"
  mkdir -p "$site/torch"
  cp "$stub_src"/*.py "$site/torch/"
  touch "$site/torch/.tl-lsp-stub"
}

if [ -x "$venv/bin/python" ] && check; then
  install_stub # refresh the stand-in (cheap) in case it changed
  echo "tilelang 0.1.15 ready: $venv/bin/python"
  exit 0
fi

echo "setup-tilelang: creating $venv" >&2
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
  tilelang==0.1.15 apache-tvm-ffi==0.1.12 z3-solver==4.15.4.0 ml-dtypes==0.6.0 numpy==2.4.6 \
  cloudpickle==3.1.3 psutil==7.2.2 tqdm==4.70.1 typing-extensions==4.16.0
install_stub

if ! check; then
  echo "setup-tilelang: tilelang 0.1.15 does not import in $venv" >&2
  (cd / && "$venv/bin/python" -c 'import tilelang') >&2 || true
  exit 1
fi
echo "tilelang 0.1.15 ready: $venv/bin/python"
