# fixture: target=sm_80,sm_90
# TL420: T.alloc_barrier allocates hardware mbarriers, which only sm_90 and later have: a kernel that waits on one
# fails on sm_80 and builds on sm_90, and so does one that allocates a barrier it never uses.
import tilelang.language as T


def barrier_copy(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 64), "float16")
            ready = T.alloc_barrier(128)
            #       ^^^^^^^^^^^^^^^^^^^^ error TL420: ready is a hardware mbarrier (T.alloc_barrier), which sm_80 lacks: the compiler fails ("T.alloc_barrier() requires sm_90 (Hopper) or later, but the current target is sm_80"); synchronise with T.sync_threads() before sm_90, or build for sm_90 or later
            T.copy(A[bx * 128, 0], s)
            T.barrier_arrive(ready)
            T.barrier_wait(ready, 0)
            T.copy(s, B[bx * 128, 0])

    return main


def synced_copy(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 64), "float16")
            T.copy(A[bx * 128, 0], s)
            T.sync_threads()
            T.copy(s, B[bx * 128, 0])

    return main


def unused_barrier(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((M, 64), "float16")):
        with T.Kernel(M // 128, threads=128) as bx:
            s = T.alloc_shared((128, 64), "float16")
            spare = T.alloc_barrier(128)
            #       ^^^^^^^^^^^^^^^^^^^^ error TL420: spare is a hardware mbarrier (T.alloc_barrier), which sm_80 lacks: the compiler fails ("T.alloc_barrier() requires sm_90 (Hopper) or later, but the current target is sm_80"); synchronise with T.sync_threads() before sm_90, or build for sm_90 or later
            T.copy(A[bx * 128, 0], s)
            T.copy(s, B[bx * 128, 0])

    return main


if __name__ == "__main__":
    barrier_copy(1024)
    synced_copy(1024)
    unused_barrier(1024)
