# fixture: target=sm_80,sm_90
# TL411: layout inference fixes every gemm's fragments first. A second gemm that lays out the same fragment
# differently fails, and so does a copy between fragments whose fixed layouts put an element on a thread that does
# not hold its source, or a reduction into a fragment laid out on other threads. Near misses: the same policy
# twice, FlashAttention's FullRow accumulator → register A operand, sm_90's wgmma (every policy gives 4×1 warps
# at 128 threads), and row maxima copied or reduced from 16 threads per row into 4 of them (the other direction).
# A T.Parallel loop over two gemm fragments takes its threads from the one it writes and fails where the other does
# not hold the element it reads there (different warp policies, or a transposed index).
import tilelang.language as T


def two_gemms(p1, p2, threads):
    @T.prim_func
    def main(A: T.Tensor((128, 32), "float16"), B: T.Tensor((32, 128), "float16"), C: T.Tensor((128, 128), "float32")):
        with T.Kernel(1, threads=threads) as bx:
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.copy(A, A_s)
            T.copy(B, B_s)
            T.gemm(A_s, B_s, acc, policy=p1, clear_accum=True)
            T.gemm(A_s, B_s, acc, policy=p2)
            #                ^^^ error TL411: this T.gemm lays out its accumulator acc (128, 128) for mma, 4×1 warps, policy FullRow on sm_80, but acc already is the accumulator of the T.gemm on line 21 (mma, 2×2 warps, policy Square): element (0, 64) is on thread 0 here, on thread 64 there; layout inference fails ("Get different layout for acc"); give both gemms the same warp policy or use separate fragments (with p1=GemmWarpPolicy.Square, p2=GemmWarpPolicy.FullRow, threads=128 from line 168)
            #                ^^^ error TL411: this T.gemm lays out its accumulator acc (128, 128) for mma, 8×1 warps, policy FullRow on sm_80, but acc already is the accumulator of the T.gemm on line 21 (mma, 2×4 warps, policy Square): element (0, 32) is on thread 0 here, on thread 64 there; layout inference fails ("Get different layout for acc"); give both gemms the same warp policy or use separate fragments (with p1=GemmWarpPolicy.Square, p2=GemmWarpPolicy.FullRow, threads=256 from line 169)
            #                ^^^ error TL411: this T.gemm lays out its accumulator acc (128, 128) for wgmma, 8×1 warps, policy FullRow on sm_90, but acc already is the accumulator of the T.gemm on line 21 (wgmma, 4×2 warps, policy Square): element (0, 64) is on thread 0 here, on thread 128 there; layout inference fails ("Get different layout for acc"); give both gemms the same warp policy or use separate fragments (with p1=GemmWarpPolicy.Square, p2=GemmWarpPolicy.FullRow, threads=256 from line 169)
            T.copy(acc, C)

    return main


