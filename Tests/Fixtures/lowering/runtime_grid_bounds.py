# fixture: target=sm_80,sm_90,sm_100
# A 1-D bulk copy needs its global region provably in bounds. A window `bx * 64` of a constant dim is in bounds when
# bx's trip count is a constant (4096 // 64 blocks) but not when the grid is `T.ceildiv(m, 64)` for a run-time scalar
# `m` or a T.dynamic size: nothing bounds bx, and the contiguous stores become TMA stores (descriptor), the loads
# TMA loads, on sm_90 and sm_100 (checked with tilelang 0.1.15; sweep E).
import tilelang.language as T


def param_grid_store(N, bM):
    @T.prim_func
    def main(X: T.Tensor((4096, N), "float16"), Y: T.Tensor((4096, N), "float16"), m: T.int32):
        with T.Kernel(T.ceildiv(m, bM), threads=128) as bx:
            S = T.alloc_shared((bM, N), "float16")
            T.copy(X[bx * bM, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def dynamic_grid(N, bM):
    M = T.dynamic("M")

    @T.prim_func
    def main(X: T.Tensor((4096, N), "float32"), Y: T.Tensor((4096, N), "float32"), Z: T.Tensor((M,), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            S = T.alloc_shared((bM, N), "float32")
            T.copy(X[bx * bM, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def constant_grid(N, bM):
    @T.prim_func
    def main(X: T.Tensor((4096, N), "float16"), Y: T.Tensor((4096, N), "float16")):
        with T.Kernel(4096 // bM, threads=128) as bx:
            S = T.alloc_shared((bM, N), "float16")
            T.copy(X[bx * bM, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: bulk_store
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_store

    return main


def param_rows_partial(bM):
    @T.prim_func
    def main(X: T.Tensor((4096, 256), "float16"), Y: T.Tensor((4096, 256), "float16"), m: T.int32):
        with T.Kernel(T.ceildiv(m, bM), threads=128) as bx:
            S = T.alloc_shared((bM, 128), "float16")
            T.copy(X[bx * bM, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, Y[bx * bM, 128])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


if __name__ == "__main__":
    param_grid_store(256, 64)
    dynamic_grid(128, 32)
    constant_grid(256, 64)
    param_rows_partial(64)
