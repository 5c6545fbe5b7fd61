# fixture: target=sm_90
# TL201 and TL202: an unknown policy is a KeyError; a policy string inside `annotations` is silently ignored.
import tilelang.language as T


def store(block_M, block_N, policy):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A[bx * block_M, 0], S)
            T.copy(S, B[bx * block_M, 0], eviction_policy=policy)
            #                                             ^^^^^^ error TL201: eviction_policy "evict_sometimes" is not one of "evict_normal", "evict_first", "evict_last" (KeyError: 'evict_sometimes') (with block_M=64, block_N=64, policy="evict_sometimes" from line 31)

    return main


def dict_string(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A[bx * block_M, 0], S, annotations={"eviction_policy": "evict_first"})
            #                                                             ^^^^^^^^^^^^^ warning TL202: the annotations dict stores eviction_policy "evict_first" as a string, which the compiler never reads (it reads an integer); this copy uses the default policy
            T.copy(S, B[bx * block_M, 0])

    return main


if __name__ == "__main__":
    store(64, 64, "evict_sometimes")
    store(64, 64, "evict_last")
    dict_string(64, 64)
