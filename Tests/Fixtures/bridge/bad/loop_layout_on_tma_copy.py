# Bad on sm_90: loop_layout on a shared->global copy that lowers to a TMA bulk store (S12, no location).
import tilelang.language as T


def layout_fn(i, j):
    elems = i * 32 + j
    return (elems // 8) % 128, elems % 8 + (elems // 1024) * 8


def kernel(M=1024, K=1024):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((M, K), "float16")):
        with T.Kernel(16, threads=128) as bx:
            A_shared = T.alloc_shared((64, 32), "float16")
            T.copy(A[bx * 64, 0], A_shared)
            T.copy(A_shared, B[bx * 64, 0], loop_layout=T.Fragment((64, 32), forward_fn=layout_fn))

    return main
