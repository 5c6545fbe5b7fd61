# fixture: target=sm_80,sm_90,sm_100
# Warp specialisation moves the consumer statements that come before the first one reading a TMA-loaded tile into
# the producer branch when all of them can move; a lone copy from global memory into a fragment can. The producer
# then copies into a per-thread `local` clone of the fragment, the whole buffer in every thread, so a global →
# fragment load of a gemm's register operand runs at the widest width (128 bits on sm_90, 256 on sm_100) instead of
# the gemm fragment's 2 elements (sm_80, no warp specialisation). A T.Parallel loop over the fragment before the
# gemm cannot move, so nothing moves there.
import tilelang.language as T


def register_a(K):
    @T.prim_func
    def main(A: T.Tensor((64, K), "bfloat16"), B: T.Tensor((128, K), "bfloat16"), C: T.Tensor((64, 128), "float32")):
        with T.Kernel(1, threads=128) as bx:
            A_f = T.alloc_fragment((64, 32), "bfloat16")
            B_s = T.alloc_shared((128, 32), "bfloat16")
            C_f = T.alloc_fragment((64, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(K // 32, num_stages=2):
                T.copy(B[0, k * 32], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(A[0, k * 32], A_f)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.gemm(A_f, B_s, C_f, transpose_B=True)
            T.copy(C_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def register_a_scaled(K):
    @T.prim_func
    def main(A: T.Tensor((64, K), "bfloat16"), B: T.Tensor((128, K), "bfloat16"), C: T.Tensor((64, 128), "float32")):
        with T.Kernel(1, threads=128) as bx:
            A_f = T.alloc_fragment((64, 32), "bfloat16")
            B_s = T.alloc_shared((128, 32), "bfloat16")
            C_f = T.alloc_fragment((64, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(K // 32, num_stages=2):
                T.copy(A[0, k * 32], A_f)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
                for i, j in T.Parallel(64, 32):
                    A_f[i, j] = A_f[i, j] * 2
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


if __name__ == "__main__":
    register_a(256)
    register_a_scaled(256)
