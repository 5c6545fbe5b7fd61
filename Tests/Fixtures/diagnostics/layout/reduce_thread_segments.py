# fixture: target=sm_80,sm_90
# TL417: reductions of a gemm accumulator that ReduceOp cannot lower (its prover cannot separate the register index
# from the threads owning the reduced index). Fails: column reductions where each warp holds 2 × 2 register blocks
# and M is split over 2 warps (mma on sm_80; sm_90 too for 32 rows, where the gemm stays mma), or one warpgroup holds
# 2 blocks of 64 rows (wgmma, 128 rows on sm_90), or M is split over 8 warps; a row reduction with N split over 8
# warps holding 2 blocks of 8 columns each. Near misses: the usual row reduction of an attention tile, the same
# column reduction with policy=FullCol (one warp along M), one 16-row block per warp, the 8-warp row reduction with
# one column block per warp. Any reduction along a dim split over warps that are not a power of two (6 along M with
# FullRow) fails too: the all-reduce across them is an XOR butterfly. A policy named with
# `getattr(T.GemmWarpPolicy, name)` is the same policy. Quick fixes set a warp policy that avoids it.
import tilelang.language as T


def column_sum(M, N, threads, policy):
    @T.prim_func
    def main(A: T.Tensor((M, 32), "float16"), B: T.Tensor((32, N), "float16"), S: T.Tensor((N,), "float32")):
        with T.Kernel(1, threads=threads) as bx:
            A_s = T.alloc_shared((M, 32), "float16")
            B_s = T.alloc_shared((32, N), "float16")
            C = T.alloc_fragment((M, N), "float32")
            s = T.alloc_fragment((N,), "float32")
            T.copy(A, A_s)
            T.copy(B, B_s)
            if policy == "FullCol":
                T.gemm(A_s, B_s, C, clear_accum=True, policy=T.GemmWarpPolicy.FullCol)
            elif policy == "FullRow":
                T.gemm(A_s, B_s, C, clear_accum=True, policy=T.GemmWarpPolicy.FullRow)
            else:
                T.gemm(A_s, B_s, C, clear_accum=True)
            T.reduce_sum(C, s, dim=0)
            #            ^ error TL417: T.reduce_sum along dim 0 of C (128, 32), the accumulator of the gemm on line 27 (mma, 8×1 warps, policy FullRow): its rows are split over 8 warps, each warp holding 1 block of 16 rows and 4 blocks of 8 columns in registers, and the compiler cannot prove that the register index does not depend on the thread-owned part of the reduced index, so lowering fails ("ReduceOp cannot lower a layout where a source index depends on a thread-owned reduce segment"); the warp policy GemmWarpPolicy.Square or GemmWarpPolicy.FullCol avoids it (with M=128, N=32, threads=256, policy="FullRow" from line 82)
            #            ^ error TL417: T.reduce_sum along dim 0 of C (128, 32), the accumulator of the gemm on line 27 (wgmma, 8×1 warps, policy FullRow): its rows are split over 8 warps, each warpgroup holding 1 block of 64 rows and 4 blocks of 8 columns in registers, and the compiler cannot prove that the register index does not depend on the thread-owned part of the reduced index, so lowering fails ("ReduceOp cannot lower a layout where a source index depends on a thread-owned reduce segment"); reduce a tile whose warps hold one block along the reduced dim, or reduce through shared memory (with M=128, N=32, threads=256, policy="FullRow" from line 82)
            #            ^ error TL417: T.reduce_sum along dim 0 of C (128, 64), the accumulator of the gemm on line 29 (mma, 2×2 warps, policy Square): its rows are split over 2 warps, each warp holding 4 blocks of 16 rows and 4 blocks of 8 columns in registers, and the compiler cannot prove that the register index does not depend on the thread-owned part of the reduced index, so lowering fails ("ReduceOp cannot lower a layout where a source index depends on a thread-owned reduce segment"); the warp policy GemmWarpPolicy.FullCol avoids it (with M=128, N=64, threads=128, policy="Square" from line 81)
            #            ^ error TL417: T.reduce_sum along dim 0 of C (128, 64), the accumulator of the gemm on line 29 (wgmma, 4×1 warps, policy Square): its rows are split over 4 warps, each warpgroup holding 2 blocks of 64 rows and 8 blocks of 8 columns in registers, and the compiler cannot prove that the register index does not depend on the thread-owned part of the reduced index, so lowering fails ("ReduceOp cannot lower a layout where a source index depends on a thread-owned reduce segment"); reduce a tile whose warps hold one block along the reduced dim, or reduce through shared memory (with M=128, N=64, threads=128, policy="Square" from line 81)
            #            ^ error TL417: T.reduce_sum along dim 0 of C (64, 32), the accumulator of the gemm on line 29 (mma, 2×2 warps, policy Square): its rows are split over 2 warps, each warp holding 2 blocks of 16 rows and 2 blocks of 8 columns in registers, and the compiler cannot prove that the register index does not depend on the thread-owned part of the reduced index, so lowering fails ("ReduceOp cannot lower a layout where a source index depends on a thread-owned reduce segment"); the warp policy GemmWarpPolicy.FullRow or GemmWarpPolicy.FullCol avoids it (with M=64, N=32, threads=128, policy="Square" from line 80)
            #            ^ error TL417: T.reduce_sum along dim 0 of C (96, 64), the accumulator of the gemm on line 27 (mma, 6×1 warps, policy FullRow): its rows are split over 6 warps, not a power of two, and the compiler's all-reduce across them is an XOR butterfly, so lowering fails ("XOR-butterfly AllReduce requires logical_width ... to be a positive power of two", or the thread-owned reduce segment check); reduce a tile whose warps hold one block along the reduced dim, or reduce through shared memory (with M=96, N=64, threads=192, policy="FullRow" from line 88)
            T.copy(s, S)

    return main


