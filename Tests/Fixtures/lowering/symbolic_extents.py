# fixture: target=sm_80,sm_90
# Copies with a run-time extent (a tail of `n` rows or columns): the compiler fuses a copy's loops before
# vectorizing, so one symbolic extent makes the trip count symbolic and the copy scalar; on sm_90 the store of a
# contiguous, provably in-bounds tail is a 1-D bulk copy, which takes the run-time length.
import tilelang.language as T


def store_rows(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), n: T.int32, B: T.Tensor((M, 64), "float16")):
        with T.Kernel(T.ceildiv(M, 64), threads=128) as bx:
            S = T.alloc_shared((64, 64), "float16")
            T.copy(A[bx * 64, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S[0:T.min(n, 64), :], B[bx * 64:bx * 64 + T.min(n, 64), :])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_store

    return main


def load_rows(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float32"), n: T.int32, B: T.Tensor((M, 64), "float32")):
        with T.Kernel(T.ceildiv(M, 64), threads=128) as bx:
            S = T.alloc_shared((64, 64), "float32")
            T.copy(A[bx * 64:bx * 64 + T.min(n, 64), :], S[0:T.min(n, 64), :])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            T.copy(S, B[bx * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_store

    return main


def load_cols(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), n: T.int32, B: T.Tensor((M, 64), "float16")):
        with T.Kernel(T.ceildiv(M, 64), threads=128) as bx:
            S = T.alloc_shared((64, 64), "float16")
            T.copy(A[bx * 64, 0:T.min(n, 64)], S[0, 0:T.min(n, 64)])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b
            T.copy(S, B[bx * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: bulk_store

    return main


if __name__ == "__main__":
    store_rows(1024)
    load_rows(1024)
    load_cols(1024)
