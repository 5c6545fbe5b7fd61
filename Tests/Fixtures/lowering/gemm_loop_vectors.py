# fixture: target=sm_80,sm_90,sm_100
# A T.Parallel loop over a gemm-layout fragment lays out at layout inference's common level the fragments it reads:
# a 1-D vector read at the column index (`scale[j]`, `cs[j]`) is held like the columns, so each thread holds runs of 2
# adjacent columns (an accumulator, or a 16-bit K-major register operand; 1 for a float32 one) and a copy into it
# moves those runs per thread (64 bits of float32); a 1-D loop that writes such a vector gives the vectors it reads
# the same layout (dA_local, dt_local); a fragment read transposed (`x_local[j, i]`) holds single elements along its
# last dim, so its copy from shared runs 1 lane; one read at `[i, j]` takes the gemm layout (a residual loaded
# into registers: 2 float32 lanes). A copy of part of an accumulator (`acc[:valid, :]`) runs on its layout, 2 float32
# lanes, though its extent does not split evenly over the threads. Checked with tilelang 0.1.15 (a mamba chunk
# state, a column scale, a residual add, GQA decode's partial output).
import tilelang.language as T


def chunk_state(M, K, N, bM, bN, bK, threads, dtype):
    @T.prim_func
    def main(X: T.Tensor((K, M), dtype), dA: T.Tensor((K,), dtype), dt: T.Tensor((K,), dtype), B: T.Tensor((K, N), dtype),
             O: T.Tensor((M, N), "float32")):
        with T.Kernel(T.ceildiv(M, bM), T.ceildiv(N, bN), threads=threads) as (bx, by):
            x_shared = T.alloc_shared((bK, bM), dtype)
            x_local = T.alloc_fragment((bK, bM), dtype)
            xt_local = T.alloc_fragment((bM, bK), dtype)
            B_shared = T.alloc_shared((bK, bN), dtype)
            dA_shared = T.alloc_shared((bK,), dtype)
            acc = T.alloc_fragment((bM, bN), "float32")
            scale = T.alloc_fragment((bK,), "float32")
            dA_local = T.alloc_fragment((bK,), "float32")
            dt_local = T.alloc_fragment((bK,), "float32")
            T.clear(acc)
            for k in T.serial(T.ceildiv(K, bK)):
                T.copy(X[k * bK, bx * bM], x_shared)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(dA[k * bK:(k + 1) * bK], dA_shared)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b
                T.copy(dA_shared, dA_local)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
                T.copy(dt[k * bK:(k + 1) * bK], dt_local)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
                for i in T.Parallel(bK):
                    scale[i] = T.exp2(dA_local[i]) * dt_local[i]
                T.copy(x_shared, x_local)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b
                for i, j in T.Parallel(bM, bK):
                    xt_local[i, j] = x_local[j, i] * scale[j]
                T.copy(B[k * bK, by * bN], B_shared)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.gemm(xt_local, B_shared, acc)
            T.copy(acc, O[bx * bM, by * bN])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main

def column_scale(M, N, K, bM, bN, bK, threads, dtype):
    @T.prim_func
    def main(A: T.Tensor((M, K), dtype), B: T.Tensor((K, N), dtype), S: T.Tensor((N,), "float32"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(T.ceildiv(M, bM), T.ceildiv(N, bN), threads=threads) as (bx, by):
            A_s = T.alloc_shared((bM, bK), dtype)
            B_s = T.alloc_shared((bK, bN), dtype)
            acc = T.alloc_fragment((bM, bN), "float32")
            cs = T.alloc_fragment((bN,), "float32")
            T.clear(acc)
            for k in T.serial(T.ceildiv(K, bK)):
                T.copy(A[bx * bM, k * bK], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(B[k * bK, by * bN], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.gemm(A_s, B_s, acc)
            T.copy(S[by * bN:(by + 1) * bN], cs)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            for i, j in T.Parallel(bM, bN):
                acc[i, j] = acc[i, j] * cs[j]
            T.copy(acc, C[bx * bM, by * bN])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def residual_add(M, N, K, bM, bN, bK, threads, dtype, rdtype):
    @T.prim_func
    def main(A: T.Tensor((M, K), dtype), B: T.Tensor((K, N), dtype), Res: T.Tensor((M, N), rdtype), C: T.Tensor((M, N), "float32")):
        with T.Kernel(T.ceildiv(M, bM), T.ceildiv(N, bN), threads=threads) as (bx, by):
            A_s = T.alloc_shared((bM, bK), dtype)
            B_s = T.alloc_shared((bK, bN), dtype)
            acc = T.alloc_fragment((bM, bN), "float32")
            r_local = T.alloc_fragment((bM, bN), rdtype)
            o_local = T.alloc_fragment((bM, bN), "float32")
            T.clear(acc)
            for k in T.serial(T.ceildiv(K, bK)):
                T.copy(A[bx * bM, k * bK], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(B[k * bK, by * bN], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.gemm(A_s, B_s, acc)
            T.copy(Res[bx * bM, by * bN], r_local)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            for i, j in T.Parallel(bM, bN):
                o_local[i, j] = acc[i, j] + r_local[i, j]
            T.copy(o_local, C[bx * bM, by * bN])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def partial_accumulator_shared(M, N, K, bM, bN, bK, threads, valid, to_shared):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(T.ceildiv(M, bM), T.ceildiv(N, bN), threads=threads) as (bx, by):
            A_s = T.alloc_shared((bM, bK), "float16")
            B_s = T.alloc_shared((bK, bN), "float16")
            acc = T.alloc_fragment((bM, bN), "float32")
            O_s = T.alloc_shared((valid, bN), "float32")
            T.clear(acc)
            for k in T.serial(T.ceildiv(K, bK)):
                T.copy(A[bx * bM, k * bK], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(B[k * bK, by * bN], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.gemm(A_s, B_s, acc)
            if to_shared:
                T.copy(acc[:valid, :], O_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
                T.copy(O_s, C[bx * bM, by * bN])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store
            else:
                T.copy(acc[:valid, :], C[bx * bM:bx * bM + valid, by * bN:(by + 1) * bN])

    return main


def partial_accumulator_global(M, N, K, bM, bN, bK, threads, valid, to_shared):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(T.ceildiv(M, bM), T.ceildiv(N, bN), threads=threads) as (bx, by):
            A_s = T.alloc_shared((bM, bK), "float16")
            B_s = T.alloc_shared((bK, bN), "float16")
            acc = T.alloc_fragment((bM, bN), "float32")
            O_s = T.alloc_shared((valid, bN), "float32")
            T.clear(acc)
            for k in T.serial(T.ceildiv(K, bK)):
                T.copy(A[bx * bM, k * bK], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(B[k * bK, by * bN], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.gemm(A_s, B_s, acc)
            if to_shared:
                T.copy(acc[:valid, :], O_s)
                T.copy(O_s, C[bx * bM, by * bN])
            else:
                T.copy(acc[:valid, :], C[bx * bM:bx * bM + valid, by * bN:(by + 1) * bN])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


if __name__ == "__main__":
    chunk_state(4096, 4096, 4096, 64, 64, 64, 128, "float16")
    column_scale(4096, 4096, 4096, 128, 128, 32, 256, "float16")
    residual_add(4096, 4096, 4096, 128, 128, 32, 256, "float16", "float32")
    partial_accumulator_shared(4096, 4096, 4096, 64, 64, 32, 128, 2, True)
    partial_accumulator_global(4096, 4096, 4096, 128, 64, 32, 256, 8, False)
