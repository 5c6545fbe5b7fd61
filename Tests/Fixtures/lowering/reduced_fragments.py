# fixture: target=sm_80,sm_90,sm_100
# Fragments that reductions only read take their layout from their copies, as if only copies touched them: a
# reduction lays out its output from its source and never the source itself. So a float16 → float32 copy into a 1-D
# fragment that is then summed moves 8 lanes (128 bits of its float16 side; 16 on sm_100 with 16 or more elements per
# thread), not 4, and so does the store back; a float32 source moves 4. A column sum (`dim=0`) of a 2-D tile is the
# same, and its output holds the tile's column runs: the float32 sums are stored 4 lanes at a time (8 on sm_100),
# although 64 sums do not split over 128 threads. (One kernel per case: a fixture line holds one expectation per
# target.) Checked with tilelang 0.1.15 (sweep I, L-A).
import tilelang.language as T


def sum_of_float16_row():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float16"), D: T.Tensor((1024,), "float32")):
        with T.Kernel(1024, threads=128) as bx:
            x = T.alloc_fragment((1024,), "float32")
            s = T.alloc_fragment((1,), "float32")
            T.copy(A[bx, 0], x)
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b
            T.reduce_sum(x, s, dim=0)
            D[bx] = s[0]
            T.copy(x, C[bx, 0])
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b

    return main


def sum_of_2048_halves():
    @T.prim_func
    def main(A: T.Tensor((1024, 2048), "float16"), C: T.Tensor((1024, 2048), "float16"), D: T.Tensor((1024,), "float32")):
        with T.Kernel(1024, threads=128) as bx:
            x = T.alloc_fragment((2048,), "float32")
            s = T.alloc_fragment((1,), "float32")
            T.copy(A[bx, 0], x)
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b
            T.reduce_sum(x, s, dim=0)
            D[bx] = s[0]
            T.copy(x, C[bx, 0])
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b

    return main


def max_of_bfloat16_row():
    @T.prim_func
    def main(A: T.Tensor((1024, 512), "bfloat16"), C: T.Tensor((1024, 512), "bfloat16"), D: T.Tensor((1024,), "float32")):
        with T.Kernel(1024, threads=128) as bx:
            x = T.alloc_fragment((512,), "float32")
            s = T.alloc_fragment((1,), "float32")
            T.copy(A[bx, 0], x)
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.reduce_max(x, s, dim=0)
            D[bx] = s[0]
            T.copy(x, C[bx, 0])
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def sum_over_256_threads():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float16"), D: T.Tensor((1024,), "float32")):
        with T.Kernel(1024, threads=256) as bx:
            x = T.alloc_fragment((1024,), "float32")
            s = T.alloc_fragment((1,), "float32")
            T.copy(A[bx, 0], x)
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.reduce_sum(x, s, dim=0)
            D[bx] = s[0]
            T.copy(x, C[bx, 0])
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def sum_of_float32_row():
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float32"), C: T.Tensor((1024, 1024), "float32"), D: T.Tensor((1024,), "float32")):
        with T.Kernel(1024, threads=128) as bx:
            x = T.alloc_fragment((1024,), "float32")
            s = T.alloc_fragment((1,), "float32")
            T.copy(A[bx, 0], x)
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.reduce_sum(x, s, dim=0)
            D[bx] = s[0]
            T.copy(x, C[bx, 0])
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def column_sum_64x64():
    @T.prim_func
    def main(A: T.Tensor((4096, 64), "float16"), D: T.Tensor((64,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            x = T.alloc_fragment((64, 64), "float32")
            s = T.alloc_fragment((64,), "float32")
            T.copy(A[0, 0], x)
          # ^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b
            T.reduce_sum(x, s, dim=0)
            T.copy(s, D)
          # ^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def column_sum_bfloat16():
    @T.prim_func
    def main(A: T.Tensor((4096, 32), "bfloat16"), D: T.Tensor((32,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            x = T.alloc_fragment((128, 32), "float32")
            s = T.alloc_fragment((32,), "float32")
            T.copy(A[0, 0], x)
          # ^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b
            T.reduce_sum(x, s, dim=0)
            T.copy(s, D)
          # ^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


if __name__ == "__main__":
    sum_of_float16_row()
    sum_of_2048_halves()
    max_of_bfloat16_row()
    sum_over_256_threads()
    sum_of_float32_row()
    column_sum_64x64()
    column_sum_bfloat16()
