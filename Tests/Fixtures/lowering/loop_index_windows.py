# fixture: target=sm_80,sm_90,sm_100
# A shared -> global store of whole rows is the 1-D bulk copy only where layout inference proves the window in
# bounds, and it knows the ranges of block indices there, not of loop variables: `B[bx * 16, 0]` over M // 16 blocks
# is a bulk store; `B[bx * 64 + r * 16, 0]` in `T.serial(4)`, `T.unroll(4)` or `range(4)` gives the 16-row tile a
# swizzled layout and is a TMA descriptor store, although the window never leaves the tensor. (A tile that cannot be
# swizzled, 1-D or fewer than 8 rows, stays a bulk copy: the proof at lowering knows the loop's range.)
import tilelang.language as T


def grid_only(M=1024, N=64):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(M // 16, threads=128) as bx:
            S = T.alloc_shared((16, N), "float16")
            T.copy(A[bx * 16, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, B[bx * 16, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: bulk_store
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_store

    return main


def serial_var(M=1024, N=64):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(M // 64, threads=128) as bx:
            S = T.alloc_shared((16, N), "float16")
            for r in T.serial(4):
                T.copy(A[bx * 64 + r * 16, 0], S)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(S, B[bx * 64 + r * 16, 0])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def serial_only(M=64, N=64):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(1, threads=128) as bx:
            S = T.alloc_shared((16, N), "float16")
            for r in T.serial(4):
                T.copy(A[r * 16, 0], S)
              # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(S, B[r * 16, 0])
              # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
              # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def unroll_var(M=1024, N=64):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(M // 64, threads=128) as bx:
            S = T.alloc_shared((16, N), "float16")
            for r in T.unroll(4):
                T.copy(A[bx * 64 + r * 16, 0], S)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(S, B[bx * 64 + r * 16, 0])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def range_var(M=1024, N=64):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), B: T.Tensor((M, N), "float16")):
        with T.Kernel(M // 64, threads=128) as bx:
            S = T.alloc_shared((16, N), "float16")
            for r in range(4):
                T.copy(A[bx * 64 + r * 16, 0], S)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(S, B[bx * 64 + r * 16, 0])
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


if __name__ == "__main__":
    grid_only()
    serial_var()
    serial_only()
    unroll_var()
    range_var()
