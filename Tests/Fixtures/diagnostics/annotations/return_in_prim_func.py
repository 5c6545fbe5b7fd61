# fixture: target=sm_80,sm_90
# TL221: a `return` the DSL front end rejects. In a @T.prim_func, a `return` under a run-time `if` (a block or thread
# index, a loaded element, a T.dynamic size in the condition) or inside any T.serial / T.Parallel / range loop leaves
# the PrimFunc unfinished (ValueError: "Cannot find where to insert PrimFunc"); in a @T.macro, a `return` under
# control flow the macro opened raises NotImplementedError; a prim_func may return only T.empty tensors. A `return` at
# the end of the `with T.Kernel` block, after it, in a Python loop, or in a macro outside its own control flow builds.
import tilelang
import tilelang.language as T


def tail_guard(N):
    @T.prim_func
    def main(X: T.Tensor((N,), "float16"), Y: T.Tensor((N,), "float16")):
        with T.Kernel(T.ceildiv(N, 128), threads=128) as bx:
            tx = T.get_thread_binding(0)
            i = bx * 128 + tx
            if i >= N:
                return
              # ^^^^^^ error TL221: `return` under a run-time `if` or loop of a @T.prim_func: the front end cannot finish the kernel (ValueError: "Cannot find where to insert PrimFunc"); put the rest of the body under the opposite condition instead of returning early
            Y[i] = X[i] * T.cast(2, "float16")

    return main


def return_in_loop(N):
    @T.prim_func
    def main(X: T.Tensor((N,), "float16"), Y: T.Tensor((N,), "float16")):
        with T.Kernel(T.ceildiv(N, 128), threads=128) as bx:
            for i in T.serial(128):
                if X[bx * 128 + i] > T.cast(0, "float16"):
                    return
                  # ^^^^^^ error TL221: `return` under a run-time `if` or loop of a @T.prim_func: the front end cannot finish the kernel (ValueError: "Cannot find where to insert PrimFunc"); put the rest of the body under the opposite condition instead of returning early
                Y[bx * 128 + i] = X[bx * 128 + i]

    return main


def return_in_range(N):
    @T.prim_func
    def main(X: T.Tensor((N,), "float16"), Y: T.Tensor((N,), "float16")):
        with T.Kernel(T.ceildiv(N, 128), threads=128) as bx:
            for i in range(4):
                Y[bx * 128 + i] = X[bx * 128 + i]
                return
              # ^^^^^^ error TL221: `return` under a run-time `if` or loop of a @T.prim_func: the front end cannot finish the kernel (ValueError: "Cannot find where to insert PrimFunc"); put the rest of the body under the opposite condition instead of returning early

    return main


def return_a_parameter(N):
    @T.prim_func
    def main(X: T.Tensor((N,), "float16"), Y: T.Tensor((N,), "float16")):
        with T.Kernel(T.ceildiv(N, 128), threads=128) as bx:
            for i in T.Parallel(128):
                Y[bx * 128 + i] = X[bx * 128 + i]
        return Y
      # ^^^^^^^^ error TL221: a @T.prim_func returns Y, which T.empty did not allocate: the front end fails (RuntimeError: "Only tensor allocated from `T.empty` can be returned in a prim_func"); write results into an output parameter and drop the `return`

    return main


def macro_return_in_if(N):
    @T.macro
    def clear(Y, i):
        if i >= N:
            return
          # ^^^^^^ error TL221: `return` under a run-time `if` or loop of a @T.macro: the front end rejects it (NotImplementedError: "In tilelang macro, return from control flow is not supported yet"); assign a T.alloc_var inside the branches and return it after them
        Y[i] = T.cast(0, "float16")

    @T.prim_func
    def main(X: T.Tensor((N,), "float16"), Y: T.Tensor((N,), "float16")):
        with T.Kernel(T.ceildiv(N, 128), threads=128) as bx:
            tx = T.get_thread_binding(0)
            clear(Y, bx * 128 + tx)

    return main


def tail_returns(N):
    @T.macro
    def clear(Y, i):
        Y[i] = T.cast(0, "float16")
        return

    @T.prim_func
    def main(X: T.Tensor((N,), "float16"), Y: T.Tensor((N,), "float16")):
        with T.Kernel(T.ceildiv(N, 128), threads=128) as bx:
            for i in T.serial(4):
                clear(Y, bx * 128 + i)
            for k in [0, 1]:
                Y[bx * 128 + k] = X[bx * 128 + k]
                return
            return
        return

    return main


def guarded_body(N):
    @T.prim_func
    def main(X: T.Tensor((N,), "float16"), Y: T.Tensor((N,), "float16")):
        with T.Kernel(T.ceildiv(N, 128), threads=128) as bx:
            tx = T.get_thread_binding(0)
            i = bx * 128 + tx
            if i < N:
                Y[i] = X[i] * T.cast(2, "float16")

    return main


if __name__ == "__main__":
    tail_guard(1000)
    return_in_loop(1024)
    return_in_range(1024)
    return_a_parameter(1024)
    macro_return_in_if(1000)
    tail_returns(1024)
    guarded_body(1000)
