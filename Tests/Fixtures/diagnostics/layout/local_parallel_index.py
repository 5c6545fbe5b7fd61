# fixture: target=sm_80,sm_90
# TL425: a T.alloc_local buffer indexed by a T.Parallel loop variable fails 0.1.15's pre-lowering semantic check on
# every target (a store, a load, an index mixing two parallel variables); an index free of them (`scale_local[0]`) and
# an inner T.vectorized index build.
import tilelang.language as T


def store_by_parallel_index():
    @T.prim_func
    def main(out: T.Tensor((32,), "float32")):
        with T.Kernel(1, threads=32):
            local = T.alloc_local((32,), "float32")
            for i in T.Parallel(32):
                local[i] = T.float32(1)
              # ^^^^^^^^ error TL425: local is a T.alloc_local buffer (private to each thread) indexed by i, a T.Parallel loop variable: local buffers take no part in parallel layout inference, and the compiler's semantic check fails on every target ("Local buffer `local` is indexed by T.Parallel loop variable `i`"); index it with T.serial / T.unroll loop variables, or allocate a fragment to spread that dimension over the threads
            out[0] = local[0]

    return main


def load_by_parallel_index():
    @T.prim_func
    def main(out: T.Tensor((32,), "float32")):
        with T.Kernel(1, threads=32):
            local = T.alloc_local((32,), "float32")
            for i in T.serial(32):
                local[i] = T.float32(i)
            for i in T.Parallel(32):
                out[i] = local[i]
                #        ^^^^^^^^ error TL425: local is a T.alloc_local buffer (private to each thread) indexed by i, a T.Parallel loop variable: local buffers take no part in parallel layout inference, and the compiler's semantic check fails on every target ("Local buffer `local` is indexed by T.Parallel loop variable `i`"); index it with T.serial / T.unroll loop variables, or allocate a fragment to spread that dimension over the threads

    return main


def nested_parallel_index():
    @T.prim_func
    def main(out: T.Tensor((32,), "float32")):
        with T.Kernel(1, threads=32):
            local = T.alloc_local((32,), "float32")
            for i, j in T.Parallel(8, 4):
                local[i * 4 + j] = T.float32(1)
              # ^^^^^^^^^^^^^^^^ error TL425: local is a T.alloc_local buffer (private to each thread) indexed by i, a T.Parallel loop variable: local buffers take no part in parallel layout inference, and the compiler's semantic check fails on every target ("Local buffer `local` is indexed by T.Parallel loop variable `i`"); index it with T.serial / T.unroll loop variables, or allocate a fragment to spread that dimension over the threads
            out[0] = local[0]

    return main


def constant_index():
    @T.prim_func
    def main(out: T.Tensor((32,), "float32")):
        with T.Kernel(1, threads=32):
            scale_local = T.alloc_local((1,), "float32")
            scale_local[0] = T.float32(2)
            for i in T.Parallel(32):
                out[i] = scale_local[0]

    return main


def inner_vectorized_index():
    @T.prim_func
    def main(out: T.Tensor((32,), "float32")):
        with T.Kernel(1, threads=32):
            scratch = T.alloc_local((4,), "float32")
            for i in T.Parallel(32):
                for lane in T.vectorized(4):
                    scratch[lane] = T.float32(lane)
                out[i] = scratch[0]

    return main


if __name__ == "__main__":
    store_by_parallel_index()
    load_by_parallel_index()
    nested_parallel_index()
    constant_index()
    inner_vectorized_index()
