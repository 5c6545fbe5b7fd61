# A 128-row slice copied into a 64-row shared tile (TL101 on the destination) and an unknown eviction policy (TL201).
import tilelang.language as T


@T.prim_func
def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16")):
    with T.Kernel(8, threads=128) as bx:
        A_shared = T.alloc_shared((64, 64), "float16")
        T.copy(A[bx * 128 : bx * 128 + 128, 0:64], A_shared)
        T.copy(A_shared, B[bx * 64 : bx * 64 + 64, 0:64], eviction_policy="evict_sometimes")
