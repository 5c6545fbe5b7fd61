# fixture: target=sm_80,sm_90
# TL212: without warp specialisation (sm_80 here) a T.Pipelined loop whose trip count and end are only known at run
# time (a block index, a T.dynamic size) cannot drain two or more pipeline stages: CUDA code generation fails.
# Near misses: one stage to drain (num_stages=2 when every copy feeds the last statement, or num_stages=1), a
# constant trip count, a constant end with a moving start, and sm_90, whose TMA producer replaces the pipeliner.
# A factory parameter named like another factory's T.dynamic size is a compile-time constant, even where nothing
# calls the factory (`static_k_gemm`); a T.dynamic size passed to it is not (`passed_k_gemm`).
# A hand-written schedule (`order=` with `stage=`) drains its largest stage whatever num_stages says: stage=[0, 0, 1]
# with num_stages=3 compiles, stage=[0, 0, 2] fails (checked with tilelang 0.1.15 on sm_80). On sm_90 warp
# specialisation takes only the kernel's first staged loop: a second loop with a run-time trip count fails there too.
# A trip count computed from an integer loaded from a tensor (`seqlens[bz]`, varlen attention) is run-time as well.
import tilelang.language as T


def causal_attention(N, block, stages):
    @T.prim_func
    def main(
        Q: T.Tensor((N, 64), "float16"),
        K: T.Tensor((N, 64), "float16"),
        V: T.Tensor((N, 64), "float16"),
        O: T.Tensor((N, 64), "float32"),
    ):
        with T.Kernel(T.ceildiv(N, block), threads=128) as bx:
            Q_s = T.alloc_shared((block, 64), "float16")
            K_s = T.alloc_shared((block, 64), "float16")
            V_s = T.alloc_shared((block, 64), "float16")
            s = T.alloc_fragment((block, block), "float32")
            s16 = T.alloc_fragment((block, block), "float16")
            acc = T.alloc_fragment((block, 64), "float32")
            T.copy(Q[bx * block, 0], Q_s)
            T.clear(acc)
            for k in T.Pipelined(T.min(T.ceildiv(N, block), bx + 1), num_stages=stages):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs min(16, bx + 1) times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with N=1024, block=64, stages=2 from line 217)
                T.copy(K[k * block, 0], K_s)
                T.clear(s)
                T.gemm(Q_s, K_s, s, transpose_B=True, policy=T.GemmWarpPolicy.FullRow)
                T.copy(s, s16)
                T.copy(V[k * block, 0], V_s)
                T.gemm(s16, V_s, acc, policy=T.GemmWarpPolicy.FullRow)
            T.copy(acc, O[bx * block, 0])

    return main


def dynamic_k_gemm(M, N, stages):
    K = T.dynamic("K")

    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(T.ceildiv(K, 32), num_stages=stages):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (K + 31) // 32 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=2 (or 1) or a trip count known at compile time (with M=1024, N=1024, stages=3 from line 219)
                T.copy(A[by * 128, k * 32], A_s)
                T.copy(B[k * 32, bx * 128], B_s)
                T.gemm(A_s, B_s, acc)
            T.copy(acc, C[by * 128, bx * 128])

    return main


