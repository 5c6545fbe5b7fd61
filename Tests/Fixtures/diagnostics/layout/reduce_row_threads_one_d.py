# fixture: target=sm_90
# TL416's free-level rule (rows of at most the thread count whose columns are not a power of two) and row vectors that
# a 1-D T.Parallel loop or a register copy also touches. Such a loop spreads each row over threads / rows threads and
# roots a plan of its own, from which the reduction lays the tile out: an online softmax of 4 × 384 over 512 threads
# compiles, and so do 4 × 96 over 128 threads whose reduction output or whose row scale a 1-D loop updates. Fails: the
# same tile when no 1-D loop touches a row vector of the reduced tile (the loop on `m` below updates a vector the
# tile never meets), or when the reduction output is only copied out.
import tilelang.language as T


def online_softmax(M, N, BM, BN, threads):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), Y: T.Tensor((M, N), "float32")):
        with T.Kernel(M // BM, threads=threads) as bx:
            x = T.alloc_fragment((BM, BN), "float32")
            m = T.alloc_fragment((BM,), "float32")
            m_prev = T.alloc_fragment((BM,), "float32")
            s = T.alloc_fragment((BM,), "float32")
            cur = T.alloc_fragment((BM,), "float32")
            T.fill(m, -T.infinity("float32"))
            T.fill(s, 0)
            for k in T.serial(N // BN):
                T.copy(X[bx * BM, k * BN], x)
                T.copy(m, m_prev)
                T.reduce_max(x, cur, dim=1)
                for i in T.Parallel(BM):
                    m[i] = T.max(m_prev[i], cur[i])
                for i, j in T.Parallel(BM, BN):
                    x[i, j] = T.exp(x[i, j] - m[i])
                T.reduce_sum(x, cur, dim=1)
                for i in T.Parallel(BM):
                    s[i] = s[i] * T.exp(m_prev[i] - m[i]) + cur[i]
            for k in T.serial(N // BN):
                T.copy(X[bx * BM, k * BN], x)
                for i, j in T.Parallel(BM, BN):
                    x[i, j] = T.exp(x[i, j] - m[i]) / s[i]
                T.copy(x, Y[bx * BM, k * BN])

    return main


def output_updated(M, N, BM, threads):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), Y: T.Tensor((M, N), "float32")):
        with T.Kernel(M // BM, threads=threads) as bx:
            x = T.alloc_fragment((BM, N), "float32")
            cur = T.alloc_fragment((BM,), "float32")
            T.copy(X[bx * BM, 0], x)
            T.reduce_max(x, cur, dim=1)
            for i in T.Parallel(BM):
                cur[i] = cur[i] * 2
            for i, j in T.Parallel(BM, N):
                x[i, j] = T.exp(x[i, j] - cur[i])
            T.copy(x, Y[bx * BM, 0])

    return main


def scale_updated(M, N, BM, threads, connected):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), Y: T.Tensor((M, N), "float32"), Z: T.Tensor((M,), "float32")):
        with T.Kernel(M // BM, threads=threads) as bx:
            x = T.alloc_fragment((BM, N), "float32")
            cur = T.alloc_fragment((BM,), "float32")
            m = T.alloc_fragment((BM,), "float32")
            T.fill(m, 0)
            for i in T.Parallel(BM):
                m[i] = m[i] + 1
            T.copy(X[bx * BM, 0], x)
            T.reduce_max(x, cur, dim=1)
            #            ^ error TL416: T.reduce_max along the last dim of x (4, 96) combines each row across the 128 threads, and its rows have 96 columns, which is not a power of two: only copies (lines 69, 74) and element-wise T.Parallel loops (line 72) lay x out, each plan hands a row's runs (a power-of-two width each) to consecutive threads, so the shuffle width is never a power of two and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=64, N=96, BM=4, threads=128, connected=False from line 98)
            for i, j in T.Parallel(BM, N):
                x[i, j] = T.exp(x[i, j] - (m[i] if connected else cur[i]))
            T.copy(x, Y[bx * BM, 0])
            T.copy(cur if connected else m, Z[bx * BM])

    return main


def copied_out(M, N, BM, threads):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), Z: T.Tensor((M,), "float32")):
        with T.Kernel(M // BM, threads=threads) as bx:
            x = T.alloc_fragment((BM, N), "float32")
            cur = T.alloc_fragment((BM,), "float32")
            T.copy(X[bx * BM, 0], x)
            T.reduce_max(x, cur, dim=1)
            #            ^ error TL416: T.reduce_max along the last dim of x (4, 384) combines each row across threads, and its 384 columns are 384 runs of 1 on 384 threads (laid out by the copy on line 86, 1 lane): the shuffle width 384 is not a power of two, and lowering fails ("no available layout found"); use a power-of-two number of columns per row, or pad the tile (with M=64, N=384, BM=4, threads=512 from line 99)
            T.copy(cur, Z[bx * BM])

    return main


if __name__ == "__main__":
    online_softmax(64, 1536, 4, 384, 512)
    output_updated(64, 96, 4, 128)
    scale_updated(64, 96, 4, 128, True)
    scale_updated(64, 96, 4, 128, False)
    copied_out(64, 384, 4, 512)
