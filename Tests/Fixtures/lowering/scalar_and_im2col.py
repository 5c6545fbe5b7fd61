# fixture: target=sm_80,sm_90
# Point copies are plain element stores; T.im2col is TMA im2col on sm_90 only (SIMT elsewhere).
import tilelang.language as T


def scalar_copies():
    @T.prim_func
    def main(A: T.Tensor((1024,), "float16"), B: T.Tensor((1024,), "float32")):
        with T.Kernel(8, threads=128) as bx:
            T.copy(A[bx], B[bx])
          # ^^^^^^^^^^^^^^^^^^^^ lowering sm_80: scalar
          # ^^^^^^^^^^^^^^^^^^^^ lowering sm_90: scalar

    return main


def im2col():
    @T.prim_func
    def main(img: T.Tensor((2, 32, 32, 64), "float16"), out: T.Tensor((2048, 64), "float16")):
        with T.Kernel(16, 18, threads=128) as (bx, by):
            col = T.alloc_shared((128, 32), "float16")
            T.im2col(img, col, bx, by, 3, 1, 1, 1)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: im2col_simt
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: im2col_tma
            T.copy(col, out[bx * 128 : bx * 128 + 128, 0:32])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


if __name__ == "__main__":
    scalar_copies()
    im2col()