def moving_window(M, N, constant_end):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "float16"), B: T.Tensor((1024, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            if constant_end:
                for k in T.Pipelined(bx, 32, num_stages=3):
                    T.copy(A[by * 128, k * 32], A_s)
                    T.copy(B[k * 32, bx * 128], B_s)
                    T.gemm(A_s, B_s, acc)
            else:
                for k in T.Pipelined(bx, bx + 8, num_stages=3):
                    T.copy(A[by * 128, k * 32], A_s)
                    T.copy(B[k * 32, bx * 128], B_s)
                    T.gemm(A_s, B_s, acc)
            T.copy(acc, C[by * 128, bx * 128])

    return main



def dynamic_pair_gemm(N):
    M, K = T.dynamic("m, k")

    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((N, K), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 64, T.ceildiv(M, 64), threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 64), "float16")
            B_s = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            for ko in T.Pipelined(T.ceildiv(K, 64), num_stages=4):
            #         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (k + 63) // 64 times, which is not known at compile time, and its pipeline drains 3 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=2 (or 1) or a trip count known at compile time
                T.copy(A[by * 64, ko * 64], A_s)
                T.copy(B[bx * 64, ko * 64], B_s)
                T.gemm(A_s, B_s, acc, transpose_B=True)
            T.copy(acc, C[by * 64, bx * 64])

    return main

def scheduled_dynamic_k_gemm(M, N, last_stage):
    K = T.dynamic("K")

    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(T.ceildiv(K, 32), num_stages=3, order=[0, 1, 2], stage=[0, 0, last_stage]):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (K + 31) // 32 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use stage values of at most 1 or a trip count known at compile time (with M=1024, N=1024, last_stage=2 from line 225)
                T.copy(A[by * 128, k * 32], A_s)
                T.copy(B[k * 32, bx * 128], B_s)
                T.gemm(A_s, B_s, acc)
            T.copy(acc, C[by * 128, bx * 128])

    return main


def second_loop(S, stages):
    @T.prim_func
    def main(K: T.Tensor((S, 64), "float16"), A: T.Tensor((S, 64), "float16"), O: T.Tensor((64, 64), "float32"), n: T.int32):
        with T.Kernel(4, threads=128) as bx:
            a_s = T.alloc_shared((64, 64), "float16")
            k_s = T.alloc_shared((64, 64), "float16")
            k2_s = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            T.clear(acc)
            T.copy(A[0:64, :], a_s)
            for i in T.Pipelined(4, num_stages=stages):
                T.copy(K[i * 64:(i + 1) * 64, :], k_s)
                T.gemm(a_s, k_s, acc)
            for j in T.Pipelined(n, num_stages=stages):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs n times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=2 (or 1) or a trip count known at compile time (with S=1024, stages=3 from line 226)
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs n times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_90 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=2 (or 1) or a trip count known at compile time (with S=1024, stages=3 from line 226)
                T.copy(K[j * 64:(j + 1) * 64, :], k2_s)
                T.gemm(a_s, k2_s, acc)
            T.copy(acc, O)

    return main


def varlen_attention(batch, stages):
    @T.prim_func
    def main(
        Q: T.Tensor((batch, 1024, 64), "float16"),
        K: T.Tensor((batch, 1024, 64), "float16"),
        V: T.Tensor((batch, 1024, 64), "float16"),
        seqlens: T.Tensor((batch,), "int32"),
        O: T.Tensor((batch, 1024, 64), "float16"),
    ):
        with T.Kernel(16, batch, threads=128) as (bx, bz):
            q_s = T.alloc_shared((64, 64), "float16")
            k_s = T.alloc_shared((64, 64), "float16")
            v_s = T.alloc_shared((64, 64), "float16")
            s = T.alloc_fragment((64, 64), "float32")
            s_cast = T.alloc_fragment((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            seqlen = seqlens[bz]
            T.copy(Q[bz, bx * 64:(bx + 1) * 64, :], q_s)
            T.clear(acc)
            for k in T.Pipelined(T.ceildiv(seqlen, 64), num_stages=stages):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (seqlens[bz] + 63) // 64 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=1 or a trip count known at compile time (with batch=4, stages=2 from line 228)
                T.copy(K[bz, k * 64:(k + 1) * 64, :], k_s)
                T.gemm(q_s, k_s, s, transpose_B=True, clear_accum=True, policy=T.GemmWarpPolicy.FullRow)
                T.copy(s, s_cast)
                T.copy(V[bz, k * 64:(k + 1) * 64, :], v_s)
                T.gemm(s_cast, v_s, acc, policy=T.GemmWarpPolicy.FullRow)
            T.copy(acc, O[bz, bx * 64:(bx + 1) * 64, :])

    return main


def static_k_gemm(M, N, K):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(T.ceildiv(K, 32), num_stages=3):
                T.copy(A[by * 128, k * 32], A_s)
                T.copy(B[k * 32, bx * 128], B_s)
                T.gemm(A_s, B_s, acc)
            T.copy(acc, C[by * 128, bx * 128])

    return main


def passed_k_gemm(M, N, K):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(T.ceildiv(K, 32), num_stages=3):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (K + 31) // 32 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=2 (or 1) or a trip count known at compile time (with M=1024, N=1024 from line 230)
                T.copy(A[by * 128, k * 32], A_s)
                T.copy(B[k * 32, bx * 128], B_s)
                T.gemm(A_s, B_s, acc)
            T.copy(acc, C[by * 128, bx * 128])

    return main


if __name__ == "__main__":
    causal_attention(1024, 64, 2)
    causal_attention(1024, 64, 1)
    dynamic_k_gemm(1024, 1024, 3)
    dynamic_k_gemm(1024, 1024, 2)
    moving_window(1024, 1024, True)
    moving_window(1024, 1024, False)
    dynamic_pair_gemm(1024)
    scheduled_dynamic_k_gemm(1024, 1024, 1)
    scheduled_dynamic_k_gemm(1024, 1024, 2)
    second_loop(1024, 3)
    second_loop(1024, 2)
    varlen_attention(4, 2)
    varlen_attention(4, 1)
    passed_k_gemm(1024, 1024, T.dynamic("K"))
