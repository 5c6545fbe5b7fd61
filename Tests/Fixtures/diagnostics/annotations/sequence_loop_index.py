# fixture: target=sm_80,sm_90
# TL219: a Python list or tuple indexed by the variable of a TIR loop. Inside a kernel body `range`, `T.serial`,
# `T.Parallel`, `T.Pipelined`, ... bind a tir.Var, which a list does not take as an index. A `for` over the list
# itself, or a plain Python helper's own `range` loop, runs in Python and is fine.
import tilelang
import tilelang.language as T


def range_offsets(M=1024, dims=(16, 32, 64)):
    offs = [0, 16, 48]

    @T.prim_func
    def main(A: T.Tensor((M, 112), "float16"), B: T.Tensor((M, 112), "float16")):
        with T.Kernel(T.ceildiv(M, 64), threads=128) as bx:
            s = T.alloc_shared((64, 112), "float16")
            for t in range(3):
                T.copy(A[bx * 64 : (bx + 1) * 64, offs[t] : offs[t] + 16], s[:, 0:16])
                #                                      ^ error TL219: `offs` is a Python list indexed by `t`, a TIR loop variable (a tir.Var, not an int): elaboration fails (TypeError: list indices must be integers or slices, not Var); iterate over the list in Python (a `for` over it expands the body per element) or hold its values in a buffer
            T.copy(s, B[bx * 64, 0])

    return main


def summed_width(M=1024, dims=(16, 32, 64)):
    total = sum(dims)
    offs = [sum(dims[:i]) for i in range(len(dims))]

    @T.prim_func
    def main(A: T.Tensor((M, total), "float16"), B: T.Tensor((M, total), "float16")):
        with T.Kernel(T.ceildiv(M, 64), threads=128) as bx:
            s = T.alloc_shared((64, total), "float16")
            for t in range(len(dims)):
                T.copy(A[bx * 64 : (bx + 1) * 64, offs[t] : offs[t] + dims[t]], s[:, offs[t] : offs[t] + dims[t]])
                #                                      ^ error TL219: `offs` is a Python list indexed by `t`, a TIR loop variable (a tir.Var, not an int): elaboration fails (TypeError: list indices must be integers or slices, not Var); iterate over the list in Python (a `for` over it expands the body per element) or hold its values in a buffer
            T.copy(s, B[bx * 64, 0])

    return main


def parallel_tuple(M=64, scale=(1.0, 2.0, 3.0, 4.0)):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float32"), B: T.Tensor((M, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            for i, j in T.Parallel(4, 64):
                B[i, j] = A[i, j] * scale[i + 1]
                #                         ^^^^^ error TL219: `scale` is a Python tuple indexed by `i`, a TIR loop variable (a tir.Var, not an int): elaboration fails (TypeError: tuple indices must be integers or slices, not Add); iterate over the tuple in Python (a `for` over it expands the body per element) or hold its values in a buffer

    return main


def python_loops(M=64, scale=(1.0, 2.0, 3.0, 4.0)):
    def total(xs):
        acc = 0.0
        for k in range(len(xs)):
            acc += xs[k]
        return acc

    @T.prim_func
    def main(A: T.Tensor((M, 64), "float32"), B: T.Tensor((M, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            for r, v in enumerate(scale):
                for j in T.Parallel(64):
                    B[r, j] = A[r, j] * v + total(scale) + scale[0]

    return main


if __name__ == "__main__":
    range_offsets()
    summed_width()
    parallel_tuple()
    python_loops()
