# fixture: target=sm_80,sm_90
# An explicit shared → register-operand copy inside T.Pipelined: with num_stages >= 2 the pipeline keeps one version
# of the shared tile per stage and the copy is a SIMT loop over the gemm fragment (2 halves per access); with one
# stage (or none) it is ldmatrix.
import tilelang.language as T


def two_stages():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16"), B: T.Tensor((128, 128), "float16"), C: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((128, 32), "float16")
            A_f = T.alloc_fragment((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C_f = T.alloc_fragment((128, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(4, num_stages=2):
                T.copy(A[0, k * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(A_s, A_f)
              # ^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
              # ^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
                T.copy(B[k * 32, 0], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_f, B_s, C_f)
            T.copy(C_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def one_stage():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16"), B: T.Tensor((128, 128), "float16"), C: T.Tensor((128, 128), "float16")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((128, 32), "float16")
            A_f = T.alloc_fragment((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C_f = T.alloc_fragment((128, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(4, num_stages=1):
                T.copy(A[0, k * 32], A_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(A_s, A_f)
              # ^^^^^^^^^^^^^^^^ lowering sm_80: ldmatrix
              # ^^^^^^^^^^^^^^^^ lowering sm_90: ldmatrix
                T.copy(B[k * 32, 0], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_f, B_s, C_f)
            T.copy(C_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


if __name__ == "__main__":
    two_stages()
    one_stage()
