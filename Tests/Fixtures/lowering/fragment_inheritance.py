# fixture: target=sm_80,sm_90
# A fragment that only copies touch is laid out by the copy that gives it the fewest registers per thread (the
# earliest on a tie); the other copies follow that layout: they vectorize at most as wide as its per-thread runs and
# their own coalesced_width is ignored. The fragment's dtype does not bound a width, the memory side's does (checked
# with tilelang 0.1.15).
import tilelang.language as T


def narrowed_then_read(M):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "float16"), B: T.Tensor((M, 1024), "float16")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 64), "float16")
            T.copy(A[by * 64, 0], F, coalesced_width=2)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            T.copy(F, B[by * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def annotation_on_the_second_copy_is_ignored(M):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "float32"), B: T.Tensor((M, 1024), "float32")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((128, 16), "float32")
            T.copy(A[by * 128, 0], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(F, B[by * 128, 0], coalesced_width=2)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def misaligned_first_copy(M):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "float16"), B: T.Tensor((M, 1024), "float16")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 64), "float16")
            S = T.alloc_shared((64, 64), "float16")
            T.copy(A[by * 64, 2], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            T.copy(F, S)
          # ^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^ lowering sm_90: simt 32b
            T.copy(S, B[by * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def wide_first_copy_then_aligned_read(M):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "bfloat16"), B: T.Tensor((M, 1024), "bfloat16")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((16, 256), "bfloat16")
            T.copy(A[by * 16, 0], F, coalesced_width=8)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(F, B[by * 16, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main



def int8_into_f32_fragment(M):
    @T.prim_func
    def main(A: T.Tensor((M, 256), "int8"), B: T.Tensor((M, 256), "float32")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 32), "float32")
            T.copy(A[by * 64, 0], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 512b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 512b
            T.copy(F, B[by * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def f16_into_f32_fragment_read_in_part(M):
    @T.prim_func
    def main(A: T.Tensor((M, 256), "float16"), B: T.Tensor((M, 256), "float16")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 32), "float32")
            T.copy(A[by * 64, 0], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(F[0:32, 0:16], B[by * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main

def register_copy_keeps_runs():
    # F2 takes F1's layout through the register copy: on sm_100 F1 is loaded 8 floats at a time, the register copy
    # runs 4 (no global side), and F2's store runs 8 again (the differential checks sm_100 too).
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32"), B: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(16, threads=128) as bx:
            F1 = T.alloc_fragment((64, 64), "float32")
            F2 = T.alloc_fragment((64, 64), "float32")
            T.copy(A[bx * 64, 0], F1)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(F1, F2)
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(F2, B[bx * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


if __name__ == "__main__":
    narrowed_then_read(256)
    annotation_on_the_second_copy_is_ignored(256)
    misaligned_first_copy(256)
    wide_first_copy_then_aligned_read(256)
    int8_into_f32_fragment(256)
    f16_into_f32_fragment_read_in_part(256)
    register_copy_keeps_runs()
