# fixture: target=sm_80,sm_90,sm_100
# A gemm operand held in registers has the mma operand layout: each thread holds 32 bits of adjacent K elements
# (2 halves, 4 bytes, 1 float). Copied along a last dimension that is K, a load moves those 32 bits; when K is not the
# last dimension (a transposed A, a B that is not transposed) a thread's elements are not adjacent and each access
# moves one element. (A non-transposed 16-bit A read whole from shared memory is an ldmatrix instead.)
import tilelang.language as T


def transposed_a():
    @T.prim_func
    def main(A: T.Tensor((256, 64), "float16"), B: T.Tensor((64, 256), "float16"), C: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((32, 64), "float16")
            A_f = T.alloc_fragment((32, 64), "float16")
            B_s = T.alloc_shared((64, 32), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            for k in T.Pipelined(8, num_stages=2):
                T.copy(A[k * 32, 0], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: bulk_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_load
                T.copy(A_s, A_f)
              # ^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
              # ^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
              # ^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b
                T.copy(B[0, k * 32], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_f, B_s, C_f, transpose_A=True, transpose_B=True)
            T.copy(C_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def int8_a():
    @T.prim_func
    def main(A: T.Tensor((64, 256), "int8"), B: T.Tensor((64, 256), "int8"), C: T.Tensor((64, 64), "int32")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((64, 64), "int8")
            A_f = T.alloc_fragment((64, 64), "int8")
            B_s = T.alloc_shared((64, 64), "int8")
            C_f = T.alloc_fragment((64, 64), "int32")
            T.clear(C_f)
            for k in T.Pipelined(4, num_stages=2):
                T.copy(A[0, k * 64], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(A_s, A_f)
              # ^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
              # ^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
              # ^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
                T.copy(B[0, k * 64], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_f, B_s, C_f, transpose_B=True)
            T.copy(C_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def float32_a():
    @T.prim_func
    def main(A: T.Tensor((64, 256), "float32"), B: T.Tensor((64, 256), "float32"), C: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((64, 32), "float32")
            A_f = T.alloc_fragment((64, 32), "float32")
            B_s = T.alloc_shared((64, 32), "float32")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            for k in T.Pipelined(8, num_stages=2):
                T.copy(A[0, k * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(A_s, A_f)
              # ^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
              # ^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
              # ^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
                T.copy(B[0, k * 32], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_f, B_s, C_f, transpose_B=True)
            T.copy(C_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def register_b():
    @T.prim_func
    def main(A: T.Tensor((64, 256), "float16"), B: T.Tensor((256, 64), "float16"), C: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            B_f = T.alloc_fragment((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            for k in T.Pipelined(8, num_stages=2):
                T.copy(A[0, k * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(B[k * 32, 0], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: bulk_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_load
                T.copy(B_s, B_f)
              # ^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
              # ^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
              # ^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b
                T.gemm(A_s, B_f, C_f)
            T.copy(C_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


if __name__ == "__main__":
    transposed_a()
    int8_a()
    float32_a()
    register_b()
