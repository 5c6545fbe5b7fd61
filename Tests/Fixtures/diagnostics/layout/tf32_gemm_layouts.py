# fixture: target=sm_80,sm_90,sm_100
# float32 (tf32) gemms have layouts too: on sm_90 a bfloat16 gemm of 128 threads and M >= 64 is a wgmma, and a float32
# one is an mma (also K-major with B transposed), so a T.Parallel loop that reads both accumulators finds two layouts
# ("Layout infer conflict ... in T.Parallel loop", sm_90 only; sm_80 and sm_100 use mma for both).
import tilelang.language as T


def transposed_a(K=128, BV=32, BT=32, threads=128):
    @T.prim_func
    def main(
        KG: T.Tensor((BT, K), "bfloat16"),
        Vb: T.Tensor((BT, BV), "bfloat16"),
        BG: T.Tensor((BT, K), "float32"),
        V2: T.Tensor((BT, BV), "float32"),
        Out: T.Tensor((K, BV), "float32"),
    ):
        with T.Kernel(1, threads=threads) as bx:
            kg_s = T.alloc_shared((BT, K), "bfloat16")
            v_s = T.alloc_shared((BT, BV), "bfloat16")
            bg_s = T.alloc_shared((BT, K), "float32")
            v2_s = T.alloc_shared((BT, BV), "float32")
            acc_kg = T.alloc_fragment((K, BV), "float32")
            acc_bg = T.alloc_fragment((K, BV), "float32")
            acc = T.alloc_fragment((K, BV), "float32")
            T.copy(KG, kg_s)
            T.copy(Vb, v_s)
            T.copy(BG, bg_s)
            T.copy(V2, v2_s)
            T.gemm(kg_s, v_s, acc_kg, transpose_A=True, clear_accum=True)
            T.gemm(bg_s, v2_s, acc_bg, transpose_A=True, clear_accum=True)
            for i, j in T.Parallel(K, BV):
                acc[i, j] = acc_kg[i, j] + acc_bg[i, j]
                #                          ^^^^^^^^^^^^ error TL411: this T.Parallel loop takes its threads from acc_kg, which is the accumulator of the T.gemm on line 29 (wgmma, 4×1 warps, policy Square), but acc_bg is the accumulator of the T.gemm on line 30 (mma, 2×2 warps, policy Square): acc_kg(0, 16) is on thread 0, but acc_bg(0, 16) is only on thread 64; layout inference fails ("Layout infer conflict between acc_bg and acc_kg in T.Parallel loop") on sm_90; give both gemms the same warp policy, or stage one of them through shared memory (with K=128, BV=32, BT=32, threads=128 (defaults))
            T.copy(acc, Out)

    return main


def k_major(M=128, N=32, K=32, threads=128):
    @T.prim_func
    def main(
        A: T.Tensor((M, K), "bfloat16"),
        B: T.Tensor((N, K), "bfloat16"),
        A2: T.Tensor((M, K), "float32"),
        B2: T.Tensor((N, K), "float32"),
        Out: T.Tensor((M, N), "float32"),
    ):
        with T.Kernel(1, threads=threads) as bx:
            a_s = T.alloc_shared((M, K), "bfloat16")
            b_s = T.alloc_shared((N, K), "bfloat16")
            a2_s = T.alloc_shared((M, K), "float32")
            b2_s = T.alloc_shared((N, K), "float32")
            acc1 = T.alloc_fragment((M, N), "float32")
            acc2 = T.alloc_fragment((M, N), "float32")
            acc = T.alloc_fragment((M, N), "float32")
            T.copy(A, a_s)
            T.copy(B, b_s)
            T.copy(A2, a2_s)
            T.copy(B2, b2_s)
            T.gemm(a_s, b_s, acc1, transpose_B=True, clear_accum=True)
            T.gemm(a2_s, b2_s, acc2, transpose_B=True, clear_accum=True)
            for i, j in T.Parallel(M, N):
                acc[i, j] = acc1[i, j] + acc2[i, j]
                #                        ^^^^^^^^^^ error TL411: this T.Parallel loop takes its threads from acc1, which is the accumulator of the T.gemm on line 60 (wgmma, 4×1 warps, policy Square), but acc2 is the accumulator of the T.gemm on line 61 (mma, 2×2 warps, policy Square): acc1(0, 16) is on thread 0, but acc2(0, 16) is only on thread 64; layout inference fails ("Layout infer conflict between acc2 and acc1 in T.Parallel loop") on sm_90; give both gemms the same warp policy, or stage one of them through shared memory (with M=128, N=32, K=32, threads=128 (defaults))
            T.copy(acc, Out)

    return main


if __name__ == "__main__":
    transposed_a()
    k_major()
