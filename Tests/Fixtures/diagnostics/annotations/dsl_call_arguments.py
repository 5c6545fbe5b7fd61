# fixture: target=sm_80,sm_90
# TL218: arguments of a T.* call that tilelang.language rejects before it builds anything: Python's binding against
# the function's parameters (an unexpected keyword, a parameter given twice, too many positionals, a missing one)
# and string arguments outside the set the front end accepts. A call with `*args` binds nothing tl-lsp can see. The
# `@T.prim_func(...)` decorator is judged the same way (a fork's `auto_overlap=True` fails when the factory runs).
import tilelang
import tilelang.language as T


def pipelined_group(M=1024, N=1024, K=1024):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            As = T.alloc_shared((128, 32), "float16")
            Bs = T.alloc_shared((32, 128), "float16")
            Cf = T.alloc_fragment((128, 128), "float32")
            T.clear(Cf)
            for k in T.Pipelined(K // 32, num_stages=2, order=[0, 1, 2], stage=[0, 0, 1], group=[[0], [1], [2]]):
            #                                                                             ^^^^^ error TL218: T.Pipelined has no keyword `group` (TypeError: Pipelined() got an unexpected keyword argument 'group'); it accepts start, stop, num_stages, order, stage, annotations
                T.copy(A[by * 128, k * 32], As)
                T.copy(B[k * 32, bx * 128], Bs)
                T.gemm(As, Bs, Cf)
            T.copy(Cf, C[by * 128, bx * 128])

    return main


def pipelined_schedule(M=1024, N=1024, K=1024):
    @T.prim_func
    def main(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(N // 128, M // 128, threads=128) as (bx, by):
            As = T.alloc_shared((128, 32), "float16")
            Bs = T.alloc_shared((32, 128), "float16")
            Cf = T.alloc_fragment((128, 128), "float32")
            T.clear(Cf)
            for k in T.Pipelined(K // 32, num_stages=2, order=[0, 1, 2], stage=[0, 0, 1]):
                T.copy(A[by * 128, k * 32], As)
                T.copy(B[k * 32, bx * 128], Bs)
                T.gemm(As, Bs, Cf)
            T.copy(Cf, C[by * 128, bx * 128])

    return main


def kernel_thread(M=1024):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 64, thread=128) as bx:
        #                      ^^^^^^ error TL218: T.Kernel has no keyword `thread` (TypeError: Kernel() got an unexpected keyword argument 'thread'); it accepts threads, prelude, cluster_dims
            s = T.alloc_shared((64, 64), "float16")
            T.copy(A[bx * 64, 0], s)
            T.copy(s, B[bx * 64, 0])

    return main


def serial_typo(M=1024):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 64, threads=128) as bx:
            s = T.alloc_shared((64, 64), "float16")
            T.copy(A[bx * 64, 0], s)
            for i in T.serial(64, unrol=True):
            #                     ^^^^^ error TL218: T.serial has no keyword `unrol` (TypeError: serial() got an unexpected keyword argument 'unrol'); it accepts start, stop, step, annotations
                B[bx * 64 + i, 0] = s[i, 0]

    return main


def alloc_arguments(M=1024):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 64, threads=128) as bx:
            s = T.alloc_shared((64, 64))
            #   ^^^^^^^^^^^^^^^^^^^^^^^^ error TL218: T.alloc_shared is missing 'dtype' (TypeError: alloc_shared() missing 1 required positional argument: 'dtype')
            f = T.alloc_fragment((64, 64), "float16", dtype="float16")
            #                                         ^^^^^ error TL218: T.alloc_fragment gets `dtype` twice, as positional argument 2 and as a keyword (TypeError: alloc_fragment() got multiple values for argument 'dtype')
            T.copy(A[bx * 64, 0], s)
            T.copy(s, f)
            T.copy(f, B[bx * 64, 0])

    return main


def alloc_spread(M=1024, spec=((64, 64), "float16")):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 64, threads=128) as bx:
            s = T.alloc_shared(*spec)
            T.copy(A[bx * 64, 0], s)
            T.copy(s, B[bx * 64, 0])

    return main