def row_max(M, N, threads):
    @T.prim_func
    def main(A: T.Tensor((M, 32), "float16"), B: T.Tensor((32, N), "float16"), S: T.Tensor((M,), "float32")):
        with T.Kernel(1, threads=threads) as bx:
            A_s = T.alloc_shared((M, 32), "float16")
            B_s = T.alloc_shared((32, N), "float16")
            C = T.alloc_fragment((M, N), "float32")
            m = T.alloc_fragment((M,), "float32")
            T.copy(A, A_s)
            T.copy(B, B_s)
            T.gemm(A_s, B_s, C, clear_accum=True)
            T.reduce_max(C, m, dim=1, clear=True)
            #            ^ error TL417: T.reduce_max along dim 1 of C (16, 128), the accumulator of the gemm on line 52 (mma, 1×8 warps, policy Square): its columns are split over 8 warps, each holding 2 blocks of 8 columns in registers, and the compiler cannot prove that the register index does not depend on the thread-owned part of the reduced index, so lowering fails ("ReduceOp cannot lower a layout where a source index depends on a thread-owned reduce segment"); reduce a tile whose warps hold one block along the reduced dim, or reduce through shared memory (with M=16, N=128, threads=256 from line 85)
            T.copy(m, S)

    return main


def column_sum_named(M, N, threads, name):
    @T.prim_func
    def main(A: T.Tensor((M, 32), "float16"), B: T.Tensor((32, N), "float16"), S: T.Tensor((N,), "float32")):
        with T.Kernel(1, threads=threads) as bx:
            A_s = T.alloc_shared((M, 32), "float16")
            B_s = T.alloc_shared((32, N), "float16")
            C = T.alloc_fragment((M, N), "float32")
            s = T.alloc_fragment((N,), "float32")
            T.copy(A, A_s)
            T.copy(B, B_s)
            T.gemm(A_s, B_s, C, clear_accum=True, policy=getattr(T.GemmWarpPolicy, name))
            T.reduce_sum(C, s, dim=0)
            #            ^ error TL417: T.reduce_sum along dim 0 of C (96, 64), the accumulator of the gemm on line 70 (mma, 3×2 warps, policy FullCol): its rows are split over 3 warps, not a power of two, and the compiler's all-reduce across them is an XOR butterfly, so lowering fails ("XOR-butterfly AllReduce requires logical_width ... to be a positive power of two", or the thread-owned reduce segment check); reduce a tile whose warps hold one block along the reduced dim, or reduce through shared memory (with M=96, N=64, threads=192, name="FullCol" from line 91)
            #            ^ error TL417: T.reduce_sum along dim 0 of C (96, 64), the accumulator of the gemm on line 70 (mma, 6×1 warps, policy FullRow): its rows are split over 6 warps, not a power of two, and the compiler's all-reduce across them is an XOR butterfly, so lowering fails ("XOR-butterfly AllReduce requires logical_width ... to be a positive power of two", or the thread-owned reduce segment check); reduce a tile whose warps hold one block along the reduced dim, or reduce through shared memory (with M=96, N=64, threads=192, name="FullRow" from line 90)
            T.copy(s, S)

    return main


if __name__ == "__main__":
    column_sum(64, 32, 128, "Square")
    column_sum(128, 64, 128, "Square")
    column_sum(128, 32, 256, "FullRow")
    column_sum(64, 32, 128, "FullCol")
    column_sum(32, 64, 128, "Square")
    row_max(16, 128, 256)
    row_max(64, 64, 128)
    row_max(16, 64, 256)
    column_sum(96, 64, 192, "FullRow")
    column_sum(64, 96, 192, "FullCol")
    column_sum_named(96, 64, 192, "FullRow")
    column_sum_named(96, 64, 192, "FullCol")
