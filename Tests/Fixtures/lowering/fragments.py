# fixture: target=sm_80,sm_90
# Fragment copies: a gemm accumulator written to a whole 16-bit shared tile is stmatrix on sm_90 (SIMT on sm_80);
# into fp32 shared, or straight to global, it stays SIMT; a fragment loaded from global is SIMT.
import tilelang.language as T


def epilogue_stmatrix():
    @T.prim_func
    def main(A: T.Tensor((512, 512), "float16"), B: T.Tensor((512, 512), "float16"), C: T.Tensor((512, 512), "float16")):
        with T.Kernel(4, 4, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C_s = T.alloc_shared((128, 128), "float16")
            C_f = T.alloc_fragment((128, 128), "float16")
            T.clear(C_f)
            T.copy(A[by * 128, 0], A_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(B[0, bx * 128], B_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C_s)
          # ^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^ lowering sm_90: stmatrix
            T.copy(C_s, C[by * 128, bx * 128])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def epilogue_fp32_shared():
    @T.prim_func
    def main(A: T.Tensor((512, 512), "float16"), B: T.Tensor((512, 512), "float16"), C: T.Tensor((512, 512), "float32")):
        with T.Kernel(4, 4, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_s = T.alloc_shared((64, 64), "float32")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            T.copy(A[by * 64, 0], A_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(B[0, bx * 64], B_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C_s)
          # ^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(C_s, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def fragment_roundtrip():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32"), B: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            F = T.alloc_fragment((64, 64), "float32")
            T.copy(A[by * 64, bx * 64], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(F, B[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def fragment_fp16():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            F = T.alloc_fragment((64, 64), "float16")
            T.copy(A[by * 64, bx * 64], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(F, B[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main



def gemm_fragment_derivatives(M, N, K):
    # A fragment filled elementwise from an accumulator (T.Parallel) or copied whole from it takes the gemm layout:
    # stores out of it run 2 lanes; the register copy itself runs over contiguous registers (4 float lanes).
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((N, K), "float16"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(N // 64, M // 64, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, K), "float16")
            B_s = T.alloc_shared((64, K), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            out = T.alloc_fragment((64, 64), "float16")
            cast = T.alloc_fragment((64, 64), "float16")
            T.copy(A[by * 64, 0], A_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(B[bx * 64, 0], B_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.gemm(A_s, B_s, acc, transpose_B=True, clear_accum=True)
            for i, j in T.Parallel(64, 64):
                out[i, j] = T.max(acc[i, j], 0)
            T.copy(out, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            T.copy(acc, cast)
          # ^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(cast, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def parallel_filled_cast_store(M, N):
    # A float32 fragment a T.Parallel loop fills is vectorized 4 floats at a time; storing it as float16 keeps 4.
    @T.prim_func
    def main(A: T.Tensor((M, N), "float32"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(M // 64, threads=128) as by:
            F = T.alloc_fragment((64, 64), "float32")
            for i, j in T.Parallel(64, 64):
                F[i, j] = A[by * 64 + i, j] * 0.5
            T.copy(F, C[by * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def per_token_fp8(M, N):
    # x8 takes x's layout through the register copy (8 floats per thread; the copy itself runs 4 lanes), so its
    # fp8 store runs 8 lanes.
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), Y: T.Tensor((M, N), "float8_e4m3"), S: T.Tensor((M,), "float32")):
        with T.Kernel(M // 8, threads=128) as bx:
            x = T.alloc_fragment((8, 128), "float32")
            x8 = T.alloc_fragment((8, 128), "float8_e4m3")
            amax = T.alloc_fragment((8,), "float32")
            T.copy(X[bx * 8, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.reduce_absmax(x, amax, dim=1)
            T.copy(x, x8)
          # ^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(x8, Y[bx * 8, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(amax, S[bx * 8])
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def row_maxima_copy(M, N, policy):
    # A row reduction of an accumulator keeps the accumulator's rows per thread (64 rows over 4×1 warps: 2 each;
    # over 2×2 warps, 4 each, checked by hand): the register copy of it runs that many lanes.
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((N, N), "float16"), O: T.Tensor((M,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((M, N), "float16")
            B_s = T.alloc_shared((N, N), "float16")
            s = T.alloc_fragment((M, N), "float32")
            m = T.alloc_fragment((M,), "float32")
            m_prev = T.alloc_fragment((M,), "float32")
            T.copy(A[0, 0], A_s)
          # ^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(B[0, 0], B_s)
          # ^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.gemm(A_s, B_s, s, transpose_B=True, clear_accum=True, policy=policy)
            T.reduce_max(s, m, dim=1)
            T.copy(m, m_prev)
          # ^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(m_prev, O[0])
          # ^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def whole_row_per_thread(N):
    # Read element by element in a serial loop, v is held whole by every thread: its load runs per thread, 8 halves
    # per access.
    @T.prim_func
    def main(V: T.Tensor((N, 1024), "float16"), X: T.Tensor((N, 1024), "float32")):
        with T.Kernel(N, threads=128) as bx:
            v = T.alloc_fragment((64,), "float16")
            T.copy(V[bx, 0:64], v)
          # ^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            for k in T.serial(64):
                X[bx, k] = v[k]

    return main

if __name__ == "__main__":
    epilogue_stmatrix()
    epilogue_fp32_shared()
    fragment_roundtrip()
    fragment_fp16()
    gemm_fragment_derivatives(1024, 1024, 64)
    parallel_filled_cast_store(1024, 64)
    per_token_fp8(1024, 128)
    row_maxima_copy(64, 64, T.GemmWarpPolicy.FullRow)
    whole_row_per_thread(64)