def swizzle_order(M=512, N=512):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(N // 64, M // 64, threads=128) as (bx, by):
            T.use_swizzle(panel_size=4, order="col")
            #                                 ^^^^^ error TL218: T.use_swizzle does not take order="col" (ValueError: Unsupported swizzle order: col); it accepts "row", "column", "mlx"; did you mean "column"?
            s = T.alloc_shared((64, 64), "float16")
            T.copy(A[by * 64, bx * 64], s)
            T.copy(s, C[by * 64, bx * 64])

    return main


def swizzle_arguments(M=512, N=512):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(N // 64, M // 64, threads=128) as (bx, by):
            T.use_swizzle(4, "row", True, 2)
            #                             ^ error TL218: T.use_swizzle takes at most 3 positional arguments (panel_size, order, enable), but 4 were given (TypeError: use_swizzle() takes from 1 to 3 positional arguments but 4 were given)
            s = T.alloc_shared((64, 64), "float16")
            T.copy(A[by * 64, bx * 64], s)
            T.copy(s, C[by * 64, bx * 64])

    return main


def swizzle_column(M=512, N=512):
    @T.prim_func
    def main(A: T.Tensor((M, N), "float16"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(N // 64, M // 64, threads=128) as (bx, by):
            T.use_swizzle(panel_size=4, order="column")
            s = T.alloc_shared((64, 64), "float16")
            T.copy(A[by * 64, bx * 64], s)
            T.copy(s, C[by * 64, bx * 64])

    return main


def atomic_orders(M=64):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float32"), B: T.Tensor((M, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            for i, j in T.Parallel(M, 64):
                T.atomic_add(B[i, j], A[i, j], memory_order="acqrel")
                #                                           ^^^^^^^^ error TL218: T.atomic_add does not take memory_order="acqrel" (KeyError: 'acqrel'); it accepts "relaxed", "consume", "acquire", "release", "acq_rel", "seq_cst"; did you mean "acq_rel"?

    return main


def atomic_load_order(M=64):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float32"), B: T.Tensor((M, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            for i, j in T.Parallel(M, 64):
                B[i, j] = T.atomic_load(A[i, j], memory_order="release")
                #                                             ^^^^^^^^^ error TL218: T.atomic_load does not take memory_order="release" (ValueError: atomic_load does not support memory_order='release'; expected one of ['acquire', 'consume', 'relaxed', 'seq_cst']); it accepts "relaxed", "consume", "acquire", "seq_cst"

    return main


def atomic_valid_orders(M=64):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float32"), B: T.Tensor((M, 64), "float32")):
        with T.Kernel(1, threads=128) as bx:
            for i, j in T.Parallel(M, 64):
                T.atomic_add(B[i, j], T.atomic_load(A[i, j], memory_order="acquire"), memory_order="acq_rel")

    return main


def prim_func_keyword(M=256):
    @T.prim_func(auto_overlap=True)
    #            ^^^^^^^^^^^^ error TL218: T.prim_func has no keyword `auto_overlap` (TypeError: prim_func() got an unexpected keyword argument 'auto_overlap'); it accepts func, eager_jit
    def main(A: T.Tensor((M,), "float32"), B: T.Tensor((M,), "float32")):
        with T.Kernel(1, threads=128):
            for i in T.Parallel(M):
                B[i] = A[i]

    return main


if __name__ == "__main__":
    pipelined_group()
    pipelined_schedule()
    kernel_thread()
    serial_typo()
    alloc_arguments()
    alloc_spread()
    swizzle_order()
    swizzle_arguments()
    swizzle_column()
    atomic_orders()
    atomic_load_order()
    atomic_valid_orders()
    prim_func_keyword()
