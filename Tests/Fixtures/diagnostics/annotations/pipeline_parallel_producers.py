# fixture: target=sm_80,sm_90,sm_100
# TL212 for pipelined loops whose producers are T.Parallel loops copying global elements into a shared tile (a load,
# through T.cast or T.if_then_else): pipeline planning makes them copy stages, so with a run-time trip count the
# epilogue's cp.async wait fails on every target where no T.copy gives warp specialisation a TMA producer
# ("Downcast from tirx.Sub to ir.IntImm failed"), also in a body without any T.copy; a producer that computes
# (`K[...] * 2`) is not a copy stage and builds, and so does 2 stages whose epilogue drains one. And a trip count read
# from a shared buffer is a run-time value (sm_80 fails; sm_90/sm_100 specialise).
import tilelang.language as T



def kern_arg(N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="arg", par=True):
    @T.prim_func
    def main(
        Q: T.Tensor((block_H, D), dtype),
        K: T.Tensor((N, D), dtype),
        V: T.Tensor((N, D), dtype),
        split_length: T.Tensor((num_split,), "int32"),
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
            if src == "blockidx":
                loop_range = T.ceildiv(bz * block_N + block_N, block_N)
            else:
                loop_range = T.ceildiv(real_len, block_N)
            for k in T.Pipelined(loop_range, num_stages=2):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (real_len + 63) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_100 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="arg", par=True (defaults))
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (real_len + 63) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="arg", par=True (defaults))
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (real_len + 63) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_90 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="arg", par=True (defaults))
                if par:
                    for i, j in T.Parallel(block_N, D):
                        K_shared[i, j] = K[k * block_N + i, j]
                else:
                    T.copy(K[k * block_N, 0], K_shared)
                T.clear(acc_s)
                T.gemm(Q_shared, K_shared, acc_s, transpose_B=True, policy=T.GemmWarpPolicy.FullRow)
                T.copy(acc_s, acc_s_cast)
                if par:
                    for i, j in T.Parallel(block_N, D):
                        V_shared[i, j] = V[k * block_N + i, j]
                else:
                    T.copy(V[k * block_N, 0], V_shared)
                T.gemm(acc_s_cast, V_shared, acc_o, policy=T.GemmWarpPolicy.FullRow)
            T.copy(acc_o, O[bz, 0, 0])

    return main





def kern_cast(N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="blockidx", par=True):
    @T.prim_func
    def main(
        Q: T.Tensor((block_H, D), dtype),
        K: T.Tensor((N, D), dtype),
        K2: T.Tensor((N, D), "float32"),
        V2: T.Tensor((N, D), "float32"),
        V: T.Tensor((N, D), dtype),
        split_length: T.Tensor((num_split,), "int32"),
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
            if src == "blockidx":
                loop_range = T.ceildiv(bz * block_N + block_N, block_N)
            else:
                loop_range = T.ceildiv(real_len, block_N)
            for k in T.Pipelined(loop_range, num_stages=2):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (64 * bz + 127) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_100 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="blockidx", par=True (defaults))
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (64 * bz + 127) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="blockidx", par=True (defaults))
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (64 * bz + 127) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_90 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="blockidx", par=True (defaults))
                if par:
                    for i, j in T.Parallel(block_N, D):
                        K_shared[i, j] = T.cast(K2[k * block_N + i, j], dtype)
                else:
                    T.copy(K[k * block_N, 0], K_shared)
                T.clear(acc_s)
                T.gemm(Q_shared, K_shared, acc_s, transpose_B=True, policy=T.GemmWarpPolicy.FullRow)
                T.copy(acc_s, acc_s_cast)
                if par:
                    for i, j in T.Parallel(block_N, D):
                        V_shared[i, j] = T.cast(V2[k * block_N + i, j], dtype)
                else:
                    T.copy(V[k * block_N, 0], V_shared)
                T.gemm(acc_s_cast, V_shared, acc_o, policy=T.GemmWarpPolicy.FullRow)
            T.copy(acc_o, O[bz, 0, 0])

    return main





def kern_mix(N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="blockidx", par=True):
    @T.prim_func
    def main(
        Q: T.Tensor((block_H, D), dtype),
        K: T.Tensor((N, D), dtype),
        V: T.Tensor((N, D), dtype),
        split_length: T.Tensor((num_split,), "int32"),
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
            if src == "blockidx":
                loop_range = T.ceildiv(bz * block_N + block_N, block_N)
            else:
                loop_range = T.ceildiv(real_len, block_N)
            for k in T.Pipelined(loop_range, num_stages=2):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (64 * bz + 127) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="blockidx", par=True (defaults))
                if par:
                    for i, j in T.Parallel(block_N, D):
                        K_shared[i, j] = K[k * block_N + i, j]
                else:
                    T.copy(K[k * block_N, 0], K_shared)
                T.clear(acc_s)
                T.gemm(Q_shared, K_shared, acc_s, transpose_B=True, policy=T.GemmWarpPolicy.FullRow)
                T.copy(acc_s, acc_s_cast)
                T.copy(V[k * block_N, 0], V_shared)
                T.gemm(acc_s_cast, V_shared, acc_o, policy=T.GemmWarpPolicy.FullRow)
            T.copy(acc_o, O[bz, 0, 0])

    return main





