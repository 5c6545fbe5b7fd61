# fixture: target=sm_80,sm_90
# TL416 / TL409 on row reductions whose fragment copies and element-wise T.Parallel loops lay out (a softmax row read
# beside its maximum, an rms-norm's squares, a two-pass softmax that writes a second fragment). Layout inference tries
# each copy and loop as the root; the reduction fails when every candidate's runs give a shuffle width that is not a
# power of two, and more elements than threads that are not a multiple of them fail whatever the root (sweep I).
# Fails: 2 and 6 rows of 384 float32 columns over 128 threads (2 lanes each: 192 runs per row), 4 rows of 384
# (4 lanes: 96 runs), 1 row of 192 and 2 rows of 100 over 128 threads (TL409).
# Near misses: 3 rows of 384 (odd: 1 lane, 384 runs wrap 128 threads), 4 rows of 512, 1 row of 640, and 2 rows of 384
# stored to a 385-wide tensor (the loop's store is unaligned, so that root runs 1 lane and its plan works). Not judged:
# an online softmax, whose running maximum a register copy and a 1-D loop also lay out (2 × 384 over 128 threads and
# 2 × 256 over 96 threads compile).
import tilelang.language as T


def softmax(R, N, S, threads):
    @T.prim_func
    def main(A: T.Tensor((256, N), "float16"), C: T.Tensor((256, S), "float16")):
        with T.Kernel(256 // R, threads=threads) as bx:
            row = T.alloc_fragment((R, N), "float32")
            rmax = T.alloc_fragment((R,), "float32")
            T.copy(A[bx * R, 0], row)
            #                    ^^^ error TL409: fragment row (1, 192) holds 192 elements, more than the 128 threads but not a multiple of them, and only copies, element-wise T.Parallel loops (and the reductions that read it) lay it out: layout inference fails ("no available layout found"); use a multiple of 128 elements (or at most 128) (with R=1, N=192, S=192, threads=128 from line 98)
            #                    ^^^ error TL409: fragment row (2, 100) holds 200 elements, more than the 128 threads but not a multiple of them, and only copies, element-wise T.Parallel loops (and the reductions that read it) lay it out: layout inference fails ("no available layout found"); use a multiple of 128 elements (or at most 128) (with R=2, N=100, S=100, threads=128 from line 99)
            T.reduce_max(row, rmax, dim=1)
            #            ^^^ error TL416: T.reduce_max along the last dim of row (2, 384) combines each row across threads, and its 384 columns are 192 runs of 2, which do not wrap evenly around the 128 threads (laid out by the copy on line 21, 2 lanes): the shuffle width 128 is not a power of two; layout inference tries every op that can lay row out as the root (the copy on line 21 at 2 lanes, the T.Parallel loop on line 26 at 2 lanes) and each plan fails this way, so lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with R=2, N=384, S=384, threads=128 from line 97)
            for i, j in T.Parallel(R, N):
                C[bx * R + i, j] = T.exp(row[i, j] - rmax[i])

    return main


def rms(R, N, threads):
    @T.prim_func
    def main(A: T.Tensor((256, N), "float16"), C: T.Tensor((256, N), "float16")):
        with T.Kernel(256 // R, threads=threads) as bx:
            x = T.alloc_fragment((R, N), "float32")
            xs = T.alloc_fragment((R, N), "float32")
            s = T.alloc_fragment((R,), "float32")
            T.copy(A[bx * R, 0], x)
            for i, j in T.Parallel(R, N):
                xs[i, j] = x[i, j] * x[i, j]
            T.reduce_sum(xs, s, dim=1)
            #            ^^ error TL416: T.reduce_sum along the last dim of xs (4, 384) combines each row across threads, and its 384 columns are 96 runs of 4 on 96 threads (laid out by the copy on line 39, 4 lanes): the shuffle width 96 is not a power of two; layout inference tries every op that can lay xs out as the root (the copy on line 39 at 4 lanes, the T.Parallel loop on line 40 at 4 lanes, the T.Parallel loop on line 44 at 4 lanes) and each plan fails this way, so lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with R=4, N=384, threads=128 from line 100)
            for i, j in T.Parallel(R, N):
                C[bx * R + i, j] = x[i, j] * T.rsqrt(s[i] / N + 1e-6)

    return main


def two_pass(R, N, threads):
    @T.prim_func
    def main(A: T.Tensor((256, N), "float16"), C: T.Tensor((256, N), "float16")):
        with T.Kernel(256 // R, threads=threads) as bx:
            row = T.alloc_fragment((R, N), "float32")
            e = T.alloc_fragment((R, N), "float32")
            rmax = T.alloc_fragment((R,), "float32")
            ssum = T.alloc_fragment((R,), "float32")
            o = T.alloc_fragment((R, N), "float16")
            T.copy(A[bx * R, 0], row)
            T.reduce_max(row, rmax, dim=1)
            #            ^^^ error TL416: T.reduce_max along the last dim of row (6, 384) combines each row across threads, and its 384 columns are 192 runs of 2, which do not wrap evenly around the 128 threads (laid out by the copy on line 59, 2 lanes): the shuffle width 128 is not a power of two; layout inference tries every op that can lay row out as the root (the copy on line 59 at 2 lanes, the copy on line 68 at 2 lanes, the T.Parallel loop on line 62 at 2 lanes, the T.Parallel loop on line 66 at 2 lanes) and each plan fails this way, so lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with R=6, N=384, threads=128 from line 101)
            for i, j in T.Parallel(R, N):
                e[i, j] = T.exp(row[i, j] - rmax[i])
            T.reduce_sum(e, ssum, dim=1)
            #            ^ error TL416: T.reduce_sum along the last dim of e (6, 384) combines each row across threads, and its 384 columns are 192 runs of 2, which do not wrap evenly around the 128 threads (laid out by the copy on line 59, 2 lanes): the shuffle width 128 is not a power of two; layout inference tries every op that can lay e out as the root (the copy on line 59 at 2 lanes, the copy on line 68 at 2 lanes, the T.Parallel loop on line 62 at 2 lanes, the T.Parallel loop on line 66 at 2 lanes) and each plan fails this way, so lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with R=6, N=384, threads=128 from line 101)
            for i, j in T.Parallel(R, N):
                o[i, j] = e[i, j] / ssum[i]
            T.copy(o, C[bx * R, 0])

    return main


def online(R, N, threads):
    @T.prim_func
    def main(A: T.Tensor((256, 4 * N), "float16"), D: T.Tensor((256,), "float32")):
        with T.Kernel(256 // R, threads=threads) as bx:
            row = T.alloc_fragment((R, N), "float32")
            m = T.alloc_fragment((R,), "float32")
            mprev = T.alloc_fragment((R,), "float32")
            l = T.alloc_fragment((R,), "float32")
            T.fill(m, -T.infinity("float32"))
            T.fill(l, 0)
            for k in T.serial(4):
                T.copy(A[bx * R, k * N], row)
                T.copy(m, mprev)
                T.reduce_max(row, m, dim=1, clear=False)
                for i, j in T.Parallel(R, N):
                    row[i, j] = T.exp(row[i, j] - m[i])
                for i in T.Parallel(R):
                    l[i] = l[i] * T.exp(mprev[i] - m[i])
            T.copy(l, D[bx * R])

    return main


if __name__ == "__main__":
    softmax(2, 384, 384, 128)
    softmax(1, 192, 192, 128)
    softmax(2, 100, 100, 128)
    rms(4, 384, 128)
    two_pass(6, 384, 128)
    softmax(3, 384, 384, 128)
    softmax(2, 384, 385, 128)
    softmax(1, 640, 640, 128)
    rms(4, 512, 256)
    two_pass(1, 384, 128)
    online(2, 384, 128)
    online(2, 256, 96)
