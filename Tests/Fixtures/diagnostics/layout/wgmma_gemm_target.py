# fixture: target=sm_80,sm_90,sm_100
# TL424: T.wgmma_gemm names Hopper's warpgroup MMA, and 0.1.15 fails the build where it cannot be selected: on any
# target but sm_90, with an accumulator of fewer than 64 rows, or with a thread count that is not a multiple of 128
# (also under the pass config tl.disable_wgmma). T.gemm picks the instruction itself and builds everywhere.
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
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 128 threads asks for Hopper's warpgroup MMA, but sm_100 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=128, op="wgmma" from line 42)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 128 threads asks for Hopper's warpgroup MMA, but sm_80 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=128, op="wgmma" from line 42)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 256 threads asks for Hopper's warpgroup MMA, but sm_100 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=256, op="wgmma" from line 43)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 256 threads asks for Hopper's warpgroup MMA, but sm_80 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=256, op="wgmma" from line 43)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 64 threads asks for Hopper's warpgroup MMA, but sm_100 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=64, op="wgmma" from line 45)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 64 threads asks for Hopper's warpgroup MMA, but sm_80 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=64, op="wgmma" from line 45)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (128, 128) over 64 threads asks for Hopper's warpgroup MMA, but the 64 threads are not whole warpgroups (a multiple of 128): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=128, threads=64, op="wgmma" from line 45)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (32, 128) over 128 threads asks for Hopper's warpgroup MMA, but its M is 32, and a wgmma needs at least 64 rows: the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=32, threads=128, op="wgmma" from line 44)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (32, 128) over 128 threads asks for Hopper's warpgroup MMA, but sm_100 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=32, threads=128, op="wgmma" from line 44)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL424: T.wgmma_gemm into C_f (32, 128) over 128 threads asks for Hopper's warpgroup MMA, but sm_80 has no wgmma (only sm_90 does): the compiler fails ("T.wgmma_gemm() requires Hopper WGMMA lowering, but constraints were not satisfied"); use T.gemm, which picks the instruction for the target (with bm=32, threads=128, op="wgmma" from line 44)
                else:
                    T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * bm, bx * bn])

    return main


if __name__ == "__main__":
    gemm(128, 128)
    gemm(128, 256)
    gemm(32, 128)
    gemm(128, 64)
    gemm(128, 128, op="gemm")
