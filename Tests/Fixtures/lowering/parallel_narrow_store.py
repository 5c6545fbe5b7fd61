# fixture: target=sm_80,sm_100
# A T.Parallel loop that writes one fragment from another that a copy laid out takes that fragment's layout, and so
# does the fragment it writes: a float16 (or bfloat16, int8) fragment written from a float32 one loaded 4 lanes at a
# time holds runs of 4, so the copy out of it moves 4 × 16 = 64 bits (8 lanes on sm_100, where the load ran 256
# bits). A loop that comes first plans the runs itself from its global accesses (4 float32 lanes). Widening and
# same-dtype loops keep the copy's own width (checked with tilelang 0.1.15).
import tilelang.language as T


def narrow_store(M, N, narrow):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float32"), C: T.Tensor((M, N), narrow)):
        with T.Kernel(1, threads=128) as bx:
            a_f = T.alloc_fragment((M, N), "float32")
            c_f = T.alloc_fragment((M, N), narrow)
            T.copy(A, a_f)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 128b
            for i, j in T.Parallel(M, N):
                c_f[i, j] = a_f[i, j]
            T.copy(c_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b

    return main


def narrow_int8(M, N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float32"), C: T.Tensor((M, N), "int8")):
        with T.Kernel(1, threads=128) as bx:
            a_f = T.alloc_fragment((M, N), "float32")
            c_f = T.alloc_fragment((M, N), "int8")
            T.copy(A, a_f)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 128b
            for i, j in T.Parallel(M, N):
                c_f[i, j] = a_f[i, j]
            T.copy(c_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 32b

    return main


def add_cast(M, N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float32"), B: T.Tensor((M, N), "float32"), C: T.Tensor((M, N), "bfloat16")):
        with T.Kernel(M // 64, threads=128) as bx:
            a_f = T.alloc_fragment((64, N), "float32")
            b_f = T.alloc_fragment((64, N), "float32")
            c_f = T.alloc_fragment((64, N), "bfloat16")
            T.copy(A[bx * 64, 0], a_f)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
            T.copy(B[bx * 64, 0], b_f)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
            for i, j in T.Parallel(64, N):
                c_f[i, j] = a_f[i, j] + b_f[i, j]
            T.copy(c_f, C[bx * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b

    return main


def loop_first(M, N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float32"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(1, threads=128) as bx:
            c_f = T.alloc_fragment((M, N), "float16")
            for i, j in T.Parallel(M, N):
                c_f[i, j] = A[i, j]
            T.copy(c_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 64b

    return main


def widening(M, N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(1, threads=128) as bx:
            a_f = T.alloc_fragment((M, N), "float16")
            c_f = T.alloc_fragment((M, N), "float32")
            T.copy(A, a_f)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 128b
            for i, j in T.Parallel(M, N):
                c_f[i, j] = a_f[i, j]
            T.copy(c_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 128b

    return main


def same_dtype(M, N):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(1, threads=128) as bx:
            a_f = T.alloc_fragment((M, N), "float16")
            c_f = T.alloc_fragment((M, N), "float16")
            T.copy(A, a_f)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 128b
            for i, j in T.Parallel(M, N):
                c_f[i, j] = a_f[i, j] * 2
            T.copy(c_f, C)
          # ^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^ lowering sm_80: simt 128b

    return main


if __name__ == "__main__":
    narrow_store(64, 64, "float16")
    narrow_int8(64, 64)
    add_cast(256, 128)
    loop_first(64, 64)
    widening(64, 64)
    same_dtype(64, 64)