def attention(p1, p2, threads):
    @T.prim_func
    def main(
        Q: T.Tensor((64, 64), "float16"),
        K: T.Tensor((64, 64), "float16"),
        V: T.Tensor((64, 64), "float16"),
        O: T.Tensor((64, 64), "float32"),
    ):
        with T.Kernel(1, threads=threads) as bx:
            Q_s = T.alloc_shared((64, 64), "float16")
            K_s = T.alloc_shared((64, 64), "float16")
            V_s = T.alloc_shared((64, 64), "float16")
            S = T.alloc_fragment((64, 64), "float32")
            S_cast = T.alloc_fragment((64, 64), "float16")
            acc_o = T.alloc_fragment((64, 64), "float32")
            T.copy(Q, Q_s)
            T.copy(K, K_s)
            T.copy(V, V_s)
            T.gemm(Q_s, K_s, S, transpose_B=True, policy=p1, clear_accum=True)
            T.copy(S, S_cast)
            #         ^^^^^^ error TL411: this copy between fragments of conflicting layouts fails on sm_80: S_cast is the A operand of the T.gemm on line 54 (mma, 2×2 warps, policy Square), and S is the accumulator of the T.gemm on line 49 (mma, 2×2 warps, policy Square); S_cast(0, 0) is on threads 0, 64, but S(0, 0) is only on thread 0: layout inference fails ("Layout infer conflict between S and S_cast in T.Parallel loop"); stage the copy through shared memory, or split both gemms' warps over rows only (policy=FullRow in both) (with p1=GemmWarpPolicy.Square, p2=GemmWarpPolicy.Square, threads=128 from line 171)
            #         ^^^^^^ error TL411: this copy between fragments of conflicting layouts fails on sm_80: S_cast is the A operand of the T.gemm on line 54 (mma, 4×2 warps, policy FullRow), and S is the accumulator of the T.gemm on line 49 (mma, 4×2 warps, policy FullRow); S_cast(0, 0) is on threads 0, 128, but S(0, 0) is only on thread 0: layout inference fails ("Layout infer conflict between S and S_cast in T.Parallel loop"); stage the copy through shared memory, or split both gemms' warps over rows only (policy=FullRow in both) (with p1=GemmWarpPolicy.FullRow, p2=GemmWarpPolicy.FullRow, threads=256 from line 173)
            #         ^^^^^^ error TL411: this copy between fragments of conflicting layouts fails on sm_90: S_cast is the A operand of the T.gemm on line 54 (wgmma, 4×2 warps, policy FullRow), and S is the accumulator of the T.gemm on line 49 (wgmma, 4×2 warps, policy FullRow); S_cast(0, 0) is on threads 0, 128, but S(0, 0) is only on thread 0: layout inference fails ("Layout infer conflict between S and S_cast in T.Parallel loop"); stage the copy through shared memory, or split both gemms' warps over rows only (policy=FullRow in both) (with p1=GemmWarpPolicy.FullRow, p2=GemmWarpPolicy.FullRow, threads=256 from line 173)
            T.gemm(S_cast, V_s, acc_o, policy=p2, clear_accum=True)
            T.copy(acc_o, O)

    return main


