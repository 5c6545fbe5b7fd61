# fixture: target=sm_80,sm_90,sm_100
# Row vectors that row reductions fill, and those a T.Parallel loop reads beside the reduced fragment, are held by the
# threads that hold their row (0.1.15 ComputeReducerLayout / CompleteBufferFragment): with the fragment's root plan
# at v contiguous elements per thread, each row of N columns spans N / v threads. When that covers every thread, each
# thread holds all rows in row order and a copy of the vector to memory runs per thread (4 float32 lanes for 4 rows);
# otherwise each thread holds every g-th row and such a copy runs 1 lane. A register copy between two of them runs
# over the rows each thread holds (mx -> mprev: 4 rows at 8-lane float16 loads over 512 columns, 2 at 16 lanes on
# sm_100). Components with two 2-D fragments (an argmax's index fragment) and 1-D loops over the row vectors (online
# softmax) are laid out at the free level like one fragment: float16 loads run 8 lanes. The row maximum of a gemm
# accumulator whose operands are regions (`Q_shared[:, :D]`) holds m / (8 x warps along m) rows per thread, as with
# whole operands (2 here: 64 bits). Checked with tilelang 0.1.15.
import tilelang.language as T


def row_max_out(M, N, bM, threads):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), Y: T.Tensor((M, N), "float32"), V: T.Tensor((M,), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=threads) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            mx = T.alloc_fragment((bM,), "float32")
            mc = T.alloc_fragment((bM,), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.reduce_max(x, mx, dim=1)
            T.copy(mx, mc)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] - mc[i]
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(mx, V[bx * bM:(bx + 1) * bM])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def row_split_out(M, N, bM, threads):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), Y: T.Tensor((M, N), "float32"), V: T.Tensor((M,), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=threads) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            mx = T.alloc_fragment((bM,), "float32")
            mc = T.alloc_fragment((bM,), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.reduce_max(x, mx, dim=1)
            T.copy(mx, mc)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] - mc[i]
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(mx, V[bx * bM:(bx + 1) * bM])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def row_argmax(M, N, bM, threads):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), I: T.Tensor((M,), "int32"), V: T.Tensor((M,), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=threads) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            mx = T.alloc_fragment((bM,), "float32")
            idx = T.alloc_fragment((bM, N), "int32")
            amin = T.alloc_fragment((bM,), "int32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.reduce_max(x, mx, dim=1)
            for i, j in T.Parallel(bM, N):
                idx[i, j] = T.if_then_else(x[i, j] == mx[i], j, N)
            T.reduce_min(idx, amin, dim=1)
            T.copy(amin, I[bx * bM])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            T.copy(mx, V[bx * bM:(bx + 1) * bM])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def online_softmax(M, N, bM, bN, threads):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float16"), Y: T.Tensor((M, N), "float16"), L: T.Tensor((M,), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=threads) as bx:
            x = T.alloc_fragment((bM, bN), "float32")
            mx = T.alloc_fragment((bM,), "float32")
            mprev = T.alloc_fragment((bM,), "float32")
            s = T.alloc_fragment((bM,), "float32")
            sc = T.alloc_fragment((bM,), "float32")
            T.fill(mx, -T.infinity("float32"))
            T.fill(s, 0)
            for k in T.serial(T.ceildiv(N, bN)):
                T.copy(X[bx * bM, k * bN], x)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b
                T.copy(mx, mprev)
              # ^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
              # ^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.reduce_max(x, mx, dim=1, clear=False)
                for i, j in T.Parallel(bM, bN):
                    x[i, j] = T.exp(x[i, j] - mx[i])
                T.reduce_sum(x, sc, dim=1)
                for i in T.Parallel(bM):
                    s[i] = s[i] * T.exp(mprev[i] - mx[i]) + sc[i]
            for k in T.serial(T.ceildiv(N, bN)):
                T.copy(X[bx * bM, k * bN], x)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b
                for i, j in T.Parallel(bM, bN):
                    x[i, j] = T.exp(x[i, j] - mx[i]) / s[i]
                T.copy(x, Y[bx * bM, k * bN])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b
            T.copy(s, L[bx * bM:(bx + 1) * bM])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def scaled_rows(M, N, bM, threads):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float16"), Y: T.Tensor((M, N), "float16"), B: T.Tensor((M,), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=threads) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            sq = T.alloc_fragment((bM, N), "float32")
            ss = T.alloc_fragment((bM,), "float32")
            b = T.alloc_fragment((bM,), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b
            T.copy(B[bx * bM:(bx + 1) * bM], b)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            for i, j in T.Parallel(bM, N):
                sq[i, j] = x[i, j] * x[i, j]
            T.reduce_sum(sq, ss, dim=1)
            for i in T.Parallel(bM):
                ss[i] = T.rsqrt(ss[i] / N + 1e-6) * b[i]
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] * ss[i]
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b

    return main


def gemm_region_rows(H, D, Dt, BI, threads):
    @T.prim_func
    def main(Q: T.Tensor((H, D + Dt), "bfloat16"), KV: T.Tensor((4096, D + Dt), "bfloat16"),
             Lse: T.Tensor((H,), "float32")):
        with T.Kernel(1, threads=threads) as bx:
            Q_shared = T.alloc_shared([H, D + Dt], "bfloat16")
            KV_shared = T.alloc_shared([BI, D + Dt], "bfloat16")
            acc_s = T.alloc_fragment([H, BI], "float32")
            sumexp = T.alloc_fragment([H], "float32")
            m_i = T.alloc_fragment([H], "float32")
            m_i_prev = T.alloc_fragment([H], "float32")
            T.fill(sumexp, 0)
            T.fill(m_i, -(2**30))
            for h, d in T.Parallel(H, D + Dt):
                Q_shared[h, d] = Q[h, d]
            for k in T.serial(4096 // BI):
                for b, d in T.Parallel(BI, D + Dt):
                    KV_shared[b, d] = KV[k * BI + b, d]
                T.clear(acc_s)
                T.gemm(Q_shared[:, :D], KV_shared[:, :D], acc_s, transpose_B=True, policy=T.GemmWarpPolicy.FullRow)
                T.gemm(Q_shared[:, D:], KV_shared[:, D:], acc_s, transpose_B=True, policy=T.GemmWarpPolicy.FullRow)
                T.copy(m_i, m_i_prev)
              # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
              # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
              # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
                T.reduce_max(acc_s, m_i, dim=1, clear=False)
                for h_i in T.Parallel(H):
                    sumexp[h_i] = sumexp[h_i] * T.exp2(m_i_prev[h_i] - m_i[h_i])
                for h_i, bi_i in T.Parallel(H, BI):
                    acc_s[h_i, bi_i] = T.exp2(acc_s[h_i, bi_i] - m_i[h_i])
            T.copy(sumexp, Lse)
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


if __name__ == "__main__":
    row_max_out(4096, 512, 4, 128)
    row_split_out(4096, 128, 8, 128)
    row_argmax(4096, 512, 4, 128)
    online_softmax(4096, 8192, 8, 512, 128)
    scaled_rows(4096, 1024, 8, 128)
    gemm_region_rows(64, 128, 64, 64, 256)
