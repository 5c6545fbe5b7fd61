#!/usr/bin/env bash
# Benchmarks the compiler bridge: worker start, warm build through tl-lsp vs tilelang.lower in-process (back to back
# and after 1 s idle, like the bridge's two warm rows), cache hit.
# Usage: scripts/bench-bridge.sh [RUNS]   (needs .venv-tilelang from scripts/setup-tilelang.sh and `swift build`)
# BENCH_TARGETS / BENCH_KERNELS (space-separated) narrow the runs; TL_LSP_WORKER picks another worker.py to compare.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
py="$root/.venv-tilelang/bin/python"
tl="$root/.build/debug/tl-lsp"
[ -x "$py" ] || { echo "run scripts/setup-tilelang.sh first" >&2; exit 2; }
[ -x "$tl" ] || (cd "$root" && swift build --product tl-lsp >/dev/null)
export TVM_FFI_DISABLE_TORCH_C_DLPACK=1

for target in ${BENCH_TARGETS:-sm_90 sm_80}; do
  for kernel in ${BENCH_KERNELS:-gemm_factory.py conv_im2col.py}; do
    file="$root/Tests/Fixtures/bridge/$kernel"
    echo "== $kernel $target (tl-lsp build --bench $runs)"
    "$tl" build "$file" --target "$target" --python "$py" --bench "$runs"
    echo "-- baseline: tilelang.lower in one warm Python process, median of $runs"
    (cd / && "$py" - "$file" "$target" "$runs" <<'PY'
import importlib.util, re, statistics, sys, time
import tilelang
from tilelang import tvm
path, arch, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
spec = importlib.util.spec_from_file_location("bench_kernel", path)
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
src = open(path).read()
name = re.search(r"^def (\w+)", src, re.M).group(1)
kw = dict((k, int(v)) for k, v in re.findall(r"(\w+)=(\d+)", re.search(r"# tl-lsp: (.*)", src).group(1)))
target = tvm.target.Target({"kind": "cuda", "arch": arch})
def lower_ms(idle):
    """Medians of (lower, elaborate + lower) in milliseconds, the first run left out."""
    lower, both = [], []
    for _ in range(runs + 1):
        time.sleep(idle)  # then elaborate and lower, as a build after idle time does
        t0 = time.perf_counter()
        with target:
            func = getattr(mod, name)(**kw)
        t = time.perf_counter()
        with tvm.transform.PassContext(opt_level=3, config={"tl.emit_line_directives": True}), target:
            tilelang.lower(func, target=target)
        lower.append(time.perf_counter() - t)
        both.append(time.perf_counter() - t0)
    return statistics.median(lower[1:]) * 1000, statistics.median(both[1:]) * 1000
warm, idle = lower_ms(0), lower_ms(1)
print("tilelang_lower_ms %.2f (elaborate + lower %.2f)" % warm)
print("tilelang_lower_idle_ms %.2f (elaborate + lower %.2f) after 1 s idle" % idle)
PY
    ) 2>/dev/null
  done
done
