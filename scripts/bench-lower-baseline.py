"""The bridge benchmark's baseline: one warm Python process that, per line on stdin, elaborates the kernel of FILE
(sizes from its `# tl-lsp:` comment) and runs `tilelang.lower` for TARGET, and prints `LOWER_MS BOTH_MS` (lowering
alone; elaboration + lowering). One unmeasured run first. Started by `tl-lsp build FILE --bench N --bench-baseline
THIS` (scripts/bench-bridge.sh), which alternates its requests with builds through the bridge."""

import importlib.util
import os
import re
import sys
import time

os.environ.setdefault("TVM_FFI_DISABLE_TORCH_C_DLPACK", "1")
out = os.fdopen(os.dup(1), "w", buffering=1)
os.dup2(2, 1)  # whatever the compiler prints goes to stderr
os.chdir("/")

import tilelang  # noqa: E402
from tilelang import tvm  # noqa: E402

path, arch = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("bench_kernel", path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
source = open(path).read()
name = re.search(r"^def (\w+)", source, re.M).group(1)
sizes = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", re.search(r"# tl-lsp: (.*)", source).group(1))}
target = tvm.target.Target({"kind": "cuda", "arch": arch})


def once():
    t0 = time.perf_counter()
    with target:
        func = getattr(module, name)(**sizes)
    t1 = time.perf_counter()
    with tvm.transform.PassContext(opt_level=3, config={"tl.emit_line_directives": True}), target:
        tilelang.lower(func, target=target)
    t2 = time.perf_counter()
    return (t2 - t1) * 1000, (t2 - t0) * 1000


once()
out.write("ready\n")
for _ in sys.stdin:
    out.write("%.3f %.3f\n" % once())
