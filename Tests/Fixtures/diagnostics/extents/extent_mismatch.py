# fixture: target=sm_80,sm_90
# TL102: equal numbers of non-1 extents but different values: the loop side wins silently.
import tilelang.language as T


def half_slice(M, N, block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(N, block_N), T.ceildiv(M, block_M), threads=128) as (bx, by):
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A[by * block_M:by * block_M + block_M // 2, bx * block_N:(bx + 1) * block_N], S)
            #      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning TL102: reads 128 along dim 0 of A where the slice `A[by * block_M:by * block_M + block_M // 2, bx * block_N:(bx + 1) * block_N]` has 64 (the loop follows S); src A (64, 64), dst S (128, 64), loop over S 128×64 (with M=512, N=512, block_M=128, block_N=64 from line 40)
            T.copy(S, B[by * block_M, bx * block_N])

    return main


def global_to_global(M):
    @T.prim_func
    def main(A: T.Tensor((M, 4), "float32"), B: T.Tensor((M, 4), "float32")):
        with T.Kernel(1, threads=128) as bx:
            T.copy(A[:, :2], B[:, :3])
            #                ^^^^^^^^ warning TL102: destination `B[:, :3]` has extent 3 at dim 1 but only 2 are copied (the loop follows the source); src A (128, 2), dst B (128, 3), loop over A 128×2 (with M=128 from line 41)

    return main


def same_extents(M, N, block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(N, block_N), T.ceildiv(M, block_M), threads=128) as (bx, by):
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A[by * block_M:(by + 1) * block_M, bx * block_N:(bx + 1) * block_N], S)
            T.copy(S, B[by * block_M, bx * block_N])

    return main


if __name__ == "__main__":
    half_slice(512, 512, 128, 64)
    global_to_global(128)
    same_extents(512, 512, 128, 64)
