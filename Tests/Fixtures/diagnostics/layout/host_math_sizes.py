# fixture: target=sm_80,sm_90,sm_100
# Sizes computed with tilelang's Python helpers (`tilelang.math.next_power_of_2`, `tilelang.cdiv`) and with `math.log2`
# / `math.floor` are evaluated, so the checks that need them run (sweep M: a padded head count and a thread count
# rounded to whole warpgroups had left these kernels unchecked). A 16×48 accumulator over 4 warps has no warp
# partition on any target (TL414); 512 threads over a 192×96 tile has no wgmma layout on sm_90 (TL414).
import math

import tilelang
import tilelang.language as T


def pow2_gemm(H, D):
    P = max(tilelang.math.next_power_of_2(H), 16)
    n = tilelang.cdiv(D, 16)

    @T.prim_func
    def main(A: T.Tensor((P, D), "float16"), Bm: T.Tensor((D, n * 16), "float16"), C: T.Tensor((P, n * 16), "float32")):
        with T.Kernel(1, threads=128):
            a = T.alloc_shared((P, D), "float16")
            b = T.alloc_shared((D, n * 16), "float16")
            c = T.alloc_fragment((P, n * 16), "float32")
            T.copy(A, a)
            T.copy(Bm, b)
            T.gemm(a, b, c)
            #            ^ error TL414: T.gemm's accumulator c is 16×48, which 4 warps cannot split into pieces of 16 rows × 8 columns: the compiler fails ("No valid warp partition for T.gemm"); use a larger tile or fewer threads (with H=1, D=48 from line 52)
            T.copy(c, C)

    return main


def log2_threads(bm, bn, bk):
    threads = (1 << math.ceil(math.log2(math.ceil(bm / 64)))) * 128

    @T.prim_func
    def main(A: T.Tensor((4096, 4096), "float16"), B: T.Tensor((4096, 4096), "float16"), C: T.Tensor((4096, 4096), "float16")):
        with T.Kernel(T.ceildiv(4096, bn), T.ceildiv(4096, bm), threads=threads) as (bx, by):
            a_s = T.alloc_shared((bm, bk), "float16")
            b_s = T.alloc_shared((bk, bn), "float16")
            c_l = T.alloc_fragment((bm, bn), "float32")
            T.clear(c_l)
            for ko in T.Pipelined(T.ceildiv(4096, bk), num_stages=2):
                T.copy(A[by * bm, ko * bk], a_s)
                T.copy(B[ko * bk, bx * bn], b_s)
                T.gemm(a_s, b_s, c_l)
                #           ^^^ error TL414: On sm_90 this T.gemm is a wgmma (4×4 warps, policy Square) reading B b_s (32, 96) N-major from shared memory: each warpgroup multiplies 24 columns (its 96 columns over 4 warpgroups along N), instruction n8, too narrow for a swizzled layout (a multiple of 16 columns), and unswizzled, the tile's 96-column rows are 12 16-byte chunks where wgmma reads one ("Not a canonical GMMA_MN layout: stride<1,0>=12 != W=1"), so lowering fails; store B as (N, K) and pass transpose_B=True, or give each warpgroup a multiple of 16 columns (with bm=192, bn=96, bk=32 from line 54)
            T.copy(c_l, C[by * bm, bx * bn])

    return main


if __name__ == "__main__":
    pow2_gemm(1, 48)
    pow2_gemm(32, 64)
    log2_threads(192, 96, 32)
    log2_threads(128, 128, 32)
