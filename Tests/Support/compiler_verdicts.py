"""Compiler verdicts for tl-lsp's differential tests (stdlib + tilelang 0.1.15).

For each fixture file: run the statements of its `if __name__ == "__main__":` block one at a time, capture every
`@T.prim_func` they create, lower each for each requested target, and print one JSON document:
{"files": [{"path", "statements": [{"line", "error": null | {...}, "kernels": [{"name", "results": {target: null |
{...}}}]}]}]}. An error is {"type", "message", "lines": [fixture lines of the traceback], "spans": [lines of `--> file:line` spans]}.
Usage: python compiler_verdicts.py --targets sm_80,sm_90 FILE...
"""
import ast
import contextlib
import io
import json
import os
import re
import sys
import traceback

os.environ.setdefault("TVM_FFI_DISABLE_TORCH_C_DLPACK", "1")


def fixture_lines(tb, path):
    """Lines of `path` in a traceback, innermost last."""
    real = os.path.realpath(path)
    return [f.lineno for f in traceback.extract_tb(tb) if os.path.realpath(f.filename) == real]


def span_lines(message, path):
    base = os.path.basename(path)
    return [int(m.group(1)) for m in re.finditer(r"-->\s*\S*" + re.escape(base) + r":(\d+)", message)]


def describe(exc, path):
    message = str(exc)
    return {
        "type": type(exc).__name__,
        "message": message[-4000:],
        "lines": fixture_lines(exc.__traceback__, path),
        "spans": span_lines(message, path),
    }


def parse_arguments(argv):
    """`--targets sm_80,sm_90 FILE...` → (targets, files)."""
    targets = ["sm_80", "sm_90"]
    if argv and argv[0] == "--targets":
        return argv[1].split(","), argv[2:]
    return targets, argv


def capture_prim_funcs(tilelang, T):
    """Makes `@T.prim_func` record every kernel it creates as (name, prim_func, first line) and turns
    `tilelang.compile` (which needs nvcc) into a no-op; returns the list the kernels are appended to."""
    original = T.prim_func
    created = []

    def capture(func=None, **kwargs):
        if func is None:
            return lambda f: capture(f, **kwargs)
        result = original(func, **kwargs)
        code = getattr(func, "__code__", None)
        created.append((getattr(func, "__name__", "kernel"), result, code.co_firstlineno if code else None))
        return result

    tilelang.language.prim_func = capture
    T.prim_func = capture
    tilelang.compile = lambda *args, **kwargs: None
    return created


def main():
    targets, args = parse_arguments(sys.argv[1:])
    captured = io.StringIO()
    with contextlib.redirect_stdout(captured):
        import tilelang
        import tilelang.language as T
        from tvm.target import Target
        from tvm import transform

        created = capture_prim_funcs(tilelang, T)
        files = []
        for path in args:
            files.append(run_file(path, targets, created, tilelang, Target, transform))
    sys.stdout.write(json.dumps({"files": files}) + "\n")


def run_file(path, targets, created, tilelang, Target, transform):
    source = open(path, encoding="utf-8").read()
    tree = ast.parse(source)
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
            entry["error"] = describe(exc, path)
        for name, func, _ in list(created):
            results = {}
            for t in targets:
                try:
                    target = Target({"kind": "cuda", "arch": t})
                    with transform.PassContext(opt_level=3), target:
                        tilelang.lower(func, target=target)
                    results[t] = None
                except Exception as exc:
                    results[t] = describe(exc, path)
            entry["kernels"].append({"name": name, "results": results})
        out["statements"].append(entry)
    sys.path.pop(0)
    return out


if __name__ == "__main__":
    main()
