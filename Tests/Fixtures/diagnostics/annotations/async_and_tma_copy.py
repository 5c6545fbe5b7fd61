# fixture: target=sm_90
# TL209 and TL210: T.async_copy needs global→shared; T.tma_copy needs a TMA pattern and, for a load, a barrier
# (which T.Pipelined supplies when num_stages ≥ 1). Both fine when they apply.
import tilelang.language as T


def async_wrong_direction(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A[bx * block_M, 0], S)
            T.async_copy(S, B[bx * block_M, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL209: T.async_copy only supports global->shared/shared.dyn copies. Got src=S (scope=shared.dyn), dst=B (scope=global). [sm_90]

    return main


def async_ok(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            T.async_copy(A[bx * block_M, 0], S)
            T.copy(S, B[bx * block_M, 0])

    return main


def tma_wrong_scope(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            F = T.alloc_fragment((block_M, block_N), "float16")
            T.tma_copy(A[bx * block_M, 0], F)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL210: T.tma_copy() requires TMA-capable target and global<->shared copy pattern, but TMA is not available for src=A, dst=F [sm_90]
            T.copy(F, B[bx * block_M, 0])

    return main


def tma_without_barrier(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            T.tma_copy(A[bx * block_M, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL210: T.tma_copy() requires a barrier argument for loads. Use T.tma_copy(src, dst, barrier=mbar[idx]). [sm_90]
            T.copy(S, B[bx * block_M, 0])

    return main


def tma_with_barrier(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            bar = T.alloc_barrier(128)
            T.tma_copy(A[bx * block_M, 0], S, barrier=bar)
            T.copy(S, B[bx * block_M, 0])

    return main


def tma_in_pipeline(block_M, stages):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, 32), "float16")
            for k in T.Pipelined(4, num_stages=stages):
                T.tma_copy(A[bx * block_M:(bx + 1) * block_M, k * 32:(k + 1) * 32], S)
            T.copy(S, B[bx * block_M, 0])

    return main


if __name__ == "__main__":
    async_wrong_direction(64, 64)
    async_ok(64, 64)
    tma_wrong_scope(64, 64)
    tma_without_barrier(64, 64)
    tma_with_barrier(64, 64)
    tma_in_pipeline(64, 2)
