# fixture: target=sm_80,sm_90
# prefer_instruction: "tma" gives a 1-D bulk copy for a contiguous in-bounds region and a descriptor TMA load
# otherwise (sm_80 cannot honour it); "cp_async" gives cp.async + wait on both; "sync" stays SIMT.
import tilelang.language as T


def prefer_tma_contiguous():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((128, 64), "float16")
            T.copy(A[bx * 128, 0], S, prefer_instruction="tma")
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_load

    return main


def prefer_tma_tile():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            S = T.alloc_shared((128, 64), "float16")
            T.copy(A[by * 128, bx * 64], S, prefer_instruction="tma")
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load

    return main


def prefer_cp_async():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            S = T.alloc_shared((128, 64), "float16")
            T.copy(A[by * 128, bx * 64], S, prefer_instruction="cp_async")
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 128b

    return main


def prefer_sync():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            S = T.alloc_shared((128, 64), "float16")
            T.copy(A[by * 128, bx * 64], S, prefer_instruction="sync")
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, B[by * 128, bx * 64], prefer_instruction="sync")
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


if __name__ == "__main__":
    prefer_tma_contiguous()
    prefer_tma_tile()
    prefer_cp_async()
    prefer_sync()
