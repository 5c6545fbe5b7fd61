# fixture: target=sm_80,sm_90,sm_100
# Shared float64 tiles take layouts that swizzle single elements. A gemm operand (an mma on every target) whose last
# dimension is a multiple of 16 gets an XOR swizzle of single elements, so its loads move 64 bits (cp.async here),
# where a last dimension of 8 gives a padded layout and 128 bits. On sm_90+ a tile that nothing else lays out and
# that is stored to global memory by TMA takes its layout from that store: the same single-element swizzle for a
# last dimension of 32, which TMA cannot encode, so both copies run SIMT at 64 bits; with a last dimension of 8 it
# is a 16-byte swizzle and the store stays TMA.
import tilelang.language as T


def gemm_operands(block_K):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float64"), B: T.Tensor((1024, 1024), "float64"), C: T.Tensor((1024, 1024), "float64")):
        with T.Kernel(16, 16, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, block_K), "float64")
            B_s = T.alloc_shared((block_K, 64), "float64")
            C_f = T.alloc_fragment((64, 64), "float64")
            T.clear(C_f)
            for k in T.Pipelined(1024 // block_K, num_stages=2):
                T.copy(A[by * 64, k * block_K], A_s, disable_tma=True)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: cp_async 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 64b
                T.copy(B[k * block_K, bx * 64], B_s, disable_tma=True)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: cp_async 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 64b
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def stored_tile(block_K):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float64"), C: T.Tensor((1024, 1024), "float64")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, block_K), "float64")
            T.copy(A[by * 64, bx * block_K], A_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(A_s, C[by * 64, bx * block_K])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def padded_operand():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float64"), B: T.Tensor((1024, 1024), "float64"), C: T.Tensor((1024, 1024), "float64")):
        with T.Kernel(16, 16, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 8), "float64")
            B_s = T.alloc_shared((8, 64), "float64")
            C_f = T.alloc_fragment((64, 64), "float64")
            T.clear(C_f)
            for k in T.Pipelined(128, num_stages=2):
                T.copy(A[by * 64, k * 8], A_s, disable_tma=True)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 128b
                T.copy(B[k * 8, bx * 64], B_s, disable_tma=True)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: cp_async 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 64b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 64b
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def stored_narrow_tile():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float64"), C: T.Tensor((1024, 1024), "float64")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 8), "float64")
            T.copy(A[by * 64, bx * 8], A_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(A_s, C[by * 64, bx * 8])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


if __name__ == "__main__":
    gemm_operands(32)
    stored_tile(32)
    padded_operand()
    stored_narrow_tile()
