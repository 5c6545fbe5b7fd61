# fixture: target=sm_80,sm_90
# TL416: a row reduction of a fragment one copy lays out combines each row across N / v threads (v: the copy's
# vector width), which must be a power of two, or a row must wrap evenly around the block. Fails: 96, 48, 12, 6, 3
# columns of float32 (runs of 4, 2 or 1 over 24, 12, 3 threads), 384 columns in 2 rows (192 runs of 2 on 128
# threads). Near misses: 64 and 16 columns, 384 columns in one row (each of 128 threads holds 3), a column
# reduction, a fragment a T.Parallel loop also touches (neither judged: column reductions fail by other rules, e.g.
# 64 x 96 over 128 threads, not modelled). Rows narrower than the block must tile it: 96 threads over rows of 64 runs
# (256 float32 columns) fail; over rows of 32 runs (128 columns) they pass.
import tilelang.language as T


def row_sums(M, N, threads):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float32"), O: T.Tensor((M,), "float32")):
        with T.Kernel(1, threads=threads) as bx:
            F = T.alloc_fragment((M, N), "float32")
            R = T.alloc_fragment((M,), "float32")
            T.copy(A, F)
            T.reduce_sum(F, R, dim=1)
            #            ^ error TL416: T.reduce_sum along the last dim of F (128, 96) combines each row across threads, and its 96 columns are 24 runs of 4 on 24 threads (laid out by the copy on line 18, 4 lanes): the shuffle width 24 is not a power of two, and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=128, N=96, threads=128 from line 61)
            #            ^ error TL416: T.reduce_sum along the last dim of F (16, 48) combines each row across threads, and its 48 columns are 48 runs of 1 on 48 threads (laid out by the copy on line 18, 1 lane): the shuffle width 48 is not a power of two, and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=16, N=48, threads=256 from line 62)
            #            ^ error TL416: T.reduce_sum along the last dim of F (2, 3) combines each row across threads, and its 3 columns are 3 runs of 1 on 3 threads (laid out by the copy on line 18, 1 lane): the shuffle width 3 is not a power of two, and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=2, N=3, threads=128 from line 65)
            #            ^ error TL416: T.reduce_sum along the last dim of F (2, 384) combines each row across threads, and its 384 columns are 192 runs of 2, which do not wrap evenly around the 128 threads (laid out by the copy on line 18, 2 lanes): the shuffle width 128 is not a power of two, and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=2, N=384, threads=128 from line 66)
            #            ^ error TL416: T.reduce_sum along the last dim of F (4, 12) combines each row across threads, and its 12 columns are 12 runs of 1 on 12 threads (laid out by the copy on line 18, 1 lane): the shuffle width 12 is not a power of two, and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=4, N=12, threads=128 from line 63)
            #            ^ error TL416: T.reduce_sum along the last dim of F (48, 256) combines each row across threads, and its 256 columns are 64 runs of 4, and the 96 threads are not a whole number of such rows (laid out by the copy on line 18, 4 lanes): a row's threads straddle the block, and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=48, N=256, threads=96 from line 72)
            #            ^ error TL416: T.reduce_sum along the last dim of F (64, 6) combines each row across threads, and its 6 columns are 6 runs of 1 on 6 threads (laid out by the copy on line 18, 1 lane): the shuffle width 6 is not a power of two, and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=64, N=6, threads=128 from line 64)
            T.copy(R, O)

    return main


def column_sums(M, N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float32"), O: T.Tensor((N,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            F = T.alloc_fragment((M, N), "float32")
            R = T.alloc_fragment((N,), "float32")
            T.copy(A, F)
            T.reduce_sum(F, R, dim=0)
            T.copy(R, O)

    return main


def scaled_row_max(M, N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float32"), O: T.Tensor((M,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            F = T.alloc_fragment((M, N), "float32")
            R = T.alloc_fragment((M,), "float32")
            T.copy(A, F)
            for i, j in T.Parallel(M, N):
                F[i, j] = F[i, j] * 2.0
            T.reduce_max(F, R, dim=1)
            T.copy(R, O)

    return main


if __name__ == "__main__":
    row_sums(128, 96, 128)
    row_sums(16, 48, 256)
    row_sums(4, 12, 128)
    row_sums(64, 6, 128)
    row_sums(2, 3, 128)
    row_sums(2, 384, 128)
    row_sums(128, 64, 128)
    row_sums(4, 16, 256)
    row_sums(1, 384, 128)
    column_sums(64, 64)
    scaled_row_max(64, 64)
    row_sums(48, 256, 96)
    row_sums(48, 128, 96)
