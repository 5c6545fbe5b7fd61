# fixture: target=sm_80,sm_90
# TL104: a 2-D point load cannot fill a 3-D tile; a 3-D point into a 2-D tile is the batched-GEMM idiom and works.
import tilelang.language as T


def point_into_3d(block_M, block_K):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((2, 1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((2, block_M, block_K), "float16")
            T.copy(A[bx * block_M, 0], S)
            #      ^^^^^^^^^^^^^^^^^^ error TL104: source `A[bx * block_M, 0]` is a point load with 2 indices, but the other side `S` needs 3 extents (2, 64, 32); the front end fails with a bare AssertionError. Write both sides as slices with the same number of non-1 extents (with block_M=64, block_K=32 from line 41)
            T.copy(S, B[0, bx * block_M, 0])

    return main


def batched_point(block_M, block_K):
    @T.prim_func
    def main(A: T.Tensor((4, 1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_K), "float16")
            T.copy(A[2, bx * block_M, 0], S)
            T.copy(S, B[bx * block_M, 0])

    return main


def explicit_slices(block_M, block_K):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((2, 1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((2, block_M, block_K), "float16")
            T.copy(A[bx * block_M:(bx + 1) * block_M, 0:block_K], S[0, :, :])
            T.copy(S, B[0:2, bx * block_M:(bx + 1) * block_M, 0:block_K])

    return main


if __name__ == "__main__":
    point_into_3d(64, 32)
    batched_point(64, 32)
    explicit_slices(64, 32)
