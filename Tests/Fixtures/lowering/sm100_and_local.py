# fixture: target=sm_80,sm_90,sm_100
# sm_100 widens global-only SIMT loops to 256 bits; a copy touching shared stays at 128. Copies from or to a
# `local` buffer run whole in every thread.
import tilelang.language as T


def global_only():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            F = T.alloc_fragment((64, 128), "float16")
            T.copy(A[bx * 64, 0], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(F, B[bx * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def local_copy():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, threads=128) as bx:
            L = T.alloc_local((8,), "float32")
            T.copy(A[bx, 0:8], L)
          # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            A[bx, 8] = L[0] + L[7]

    return main


if __name__ == "__main__":
    global_only()
    local_copy()
