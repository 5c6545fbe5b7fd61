# A factory whose sizes have no defaults and no tl-lsp comment (tl-lsp bridge fixture for TL505).
import tilelang.language as T


def matmul(M, N, K, block_M=128):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16")):
        with T.Kernel(T.ceildiv(M, block_M), threads=128) as bx:
            A_shared = T.alloc_shared((block_M, 32), "float16")
            T.copy(A[bx * block_M, 0], A_shared)

    return main
