# fixture: target=sm_80,sm_90
# TL409: a fragment that is only filled or cleared (whole or a slice) gets no layout on any target; one that is
# then read in a T.Parallel loop, reduced into, copied out or used as a gemm accumulator is laid out by that use.
import tilelang.language as T


def cleared(n):
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float32"), B: T.Tensor((128, 128), "float32")):
        with T.Kernel(1, threads=128) as bx:
            S = T.alloc_shared((128, 128), "float32")
            l = T.alloc_fragment((n,), "float32")
          # ^ error TL409: fragment l is only filled or cleared and never used otherwise: nothing gives it a layout, and layout inference fails ("The layout for fragment l can not be inferred correctly"); remove it, or use it
            T.copy(A, S)
            T.clear(l)
            T.copy(S, B)

    return main


def filled_twice():
    @T.prim_func
    def main(B: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            acc = T.alloc_fragment((64, 64), "float32")
          # ^^^ error TL409: fragment acc is only filled or cleared and never used otherwise: nothing gives it a layout, and layout inference fails ("The layout for fragment acc can not be inferred correctly"); remove it, or use it
            T.clear(acc)
            T.fill(acc, 1.0)

    return main


def filled_half(n):
    @T.prim_func
    def main(B: T.Tensor((128, 128), "float32")):
        with T.Kernel(1, threads=128) as bx:
            m = T.alloc_fragment((n,), "float32")
          # ^ error TL409: fragment m is only filled or cleared and never used otherwise: nothing gives it a layout, and layout inference fails ("The layout for fragment m can not be inferred correctly"); remove it, or use it
            T.fill(m[0 : n // 2], -1.0)

    return main


def read_in_parallel(n):
    @T.prim_func
    def main(B: T.Tensor((128, 128), "float32")):
        with T.Kernel(1, threads=128) as bx:
            l = T.alloc_fragment((n,), "float32")
            T.clear(l)
            for i in T.Parallel(n):
                B[0, i] = l[i]

    return main


def reduced_into(n):
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float32"), B: T.Tensor((128,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            S = T.alloc_shared((128, 128), "float32")
            l = T.alloc_fragment((n,), "float32")
            T.copy(A, S)
            T.clear(l)
            T.reduce_max(S, l, dim=1, clear=False)
            T.copy(l, B)

    return main


def copied_out(n):
    @T.prim_func
    def main(B: T.Tensor((128, 128), "float32")):
        with T.Kernel(1, threads=128) as bx:
            l = T.alloc_fragment((n,), "float32")
            T.fill(l, 2.0)
            T.copy(l, B[0, 0:n])

    return main


def gemm_accumulator():
    @T.prim_func
    def main(A: T.Tensor((64, 64), "float16"), B: T.Tensor((64, 64), "float16"), C: T.Tensor((64, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            A_s = T.alloc_shared((64, 64), "float16")
            B_s = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            T.clear(acc)
            T.copy(A, A_s)
            T.copy(B, B_s)
            T.gemm(A_s, B_s, acc)
            T.copy(acc, C)

    return main


if __name__ == "__main__":
    cleared(128)
    filled_twice()
    filled_half(64)
    read_in_parallel(128)
    reduced_into(128)
    copied_out(128)
    gemm_accumulator()
