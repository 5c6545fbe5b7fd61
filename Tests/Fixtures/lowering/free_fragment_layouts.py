# fixture: target=sm_80,sm_90,sm_100
# Fragments laid out at layout inference's free level from their copies and element-wise T.Parallel loops (0.1.15
# InferInFreeMode: each copy and loop is tried as the root; fewest registers over the component wins, earliest on a
# tie). A root copy sizes its width from its memory side only: a float16 -> float32 fragment load runs 8 lanes (16
# from int8), and the loops and later copies follow those runs. With a row reduction of the fragment the plan that
# leaves each thread the fewest rows of the reduction's output wins: a float32 load at 4 lanes loses to the float16
# store at 8 lanes over 256-column rows. A loop that comes first roots the layout at its own width (4 lanes for a
# float32 body). Checked with tilelang 0.1.15 (sweep E).
import tilelang.language as T


def cp_loop_cp(M, N, bM, din, dout):
    @T.prim_func
    def main(X: T.Tensor((M, N), din), Y: T.Tensor((M, N), dout)):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] * 2
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def loop_first(M, N, bM, din, dout):
    @T.prim_func
    def main(X: T.Tensor((M, N), din), Y: T.Tensor((M, N), dout)):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            for i, j in T.Parallel(bM, N):
                x[i, j] = 0
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] * 2
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def cp_reduce(M, N, bM, din, dout):
    @T.prim_func
    def main(X: T.Tensor((M, N), din), Y: T.Tensor((M, N), dout)):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            s = T.alloc_fragment((bM,), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            T.reduce_sum(x, s, dim=1)
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] / s[i]
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def cp_shared_side(M, N, bM, din):
    @T.prim_func
    def main(X: T.Tensor((M, N), din), Y: T.Tensor((M, N), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            S = T.alloc_shared((bM, N), din)
            x = T.alloc_fragment((bM, N), "float32")
            T.copy(X[bx * bM, 0], S)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(S, x)
          # ^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^ lowering sm_90: simt 256b
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] * 2
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def cp_loop_cp_1(M, N, bM, din, dout):
    @T.prim_func
    def main(X: T.Tensor((M, N), din), Y: T.Tensor((M, N), dout)):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] * 2
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b

    return main


def cp_loop_cp_2(M, N, bM, din, dout):
    @T.prim_func
    def main(X: T.Tensor((M, N), din), Y: T.Tensor((M, N), dout)):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] * 2
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def cp_loop_cp_3(M, N, bM, din, dout):
    @T.prim_func
    def main(X: T.Tensor((M, N), din), Y: T.Tensor((M, N), dout)):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] * 2
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def cp_loop_cp_4(M, N, bM, din, dout):
    @T.prim_func
    def main(X: T.Tensor((M, N), din), Y: T.Tensor((M, N), dout)):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 512b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 512b
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] * 2
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def cp_loop_cp_5(M, N, bM, din, dout):
    @T.prim_func
    def main(X: T.Tensor((M, N), din), Y: T.Tensor((M, N), dout)):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] * 2
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b

    return main


def cp_reduce_1(M, N, bM, din, dout):
    @T.prim_func
    def main(X: T.Tensor((M, N), din), Y: T.Tensor((M, N), dout)):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            s = T.alloc_fragment((bM,), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b
            T.reduce_sum(x, s, dim=1)
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] / s[i]
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b

    return main


def cp_reduce_2(M, N, bM, din, dout):
    @T.prim_func
    def main(X: T.Tensor((M, N), din), Y: T.Tensor((M, N), dout)):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            s = T.alloc_fragment((bM,), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.reduce_sum(x, s, dim=1)
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] / s[i]
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 512b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 256b

    return main


def cp_reduce_3(M, N, bM, din, dout):
    @T.prim_func
    def main(X: T.Tensor((M, N), din), Y: T.Tensor((M, N), dout)):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            s = T.alloc_fragment((bM,), "float32")
            T.copy(X[bx * bM, 0], x)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.reduce_sum(x, s, dim=1)
            for i, j in T.Parallel(bM, N):
                x[i, j] = x[i, j] / s[i]
            T.copy(x, Y[bx * bM, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


if __name__ == "__main__":
    cp_loop_cp_1(1024, 256, 8, "float16", "float16")
    cp_loop_cp_2(1024, 256, 8, "float16", "float32")
    cp_loop_cp_3(1024, 256, 8, "float32", "float16")
    cp_loop_cp_4(1024, 256, 8, "int8", "float32")
    cp_loop_cp_5(1024, 64, 16, "bfloat16", "bfloat16")
    loop_first(1024, 256, 8, "float16", "float16")
    cp_reduce_1(1024, 256, 8, "float16", "float16")
    cp_reduce_2(1024, 256, 8, "float32", "float16")
    cp_reduce_3(1024, 128, 2, "float16", "float16")
    cp_shared_side(1024, 256, 8, "float16")
