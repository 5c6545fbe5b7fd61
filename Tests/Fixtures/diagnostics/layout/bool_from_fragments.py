# fixture: target=sm_80
# TL408 on copies out of a fragment whose layout an earlier copy fixed: the inherited width decides (checked with
# tilelang 0.1.15: boolx8 and boolx16 fail; 4 lanes compile).
import tilelang.language as T


def f16_frag_to_bool(M):
    @T.prim_func
    def main(A: T.Tensor((M, 1024), "float16"), B: T.Tensor((M, 1024), "bool")):
        with T.Kernel(4, threads=128) as by:
            F = T.alloc_fragment((64, 64), "float16")
            T.copy(A[by * 64, 0], F)
            T.copy(F, B[by * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ error TL408: this copy into bool buffer B vectorizes to 8 lanes on sm_80, and CUDA codegen fails with "Cannot convert type boolx8 to CUDA type"; copy through uint8 or give the copy on line 12, which lays out F, coalesced_width=4

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
          # ^^^^^^^^^^^^^^^^^^^^^^^^ error TL408: this copy into bool buffer B vectorizes to 16 lanes on sm_80, and CUDA codegen fails with "Cannot convert type boolx16 to CUDA type"; copy through uint8 or give the copy on line 46, which lays out F, coalesced_width=4

    return main


if __name__ == "__main__":
    f16_frag_to_bool(256)
    f16_frag_narrow_to_bool(256)
    f32_frag_to_bool(256)
    i8_frag_to_bool(256)
