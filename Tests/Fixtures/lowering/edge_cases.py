# fixture: target=sm_80,sm_90
# Edge cases: warp-specialised producers copy non-TMA loads synchronously (disable_tma, 8-byte rows) and fall back
# to cp.async when no copy can be TMA; misaligned / coalesced (not for a local copy) / dynamic SIMT widths; ldmatrix; im2col.
import tilelang.language as T


def pipelined_disable_tma():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C_f = T.alloc_fragment((128, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(32, num_stages=2):
                T.copy(A[by * 128, k * 32], A_s, disable_tma=True)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(B[k * 32, bx * 128], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 128, bx * 128])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def pipelined_all_disable_tma():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C_f = T.alloc_fragment((128, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(32, num_stages=2):
                T.copy(A[by * 128, k * 32], A_s, disable_tma=True)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 128b
                T.copy(B[k * 32, bx * 128], B_s, disable_tma=True)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 128b
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 128, bx * 128])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def pipelined_narrow():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 4), "float16")
            B_s = T.alloc_shared((4, 128), "float16")
            C_f = T.alloc_fragment((128, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(256, num_stages=2):
                T.copy(A[by * 128, k * 4], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
                T.copy(B[k * 4, bx * 128], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                for i, j in T.Parallel(128, 128):
                    C_f[i, j] += A_s[i, 0] * B_s[0, j]
            T.copy(C_f, C[by * 128, bx * 128])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def pipelined_cast():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32"), B: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C_f = T.alloc_fragment((128, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(32, num_stages=2):
                T.copy(A[by * 128, k * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(B[k * 32, bx * 128], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 128, bx * 128])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def pipelined_no_gemm():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 128), "float32")):
        with T.Kernel(8, threads=128) as bx:
            A_s = T.alloc_shared((128, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(8, num_stages=2):
                T.copy(A[bx * 128, k * 128], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                for i, j in T.Parallel(128, 128):
                    acc[i, j] += A_s[i, j]
            T.copy(acc, C[bx * 128, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def pipelined_rows():
    @T.prim_func
    def main(A: T.Tensor((4096, 64), "float16"), B: T.Tensor((64, 1024), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 64), "float16")
            B_s = T.alloc_shared((64, 128), "float16")
            C_f = T.alloc_fragment((64, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(8, num_stages=2):
                T.copy(A[k * 64, 0], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(B[0, bx * 128], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 64, bx * 128])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def pipelined_contiguous_rows():
    @T.prim_func
    def main(A: T.Tensor((1024, 128), "float16"), C: T.Tensor((64, 128), "float32")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((64, 128), "float16")
            acc = T.alloc_fragment((64, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(16, num_stages=2):
                T.copy(A[k * 64, 0], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_load
                for i, j in T.Parallel(64, 128):
                    acc[i, j] += A_s[i, j]
            T.copy(acc, C)
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def misaligned():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 64), "float16")
            T.copy(A[bx * 64 : bx * 64 + 64, 3:67], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b

    return main


def coalesced():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 64), "float16")
            T.copy(A[bx * 64, 0], S, coalesced_width=2)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            R = T.alloc_local((64, 32), "float16")
            T.copy(A[bx * 64:(bx + 1) * 64, 0:32], R, coalesced_width=2)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def dynamic_rows():
    n = T.dynamic("n")

    @T.prim_func
    def main(A: T.Tensor((n, 64), "float16"), B: T.Tensor((n, 64), "float16")):
        with T.Kernel(T.ceildiv(n, 64), threads=128) as bx:
            S = T.alloc_shared((64, 64), "float16")
            T.copy(A[bx * 64, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, B[bx * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def prefer_tma_store():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            S = T.alloc_shared((64, 64), "float16")
            T.copy(A[by * 64, bx * 64], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, B[by * 64, bx * 64], prefer_instruction="tma")
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def non_gemm_fragment_to_shared():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            F = T.alloc_fragment((64, 64), "float16")
            S = T.alloc_shared((64, 64), "float16")
            T.copy(A[by * 64, bx * 64], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(F, S)
          # ^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, B[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def register_a_gemm():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            A_f = T.alloc_fragment((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            T.copy(A[by * 64, 0], A_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(B[0, bx * 64], B_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(A_s, A_f)
          # ^^^^^^^^^^^^^^^^ lowering sm_80: ldmatrix
          # ^^^^^^^^^^^^^^^^ lowering sm_90: ldmatrix
            T.gemm(A_f, B_s, C_f)
            T.copy(C_f, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def im2col_conv():
    @T.prim_func
    def main(img: T.Tensor((2, 32, 32, 64), "float16"), out: T.Tensor((2048, 64), "float16")):
        with T.Kernel(16, 2, threads=128) as (bx, by):
            col = T.alloc_shared((128, 32), "float16")
            T.im2col(img, col, bx, by, 3, 1, 1, 1)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: im2col_simt
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: im2col_tma
            T.copy(col, out[bx * 128 : bx * 128 + 128, by * 32 : by * 32 + 32])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


if __name__ == "__main__":
    pipelined_disable_tma()
    pipelined_all_disable_tma()
    pipelined_narrow()
    pipelined_cast()
    pipelined_no_gemm()
    pipelined_rows()
    pipelined_contiguous_rows()
    misaligned()
    coalesced()
    dynamic_rows()
    prefer_tma_store()
    non_gemm_fragment_to_shared()
    register_a_gemm()
    im2col_conv()
