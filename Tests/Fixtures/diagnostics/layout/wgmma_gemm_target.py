# fixture: target=sm_80,sm_90,sm_100
# TL424: T.wgmma_gemm names Hopper's warpgroup MMA, and 0.1.15 fails the build where it cannot be selected: on any
# target but sm_90, with an accumulator of fewer than 64 rows, or with a thread count that is not a multiple of 128
# (also under the pass config tl.disable_wgmma). T.gemm picks the instruction itself and builds everywhere. T.tcgen05_gemm
# needs sm_100 and a tensor-memory accumulator: a fragment accumulator fails on every target. T.gemm takes `mbar` in
# 0.1.15 (a barrier for tcgen05 lowering); with a fragment accumulator it builds on sm_90 and sm_100 (sm_80 rejects the
# barrier allocation, TL420).
import tilelang.language as T


def gemm(bm, threads, op="wgmma"):
    M = N = K = 1024
    bn, bk = 128, 64

    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(N, bn), T.ceildiv(M, bm), threads=threads) as (bx, by):
            A_s = T.alloc_shared((bm, bk), "float16")
            B_s = T.alloc_shared((bk, bn), "float16")
            C_f = T.alloc_fragment((bm, bn), "float32")
            T.clear(C_f)
            for ko in T.Pipelined(T.ceildiv(K, bk), num_stages=2):
                T.copy(A[by * bm, ko * bk], A_s)
                T.copy(B[ko * bk, bx * bn], B_s)
                if op == "wgmma":
                    T.wgmma_gemm(A_s, B_s, C_f)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 128 threads asks for Hopper's warpgroup MMA, but sm_100 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=128, op="wgmma" from line 68)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 128 threads asks for Hopper's warpgroup MMA, but sm_80 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=128, op="wgmma" from line 68)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 256 threads asks for Hopper's warpgroup MMA, but sm_100 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=256, op="wgmma" from line 69)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 256 threads asks for Hopper's warpgroup MMA, but sm_80 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=256, op="wgmma" from line 69)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 64 threads asks for Hopper's warpgroup MMA, but sm_100 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=64, op="wgmma" from line 71)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 64 threads asks for Hopper's warpgroup MMA, but sm_80 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=64, op="wgmma" from line 71)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 64 threads asks for Hopper's warpgroup MMA, but the 64 threads are not whole warpgroups (a multiple of 128): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=64, op="wgmma" from line 71)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (32, 128) over 128 threads asks for Hopper's warpgroup MMA, but its M is 32, and a wgmma needs at least 64 rows: the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=32, threads=128, op="wgmma" from line 70)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (32, 128) over 128 threads asks for Hopper's warpgroup MMA, but sm_100 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=32, threads=128, op="wgmma" from line 70)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (32, 128) over 128 threads asks for Hopper's warpgroup MMA, but sm_80 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=32, threads=128, op="wgmma" from line 70)
                else:
                    T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * bm, bx * bn])

    return main


def tcgen05_into_fragment(op):
    @T.prim_func
    def main(A: T.Tensor((128, 128), "bfloat16"), B: T.Tensor((128, 128), "bfloat16"), D: T.Tensor((128, 128), "bfloat16")):
        with T.Kernel(1, threads=128):
            A_s = T.alloc_shared((128, 128), "bfloat16")
            B_s = T.alloc_shared((128, 128), "bfloat16")
            C_f = T.alloc_fragment((128, 128), "float32")
            mbar = T.alloc_barrier(1)
            #      ^^^^^^^^^^^^^^^^^^ error TL420: mbar is a hardware mbarrier (T.alloc_barrier), which sm_80 lacks: the compiler fails ("T.alloc_barrier() requires sm_90 (Hopper) or later, but the current target is sm_80"); synchronise with T.sync_threads() before sm_90, or build for sm_90 or later
            T.copy(A[0:128, 0:128], A_s)
            T.copy(B[0:128, 0:128], B_s)
            if op == "tcgen05":
                T.tcgen05_gemm(A_s, B_s, C_f, transpose_B=True, mbar=mbar, clear_accum=True)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.tcgen05_gemm asks for Blackwell's tcgen05 MMA, but its accumulator is in local.fragment, and tcgen05 accumulates in tensor memory (T.alloc_tmem): the compiler fails ("T.tcgen05_gemm() requires Blackwell TCGEN5MMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with op="tcgen05" from line 73)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.tcgen05_gemm asks for Blackwell's tcgen05 MMA, but sm_80 has none (it needs sm_100): the compiler fails ("T.tcgen05_gemm() requires Blackwell TCGEN5MMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with op="tcgen05" from line 73)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.tcgen05_gemm asks for Blackwell's tcgen05 MMA, but sm_90 has none (it needs sm_100): the compiler fails ("T.tcgen05_gemm() requires Blackwell TCGEN5MMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with op="tcgen05" from line 73)
            else:
                T.gemm(A_s, B_s, C_f, transpose_B=True, mbar=mbar, clear_accum=True)
            T.copy(C_f, D[0:128, 0:128])

    return main


if __name__ == "__main__":
    gemm(128, 128)
    gemm(128, 256)
    gemm(32, 128)
    gemm(128, 64)
    gemm(128, 128, op="gemm")
    tcgen05_into_fragment("tcgen05")
    tcgen05_into_fragment("gemm")
