# fixture: target=sm_80,sm_90
# coalesced_width on a copy of a fragment that a gemm lays out, or that a T.Parallel loop lays out before any copy
# touches it, is never read: the copy's loop takes the fragment's layout and vectorizes along its runs (2 lanes for
# an accumulator, 4 float32 lanes for a T.Parallel-filled fragment). A copy that lays the fragment out itself honours
# it (checked with tilelang 0.1.15).
import tilelang.language as T


def accumulator_out(K):
    @T.prim_func
    def main(A: T.Tensor((512, K), "float16"), B: T.Tensor((K, 512), "float16"), C: T.Tensor((512, 512), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            for k in T.Pipelined(K // 32, num_stages=2):
                T.copy(A[by * 64, k * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(B[k * 32, bx * 64], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 64, bx * 64], coalesced_width=1)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def gemm_layout_through_parallel(K):
    @T.prim_func
    def main(A: T.Tensor((512, K), "float16"), B: T.Tensor((K, 512), "float16"), C: T.Tensor((512, 512), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            D_f = T.alloc_fragment((64, 64), "float16")
            T.clear(C_f)
            for k in T.Pipelined(K // 32, num_stages=2):
                T.copy(A[by * 64, k * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(B[k * 32, bx * 64], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_s, B_s, C_f)
            for i, j in T.Parallel(64, 64):
                D_f[i, j] = T.max(C_f[i, j], 0)
            T.copy(D_f, C[by * 64, bx * 64], coalesced_width=1)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def parallel_then_copies(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float32"), B: T.Tensor((M, 64), "float32"), C: T.Tensor((M, 64), "float32")):
        with T.Kernel(M // 64, threads=128) as bx:
            f = T.alloc_fragment((64, 64), "float32")
            for i, j in T.Parallel(64, 64):
                f[i, j] = A[bx * 64 + i, j]
            T.copy(B[bx * 64, 0], f, coalesced_width=2)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(f, C[bx * 64, 0], coalesced_width=1)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def copy_then_parallel(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float32"), C: T.Tensor((M, 64), "float32")):
        with T.Kernel(M // 64, threads=128) as bx:
            f = T.alloc_fragment((64, 64), "float32")
            T.copy(A[bx * 64, 0], f, coalesced_width=2)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            for i, j in T.Parallel(64, 64):
                C[bx * 64 + i, j] = f[i, j] * 2.0

    return main


if __name__ == "__main__":
    accumulator_out(512)
    gemm_layout_through_parallel(512)
    parallel_then_copies(128)
    copy_then_parallel(128)