def kern_cond(N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="blockidx", par=True):
    @T.prim_func
    def main(
        Q: T.Tensor((block_H, D), dtype),
        K: T.Tensor((N, D), dtype),
        V: T.Tensor((N, D), dtype),
        split_length: T.Tensor((num_split,), "int32"),
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
            if src == "blockidx":
                loop_range = T.ceildiv(bz * block_N + block_N, block_N)
            else:
                loop_range = T.ceildiv(real_len, block_N)
            for k in T.Pipelined(loop_range, num_stages=2):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (64 * bz + 127) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_100 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="blockidx", par=True (defaults))
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (64 * bz + 127) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="blockidx", par=True (defaults))
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (64 * bz + 127) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_90 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="blockidx", par=True (defaults))
                if par:
                    for i, j in T.Parallel(block_N, D):
                        K_shared[i, j] = T.if_then_else(k * block_N + i < N, K[k * block_N + i, j], T.cast(0, dtype))
                else:
                    T.copy(K[k * block_N, 0], K_shared)
                T.clear(acc_s)
                T.gemm(Q_shared, K_shared, acc_s, transpose_B=True, policy=T.GemmWarpPolicy.FullRow)
                T.copy(acc_s, acc_s_cast)
                if par:
                    for i, j in T.Parallel(block_N, D):
                        V_shared[i, j] = V[k * block_N + i, j]
                else:
                    T.copy(V[k * block_N, 0], V_shared)
                T.gemm(acc_s_cast, V_shared, acc_o, policy=T.GemmWarpPolicy.FullRow)
            T.copy(acc_o, O[bz, 0, 0])

    return main





def kern_scale(N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", src="blockidx", par=True):
    @T.prim_func
    def main(
        Q: T.Tensor((block_H, D), dtype),
        K: T.Tensor((N, D), dtype),
        V: T.Tensor((N, D), dtype),
        split_length: T.Tensor((num_split,), "int32"),
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
            if src == "blockidx":
                loop_range = T.ceildiv(bz * block_N + block_N, block_N)
            else:
                loop_range = T.ceildiv(real_len, block_N)
            for k in T.Pipelined(loop_range, num_stages=2):
                if par:
                    for i, j in T.Parallel(block_N, D):
                        K_shared[i, j] = K[k * block_N + i, j] * T.cast(2, dtype)
                else:
                    T.copy(K[k * block_N, 0], K_shared)
                T.clear(acc_s)
                T.gemm(Q_shared, K_shared, acc_s, transpose_B=True, policy=T.GemmWarpPolicy.FullRow)
                T.copy(acc_s, acc_s_cast)
                if par:
                    for i, j in T.Parallel(block_N, D):
                        V_shared[i, j] = V[k * block_N + i, j]
                else:
                    T.copy(V[k * block_N, 0], V_shared)
                T.gemm(acc_s_cast, V_shared, acc_o, policy=T.GemmWarpPolicy.FullRow)
            T.copy(acc_o, O[bz, 0, 0])

    return main



def kern_shared_count(N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16"):
    @T.prim_func
    def main(
        Q: T.Tensor((block_H, D), dtype),
        K: T.Tensor((N, D), dtype),
        V: T.Tensor((N, D), dtype),
        split_length: T.Tensor((num_split,), "int32"),
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
            loop_range = T.ceildiv(split_shared[bz], block_N)  # extent read from a shared buffer
            for k in T.Pipelined(loop_range, num_stages=2):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (split_shared[bz] + 63) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16" (defaults))
                T.copy(K[k * block_N, 0], K_shared)
                T.clear(acc_s)
                T.gemm(Q_shared, K_shared, acc_s, transpose_B=True, policy=T.GemmWarpPolicy.FullRow)
                T.copy(acc_s, acc_s_cast)
                T.copy(V[k * block_N, 0], V_shared)
                T.gemm(acc_s_cast, V_shared, acc_o, policy=T.GemmWarpPolicy.FullRow)
            T.copy(acc_o, O[bz, 0, 0])

    return main


def kern_gemm_only(N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", num_stages=3):
    @T.prim_func
    def main(
        Q: T.Tensor((block_H, D), dtype),
        K: T.Tensor((N, D), dtype),
        O: T.Tensor((num_split, block_H, block_N), "float"),
    ):
        with T.Kernel(num_split, threads=128) as bz:
            Q_shared = T.alloc_shared([block_H, D], dtype)
            K_shared = T.alloc_shared([block_N, D], dtype)
            acc_s = T.alloc_fragment([block_H, block_N], "float")
            T.copy(Q, Q_shared)
            T.clear(acc_s)
            for k in T.Pipelined(T.ceildiv(bz * block_N + block_N, block_N), num_stages=num_stages):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (64 * bz + 127) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_100 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=2 (or 1) or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", num_stages=3 from line 327)
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (64 * bz + 127) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=2 (or 1) or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", num_stages=3 from line 327)
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (64 * bz + 127) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_90 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=2 (or 1) or a trip count known at compile time (with N=4096, D=128, block_N=64, block_H=64, num_split=4, dtype="float16", num_stages=3 from line 327)
                for i, j in T.Parallel(block_N, D):
                    K_shared[i, j] = K[k * block_N + i, j]
                T.gemm(Q_shared, K_shared, acc_s, transpose_B=True)
            T.copy(acc_s, O[bz, 0, 0])

    return main




if __name__ == "__main__":
    kern_arg()
    kern_cast()
    kern_mix()
    kern_cond()
    kern_scale()
    kern_shared_count()
    kern_gemm_only(num_stages=3)
    kern_gemm_only(num_stages=2)
