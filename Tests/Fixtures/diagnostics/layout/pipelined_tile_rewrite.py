# fixture: target=sm_80,sm_90
# TL423: a software-pipelined T.Pipelined body (num_stages >= 1, not warp-specialised) writes the shared tile that an
# earlier lone global → shared T.copy of the body loads (also under a run-time `if`). Pipeline planning treats that
# copy as a stage of its own and fails on any later write to the same buffer ("Multiple writes to overlapping buffer
# regions detected"), even to a disjoint half: an in-place update, a fill, a copy into it, a gemm operand scaled in
# place. On sm_90 the TMA loads make these loops warp-specialised and they build. Build everywhere: writes to another
# buffer, a fragment tile, num_stages=0.
import tilelang.language as T


def rewrite(mode, stages=2):
    M = K = 1024
    bm = bk = 64

    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), C: T.Tensor((M, K), "float16")):
        with T.Kernel(T.ceildiv(M, bm), threads=128) as by:
            tile = T.alloc_shared((bm, bk), "float16")
            other = T.alloc_shared((bm, bk), "float16")
            frag = T.alloc_fragment((bm, bk), "float16")
            for ko in T.Pipelined(T.ceildiv(K, bk), num_stages=stages):
                if mode == "inplace":
                    T.copy(A[by * bm, ko * bk], tile)
                    for i, j in T.Parallel(bm, bk):
                        tile[i, j] = tile[i, j] + 1
                      # ^^^^^^^^^^ error TL423: the T.copy on line 23 loads tile from global memory as a pipelined stage of this T.Pipelined loop (num_stages=1), and this statement writes tile again: on sm_80 the loop is software-pipelined and pipeline planning fails ("Multiple writes to overlapping buffer regions detected ... both writing to buffer 'tile'"); write the result into another buffer (a fragment or a second shared tile), or use num_stages=0 (with mode="inplace", stages=1 from line 86)
                      # ^^^^^^^^^^ error TL423: the T.copy on line 23 loads tile from global memory as a pipelined stage of this T.Pipelined loop (num_stages=2), and this statement writes tile again: on sm_80 the loop is software-pipelined and pipeline planning fails ("Multiple writes to overlapping buffer regions detected ... both writing to buffer 'tile'"); write the result into another buffer (a fragment or a second shared tile), or use num_stages=0 (with mode="inplace", stages=2 from line 85)
                    T.copy(tile, C[by * bm, ko * bk])
                elif mode == "other":
                    T.copy(A[by * bm, ko * bk], tile)
                    for i, j in T.Parallel(bm, bk):
                        other[i, j] = tile[i, j] + 1
                    T.copy(other, C[by * bm, ko * bk])
                elif mode == "fill":
                    T.copy(A[by * bm, ko * bk], tile)
                    T.fill(tile, 0)
                  # ^^^^^^^^^^^^^^^ error TL423: the T.copy on line 35 loads tile from global memory as a pipelined stage of this T.Pipelined loop (num_stages=2), and this statement writes tile again: on sm_80 the loop is software-pipelined and pipeline planning fails ("Multiple writes to overlapping buffer regions detected ... both writing to buffer 'tile'"); write the result into another buffer (a fragment or a second shared tile), or use num_stages=0 (with mode="fill", stages=2 from line 89)
                    T.copy(tile, C[by * bm, ko * bk])
                elif mode == "half":
                    T.copy(A[by * bm, ko * bk], tile[0 : bm // 2, :])
                    for i, j in T.Parallel(bm // 2, bk):
                        tile[bm // 2 + i, j] = tile[i, j] + 1
                      # ^^^^^^^^^^^^^^^^^^^^ error TL423: the T.copy on line 40 loads tile from global memory as a pipelined stage of this T.Pipelined loop (num_stages=2), and this statement writes tile again: on sm_80 the loop is software-pipelined and pipeline planning fails ("Multiple writes to overlapping buffer regions detected ... both writing to buffer 'tile'"); write the result into another buffer (a fragment or a second shared tile), or use num_stages=0 (with mode="half", stages=2 from line 90)
                    T.copy(tile, C[by * bm, ko * bk])
                elif mode == "frag":
                    T.copy(A[by * bm, ko * bk], frag)
                    for i, j in T.Parallel(bm, bk):
                        frag[i, j] = frag[i, j] + 1
                    T.copy(frag, C[by * bm, ko * bk])
                elif mode == "guarded":
                    if ko % 2 == 0:
                        T.copy(A[by * bm, ko * bk], tile)
                    T.copy(frag, tile)
                  # ^^^^^^^^^^^^^^^^^^ error TL423: the T.copy on line 51 loads tile from global memory as a pipelined stage of this T.Pipelined loop (num_stages=2), and this statement writes tile again: on sm_80 the loop is software-pipelined and pipeline planning fails ("Multiple writes to overlapping buffer regions detected ... both writing to buffer 'tile'"); write the result into another buffer (a fragment or a second shared tile), or use num_stages=0 (with mode="guarded", stages=2 from line 92)
                    T.copy(tile, C[by * bm, ko * bk])

    return main


def scaled_gemm(scale):
    M = N = K = 1024
    bm, bn, bk = 128, 128, 32

    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(T.ceildiv(N, bn), T.ceildiv(M, bm), threads=128) as (bx, by):
            A_s = T.alloc_shared((bm, bk), "float16")
            B_s = T.alloc_shared((bk, bn), "float16")
            C_f = T.alloc_fragment((bm, bn), "float32")
            T.clear(C_f)
            for ko in T.Pipelined(T.ceildiv(K, bk), num_stages=3):
                T.copy(A[by * bm, ko * bk], A_s)
                T.copy(B[ko * bk, bx * bn], B_s)
                if scale:
                    for i, j in T.Parallel(bm, bk):
                        A_s[i, j] = A_s[i, j] * 0.5
                      # ^^^^^^^^^ error TL423: the T.copy on line 72 loads A_s from global memory as a pipelined stage of this T.Pipelined loop (num_stages=3), and this statement writes A_s again: on sm_80 the loop is software-pipelined and pipeline planning fails ("Multiple writes to overlapping buffer regions detected ... both writing to buffer 'A_s'"); write the result into another buffer (a fragment or a second shared tile), or use num_stages=0 (with scale=True from line 93)
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * bm, bx * bn])

    return main


if __name__ == "__main__":
    rewrite("inplace")
    rewrite("inplace", stages=1)
    rewrite("inplace", stages=0)
    rewrite("other")
    rewrite("fill")
    rewrite("half")
    rewrite("frag")
    rewrite("guarded")
    scaled_gemm(True)
    scaled_gemm(False)
