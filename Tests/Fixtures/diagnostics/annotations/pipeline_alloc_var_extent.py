# fixture: target=sm_80,sm_90
# TL212 with a trip count computed in T.alloc_var locals: the front end turns `s = v` into a store to the var, so after
# the serial scan `e - s` is a run-time value, and a 2-stage software pipeline's epilogue fails on sm_80 ("Downcast
# from tirx.Sub to ir.IntImm failed"; sm_90 warp-specialises the TMA loads). One stage builds everywhere.
import tilelang.language as T


def kern(num_stages, N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16"):
    @T.prim_func
    def main(
        Q: T.Tensor((block_H, D), dtype),
        K: T.Tensor((N, D), dtype),
        V: T.Tensor((N, D), dtype),
        split_length: T.Tensor((num_split,), "int32"),
        CuS: T.Tensor((num_split,), "int32"),
        CuE: T.Tensor((num_split,), "int32"),
        real_len: T.int32,
        O: T.Tensor((num_split, block_H, D), dtype),
    ):
        with T.Kernel(num_split, threads=128) as bz:
            split_shared = T.alloc_shared([num_split], "int32")
            T.copy(split_length, split_shared, disable_tma=True)
            Q_shared = T.alloc_shared([block_H, D], dtype)
            K_shared = T.alloc_shared([block_N, D], dtype)
            V_shared = T.alloc_shared([block_N, D], dtype)
            acc_s = T.alloc_fragment([block_H, block_N], "float")
            acc_s_cast = T.alloc_fragment([block_H, block_N], dtype)
            acc_o = T.alloc_fragment([block_H, D], "float")
            T.copy(Q, Q_shared)
            T.clear(acc_o)
            s = T.alloc_var("int32")
            e = T.alloc_var("int32")
            s = 2147483647
            e = -2147483648
            for i in T.serial(num_split):
                s = T.min(s, CuS[i])
                e = T.max(e, CuE[i])
            loop_range = T.ceildiv(e - s, block_N)  # extent from locals T.alloc_var locals reassigned in a T.serial loop
            for k in T.Pipelined(loop_range, num_stages=num_stages):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (e - s + 63) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with num_stages=2, N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16" from line 53)
                T.copy(K[k * block_N, 0], K_shared)
                T.clear(acc_s)
                T.gemm(Q_shared, K_shared, acc_s, transpose_B=True, policy=T.GemmWarpPolicy.FullRow)
                T.copy(acc_s, acc_s_cast)
                T.copy(V[k * block_N, 0], V_shared)
                T.gemm(acc_s_cast, V_shared, acc_o, policy=T.GemmWarpPolicy.FullRow)
            T.copy(acc_o, O[bz, 0, 0])

    return main


if __name__ == "__main__":
    kern(2)
    kern(1)
