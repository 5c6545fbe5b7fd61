# fixture: target=sm_80,sm_90
# TL404 [sm_90]: a warp-specialised TMA load into a float64 gemm operand cannot encode the gemm's swizzled layout
# (A or B, any tile width) and cannot fall back. disable_tma=True, a serial (non-pipelined) loop and sm_80
# (cp.async) pass.
import tilelang.language as T


def gemm_f64(bk, pipelined, tma):
    @T.prim_func
    def main(A: T.Tensor((64, 256), "float64"), B: T.Tensor((256, 64), "float64"), C: T.Tensor((64, 64), "float64")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((64, bk), "float64")
            B_s = T.alloc_shared((bk, 64), "float64")
            C_f = T.alloc_fragment((64, 64), "float64")
            T.clear(C_f)
            if pipelined:
                for k in T.Pipelined(256 // bk, num_stages=2):
                    T.copy(A[0, k * bk], A_s, disable_tma=not tma)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL404: this copy lowers to a warp-specialised TMA load on sm_90, and A_s is a float64 gemm operand: TMA cannot encode the swizzled layout the gemm gives it, and the load cannot fall back ("T.tma_copy() cannot fall back to normal copy in LowerBulk: shared layout cannot be encoded for TMA"); pass disable_tma=True (with bk=32, pipelined=True, tma=True from line 53)
                    T.copy(B[k * bk, 0], B_s, disable_tma=not tma)
                  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL404: this copy lowers to a warp-specialised TMA load on sm_90, and B_s is a float64 gemm operand: TMA cannot encode the swizzled layout the gemm gives it, and the load cannot fall back ("T.tma_copy() cannot fall back to normal copy in LowerBulk: shared layout cannot be encoded for TMA"); pass disable_tma=True (with bk=32, pipelined=True, tma=True from line 53)
                    T.gemm(A_s, B_s, C_f)
            else:
                for k in T.serial(256 // bk):
                    T.copy(A[0, k * bk], A_s)
                    T.copy(B[k * bk, 0], B_s)
                    T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C)

    return main


def gemm_f64_b_only():
    @T.prim_func
    def main(A: T.Tensor((64, 256), "float64"), B: T.Tensor((256, 64), "float64"), C: T.Tensor((64, 64), "float64")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((64, 32), "float64")
            B_s = T.alloc_shared((32, 64), "float64")
            C_f = T.alloc_fragment((64, 64), "float64")
            T.clear(C_f)
            for k in T.Pipelined(8, num_stages=1):
                for i, j in T.Parallel(64, 32):
                    A_s[i, j] = A[i, k * 32 + j]
                T.copy(B[k * 32, 0], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ error TL404: this copy lowers to a warp-specialised TMA load on sm_90, and B_s is a float64 gemm operand: TMA cannot encode the swizzled layout the gemm gives it, and the load cannot fall back ("T.tma_copy() cannot fall back to normal copy in LowerBulk: shared layout cannot be encoded for TMA"); pass disable_tma=True
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C)

    return main


if __name__ == "__main__":
    gemm_f64(32, True, True)
    gemm_f64(32, True, False)
    gemm_f64(32, False, True)
    gemm_f64_b_only()
