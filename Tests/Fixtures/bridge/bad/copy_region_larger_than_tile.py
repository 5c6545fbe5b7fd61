# Bad: a 128x32 region copied into a 64x32 shared tile. The compiler points at the alloc line (C4).
import tilelang.language as T


def kernel(M=1024, K=1024):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((M, K), "float16")):
        with T.Kernel(8, threads=128) as bx:
            A_shared = T.alloc_shared((64, 32), "float16")
            T.copy(A[bx * 128:bx * 128 + 128, 0:32], A_shared)
            T.copy(A_shared, B[bx * 64, 0])

    return main
