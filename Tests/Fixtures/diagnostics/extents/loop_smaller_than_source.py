# fixture: target=sm_80,sm_90
# TL101: a 128-row region into a 64-row shared tile ("Selected loop range is smaller"); the near miss fits.
import tilelang.language as T


def too_small(M, N, block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(N, block_N), T.ceildiv(M, block_M), threads=128) as (bx, by):
            S = T.alloc_shared((block_M // 2, block_N), "float16")
            T.copy(A[by * block_M:(by + 1) * block_M, bx * block_N:(bx + 1) * block_N], S)
            #                                                                           ^ error TL101: copy loop runs over S (shared.dyn) with extent 64 at dim 0, smaller than the source's 128 at dim 0: the compiler aborts with "Selected loop range is smaller than original src range"; src A (128, 64), dst S (64, 64), loop over S 64×64 (with M=512, N=512, block_M=128, block_N=64 from line 30)
            T.copy(S, B[by * block_M, bx * block_N])

    return main


def fits(M, N, block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(N, block_N), T.ceildiv(M, block_M), threads=128) as (bx, by):
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A[by * block_M:(by + 1) * block_M, bx * block_N:(bx + 1) * block_N], S)
            T.copy(S, B[by * block_M, bx * block_N])

    return main


if __name__ == "__main__":
    too_small(512, 512, 128, 64)
    fits(512, 512, 128, 64)
