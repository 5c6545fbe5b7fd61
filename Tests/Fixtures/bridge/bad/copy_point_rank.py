# Bad: a 3-D shared slice copied to a 2-D point; bare AssertionError during elaboration (P5).
import tilelang.language as T


def kernel(M=1024, K=1024):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((2, 64, 32), "float16")
            T.copy(S[0:2, 0:64, 0:32], A[bx * 64, 0])

    return main
