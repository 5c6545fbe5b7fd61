"""Lowering verdicts for tl-lsp's lowering differential (stdlib + tilelang 0.1.15): what each copy becomes in CUDA.

For each file: run the statements of its `if __name__ == "__main__":` block one at a time, capture every
`@T.prim_func` they create, lower each per target with `tl.emit_line_directives` (plus the file's
`# fixture: pass-config=KEY=true` header), split the CUDA by `#line N "file"` markers and classify, for every source
line holding a `T.copy`/`T.async_copy`/`T.tma_copy`/`T.im2col`, what the CUDA does there. Copies with no CUDA of their
own under their line (warp-specialised producers are emitted under the kernel's `def` line) are found by buffer
names instead (`"via": "names"`). Prints one JSON document:
{"files": [{"path", "statements": [{"line", "error", "kernels": [{"name", "results": {target: {"error", "copies":
[{"line", "op", "path", "lanes", "bits", "via"}]}}}]}]}]}.
Usage: python lowering_verdicts.py --targets sm_80,sm_90 FILE...
"""
import ast
import contextlib
import io
import json
import os
import re
import sys

os.environ.setdefault("TVM_FFI_DISABLE_TORCH_C_DLPACK", "1")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compiler_verdicts import capture_prim_funcs, parse_arguments  # noqa: E402

COPY_OPS = {"copy", "async_copy", "tma_copy", "im2col", "c2d_im2col"}
VECTOR_BITS = {
    "uint4": 128, "int4": 128, "float4": 128, "ulonglong4": 256, "longlong4": 256, "double4": 256,
    "uint2": 64, "int2": 64, "float2": 64, "ulonglong2": 128, "longlong2": 128, "double2": 128,
    "uint1": 32, "int1": 32, "float1": 32, "half2": 32, "bfloat162": 32, "char4": 32, "uchar4": 32,
    "char2": 16, "uchar2": 16, "ushort4": 64, "short4": 64, "ushort2": 32, "short2": 32,
    # Plain scalar casts serve as vectors of narrower elements (4 x int8 is `*(int*)`, 2 x fp16 `*(uint1*)`).
    "int": 32, "uint": 32, "unsigned": 32, "short": 16, "ushort": 16, "int64_t": 64, "uint64_t": 64,
    # fp8 vectors (tl_templates/cuda/cuda_fp8.h).
    "fp8_e4_2_t": 16, "fp8_e4_4_t": 32, "fp8_e4_8_t": 64, "fp8_e4_16_t": 128, "fp8_e4_32_t": 256,
    "fp8_e5_2_t": 16, "fp8_e5_4_t": 32, "fp8_e5_8_t": 64, "fp8_e5_16_t": 128, "fp8_e5_32_t": 256,
}
DTYPE_BITS = re.compile(r"(\d+)")


def header_pass_configs(source):
    configs = {}
    for line in source.splitlines()[:5]:
        if "# fixture:" not in line:
            continue
        for word in line.split("# fixture:", 1)[1].split():
            if word.startswith("pass-config="):
                key, _, value = word[len("pass-config="):].rpartition("=")
                configs[key] = value == "true"
    return configs


