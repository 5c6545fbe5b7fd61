# fixture: target=sm_80,sm_90
# TL416 on a reduction along dim 0 (a column sum) of an (R, N) fragment of at most `threads` elements that only
# copies lay out: each thread holds one element, so a column's R elements sit on R threads N apart, and the shuffle
# needs both R and N to be powers of two (sweep I, M2: 2–96 rows, 1–32 columns, 64–256 threads).
# Fails: 6 × 4 (6 threads per column), 3 × 1, 96 × 1, 4 × 3 (threads 3 apart), from global or through shared memory.
# Near misses: 8 × 8, 64 × 2, 96 × 4 (384 elements: 3 per thread; not judged, and it compiles).
import tilelang.language as T


def colsum(R, N, threads):
    @T.prim_func
    def main(A: T.Tensor((R, 1024 * N), "float16"), D: T.Tensor((1024 * N,), "float32")):
        with T.Kernel(1024, threads=threads) as bx:
            x = T.alloc_fragment((R, N), "float32")
            s = T.alloc_fragment((N,), "float32")
            T.copy(A[0, bx * N], x)
            T.reduce_sum(x, s, dim=0)
            #            ^ error TL416: T.reduce_sum along dim 0 of x (3, 1) combines each column across threads: its 3 elements sit one per thread (of 128), so a column's 3 elements are on 3 threads 1 apart, and the 3 threads of a column are not a power of two: lowering fails ("is_const_power_of_two_integer" or a ReplicateExtent check); use a power-of-two number of rows and columns, or pad the tile (with R=3, N=1, threads=128 from line 52)
            #            ^ error TL416: T.reduce_sum along dim 0 of x (6, 4) combines each column across threads: its 24 elements sit one per thread (of 128), so a column's 6 elements are on 6 threads 4 apart, and the 6 threads of a column are not a power of two: lowering fails ("is_const_power_of_two_integer" or a ReplicateExtent check); use a power-of-two number of rows and columns, or pad the tile (with R=6, N=4, threads=128 from line 51)
            #            ^ error TL416: T.reduce_sum along dim 0 of x (96, 1) combines each column across threads: its 96 elements sit one per thread (of 128), so a column's 96 elements are on 96 threads 1 apart, and the 96 threads of a column are not a power of two: lowering fails ("is_const_power_of_two_integer" or a ReplicateExtent check); use a power-of-two number of rows and columns, or pad the tile (with R=96, N=1, threads=128 from line 53)
            T.copy(s, D[bx * N])

    return main


def colmax_shared(R, N, threads):
    @T.prim_func
    def main(A: T.Tensor((R, 1024 * N), "float16"), D: T.Tensor((1024 * N,), "float16")):
        with T.Kernel(1024, threads=threads) as bx:
            sh = T.alloc_shared((R, N), "float16")
            x = T.alloc_fragment((R, N), "float16")
            s = T.alloc_fragment((N,), "float16")
            T.copy(A[0, bx * N], sh)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ warning TL403: scalar copy: each thread moves one f16 (16 of a possible 128 bits) because the innermost extent 3 is not a multiple of 8 elements (at most 1 per access) [sm_80] (with R=4, N=3, threads=128 from line 54)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ warning TL403: scalar copy: each thread moves one f16 (16 of a possible 128 bits) because the innermost extent 3 is not a multiple of 8 elements (at most 1 per access) [sm_90] (with R=4, N=3, threads=128 from line 54)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ warning TL403: scalar copy: each thread moves one f16 (16 of a possible 128 bits) because the innermost extent 4 is not a multiple of 8 elements (at most 4 per access, and thread padding then prefers 1) [sm_80] (with R=16, N=4, threads=64 from line 58)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ warning TL403: scalar copy: each thread moves one f16 (16 of a possible 128 bits) because the innermost extent 4 is not a multiple of 8 elements (at most 4 per access, and thread padding then prefers 1) [sm_90] (with R=16, N=4, threads=64 from line 58)
            T.copy(sh, x)
          # ^^^^^^^^^^^^^ warning TL403: scalar copy: each thread moves one f16 (16 of a possible 128 bits) because the innermost extent 3 is not a multiple of 8 elements (at most 1 per access) [sm_80] (with R=4, N=3, threads=128 from line 54)
          # ^^^^^^^^^^^^^ warning TL403: scalar copy: each thread moves one f16 (16 of a possible 128 bits) because the innermost extent 3 is not a multiple of 8 elements (at most 1 per access) [sm_90] (with R=4, N=3, threads=128 from line 54)
          # ^^^^^^^^^^^^^ warning TL403: scalar copy: each thread moves one f16 (16 of a possible 128 bits) because the innermost extent 4 is not a multiple of 8 elements (at most 4 per access, and thread padding then prefers 1) [sm_80] (with R=16, N=4, threads=64 from line 58)
          # ^^^^^^^^^^^^^ warning TL403: scalar copy: each thread moves one f16 (16 of a possible 128 bits) because the innermost extent 4 is not a multiple of 8 elements (at most 4 per access, and thread padding then prefers 1) [sm_90] (with R=16, N=4, threads=64 from line 58)
            T.reduce_max(x, s, dim=0)
            #            ^ error TL416: T.reduce_max along dim 0 of x (4, 3) combines each column across threads: its 12 elements sit one per thread (of 128), so a column's 4 elements are on 4 threads 3 apart, and the stride 3 between a column's threads is not a power of two: lowering fails ("is_const_power_of_two_integer" or a ReplicateExtent check); use a power-of-two number of rows and columns, or pad the tile (with R=4, N=3, threads=128 from line 54)
            T.copy(s, D[bx * N])

    return main


if __name__ == "__main__":
    colsum(6, 4, 128)
    colsum(3, 1, 128)
    colsum(96, 1, 128)
    colmax_shared(4, 3, 128)
    colsum(8, 8, 128)
    colsum(64, 2, 128)
    colsum(96, 4, 128)
    colmax_shared(16, 4, 64)
