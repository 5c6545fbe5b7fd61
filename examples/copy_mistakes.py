# Copies the compiler rejects or silently gets wrong: tl-lsp reports each on its line.
import tilelang
import tilelang.language as T


def tiles(M, N, block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(N, block_N), T.ceildiv(M, block_M), threads=128) as (bx, by):
            S = T.alloc_shared((block_M, block_N), "float16")
            Half = T.alloc_shared((block_M // 2, block_N), "float16")
            Row = T.alloc_shared((1, block_N), "float16")
            # Reads 128 rows although the slice has 64 (the loop follows the shared tile).
            T.copy(A[by * block_M:by * block_M + block_M // 2, bx * block_N:(bx + 1) * block_N], S)
            # A 128-row region does not fit a 64-row tile: "Selected loop range is smaller".
            T.copy(A[by * block_M:(by + 1) * block_M, bx * block_N:(bx + 1) * block_N], Half)
            # Legalization broadcasts Row's unit dimension: only row 0 is written.
            T.copy(A[by * block_M:(by + 1) * block_M, bx * block_N:(bx + 1) * block_N], Row)
            # Not a cache policy.
            T.copy(S, B[by * block_M, bx * block_N], eviction_policy="evict_sometimes")

    return main


def flat(M, N, block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(N, block_N), T.ceildiv(M, block_M), threads=128) as (bx, by):
            S = T.alloc_shared((block_M * block_N,), "float16")
            # A 2-D region into a 1-D tile: no reshape, the compiler fails.
            T.copy(A[by * block_M:(by + 1) * block_M, bx * block_N:(bx + 1) * block_N], S)
            T.copy(S[0:block_N], B[by * block_M, bx * block_N:(bx + 1) * block_N])

    return main


if __name__ == "__main__":
    tiles(1024, 1024, 128, 64)
    flat(1024, 1024, 128, 64)
