"""Seeded kernel mutants for tl-lsp's mutant differential (stdlib only).

Writes fixture-style files (factories called from an `if __name__ == "__main__":` block) into DIR: a family of
mostly-broken copies (shapes, slices, scopes, dtypes, ops, annotations), a family of valid-looking copies (widths,
dtypes, pipelines, stores), and a family of im2col calls (geometry, channels, tiles, scopes). The same seed gives
the same files. Usage: python mutants.py DIR [SEED]
"""
import os
import random
import sys


def kernel(name, params, body, grid="4"):
    ind = "\n".join("            " + line for line in body.strip().split("\n"))
    return f'''
def {name}(M):
    @T.prim_func
    def main({params}):
        with T.Kernel({grid}, threads=128) as by:
{ind}

    return main
'''


def broken(rng, i):
    src = rng.choice([
        "A[by * 64, k * 32]", "A[by * 64:(by + 1) * 64, k * 32:(k + 1) * 32]", "A[by * 64:by * 64 + 32, k * 32:(k + 1) * 32]",
        "A[by * 64:(by + 1) * 64, k * 32]", "A[by * 64, k * 32:(k + 1) * 32]", "A[by * 64:(by + 1) * 64, 0:40]",
        "A[by * 64:(by + 1) * 64, k * 32:(k + 1) * 32 + 8]", "A[0:128, 0:32]", "A[by * 64, 0:24]", "A[by]",
    ])
    shape = rng.choice(["(64, 32)", "(32, 64)", "(64, 64)", "(1, 32)", "(64,)", "(2048,)", "(64, 1)", "(1, 64, 32)",
                        "(128, 32)", "(64, 16)", "(64, 40)", "(64, 24)", "(16, 32)"])
    scope = rng.choice(["alloc_shared", "alloc_shared", "alloc_fragment", "alloc_local"])
    dtype = rng.choice(["float16", "float16", "float32", "int8", "bool", "bfloat16"])
    op = rng.choice(["copy", "copy", "copy", "async_copy", "tma_copy"])
    kw = rng.choice(["", "", ", coalesced_width=2", ", coalesced_width=8", ", coalesced_width=3", ", disable_tma=True",
                     ", prefer_instruction=\"tma\"", ", prefer_instruction=\"cp_async\"", ", eviction_policy=\"evict_last\"",
                     ", annotations={\"disable_tma\": True}"])
    if op == "tma_copy":
        kw = ", barrier=bar" if rng.random() < 0.8 else ""
    if op == "async_copy" and "prefer" in kw:
        kw = ""
    pipelined = rng.random() < 0.5
    store = rng.choice(["T.copy(S, B[by * 64, 0])", "T.copy(S, B[by * 64:(by + 1) * 64, 0:32])",
                        "T.copy(S[0:32, 0:16], B[by * 64, 0])", "T.copy(S, B[by * 64, 0], disable_tma=True)", "", ""])
    gdtype = rng.choice(["float16", "float16", "float32", "int8", "bool"])
    body = f"S = T.{scope}({shape}, \"{dtype}\")\n"
    if op == "tma_copy":
        body += "bar = T.alloc_barrier(128)\n"
    line = f"T.{op}({src}, S{kw})"
    body += f"for k in T.Pipelined(4, num_stages=2):\n    {line}\n" if pipelined else f"k = 1\n{line}\n"
    body += store + "\n" if store else ""
    params = f'A: T.Tensor((M, 256), "{gdtype}"), B: T.Tensor((M, 256), "{gdtype}")'
    return kernel(f"broken_{i}", params, body)


def valid(rng, i):
    w = rng.choice([8, 16, 24, 32, 40, 48, 60, 64, 72, 80, 96, 100, 128, 192, 256])
    r = rng.choice([1, 2, 16, 32, 64, 128])
    dtype = rng.choice(["float16", "float32", "int8", "bfloat16", "float16"])
    fragment = rng.random() < 0.25
    kw = rng.choice(["", "", ", coalesced_width=4", ", disable_tma=True", ", prefer_instruction=\"sync\"",
                     ", prefer_instruction=\"cp_async\""])
    if fragment and "prefer" in kw:
        kw = ""
    store_kw = rng.choice(["", "", ", disable_tma=True", ", coalesced_width=2"])
    src = rng.choice([f"A[by * {r}, k * {w}]", f"A[by * {r}:(by + 1) * {r}, k * {w}:(k + 1) * {w}]"])
    body = f"S = T.{'alloc_fragment' if fragment else 'alloc_shared'}(({r}, {w}), \"{dtype}\")\n"
    line = f"T.copy({src}, S{kw})"
    stages = rng.choice([1, 2, 3])
    body += f"for k in T.Pipelined(4, num_stages={stages}):\n    {line}\n" if rng.random() < 0.5 else f"k = 1\n{line}\n"
    body += f"T.copy(S, B[by * {r}, 0]{store_kw})\n"
    params = f'A: T.Tensor((M, 1024), "{dtype}"), B: T.Tensor((M, 1024), "{dtype}")'
    return kernel(f"valid_{i}", params, body)


def im2col(rng, i):
    n, h, c = rng.choice([1, 2]), rng.choice([4, 8, 16]), rng.choice([16, 32, 48, 64, 128])
    k, s, d, p = rng.choice([1, 3, 5]), rng.choice([1, 2]), rng.choice([1, 2]), rng.choice([0, 1, 2])
    bm, bk = rng.choice([16, 32, 64, 128]), rng.choice([4, 8, 16, 32, 64])
    dtype = rng.choice(["float16", "float16", "float32"])
    col_dtype = dtype if rng.random() < 0.9 else "float32"
    scope = "alloc_shared" if rng.random() < 0.85 else "alloc_fragment"
    oh = (h + 2 * p - (k - 1) * d - 1) // s + 1
    rows = max(n * oh * oh, 1)
    grid = rng.choice([max(1, (rows + bm - 1) // bm), 4])
    body = f"col = T.{scope}(({bm}, {bk}), \"{col_dtype}\")\n"
    body += f"T.im2col(data, col, by, 0, {k}, {s}, {d}, {p})\n"
    body += f"T.copy(col, out[by * {bm}, 0])\n"
    params = f'data: T.Tensor(({n}, {h}, {h}, {c}), "{dtype}"), out: T.Tensor(({rows + 4 * bm}, 64), "{col_dtype}")'
    return kernel(f"im2col_{i}", params, body, grid=str(grid))


def main():
    out_dir = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2026
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    families = [("broken", broken, 100), ("valid", valid, 120), ("im2col", im2col, 60)]
    for family, make, count in families:
        for part in range(0, count, 20):
            names = [f"{family}_{i}" for i in range(part, part + 20)]
            text = "import tilelang.language as T\n" + "".join(make(rng, i) for i in range(part, part + 20))
            text += "\n\nif __name__ == \"__main__\":\n" + "\n".join(f"    {n}(256)" for n in names) + "\n"
            with open(os.path.join(out_dir, f"{family}_{part // 20}.py"), "w") as f:
                f.write(text)


if __name__ == "__main__":
    main()
