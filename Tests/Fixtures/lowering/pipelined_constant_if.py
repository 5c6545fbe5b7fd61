# fixture: target=sm_80,sm_90,sm_100
# An `if` on a Python value (a factory argument, a comparison of Python ints or dtype strings) is folded by the front
# end: the statements of the taken branch are statements of the T.Pipelined body, and the untaken branch is gone. A
# global → fragment load under `if src_global:` is then a lone statement that warp specialisation moves into the
# producer (128 bits on sm_90, 256 on sm_100; the gemm fragment's 2 elements on sm_80), and a run-time `if` without
# `else` that folding leaves alone in the body is unwrapped, so its loads are TMA producers. A run-time `if` (a block
# index) whose branches hold only global → fragment loads moves into the producer as well, condition and all
# (checked with tilelang 0.1.15).
import tilelang.language as T


def register_a(src_global, mode):
    @T.prim_func
    def main(A: T.Tensor((64, 128), "float16"), B: T.Tensor((128, 128), "float16"), C: T.Tensor((64, 128), "float32")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((64, 32), "float16")
            A_f = T.alloc_fragment((64, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C_f = T.alloc_fragment((64, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(4, num_stages=2):
                T.copy(B[k * 32, 0], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                if src_global:
                    if mode == "float16":
                        T.copy(A[0, k * 32], A_f)
                      # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
                      # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
                      # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                    else:
                        pass
                else:
                    T.copy(A[0, k * 32], A_s)
                    T.copy(A_s, A_f)
                T.gemm(A_f, B_s, C_f)
            T.copy(C_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def block_index_guard():
    @T.prim_func
    def main(
        A: T.Tensor((64, 128), "float16"),
        A2: T.Tensor((64, 128), "float16"),
        B: T.Tensor((128, 128), "float16"),
        C: T.Tensor((64, 128), "float32"),
    ):
        with T.Kernel(2, threads=128) as bx:
            A_f = T.alloc_fragment((64, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C_f = T.alloc_fragment((64, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(4, num_stages=2):
                T.copy(B[k * 32, 0], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                if bx > 0:
                    T.copy(A[0, k * 32], A_f)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                else:
                    T.copy(A2[0, k * 32], A_f)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.gemm(A_f, B_s, C_f)
            T.copy(C_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def guard_left_alone(flag, stages):
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16"), B: T.Tensor((128, 128), "float16"), C: T.Tensor((128, 128), "float32")):
        with T.Kernel(2, threads=128) as bx:
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C_f = T.alloc_fragment((128, 128), "float32")
            T.clear(C_f)
            for k in T.Pipelined(4, num_stages=stages):
                if flag and stages > 1:
                    if bx > 0:
                        T.copy(A[0, k * 32], A_s)
                      # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
                      # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
                      # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                        T.copy(B[k * 32, 0], B_s)
                      # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_load
                      # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
                      # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                        T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


if __name__ == "__main__":
    register_a(True, "float16")
    block_index_guard()
    guard_left_alone(True, 3)
