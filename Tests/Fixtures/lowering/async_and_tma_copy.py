# fixture: target=sm_80,sm_90
# T.async_copy is cp.async (commit, no wait) on sm_80+; T.tma_copy with an mbarrier is a TMA load on sm_90.
import tilelang.language as T


def async_copy():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            S = T.alloc_shared((64, 64), "float16")
            T.async_copy(A[by * 64, bx * 64], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 128b

    return main


def async_copy_fp32():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            S = T.alloc_shared((32, 32), "float32")
            T.async_copy(A[by * 32, bx * 32], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 128b

    return main


def tma_copy_tile():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            S = T.alloc_shared((64, 64), "float16")
            bar = T.alloc_barrier(1)
            T.tma_copy(A[by * 64, bx * 64], S, barrier=bar[0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
            T.mbarrier_wait_parity(bar[0], 0)

    return main


def tma_copy_rows():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((64, 64), "float16")
            bar = T.alloc_barrier(1)
            T.tma_copy(A[bx * 64, 0], S, barrier=bar[0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_load
            T.mbarrier_wait_parity(bar[0], 0)

    return main


if __name__ == "__main__":
    async_copy()
    async_copy_fp32()
    tma_copy_tile()
    tma_copy_rows()
