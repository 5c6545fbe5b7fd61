# fixture: target=sm_80,sm_90
# TL416 at layout inference's free level: a row reduction of a fragment that copies of the whole buffer and
# element-wise T.Parallel loops lay out (each of them a candidate root). Every plan hands a row's N / v runs to
# consecutive threads, v a power of two, so a row of N columns, N not a power of two and at most the thread count,
# never gets a power-of-two shuffle width. Fails: softmax-style rows of 96, 48 and 24 columns (float16 and float32
# sources), a copy in and a copy out with no loop, a loop that fills the reduced fragment from another one.
# Near misses: 64 columns, 384 columns in one row over 128 threads (each thread holds 3 columns: compiles; rows
# longer than the block are not judged), a row count that is not a power of two (12 rows of 64).
import tilelang.language as T


def softmax_rows(M, N, bM, threads, dtype, loop):
    @T.prim_func
    def main(X: T.Tensor((M, N), dtype), Y: T.Tensor((M, N), dtype)):
        with T.Kernel(T.ceildiv(M, bM), threads=threads) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            mx = T.alloc_fragment((bM,), "float32")
            T.copy(X[bx * bM, 0], x)
            T.reduce_max(x, mx, dim=1)
            #            ^ error TL416: T.reduce_max along the last dim of x (16, 24) combines each row across the 128 threads, and its rows have 24 columns, which is not a power of two: only copies (lines 18, 27) and element-wise T.Parallel loops (line 25) lay x out, each plan hands a row's runs (a power-of-two width each) to consecutive threads, so the shuffle width is never a power of two and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=512, N=24, bM=16, threads=128, dtype="float32", loop=True from line 52)
            #            ^ error TL416: T.reduce_max along the last dim of x (16, 96) combines each row across the 128 threads, and its rows have 96 columns, which is not a power of two: only copies (lines 18, 27) and element-wise T.Parallel loops (line 25) lay x out, each plan hands a row's runs (a power-of-two width each) to consecutive threads, so the shuffle width is never a power of two and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=512, N=96, bM=16, threads=128, dtype="float16", loop=True from line 50)
            #            ^ error TL416: T.reduce_max along the last dim of x (16, 96) combines each row across the 128 threads, and its rows have 96 columns, which is not a power of two: only copies (lines 18, 27) lay x out, each plan hands a row's runs (a power-of-two width each) to consecutive threads, so the shuffle width is never a power of two and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=512, N=96, bM=16, threads=128, dtype="float32", loop=False from line 53)
            #            ^ error TL416: T.reduce_max along the last dim of x (32, 48) combines each row across the 256 threads, and its rows have 48 columns, which is not a power of two: only copies (lines 18, 27) and element-wise T.Parallel loops (line 25) lay x out, each plan hands a row's runs (a power-of-two width each) to consecutive threads, so the shuffle width is never a power of two and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=512, N=48, bM=32, threads=256, dtype="float16", loop=True from line 51)
            if loop:
                for i, j in T.Parallel(bM, N):
                    x[i, j] = T.exp(x[i, j] - mx[i])
            T.copy(x, Y[bx * bM, 0])

    return main


def scaled_sums(M, N, bM, threads):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float16"), Y: T.Tensor((M,), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=threads) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            y = T.alloc_fragment((bM, N), "float32")
            s = T.alloc_fragment((bM,), "float32")
            T.copy(X[bx * bM, 0], y)
            for i, j in T.Parallel(bM, N):
                x[i, j] = y[i, j] * 2
            T.reduce_sum(x, s, dim=1)
            #            ^ error TL416: T.reduce_sum along the last dim of x (16, 96) combines each row across the 128 threads, and its rows have 96 columns, which is not a power of two: only element-wise T.Parallel loops (line 40) lay x out, each plan hands a row's runs (a power-of-two width each) to consecutive threads, so the shuffle width is never a power of two and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=512, N=96, bM=16, threads=128 from line 54)
            T.copy(s, Y[bx * bM])

    return main


if __name__ == "__main__":
    softmax_rows(512, 96, 16, 128, "float16", True)
    softmax_rows(512, 48, 32, 256, "float16", True)
    softmax_rows(512, 24, 16, 128, "float32", True)
    softmax_rows(512, 96, 16, 128, "float32", False)
    scaled_sums(512, 96, 16, 128)
    softmax_rows(512, 64, 16, 128, "float16", True)
    softmax_rows(512, 384, 1, 128, "float32", True)
    softmax_rows(480, 64, 12, 128, "float16", True)
    scaled_sums(512, 64, 16, 128)
