#!/usr/bin/env bash
# Benchmarks the compiler bridge: worker start, first build, warm builds through tl-lsp (back to back and after 1 s
# idle), each paired with an in-process `tilelang.lower` of the same kernel in a warm Python process
# (scripts/bench-lower-baseline.py; the order alternates, ratios are per pair), and cache hits.
# Usage: scripts/bench-bridge.sh [RUNS]   (needs .venv-tilelang from scripts/setup-tilelang.sh; builds the release
# tl-lsp when missing; TL_LSP=PATH benchmarks another binary)
# BENCH_TARGETS / BENCH_KERNELS (space-separated) narrow the runs; TL_LSP_WORKER picks another worker.py to compare.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
py="$root/.venv-tilelang/bin/python"
tl="${TL_LSP:-$root/.build/release/tl-lsp}"
[ -x "$py" ] || { echo "run scripts/setup-tilelang.sh first" >&2; exit 2; }
[ -x "$tl" ] || (cd "$root" && swift build -c release --static-swift-stdlib --product tl-lsp >/dev/null)
export TVM_FFI_DISABLE_TORCH_C_DLPACK=1

for target in ${BENCH_TARGETS:-sm_90 sm_80}; do
  for kernel in ${BENCH_KERNELS:-gemm_factory.py conv_im2col.py}; do
    file="$root/Tests/Fixtures/bridge/$kernel"
    echo "== $kernel $target (tl-lsp build --bench $runs)"
    "$tl" build "$file" --target "$target" --python "$py" --bench "$runs" \
      --bench-baseline "$root/scripts/bench-lower-baseline.py"
  done
done
