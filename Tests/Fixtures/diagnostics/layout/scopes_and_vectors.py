# fixture: target=sm_90
# TL402: only tcgen05 copies reach tensor memory, on whole warpgroups; TL403: an innermost extent of 30 halves
# forces scalar copies.
import tilelang.language as T


def store_to_tmem():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float32")):
        with T.Kernel(1, threads=128) as bx:
            S = T.alloc_shared((128, 128), "float32")
            M = T.alloc_tmem((128, 128), "float32")
            T.copy(A, S)
            T.copy(S, M)
            #         ^ error TL402: S (shared.dyn) → M (shared.tmem) is not a tcgen05 copy on sm_100: the compiler fails with "We should never directly store data into tmem!" (only local.fragment ↔ shared.tmem on sm_100 lowers)

    return main


def narrow(cols):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, cols), "float16")
            T.copy(A[bx * 64, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ warning TL403: scalar copy: each thread moves one f16 (16 of a possible 128 bits) because the innermost extent 30 is not a multiple of 8 elements (at most 2 per access, and thread padding then prefers 1) [sm_90] (with cols=30 from line 56)
            T.copy(S, B[bx * 64, 0], disable_tma=True)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning TL403: scalar copy: each thread moves one f16 (16 of a possible 128 bits) because the innermost extent 30 is not a multiple of 8 elements (at most 2 per access, and thread padding then prefers 1) [sm_90] (with cols=30 from line 56)

    return main


def tmem_half_warpgroup(threads):
    # tcgen05.ld runs on whole warpgroups: 64 threads fail on sm_100 ("Tensor memory copy requires thread bounds to be
    # aligned to warpgroups"); sm_80 and sm_90 reject the tensor-memory gemm itself.
    @T.prim_func
    def main(A: T.Tensor((128, 64), "bfloat16"), B: T.Tensor((128, 64), "bfloat16"), C: T.Tensor((128, 128), "float32")):
        with T.Kernel(1, threads=threads) as bx:
            A_s = T.alloc_shared((128, 64), "bfloat16")
            B_s = T.alloc_shared((128, 64), "bfloat16")
            C_tmem = T.alloc_tmem([128, 128], "float32")
            mbar = T.alloc_barrier(1)
            C_l = T.alloc_fragment((128, 128), "float32")
            T.copy(A, A_s)
            T.copy(B, B_s)
            T.gemm(A_s, B_s, C_tmem, transpose_B=True, mbar=mbar, clear_accum=True)
            T.copy(C_tmem, C_l)
          # ^^^^^^^^^^^^^^^^^^^ error TL402: a tcgen05 copy between C_tmem and C_l runs on whole warpgroups, but the block has 64 threads: the compiler fails with "Tensor memory copy requires thread bounds to be aligned to warpgroups"; use a multiple of 128 threads [sm_100] (with threads=64 from line 58)
            T.copy(C_l, C)

    return main


if __name__ == "__main__":
    store_to_tmem()
    narrow(30)
    narrow(64)
    tmem_half_warpgroup(64)
