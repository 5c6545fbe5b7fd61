# fixture: target=sm_80,sm_90
# TL410: on sm_90 the shared→global store becomes TMA, and TMA cannot read past the shared buffer (sm_80's SIMT
# store is predicated and only warns, TL112); the near miss stays inside the buffer.
import tilelang.language as T


def store(rows, cols):
    @T.prim_func
    def main(A: T.Tensor((256, 256), "float16"), B: T.Tensor((256, 256), "float16")):
        with T.Kernel(4, threads=128) as by:
            S = T.alloc_shared((1, 64), "float16")
            T.copy(A[by, 0:64], S)
            T.copy(S[0:rows, 0:cols], B[by * 64, 0])
            #      ^^^^^^^^^^^^^^^^^ warning TL112: the tile `S[0:rows, 0:cols]` spans 32 along dim 0 from 0, but S has only 1 there; out-of-range elements are read as 0 (with rows=32, cols=16 from line 21)
            #      ^^^^^^^^^^^^^^^^^ error TL410: this copy lowers to a TMA store on sm_90, but its region of S spans 32 along dim 0 where the buffer has 1: the compiler fails ("plain SMEM layout is not a bijection") (with rows=32, cols=16 from line 21)

    return main


if __name__ == "__main__":
    store(32, 16)
    store(1, 32)
