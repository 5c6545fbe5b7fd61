# fixture: target=sm_80,sm_90
# Fragment copies: a gemm accumulator written to a whole 16-bit shared tile is stmatrix on sm_90 (SIMT on sm_80);
# into fp32 shared, or straight to global, it stays SIMT; a fragment loaded from global is SIMT.
import tilelang.language as T


def epilogue_stmatrix():
    @T.prim_func
    def main(A: T.Tensor((512, 512), "float16"), B: T.Tensor((512, 512), "float16"), C: T.Tensor((512, 512), "float16")):
        with T.Kernel(4, 4, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            C_s = T.alloc_shared((128, 128), "float16")
            C_f = T.alloc_fragment((128, 128), "float16")
            T.clear(C_f)
            T.copy(A[by * 128, 0], A_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(B[0, bx * 128], B_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C_s)
          # ^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^ lowering sm_90: stmatrix
            T.copy(C_s, C[by * 128, bx * 128])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def epilogue_fp32_shared():
    @T.prim_func
    def main(A: T.Tensor((512, 512), "float16"), B: T.Tensor((512, 512), "float16"), C: T.Tensor((512, 512), "float32")):
        with T.Kernel(4, 4, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_s = T.alloc_shared((64, 64), "float32")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            T.copy(A[by * 64, 0], A_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(B[0, bx * 64], B_s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C_s)
          # ^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(C_s, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def fragment_roundtrip():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32"), B: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            F = T.alloc_fragment((64, 64), "float32")
            T.copy(A[by * 64, bx * 64], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(F, B[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def fragment_fp16():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            F = T.alloc_fragment((64, 64), "float16")
            T.copy(A[by * 64, bx * 64], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(F, B[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


if __name__ == "__main__":
    epilogue_stmatrix()
    epilogue_fp32_shared()
    fragment_roundtrip()
    fragment_fp16()