def accumulators(p1, p2, through_plain):
    @T.prim_func
    def main(A: T.Tensor((128, 32), "float16"), B: T.Tensor((32, 128), "float16"), C: T.Tensor((128, 128), "float32")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C1 = T.alloc_fragment((128, 128), "float32")
            C2 = T.alloc_fragment((128, 128), "float32")
            F = T.alloc_fragment((128, 128), "float32")
            T.copy(A, A_s)
            T.copy(B, B_s)
            T.gemm(A_s, B_s, C1, policy=p1, clear_accum=True)
            T.gemm(A_s, B_s, C2, policy=p2)
            if through_plain:
                T.copy(C1, F)
                T.copy(F, C2)
                #         ^^ error TL411: this copy between fragments of conflicting layouts fails on sm_80: C2 is the accumulator of the T.gemm on line 72 (mma, 4×1 warps, policy FullRow), and F takes its layout through the T.copy on line 74 from C1, which is the accumulator of the T.gemm on line 71 (mma, 1×4 warps, policy FullCol); C2(0, 32) is on thread 0, but F(0, 32) is only on thread 32: layout inference fails ("Layout infer conflict between F and C2 in T.Parallel loop"); stage the copy through shared memory, or give both gemms the same warp partition (with p1=GemmWarpPolicy.FullCol, p2=GemmWarpPolicy.FullRow, through_plain=True from line 175)
            else:
                T.copy(C1, C2)
                #          ^^ error TL411: this copy between fragments of conflicting layouts fails on sm_80: C2 is the accumulator of the T.gemm on line 72 (mma, 1×4 warps, policy FullCol), and C1 is the accumulator of the T.gemm on line 71 (mma, 4×1 warps, policy FullRow); C2(0, 32) is on thread 32, but C1(0, 32) is only on thread 0: layout inference fails ("Layout infer conflict between C1 and C2 in T.Parallel loop"); stage the copy through shared memory, or give both gemms the same warp partition (with p1=GemmWarpPolicy.FullRow, p2=GemmWarpPolicy.FullCol, through_plain=False from line 174)
            T.copy(C2, C)

    return main


def row_maxima(p1, p2, one_output):
    @T.prim_func
    def main(A: T.Tensor((128, 32), "float16"), B: T.Tensor((32, 128), "float16"), M: T.Tensor((128,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C1 = T.alloc_fragment((128, 128), "float32")
            C2 = T.alloc_fragment((128, 128), "float32")
            m1 = T.alloc_fragment((128,), "float32")
            m2 = T.alloc_fragment((128,), "float32")
            T.copy(A, A_s)
            T.copy(B, B_s)
            T.gemm(A_s, B_s, C1, policy=p1, clear_accum=True)
            T.gemm(A_s, B_s, C2, policy=p2, clear_accum=True)
            T.reduce_max(C1, m1, dim=1)
            if one_output:
                T.reduce_max(C2, m1, dim=1, clear=False)
                #                ^^ error TL411: this reduction into m1 fails on sm_80: m1 already is the output of the T.reduce_max on line 99 over C1, which is the accumulator of the T.gemm on line 97 (mma, 1×4 warps, policy FullCol), and C2 is the accumulator of the T.gemm on line 98 (mma, 4×1 warps, policy FullRow); m1(0,) is on threads 0, 1, 2, 3, … (16 threads), but the reduction leaves it only on threads 0, 1, 2, 3: layout inference fails ("Layout may conflict with ReduceOp for buffer m1 vs. C2"); reduce into a separate fragment (with p1=GemmWarpPolicy.FullCol, p2=GemmWarpPolicy.FullRow, one_output=True from line 179)
                T.copy(m1, M)
            else:
                T.reduce_max(C2, m2, dim=1)
                T.copy(m1, m2)
                #          ^^ error TL411: this copy between fragments of conflicting layouts fails on sm_80: m2 is the output of the T.reduce_max on line 105 over C2, which is the accumulator of the T.gemm on line 98 (mma, 1×4 warps, policy FullCol), and m1 is the output of the T.reduce_max on line 99 over C1, which is the accumulator of the T.gemm on line 97 (mma, 4×1 warps, policy FullRow); m2(0,) is on threads 0, 1, 2, 3, … (16 threads), but m1(0,) is only on threads 0, 1, 2, 3: layout inference fails ("Layout infer conflict between m1 and m2 in T.Parallel loop"); stage the copy through shared memory (with p1=GemmWarpPolicy.FullRow, p2=GemmWarpPolicy.FullCol, one_output=False from line 177)
                T.copy(m2, M)

    return main



def combined(p1, p2, transposed):
    @T.prim_func
    def main(A: T.Tensor((128, 32), "float16"), B: T.Tensor((32, 128), "float16"), C: T.Tensor((128, 128), "float32")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc1 = T.alloc_fragment((128, 128), "float32")
            acc2 = T.alloc_fragment((128, 128), "float32")
            T.copy(A, A_s)
            T.copy(B, B_s)
            T.gemm(A_s, B_s, acc1, policy=p1, clear_accum=True)
            T.gemm(A_s, B_s, acc2, policy=p2, clear_accum=True)
            if transposed:
                for i, j in T.Parallel(128, 128):
                    acc1[i, j] = acc1[i, j] + acc2[j, i]
                    #                         ^^^^^^^^^^ error TL411: this T.Parallel loop takes its threads from acc1, which is the accumulator of the T.gemm on line 124 (mma, 2×2 warps, policy Square), but acc2 is the accumulator of the T.gemm on line 125 (mma, 2×2 warps, policy Square): acc1(0, 1) is on thread 0, but acc2(1, 0) is only on thread 4; layout inference fails ("Layout infer conflict between acc2 and acc1 in T.Parallel loop") on sm_80; index both fragments alike, or stage one of them through shared memory (with p1=GemmWarpPolicy.Square, p2=GemmWarpPolicy.Square, transposed=True from line 183)
                    #                         ^^^^^^^^^^ error TL411: this T.Parallel loop takes its threads from acc1, which is the accumulator of the T.gemm on line 124 (wgmma, 4×1 warps, policy Square), but acc2 is the accumulator of the T.gemm on line 125 (wgmma, 4×1 warps, policy Square): acc1(0, 1) is on thread 0, but acc2(1, 0) is only on thread 4; layout inference fails ("Layout infer conflict between acc2 and acc1 in T.Parallel loop") on sm_90; index both fragments alike, or stage one of them through shared memory (with p1=GemmWarpPolicy.Square, p2=GemmWarpPolicy.Square, transposed=True from line 183)
            else:
                for i, j in T.Parallel(128, 128):
                    acc1[i, j] = acc1[i, j] + acc2[i, j]
                    #                         ^^^^^^^^^^ error TL411: this T.Parallel loop takes its threads from acc1, which is the accumulator of the T.gemm on line 124 (mma, 2×2 warps, policy Square), but acc2 is the accumulator of the T.gemm on line 125 (mma, 4×1 warps, policy FullRow): acc1(0, 64) is on thread 64, but acc2(0, 64) is only on thread 0; layout inference fails ("Layout infer conflict between acc2 and acc1 in T.Parallel loop") on sm_80; give both gemms the same warp policy, or stage one of them through shared memory (with p1=GemmWarpPolicy.Square, p2=GemmWarpPolicy.FullRow, transposed=False from line 181)
            T.copy(acc1, C)

    return main


def attention_cast_loop(p1, p2):
    @T.prim_func
    def main(
        Q: T.Tensor((64, 64), "float16"),
        K: T.Tensor((64, 64), "float16"),
        V: T.Tensor((64, 64), "float16"),
        O: T.Tensor((64, 64), "float32"),
    ):
        with T.Kernel(1, threads=128) as bx:
            Q_s = T.alloc_shared((64, 64), "float16")
            K_s = T.alloc_shared((64, 64), "float16")
            V_s = T.alloc_shared((64, 64), "float16")
            S = T.alloc_fragment((64, 64), "float32")
            S_cast = T.alloc_fragment((64, 64), "float16")
            acc_o = T.alloc_fragment((64, 64), "float32")
            T.copy(Q, Q_s)
            T.copy(K, K_s)
            T.copy(V, V_s)
            T.gemm(Q_s, K_s, S, transpose_B=True, policy=p1, clear_accum=True)
            for i, j in T.Parallel(64, 64):
                S_cast[i, j] = S[i, j]
                #              ^^^^^^^ error TL411: this T.Parallel loop takes its threads from S_cast, which is the A operand of the T.gemm on line 162 (mma, 2×2 warps, policy Square), but S is the accumulator of the T.gemm on line 158 (mma, 2×2 warps, policy Square): S_cast(0, 0) is on threads 0, 64, but S(0, 0) is only on thread 0; layout inference fails ("Layout infer conflict between S and S_cast in T.Parallel loop") on sm_80; stage one of them through shared memory (with p1=GemmWarpPolicy.Square, p2=GemmWarpPolicy.Square from line 185)
            T.gemm(S_cast, V_s, acc_o, policy=p2, clear_accum=True)
            T.copy(acc_o, O)

    return main

if __name__ == "__main__":
    two_gemms(T.GemmWarpPolicy.Square, T.GemmWarpPolicy.FullRow, 128)
    two_gemms(T.GemmWarpPolicy.Square, T.GemmWarpPolicy.FullRow, 256)
    two_gemms(T.GemmWarpPolicy.FullRow, T.GemmWarpPolicy.FullRow, 256)
    attention(T.GemmWarpPolicy.Square, T.GemmWarpPolicy.Square, 128)
    attention(T.GemmWarpPolicy.FullRow, T.GemmWarpPolicy.FullRow, 128)
    attention(T.GemmWarpPolicy.FullRow, T.GemmWarpPolicy.FullRow, 256)
    accumulators(T.GemmWarpPolicy.FullRow, T.GemmWarpPolicy.FullCol, False)
    accumulators(T.GemmWarpPolicy.FullCol, T.GemmWarpPolicy.FullRow, True)
    accumulators(T.GemmWarpPolicy.Square, T.GemmWarpPolicy.Square, True)
    row_maxima(T.GemmWarpPolicy.FullRow, T.GemmWarpPolicy.FullCol, False)
    row_maxima(T.GemmWarpPolicy.FullCol, T.GemmWarpPolicy.FullRow, False)
    row_maxima(T.GemmWarpPolicy.FullCol, T.GemmWarpPolicy.FullRow, True)
    row_maxima(T.GemmWarpPolicy.FullRow, T.GemmWarpPolicy.FullCol, True)
    combined(T.GemmWarpPolicy.Square, T.GemmWarpPolicy.FullRow, False)
    combined(T.GemmWarpPolicy.Square, T.GemmWarpPolicy.Square, False)
    combined(T.GemmWarpPolicy.Square, T.GemmWarpPolicy.Square, True)
    attention_cast_loop(T.GemmWarpPolicy.FullRow, T.GemmWarpPolicy.FullRow)
    attention_cast_loop(T.GemmWarpPolicy.Square, T.GemmWarpPolicy.Square)
