# fixture: target=sm_80,sm_90
# TL410: on sm_90 the shared→global store becomes TMA, and TMA cannot read past the shared buffer (sm_80's SIMT
# store is predicated and only warns, TL112); the near miss stays inside the buffer. Nor can a TMA copy use a
# shared region with gaps between its rows (part of each row, several rows); whole rows are fine.
import tilelang.language as T


def store(rows, cols):
    @T.prim_func
    def main(A: T.Tensor((256, 256), "float16"), B: T.Tensor((256, 256), "float16")):
        with T.Kernel(4, threads=128) as by:
            S = T.alloc_shared((1, 64), "float16")
            T.copy(A[by, 0:64], S)
            T.copy(S[0:rows, 0:cols], B[by * 64, 0])
            #      ^^^^^^^^^^^^^^^^^ warning TL112: the tile `S[0:rows, 0:cols]` spans 32 along dim 0 from 0, but S has only 1 there; out-of-range elements are read as 0 (with rows=32, cols=16 from line 48)
            #      ^^^^^^^^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_90, but its region of S spans 32 along dim 0 where the buffer has 1: the compiler fails ("plain SMEM layout is not a bijection") (with rows=32, cols=16 from line 48)

    return main



def pipelined_rows(cols):
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16")):
        with T.Kernel(16, threads=128) as bx:
            S = T.alloc_shared((64, 64), "float16")
            for k in T.Pipelined(16, num_stages=2):
                T.copy(A[k * 64:k * 64 + 64, 0:cols], S[0:64, 0:cols])
                #                                     ^^^^^^^^^^^^^^^ error TL410: this copy lowers to a TMA load on sm_90, but S (64, 64) is laid out row by row, and its 64×32 region is not one dense block of that layout: TMA's box covers 32 of its 2048 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 32 of 2048 elements); copy whole rows, use a shared buffer of the region's shape, or pass disable_tma=True (with cols=32 from line 50)
                T.copy(S[0:64, 0:cols], B[k * 64, 0])
                #      ^^^^^^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_90, but S (64, 64) is laid out row by row, and its 64×32 region is not one dense block of that layout: TMA's box covers 32 of its 2048 elements, so the compiler fails ("plain SMEM layout is not a bijection": RightInverse covers 32 of 2048 elements); copy whole rows, use a shared buffer of the region's shape, or pass disable_tma=True (with cols=32 from line 50)

    return main


def pipelined_whole_rows(rows):
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16")):
        with T.Kernel(16, threads=128) as bx:
            S = T.alloc_shared((64, 64), "float16")
            for k in T.Pipelined(16, num_stages=2):
                T.copy(A[k * 64:k * 64 + rows, 0:64], S[0:rows, 0:64])
                T.copy(S[0:rows, 0:64], B[k * 64, 0])

    return main

if __name__ == "__main__":
    store(32, 16)
    store(1, 32)
    pipelined_rows(32)
    pipelined_rows(64)
    pipelined_whole_rows(32)
