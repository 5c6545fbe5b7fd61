# fixture: target=sm_80,sm_90,sm_100
# A tile that can run past the end of a global tensor is copied under a bounds check (`bx * 1024 + i < N`), and the
# vectorizer keeps only widths over which that check cannot change: the tensor's innermost size must be a multiple
# of the width (100002 halves: 2 per access; 100004: 4; 100008: 8). A guard on an outer dim holds for a whole row and
# leaves the width alone. (One kernel per case: a fixture line holds one expectation per target.)
import tilelang.language as T


def two_lanes():
    @T.prim_func
    def main(A: T.Tensor((100002,), "float16"), B: T.Tensor((100002,), "float16")):
        with T.Kernel(T.ceildiv(100002, 1024), threads=128) as bx:
            s = T.alloc_shared((1024,), "float16")
            T.copy(A[bx * 1024 : (bx + 1) * 1024], s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            T.copy(s, B[bx * 1024 : (bx + 1) * 1024])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def four_lanes():
    @T.prim_func
    def main(A: T.Tensor((100004,), "float16"), B: T.Tensor((100004,), "float16")):
        with T.Kernel(T.ceildiv(100004, 1024), threads=128) as bx:
            s = T.alloc_shared((1024,), "float16")
            T.copy(A[bx * 1024 : (bx + 1) * 1024], s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(s, B[bx * 1024 : (bx + 1) * 1024])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def eight_lanes():
    @T.prim_func
    def main(A: T.Tensor((100008,), "float16"), B: T.Tensor((100008,), "float16")):
        with T.Kernel(T.ceildiv(100008, 1024), threads=128) as bx:
            s = T.alloc_shared((1024,), "float16")
            T.copy(A[bx * 1024 : (bx + 1) * 1024], s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(s, B[bx * 1024 : (bx + 1) * 1024])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


def float32_fragment_two_lanes():
    @T.prim_func
    def main(A: T.Tensor((100002,), "float32"), B: T.Tensor((100002,), "float32")):
        with T.Kernel(T.ceildiv(100002, 1024), threads=128) as bx:
            f = T.alloc_fragment((1024,), "float32")
            T.copy(A[bx * 1024], f)
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(f, B[bx * 1024])
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def guarded_columns_of_a_multiple():
    @T.prim_func
    def main(A: T.Tensor((1000, 1024), "float16"), B: T.Tensor((1000, 1024), "float16")):
        with T.Kernel(T.ceildiv(1024, 96), T.ceildiv(1000, 64), threads=128) as (bx, by):
            s = T.alloc_shared((64, 96), "float16")
            T.copy(A[by * 64, bx * 96], s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(s, B[by * 64, bx * 96])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: tma_store
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


if __name__ == "__main__":
    two_lanes()
    four_lanes()
    eight_lanes()
    float32_fragment_two_lanes()
    guarded_columns_of_a_multiple()
