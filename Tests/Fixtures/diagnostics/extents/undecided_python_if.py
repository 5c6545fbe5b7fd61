# fixture: target=sm_80,sm_90
# An `if` on a Python value the front end decides while it builds the kernel: only one branch is compiled. Where
# tl-lsp cannot tell which (a flag read from a config object, a parameter no call in the file binds), an error in one
# branch is a warning that says so, and one both branches have stays an error. A run-time `if` (on a block index)
# compiles both branches, so an error in either is one.
from dataclasses import dataclass

import tilelang.language as T


@dataclass
class Config:
    use_tma: bool = False
    flat: bool = True


def copy_kernel(M, N, use_tma):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(N, 64), T.ceildiv(M, 64), threads=128) as (bx, by):
            s = T.alloc_shared((64, 64), "float16")
            if use_tma:
                T.tma_copy(A[by * 64, bx * 64], s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning TL210: T.tma_copy() requires TMA-capable target and global<->shared copy pattern, but TMA is not available for src=A, dst=s [sm_80] (in a branch of the `if` on line 22, whose condition `use_tma` tl-lsp cannot evaluate: the compiler fails only if it builds this branch)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning TL210: T.tma_copy() requires a barrier argument for loads. Use T.tma_copy(src, dst, barrier=mbar[idx]). [sm_90] (in a branch of the `if` on line 22, whose condition `use_tma` tl-lsp cannot evaluate: the compiler fails only if it builds this branch)
            else:
                T.copy(A[by * 64, bx * 64], s)
            T.copy(s, B[by * 64, bx * 64])

    return main


def library_gemm(M, N, wide_b):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((N, 64), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 64, M // 64, threads=128) as (bx, by):
            As = T.alloc_shared((64, 64), "float16")
            Bs = T.alloc_shared((64, 64), "float16")
            Bh = T.alloc_shared((64, 32), "float16")
            Cf = T.alloc_fragment((64, 64), "float32")
            T.copy(A[by * 64, 0], As)
            T.copy(B[bx * 64, 0], Bs)
            if wide_b:
                T.gemm(As, Bs, Cf, transpose_B=True, clear_accum=True)
            else:
                T.gemm(As, Bh, Cf, transpose_B=True, clear_accum=True)
                #          ^^ warning TL414: T.gemm multiplies As (64, 64) by Bh (64, 32) transposed: K is 64 for A and 32 for B, and the front end fails ("T.gemm K shape check failed: K_A = 64, K_B = 32") (in a branch of the `if` on line 43, whose condition `wide_b` tl-lsp cannot evaluate: the compiler fails only if it builds this branch)
            T.copy(Cf, C[by * 64, bx * 64])

    return main


def flatten(M, flat):
    @T.prim_func
    def main(A: T.Tensor((M, 32), "float16"), C: T.Tensor((M, 32), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 32), "float16")
            T.copy(A[bx * 128, 0], s)
            if flat:
                T.copy(s, C[bx * 128, 0:32])
                #         ^^^^^^^^^^^^^^^^^ error TL103: the two sides keep different numbers of non-1 extents: src 128×32 vs dst 32 (extra non-1 extent at dim 1 of the dst); the compiler fails in MakeIterVars. src s (128, 32), dst C (1, 32), loop over s 128×32
            else:
                T.copy(s, C[bx * 128 + 1, 0:32])
                #         ^^^^^^^^^^^^^^^^^^^^^ error TL103: the two sides keep different numbers of non-1 extents: src 128×32 vs dst 32 (extra non-1 extent at dim 1 of the dst); the compiler fails in MakeIterVars. src s (128, 32), dst C (1, 32), loop over s 128×32

    return main


def guarded(M):
    @T.prim_func
    def main(A: T.Tensor((M, 32), "float16"), C: T.Tensor((M, 32), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 32), "float16")
            T.copy(A[bx * 128, 0], s)
            if bx > 0:
                T.copy(s, C[bx * 128, 0:32])
                #         ^^^^^^^^^^^^^^^^^ error TL103: the two sides keep different numbers of non-1 extents: src 128×32 vs dst 32 (extra non-1 extent at dim 1 of the dst); the compiler fails in MakeIterVars. src s (128, 32), dst C (1, 32), loop over s 128×32
            else:
                T.copy(s, C[bx * 128:bx * 128 + 128, 0:32])

    return main


if __name__ == "__main__":
    cfg = Config()
    copy_kernel(1024, 1024, cfg.use_tma)
    flatten(1024, cfg.flat)
    guarded(1024)
