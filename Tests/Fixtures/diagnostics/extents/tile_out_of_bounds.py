# fixture: target=sm_80,sm_90
# TL112: a tile larger than the tensor (out-of-range elements are silently dropped); a tile that does not divide
# the tensor is predicated and fine.
import tilelang.language as T


def tile_too_large(M, N, block_M):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(1, threads=128) as bx:
            S = T.alloc_shared((block_M, N), "float16")
            T.copy(A[0:block_M, 0:N], S)
            #      ^^^^^^^^^^^^^^^^^ warning TL112: the tile `A[0:block_M, 0:N]` spans 128 along dim 0 from 0, but A has only 64 there; out-of-range elements are read as 0 (with M=64, N=64, block_M=128 from line 33)
            T.copy(S, B[0:M, 0:N])
            #         ^^^^^^^^^^^ warning TL102: copies 128 along dim 0 into destination `B[0:M, 0:N]`, whose extent there is 64; src S (128, 64), dst B (64, 64), loop over S 128×64 (with M=64, N=64, block_M=128 from line 33)
            #         ^^^^^^^^^^^ error TL407: this copy lowers to a TMA store on sm_90, which needs equal tiles, but the shared tile has 128 where the global tile has 64 (non-1 dim 0): "Shared tile and global tile shape mismatch"; src S (128, 64), dst B (64, 64), loop over S 128×64 (with M=64, N=64, block_M=128 from line 33)

    return main


def ragged(M, N, block_M):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(M, block_M), threads=128) as bx:
            S = T.alloc_shared((block_M, N), "float16")
            T.copy(A[bx * block_M, 0], S)
            T.copy(S, B[bx * block_M, 0])

    return main


if __name__ == "__main__":
    tile_too_large(64, 64, 128)
    ragged(1000, 64, 128)
