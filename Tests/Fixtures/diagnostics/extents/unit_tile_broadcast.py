# fixture: target=sm_80,sm_90
# TL110 and TL111: legalization broadcasts a unit dimension of the destination (only row 0 is written) and
# promotes 32 vs 64 columns to 64; a (1, N) tile fed from a single row is fine.
import tilelang.language as T


def row_tile(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            R = T.alloc_shared((1, block_N), "float16")
            T.copy(A[bx * block_M:(bx + 1) * block_M, 0:block_N], R)
            #                                                     ^ warning TL110: legalization gives whole buffer R (1, 64) extent 128 at dim 0, beyond its shape: only row 0 of the 128 copied rows is written; src A (128, 64), dst R (1, 64) → (128, 64), loop over R 128×64 (with block_M=128, block_N=64 from line 44)
            T.copy(R, B[bx, 0:block_N])

    return main


def wider_tile(block_M):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            R = T.alloc_shared((1, 1, 64), "float16")
            T.copy(A[bx * block_M:(bx + 1) * block_M, 0:32], R)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning TL111: legalization promoted extents 32 and 64 (dim -1 from the end) to max = 64; src A (128, 32), dst R (1, 1, 64) → (1, 128, 64), loop over R 128×64 (with block_M=128 from line 45)
            #                                                ^ warning TL110: legalization gives whole buffer R (1, 1, 64) extent 128 at dim 1, beyond its shape: only row 0 of the 128 copied rows is written; src A (128, 32), dst R (1, 1, 64) → (1, 128, 64), loop over R 128×64 (with block_M=128 from line 45)
            T.copy(R[0, 0, :], B[bx, 0:64])

    return main


def single_row(block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            R = T.alloc_shared((1, block_N), "float16")
            T.copy(A[bx, 0:block_N], R)
            T.copy(R, B[bx, 0:block_N])

    return main


if __name__ == "__main__":
    row_tile(128, 64)
    wider_tile(128)
    single_row(64)
