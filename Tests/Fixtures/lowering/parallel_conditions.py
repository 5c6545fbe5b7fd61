# fixture: target=sm_80,sm_100
# A T.Parallel loop that lays a fragment out plans its runs with the loop's vectorizer, which stops widening where a
# run-time condition of the body (T.if_then_else, T.Select, an `if` statement) could change inside one vector
# (loop_vectorize.cc CheckConditionVectorized): a condition on a load at j or on a run-time bound gives runs of 1, so
# the copy out of the fragment is scalar; `j < 66` gives 2, `j >= 4` 4; a condition on i only, `j < 64` or a body
# without one (T.max) keeps 128 bits (256 on sm_100). A loop that follows a copy's layout keeps that copy's runs
# (checked with tilelang 0.1.15).
import tilelang.language as T


def relu_if_then_else(M):
    @T.prim_func
    def main(X: T.Tensor((M, 128), "float32"), Y: T.Tensor((M, 128), "float32")):
        with T.Kernel(M // 32, threads=128) as bx:
            f = T.alloc_fragment((32, 128), "float32")
            for i, j in T.Parallel(32, 128):
                f[i, j] = T.if_then_else(X[bx * 32 + i, j] > 0, X[bx * 32 + i, j], 0.0)
            T.copy(f, Y[bx * 32, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b

    return main


def relu_max(M):
    @T.prim_func
    def main(X: T.Tensor((M, 128), "float32"), Y: T.Tensor((M, 128), "float32")):
        with T.Kernel(M // 32, threads=128) as bx:
            f = T.alloc_fragment((32, 128), "float32")
            for i, j in T.Parallel(32, 128):
                f[i, j] = T.max(X[bx * 32 + i, j], 0.0)
            T.copy(f, Y[bx * 32, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b

    return main


def mask_select_accumulate(M):
    @T.prim_func
    def main(Mk: T.Tensor((M, 128), "int8"), S: T.Tensor((M, 128), "int32")):
        with T.Kernel(M // 32, threads=128) as bx:
            s = T.alloc_shared((32, 128), "int8")
            acc = T.alloc_fragment((32, 128), "int32")
            T.clear(acc)
            T.copy(Mk[bx * 32, 0], s)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
            for i, j in T.Parallel(32, 128):
                acc[i, j] += T.Select(s[i, j] != 0, 1, 0)
            T.copy(acc, S[bx * 32, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b

    return main


def causal_if_statement(M):
    @T.prim_func
    def main(X: T.Tensor((M, 128), "float32"), Y: T.Tensor((M, 128), "float32")):
        with T.Kernel(M // 32, threads=128) as bx:
            f = T.alloc_fragment((32, 128), "float32")
            T.clear(f)
            for i, j in T.Parallel(32, 128):
                if bx * 32 + i >= j:
                    f[i, j] = X[bx * 32 + i, j]
            T.copy(f, Y[bx * 32, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b

    return main


def row_condition(M):
    @T.prim_func
    def main(X: T.Tensor((M, 128), "float32"), Y: T.Tensor((M, 128), "float32")):
        with T.Kernel(M // 32, threads=128) as bx:
            f = T.alloc_fragment((32, 128), "float32")
            for i, j in T.Parallel(32, 128):
                f[i, j] = T.if_then_else(X[bx * 32 + i, 0] > 0 and i < 16, X[bx * 32 + i, j], 0.0)
            T.copy(f, Y[bx * 32, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b

    return main


def column_bounds(M):
    @T.prim_func
    def main(
        X: T.Tensor((M, 128), "float32"),
        Y: T.Tensor((M, 128), "float32"),
        Z: T.Tensor((M, 128), "float32"),
        W: T.Tensor((M, 128), "float32"),
    ):
        with T.Kernel(M // 32, threads=128) as bx:
            f = T.alloc_fragment((32, 128), "float32")
            g = T.alloc_fragment((32, 128), "float32")
            h = T.alloc_fragment((32, 128), "float32")
            for i, j in T.Parallel(32, 128):
                f[i, j] = T.if_then_else(j < 64, X[bx * 32 + i, j], 0.0)
            for i, j in T.Parallel(32, 128):
                g[i, j] = T.if_then_else(j < 66, X[bx * 32 + i, j], 0.0)
            for i, j in T.Parallel(32, 128):
                h[i, j] = T.if_then_else(j // 4 == 3, X[bx * 32 + i, j], 0.0)
            T.copy(f, Y[bx * 32, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
            T.copy(g, Z[bx * 32, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
            T.copy(h, W[bx * 32, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b

    return main


def condition_before_copy_in(M):
    @T.prim_func
    def main(X: T.Tensor((M, 128), "float32"), Y: T.Tensor((M, 128), "float32")):
        with T.Kernel(M // 32, threads=128) as bx:
            f = T.alloc_fragment((32, 128), "float32")
            for i, j in T.Parallel(32, 128):
                f[i, j] = T.if_then_else(i > j, 1.0, 0.0)
            T.copy(X[bx * 32, 0], f)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
            T.copy(f, Y[bx * 32, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b

    return main


def condition_after_copy(M):
    @T.prim_func
    def main(X: T.Tensor((M, 128), "float32"), Y: T.Tensor((M, 128), "float32")):
        with T.Kernel(M // 32, threads=128) as bx:
            a = T.alloc_fragment((32, 128), "float32")
            f = T.alloc_fragment((32, 128), "float32")
            T.copy(X[bx * 32, 0], a)
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
            for i, j in T.Parallel(32, 128):
                f[i, j] = T.if_then_else(a[i, j] > 0, a[i, j], 0.0)
            T.copy(f, Y[bx * 32, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 256b
          # ^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b

    return main


if __name__ == "__main__":
    relu_if_then_else(256)
    relu_max(256)
    mask_select_accumulate(256)
    causal_if_statement(256)
    row_condition(256)
    column_bounds(256)
    condition_before_copy_in(256)
    condition_after_copy(256)
