# Bad: eviction_policy="evict_sometimes" is not a policy (P8, KeyError at the T.copy line).
import tilelang.language as T


def kernel(M=1024, K=1024):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((M, K), "float16")):
        with T.Kernel(16, threads=128) as bx:
            A_shared = T.alloc_shared((64, 32), "float16")
            T.copy(A[bx * 64, 0], A_shared, eviction_policy="evict_sometimes")
            T.copy(A_shared, B[bx * 64, 0])

    return main
