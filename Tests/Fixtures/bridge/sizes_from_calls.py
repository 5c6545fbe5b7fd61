# Sizes from the file's own calls (tl-lsp bridge fixture): neither factory has defaults for its sizes; the calls
# under __main__ give them. `scaled` also has a `# tl-lsp:` comment, which wins over its call for `threads`.
# `overrun` copies a 128x32 region into a 64x32 tile: only the compiler's own build of it reports that.
# `policy_gemm`'s call passes a warp policy, `T.GemmWarpPolicy.FullRow`, which the build looks up in tilelang.
import tilelang.language as T


def matmul(M, N, K, block_M, block_N, block_K, threads, dtype="float16"):
    @T.prim_func
    def gemm(A: T.Tensor((M, K), dtype), B: T.Tensor((K, N), dtype), C: T.Tensor((M, N), dtype)):
        with T.Kernel(T.ceildiv(N, block_N), T.ceildiv(M, block_M), threads=threads) as (bx, by):
            A_shared = T.alloc_shared((block_M, block_K), dtype)
            B_shared = T.alloc_shared((block_K, block_N), dtype)
            C_local = T.alloc_fragment((block_M, block_N), "float32")
            T.clear(C_local)
            for k in T.Pipelined(T.ceildiv(K, block_K), num_stages=2):
                T.copy(A[by * block_M, k * block_K], A_shared)
                T.copy(B[k * block_K, bx * block_N], B_shared)
                T.gemm(A_shared, B_shared, C_local)
            T.copy(C_local, C[by * block_M, bx * block_N])

    return gemm


# tl-lsp: threads=256
def scaled(M, N, threads):
    @T.prim_func
    def scale(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(M, 64), threads=threads) as bx:
            A_shared = T.alloc_shared((64, N), "float16")
            T.copy(A[bx * 64, 0], A_shared)
            T.copy(A_shared, B[bx * 64, 0])

    return scale


def overrun(M, K):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((M, K), "float16")):
        with T.Kernel(8, threads=128) as bx:
            A_shared = T.alloc_shared((64, 32), "float16")
            T.copy(A[bx * 128:bx * 128 + 128, 0:32], A_shared)
            T.copy(A_shared, B[bx * 64, 0])

    return main


def policy_gemm(M, N, K, policy):
    @T.prim_func
    def pgemm(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(1, 1, threads=128) as (bx, by):
            A_shared = T.alloc_shared((M, K), "float16")
            B_shared = T.alloc_shared((K, N), "float16")
            C_local = T.alloc_fragment((M, N), "float32")
            T.clear(C_local)
            T.copy(A, A_shared)
            T.copy(B, B_shared)
            T.gemm(A_shared, B_shared, C_local, policy=policy)
            T.copy(C_local, C)

    return pgemm


if __name__ == "__main__":
    matmul(512, 256, 128, 64, 64, 32, threads=128, dtype="bfloat16")
    scaled(256, 64, 128)
    overrun(1024, 1024)
    policy_gemm(64, 64, 32, T.GemmWarpPolicy.FullRow)
