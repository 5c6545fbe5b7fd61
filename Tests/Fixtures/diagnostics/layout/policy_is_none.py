# fixture: target=sm_80,sm_90
# TL411 through a policy chosen in Python: `pv_policy if pv_policy is not None else qk_policy` picks the second
# gemm's warp policy, and `x is None` is False for any known non-None value (here a GemmWarpPolicy), so the checker
# knows both policies. Square for the second gemm after FullRow conflicts on sm_80 (wgmma on sm_90 gives 4×1 warps
# for both); the near miss leaves it None and reuses FullRow.
import tilelang.language as T


def attention(qk_policy, pv_policy=None):
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
            T.gemm(Q_s, K_s, S, transpose_B=True, policy=qk_policy, clear_accum=True)
            T.copy(S, S_cast)
            #         ^^^^^^ error TL411: this copy between fragments of conflicting layouts fails on sm_80: S_cast is the A operand of the T.gemm on line 30 (mma, 2×2 warps, policy Square), and S is the accumulator of the T.gemm on line 27 (mma, 4×1 warps, policy FullRow); S_cast(0, 0) is on threads 0, 64, but S(0, 0) is only on thread 0: layout inference fails ("Layout infer conflict between S and S_cast in T.Parallel loop"); stage the copy through shared memory, or split both gemms' warps over rows only (policy=FullRow in both) (with qk_policy=GemmWarpPolicy.FullRow, pv_policy=GemmWarpPolicy.Square from line 37)
            T.gemm(S_cast, V_s, acc_o, policy=pv_policy if pv_policy is not None else qk_policy, clear_accum=True)
            T.copy(acc_o, O)

    return main


if __name__ == "__main__":
    attention(T.GemmWarpPolicy.FullRow, T.GemmWarpPolicy.Square)
    attention(T.GemmWarpPolicy.FullRow)
