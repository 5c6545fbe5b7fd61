# fixture: target=sm_80
# TL408 on copies into and out of a fragment that copies lay out: the copy giving the fragment the fewest registers
# per thread lays it out, and the others follow its width (checked with tilelang 0.1.15: boolx8 and boolx16 fail;
# 4 lanes compile). The fragment's own dtype does not bound the width.
import tilelang.language as T


def f16_frag_to_bool(M):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "float16"), B: T.Tensor((M, 1024), "bool")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 64), "float16")
            T.copy(A[by * 64, 0], F)
            T.copy(F, B[by * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ error TL408: this copy into bool buffer B vectorizes to 8 lanes on sm_80, and CUDA codegen fails with "Cannot convert type boolx8 to CUDA type"; copy through uint8 or give the copy on line 13, which lays out F, coalesced_width=4

    return main


def f16_frag_narrow_to_bool(M):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "float16"), B: T.Tensor((M, 1024), "bool")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 64), "float16")
            T.copy(A[by * 64, 0], F, coalesced_width=4)
            T.copy(F, B[by * 64, 0])

    return main


def f32_frag_to_bool(M):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "float32"), B: T.Tensor((M, 1024), "bool")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 64), "float32")
            T.copy(A[by * 64, 0], F)
            T.copy(F, B[by * 64, 0])

    return main


def i8_frag_to_bool(M):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "int8"), B: T.Tensor((M, 1024), "bool")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((32, 128), "int8")
            T.copy(A[by * 32, 0], F)
            T.copy(F, B[by * 32, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ error TL408: this copy into bool buffer B vectorizes to 16 lanes on sm_80, and CUDA codegen fails with "Cannot convert type boolx16 to CUDA type"; copy through uint8 or give the copy on line 47, which lays out F, coalesced_width=4

    return main



def bool_into_bf16_frag(M):
    @T.prim_func
    def main(A: T.Tensor((M, 256), "bool"), B: T.Tensor((M, 256), "bfloat16")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 32), "bfloat16")
            T.copy(A[by * 64, 0], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ error TL408: this copy from bool buffer A vectorizes to 16 lanes on sm_80, and CUDA codegen fails with "Cannot convert type boolx16 to CUDA type"; copy through uint8 or use coalesced_width=4
            T.copy(F, B[by * 64, 0])

    return main


def partial_copy_out_lays_out_the_fragment(M):
    @T.prim_func
    def main(A: T.Tensor((M, 256), "bool"), B: T.Tensor((M, 256), "bool")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 32), "bfloat16")
            for k in T.Pipelined(4, num_stages=2):
                T.copy(A[by * 64:(by + 1) * 64, k * 32:(k + 1) * 32], F)
            T.copy(F[0:32, 0:16], B[by * 64, 0])

    return main


def partial_copy_out_at_eight_per_thread(M):
    @T.prim_func
    def main(A: T.Tensor((M, 256), "bool"), B: T.Tensor((M, 256), "bool")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 32), "bfloat16")
            T.copy(A[by * 64, 0], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ error TL408: this copy from bool buffer A vectorizes to 8 lanes on sm_80, and CUDA codegen fails with "Cannot convert type boolx8 to CUDA type"; copy through uint8 or give the copy on line 86, which lays out F, coalesced_width=4
            T.copy(F[0:64, 0:16], B[by * 64, 0])

    return main


def smallest_of_three_copies_decides(M):
    @T.prim_func
    def main(A: T.Tensor((M, 256), "bool"), B: T.Tensor((M, 256), "float16")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 32), "float16")
            T.copy(A[by * 64, 0], F)
            T.copy(F[0:64, 0:16], B[by * 64, 0])
            T.copy(F[0:32, 0:8], B[by * 64, 0])

    return main


def mask_read_in_a_serial_loop(N, L):
    # Every thread reads every element of m, so each holds m whole and copies it 16 bools at a time (4 compiles).
    @T.prim_func
    def main(Mask: T.Tensor((N, 1024), "bool"), X: T.Tensor((N, 1024), "float32")):
        with T.Kernel(N, threads=128) as bx:
            m = T.alloc_fragment((L,), "bool")
            T.copy(Mask[bx, 0:L], m)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ error TL408: this copy into bool buffer m vectorizes to 16 lanes on sm_80, and CUDA codegen fails with "Cannot convert type boolx16 to CUDA type"; copy through uint8 or copy fewer than 8 elements at a time (each thread runs this copy whole) (with N=64, L=16 from line 126)
            for k in T.serial(L):
                if m[k]:
                    X[bx, k] = 1.0

    return main

if __name__ == "__main__":
    f16_frag_to_bool(256)
    f16_frag_narrow_to_bool(256)
    f32_frag_to_bool(256)
    i8_frag_to_bool(256)
    bool_into_bf16_frag(256)
    partial_copy_out_lays_out_the_fragment(256)
    partial_copy_out_at_eight_per_thread(256)
    smallest_of_three_copies_decides(256)
    mask_read_in_a_serial_loop(64, 16)
    mask_read_in_a_serial_loop(64, 4)
