# fixture: target=sm_80,sm_90
# stmatrix (sm_90) stores a gemm accumulator into a 16-bit shared tile only when the copy covers the whole fragment:
# LowerLDSM compares the copy's extents with the fragment's shape, so a row slice of the accumulator
# (`acc[:16, :]`, GQA decoding with fewer valid heads than the tile's rows) is a SIMT copy. A slice that spans the
# whole fragment still lowers to stmatrix.
import tilelang.language as T


def store_partial(rows):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(16, 16, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            C_s = T.alloc_shared((rows, 64), "float16")
            T.clear(C_f)
            for k in T.Pipelined(32, num_stages=2):
                T.copy(A[by * 64, k * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(B[k * 32, bx * 64], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f[:rows, :], C_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(C_s, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def store_whole_slice(rows):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(16, 16, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            C_s = T.alloc_shared((rows, 64), "float16")
            T.clear(C_f)
            for k in T.Pipelined(32, num_stages=2):
                T.copy(A[by * 64, k * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(B[k * 32, bx * 64], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f[:rows, :], C_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: stmatrix
            T.copy(C_s, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def store_whole():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(16, 16, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            C_s = T.alloc_shared((64, 64), "float16")
            T.clear(C_f)
            for k in T.Pipelined(32, num_stages=2):
                T.copy(A[by * 64, k * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(B[k * 32, bx * 64], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C_s)
          # ^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^ lowering sm_90: stmatrix
            T.copy(C_s, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


if __name__ == "__main__":
    store_partial(16)
    store_whole_slice(64)
    store_whole()
