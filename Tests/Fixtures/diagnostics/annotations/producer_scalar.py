# fixture: target=sm_80,sm_90
# TL213: on sm_90 warp specialisation moves a T.Parallel loop that loads global memory into shared memory to the
# producer warpgroup, but a scalar the loop body loads (`s = Sb[k]`) stays with the consumers. Near misses: the loop
# writes a fragment, or does not read global memory, or the scalar is a plain loop-index expression; sm_80.
import tilelang.language as T


def scale_into_shared(M, N, K):
    @T.prim_func
    def main(
        A: T.Tensor((M, K), "float16"),
        B: T.Tensor((N, K), "float16"),
        Sa: T.Tensor((M, K // 64), "float32"),
        Sb: T.Tensor((K // 64,), "float32"),
        C: T.Tensor((M, N), "float32"),
    ):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_shared = T.alloc_shared((128, 64), "float16")
            B_shared = T.alloc_shared((128, 64), "float16")
            S_shared = T.alloc_shared((128,), "float32")
            S_frag = T.alloc_fragment((128,), "float32")
            C_local = T.alloc_fragment((128, 128), "float32")
            for k in T.Pipelined(K // 64, num_stages=2):
                T.copy(A[by * 128, k * 64], A_shared)
                T.copy(B[bx * 128, k * 64], B_shared)
                s = Sb[k]
              # ^^^^^^^^^ error TL213: s is loaded in the body of a warp-specialised T.Pipelined loop, and the T.Parallel loop on line 28 uses it while it loads global memory into shared memory: on sm_90 that loop moves to the producer warpgroup and s stays with the consumers, so the compiler fails ("variable s has been used before definition"); load the value inside that T.Parallel loop, or pass tl.disable_warp_specialized
                for i in T.Parallel(128):
                    S_shared[i] = Sa[by * 128 + i, k] * s
                T.gemm(A_shared, B_shared, C_local, transpose_B=True)
            T.copy(C_local, C[by * 128, bx * 128])

    return main


def scale_into_fragment(M, N, K):
    @T.prim_func
    def main(
        A: T.Tensor((M, K), "float16"),
        B: T.Tensor((N, K), "float16"),
        Sa: T.Tensor((M, K // 64), "float32"),
        Sb: T.Tensor((K // 64,), "float32"),
        C: T.Tensor((M, N), "float32"),
    ):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_shared = T.alloc_shared((128, 64), "float16")
            B_shared = T.alloc_shared((128, 64), "float16")
            S_shared = T.alloc_shared((128,), "float32")
            S_frag = T.alloc_fragment((128,), "float32")
            C_local = T.alloc_fragment((128, 128), "float32")
            for k in T.Pipelined(K // 64, num_stages=2):
                T.copy(A[by * 128, k * 64], A_shared)
                T.copy(B[bx * 128, k * 64], B_shared)
                s = Sb[k]
                for i in T.Parallel(128):
                    S_frag[i] = Sa[by * 128 + i, k] * s
                T.gemm(A_shared, B_shared, C_local, transpose_B=True)
            T.copy(C_local, C[by * 128, bx * 128])

    return main


def scalar_only(M, N, K):
    @T.prim_func
    def main(
        A: T.Tensor((M, K), "float16"),
        B: T.Tensor((N, K), "float16"),
        Sa: T.Tensor((M, K // 64), "float32"),
        Sb: T.Tensor((K // 64,), "float32"),
        C: T.Tensor((M, N), "float32"),
    ):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_shared = T.alloc_shared((128, 64), "float16")
            B_shared = T.alloc_shared((128, 64), "float16")
            S_shared = T.alloc_shared((128,), "float32")
            S_frag = T.alloc_fragment((128,), "float32")
            C_local = T.alloc_fragment((128, 128), "float32")
            for k in T.Pipelined(K // 64, num_stages=2):
                T.copy(A[by * 128, k * 64], A_shared)
                T.copy(B[bx * 128, k * 64], B_shared)
                s = Sb[k]
                for i in T.Parallel(128):
                    S_shared[i] = s
                T.gemm(A_shared, B_shared, C_local, transpose_B=True)
            T.copy(C_local, C[by * 128, bx * 128])

    return main


def index_scalar(M, N, K):
    @T.prim_func
    def main(
        A: T.Tensor((M, K), "float16"),
        B: T.Tensor((N, K), "float16"),
        Sa: T.Tensor((M, K // 64), "float32"),
        Sb: T.Tensor((K // 64,), "float32"),
        C: T.Tensor((M, N), "float32"),
    ):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            A_shared = T.alloc_shared((128, 64), "float16")
            B_shared = T.alloc_shared((128, 64), "float16")
            S_shared = T.alloc_shared((128,), "float32")
            S_frag = T.alloc_fragment((128,), "float32")
            C_local = T.alloc_fragment((128, 128), "float32")
            for k in T.Pipelined(K // 64, num_stages=2):
                T.copy(A[by * 128, k * 64], A_shared)
                T.copy(B[bx * 128, k * 64], B_shared)
                s = k * 2
                for i in T.Parallel(128):
                    S_shared[i] = Sa[by * 128 + i, k] * s
                T.gemm(A_shared, B_shared, C_local, transpose_B=True)
            T.copy(C_local, C[by * 128, bx * 128])

    return main


if __name__ == "__main__":
    scale_into_shared(1024, 1024, 1024)
    scale_into_fragment(1024, 1024, 1024)
    scalar_only(1024, 1024, 1024)
    index_scalar(1024, 1024, 1024)
