# fixture: target=sm_80,sm_90,sm_100
# TL223: the front end binds a kernel-body name to a TIR value in the innermost TIR frame open at the assignment (a
# loop, a run-time `if` branch), and a read after that frame closed fails. A PrimExpr re-bound in a loop, a value
# bound under `if tx < 64`, a loop variable and a buffer allocated in a loop fail when read after; a Python int bound
# in a loop, a read inside the loop, a `T.alloc_var`, a Python-valued `if` and an augmented
# assignment after the loop (`acc -= x` re-binds without the check) build, and so does a loop variable bound afresh by
# `T.Serial`, `T.Unroll` or `T.Vectorized` (the capitalised aliases; sweep K had a false TL223 there), or by
# `range(n)` with a run-time `n` (the front end makes every kernel-body `range` a `T.serial`; sweep M had a false
# TL223 there), or by TIR's `T.parallel`. A store's index is read too: an inner loop that reuses the outer loop's
# variable leaves it expired for the rest of the outer body (sweep M).
import tilelang.language as T


def rebound_in_loop():
    @T.prim_func
    def main(A: T.Tensor((128, 64), "float32"), Y: T.Tensor((128,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            tx = T.get_thread_binding()
            acc = T.Cast("float32", 0)
            for k in range(64):
                acc += A[tx, k]
            Y[tx] = acc
            #       ^^^ error TL223: acc was last bound inside a loop or run-time if that has ended, and the front end scopes that binding to it: reading it here fails ("Immutable variable `acc` is used outside its defining region!"); to accumulate across iterations, declare it with T.alloc_var before the loop

    return main


def bound_under_thread_if():
    @T.prim_func
    def main(A: T.Tensor((128, 64), "float32"), Y: T.Tensor((128,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            tx = T.get_thread_binding()
            if tx < 64:
                v = A[tx, 0] * 2
            Y[tx] = v
            #       ^ error TL223: v was last bound inside a loop or run-time if that has ended, and the front end scopes that binding to it: reading it here fails ("Immutable variable `v` is used outside its defining region!"); to accumulate across iterations, declare it with T.alloc_var before the loop

    return main


def loop_variable_after_loop():
    @T.prim_func
    def main(A: T.Tensor((128, 64), "float32"), Y: T.Tensor((128,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            tx = T.get_thread_binding()
            for k in range(64):
                Y[tx] = A[tx, k]
            Y[tx] = A[tx, k]
            #             ^ error TL223: k was last bound inside a loop or run-time if that has ended, and the front end scopes that binding to it: reading it here fails ("Immutable variable `k` is used outside its defining region!"); to accumulate across iterations, declare it with T.alloc_var before the loop

    return main


def python_int_in_loop():
    @T.prim_func
    def main(A: T.Tensor((128, 64), "float32"), Y: T.Tensor((128,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            tx = T.get_thread_binding()
            for k in range(64):
                x = 5
            Y[tx] = A[tx, x]

    return main


def read_inside_loop():
    @T.prim_func
    def main(A: T.Tensor((128, 64), "float32"), Y: T.Tensor((128,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            tx = T.get_thread_binding()
            acc = T.Cast("float32", 0)
            for k in range(64):
                acc += A[tx, k]
                Y[tx] = acc

    return main


def alloc_var_accumulator():
    @T.prim_func
    def main(A: T.Tensor((128, 64), "float32"), Y: T.Tensor((128,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            tx = T.get_thread_binding()
            acc = T.alloc_var("float32")
            acc = 0
            for k in range(64):
                acc += A[tx, k]
            Y[tx] = acc

    return main


def augmented_after_loop():
    @T.prim_func
    def main(A: T.Tensor((128, 64), "float32"), Y: T.Tensor((128,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            tx = T.get_thread_binding()
            acc = T.Cast("float32", 0)
            for k in range(64):
                acc += A[tx, k]
            acc -= A[tx, 0]
            Y[tx] = acc

    return main


def python_valued_if():
    @T.prim_func
    def main(A: T.Tensor((128, 64), "float32"), Y: T.Tensor((128,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            tx = T.get_thread_binding()
            if True:
                v = A[tx, 0] * 2
            Y[tx] = v

    return main



def capitalised_loop_aliases():
    # T.Serial / T.Unroll / T.Vectorized are T.serial / T.unroll / T.vectorized: each binds its variable afresh.
    @T.prim_func
    def main(X: T.Tensor((1024, 8), "float32"), O: T.Tensor((1024, 8), "float32")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((128, 8), "float32")
            for i, j in T.Parallel(128, 8):
                S[i, j] = X[bx * 128 + i, j]
            for j in T.Serial(8):
                for i in T.Parallel(128):
                    O[bx * 128 + i, j] = S[i, j] * 2.0
            for j in T.Unroll(8):
                for i in T.Parallel(128):
                    O[bx * 128 + i, j] = S[i, j] + O[bx * 128 + i, j]
            for j in T.Vectorized(8):
                O[bx * 128, j] = S[0, j]

    return main


def runtime_range_rebinds():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float32"), B: T.Tensor((1024, 64), "float32")):
        with T.Kernel(16, threads=128) as bx:
            s = T.alloc_shared((64, 64), "float32")
            n = T.min(16, bx + 1)
            for k in T.serial(n):
                T.copy(A[k * 64, 0], s)
            for k in range(n):
                for i, j in T.Parallel(64, 64):
                    B[k * 64 + i, j] = s[i, j]

    return main


def inner_loop_reuses_outer_variable():
    @T.prim_func
    def main(A: T.Tensor((1024,), "float32"), B: T.Tensor((1024,), "float32")):
        with T.Kernel(1, threads=128):
            for i in T.serial(2):
                for i in T.serial(4):
                    B[i] = A[i]
                B[i + 8] = A[0]
                # ^ error TL223: i was last bound inside a loop or run-time if that has ended, and the front end scopes that binding to it: reading it here fails ("Immutable variable `i` is used outside its defining region!"); to accumulate across iterations, declare it with T.alloc_var before the loop

    return main


def tir_parallel_rebinds():
    @T.prim_func
    def main(A: T.Tensor((4, 64), "float32"), B: T.Tensor((4, 64), "float32")):
        with T.Kernel(1, threads=128):
            f = T.alloc_fragment((4, 64), "float32")
            T.copy(A, f)
            for n_i, d_i in T.Parallel(4, 64):
                f[n_i, d_i] = f[n_i, d_i] * 2
            for n_i in T.parallel(4):
                for d_i in T.parallel(64):
                    B[n_i, d_i] = f[n_i, d_i]

    return main


if __name__ == "__main__":
    rebound_in_loop()
    bound_under_thread_if()
    loop_variable_after_loop()
    python_int_in_loop()
    read_inside_loop()
    alloc_var_accumulator()
    augmented_after_loop()
    python_valued_if()
    capitalised_loop_aliases()
    runtime_range_rebinds()
    inner_loop_reuses_outer_variable()
    tir_parallel_rebinds()
