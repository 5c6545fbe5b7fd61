# fixture: target=sm_80,sm_90
# TL105: whole buffers must have equal shapes (a transpose is not a copy; T.copy_cluster shares the rule); equal
# shapes with other dtypes are fine.
import tilelang.language as T


def transposed(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((block_M, block_N), "float16"), B: T.Tensor((block_N, block_M), "float16")):
        with T.Kernel(1, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A, S)
            T.copy(S, B)
            #         ^ error TL105: T.copy of whole buffers needs equal shapes: S is (64, 32), B is (32, 64) (the front end raises ValueError: StructuralEqual check failed) (with block_M=64, block_N=32 from line 44)

    return main


def converted(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((block_M, block_N), "float16"), B: T.Tensor((block_M, block_N), "float32")):
        with T.Kernel(1, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float32")
            T.copy(A, S)
            T.copy(S, B)

    return main


def cluster_transposed(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((block_M, block_N), "float16")):
        with T.Kernel(2, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            R = T.alloc_shared((block_N, block_M), "float16")
            T.copy(A, S)
            T.copy_cluster(S, R, dst_block=1)
            #                 ^ error TL105: T.copy_cluster of whole buffers needs equal shapes: S is (64, 32), R is (32, 64) (the front end raises ValueError: StructuralEqual check failed) (with block_M=64, block_N=32 from line 46)

    return main


if __name__ == "__main__":
    transposed(64, 32)
    converted(64, 32)
    cluster_transposed(64, 32)