def operand_name(node):
    while isinstance(node, ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def copy_sites(tree):
    """line → (op, src name, dst name) of every copy-like call."""
    sites = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in COPY_OPS or not isinstance(node.func.value, ast.Name) or node.func.value.id != "T":
            continue
        args = node.args
        src = operand_name(args[0]) if args else None
        dst = operand_name(args[1]) if len(args) > 1 else None
        sites[node.lineno] = (node.func.attr, src, dst)
    return sites


def function_spans(tree):
    """first line (decorators included) → last line of every function definition."""
    spans = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            spans[first] = node.end_lineno
            spans[node.lineno] = node.end_lineno
    return spans


def element_bits(func, tirx):
    """buffer name → bits of its dtype (parameters and allocations)."""
    bits = {}

    def note(buf):
        m = DTYPE_BITS.search(str(buf.dtype))
        bits[str(buf.name)] = int(m.group(1)) if m else (8 if "bool" in str(buf.dtype) else 32)

    for buf in func.buffer_map.values():
        note(buf)

    def visit(node):
        for buf in getattr(node, "alloc_buffers", None) or []:
            note(buf)

    tirx.stmt_functor.post_order_visit(func.body, visit)
    return bits


def segments(cuda, path):
    """source line → CUDA text emitted under `#line N "path"` markers."""
    real = os.path.realpath(path)
    out = {}
    current = None
    for line in cuda.splitlines():
        m = re.match(r'\s*#line (\d+) "(.*)"', line)
        if m:
            current = int(m.group(1)) if os.path.realpath(m.group(2)) == real else None
            continue
        if current is not None:
            out.setdefault(current, []).append(line)
    return {k: "\n".join(v) for k, v in out.items()}


def buffer_pattern(name):
    return r"(?:\(\(\w+\*\)" + re.escape(name) + r"\)|\b" + re.escape(name) + r"\b)"


def mentions(line, src, dst):
    for name in (src, dst):
        if name and (re.search(buffer_pattern(name), line) or re.search(r"\b" + re.escape(name) + r"_desc\b", line)):
            return True
    return False


def vector_lanes(text, names, bits):
    """Widest per-access lane count of the copy's buffers in SIMT code (1 when no vector cast touches them)."""
    lanes = 0
    for name in names:
        if not name:
            continue
        pat = r"\*\((\w+)\*\)\(\s*" + buffer_pattern(name) + r"\s*\+"
        pat2 = r"\*\((\w+)\*\)\(\s*" + buffer_pattern(name) + r"\s*\)"
        found = re.findall(pat, text) + re.findall(pat2, text)
        if "load_global_256" in text or "store_global_256" in text:
            found.append("ulonglong4")
        for vt in found:
            vb = VECTOR_BITS.get(vt)
            if vb and bits.get(name):
                lanes = max(lanes, vb // bits[name])
        if re.search(buffer_pattern(name), text):
            lanes = max(lanes, 1)
    return lanes


def classify(text, op, src, dst, bits):
    """(path, lanes) of CUDA text, or None when it shows nothing of the copy."""
    if "tma_load_im2col" in text:
        return "im2col_tma", None
    if op in ("im2col", "c2d_im2col"):
        return ("im2col_simt", None) if (dst and re.search(buffer_pattern(dst), text)) else None
    if re.search(r"tl::tma_load(?:<[^>]*>)?\(\s*\w+_desc\b", text):
        return "tma_load", None
    if re.search(r"tl::tma_load(?:<[^>]*>)?\(", text):
        return "bulk_load", None
    if re.search(r"tl::tma_store(?:<[^>]*>)?\(\s*\w+_desc\b", text):
        return "tma_store", None
    if re.search(r"tl::tma_store(?:<[^>]*>)?\(", text):
        return "bulk_store", None
    m = re.search(r"cp_async_gs(?:_conditional)?<(\d+)>", text)
    if m:
        width = int(m.group(1)) * 8
        return "cp_async", width // bits[dst] if bits.get(dst) else None
    if "ptx_stmatrix" in text:
        return "stmatrix", None
    if "ptx_ldmatrix" in text:
        return "ldmatrix", None
    if "tcgen05_ld" in text:
        return "tmem_load", None
    if "tcgen05_st" in text:
        return "tmem_store", None
    lanes = vector_lanes(text, [src, dst], bits)
    return ("simt", lanes) if lanes else None


def by_names(cuda, op, src, dst, bits):
    """Instruction lines anywhere in the kernel that name the copy's buffers."""
    hits = []
    for line in cuda.splitlines():
        if op in ("im2col", "c2d_im2col"):
            if "tma_load_im2col" in line and src and re.search(r"\b" + re.escape(src) + r"_desc\b", line):
                hits.append(line)
        elif "tma_load" in line and src and dst and re.search(r"\b" + re.escape(src) + r"(?:_desc)?\b", line) and re.search(buffer_pattern(dst), line):
            hits.append(line)  # descriptor form (A_desc, ..., A_s) or 1-D bulk form (&A_s[..], &A[..], bar, bytes)
        elif "tma_store" in line and src and dst and re.search(r"\b" + re.escape(dst) + r"(?:_desc)?\b", line) and re.search(buffer_pattern(src), line):
            hits.append(line)
        elif "cp_async_gs" in line and src and dst and re.search(buffer_pattern(dst), line) and re.search(buffer_pattern(src), line):
            hits.append(line)
    return classify("\n".join(hits), op, src, dst, bits) if hits else None


def lower_kernel(func, path, targets, sites, configs, env):
    tilelang, tirx, Target, transform = env
    bits = element_bits(func, tirx)
    results = {}
    for t in targets:
        try:
            target = Target({"kind": "cuda", "arch": t})
            config = dict(configs)
            config["tl.emit_line_directives"] = True
            with transform.PassContext(opt_level=3, config=config), target:
                cuda = tilelang.lower(func, target=target).kernel_source
        except Exception as exc:  # the differential of diagnostics judges errors
            results[t] = {"error": "%s: %s" % (type(exc).__name__, str(exc)[-300:]), "copies": []}
            continue
        segs = segments(cuda, path)
        copies = []
        for line, (op, src, dst) in sorted(sites.items()):
            via = "line"
            # A segment runs on to the next marker, so it may hold other copies' code: keep the lines that name
            # this copy's buffers (or their TMA descriptors).
            mine = [l for l in segs.get(line, "").splitlines() if mentions(l, src, dst)]
            verdict = classify("\n".join(mine), op, src, dst, bits) if mine else None
            if verdict is None:
                via = "names"
                verdict = by_names(cuda, op, src, dst, bits)
            if verdict is None:
                continue
            path_name, lanes = verdict
            wide = max(bits.get(src or "", 0), bits.get(dst or "", 0)) or None
            copies.append({
                "line": line, "op": op, "path": path_name, "lanes": lanes,
                "bits": lanes * wide if lanes and wide else None, "via": via,
            })
        results[t] = {"error": None, "copies": copies}
    return results


def run_file(path, targets, created, env):
    source = open(path, encoding="utf-8").read()
    tree = ast.parse(source)
    sites = copy_sites(tree)
    spans = function_spans(tree)
    configs = header_pass_configs(source)
    namespace = {"__name__": "fixture", "__file__": path}
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    out = {"path": path, "statements": []}
    main_body = []
    for node in tree.body:
        if isinstance(node, ast.If) and "__main__" in ast.unparse(node.test):
            main_body = node.body
            continue
        exec(compile(ast.Module(body=[node], type_ignores=[]), path, "exec"), namespace)
    for stmt in main_body:
        created.clear()
        entry = {"line": stmt.lineno, "error": None, "kernels": []}
        try:
            exec(compile(ast.Module(body=[stmt], type_ignores=[]), path, "exec"), namespace)
        except Exception as exc:  # elaboration failed
            entry["error"] = "%s: %s" % (type(exc).__name__, str(exc)[-300:])
        for name, func, first in list(created):
            # Only the copies written inside this prim_func's body (buffer names repeat across kernels).
            last = spans.get(first)
            mine = {k: v for k, v in sites.items() if last is None or first <= k <= last}
            entry["kernels"].append({"name": name, "results": lower_kernel(func, path, targets, mine, configs, env)})
        out["statements"].append(entry)
    sys.path.pop(0)
    return out


def main():
    targets, args = parse_arguments(sys.argv[1:])
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        import tilelang
        import tilelang.language as T
        from tvm import tirx, transform
        from tvm.target import Target

        created = capture_prim_funcs(tilelang, T)
        files = [run_file(p, targets, created, (tilelang, tirx, Target, transform)) for p in args]
    sys.stdout.write(json.dumps({"files": files}) + "\n")


if __name__ == "__main__":
    main()
