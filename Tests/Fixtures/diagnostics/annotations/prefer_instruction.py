# fixture: target=sm_80,sm_90
# TL204 and TL205: unknown preferences; TMA on sm_80, TMA together with disable_tma; cp_async is honoured.
import tilelang.language as T


def prefer(block_M, block_N, how):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A[bx * block_M, 0], S, prefer_instruction=how)
            #                             ^^^^^^^^^^^^^^^^^^^^^^ error TL205: T.copy prefer_instruction="tma" could not be honored: T.tma_copy() requires TMA-capable target and global<->shared copy pattern, but TMA is not available for src=A, dst=S (not TMA: sm_80 has no TMA (needs sm_90+)) [sm_80] (with block_M=64, block_N=64, how="tma" from line 34)
            #                                                ^^^ error TL204: Unsupported T.copy prefer_instruction="bulk". Expected one of: "tma", "cp_async", "sync". (with block_M=64, block_N=64, how="bulk" from line 33)
            T.copy(S, B[bx * block_M, 0], disable_tma=True)

    return main


def conflicting(block_M, block_N):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16")):
        with T.Kernel(8, threads=128) as bx:
            S = T.alloc_shared((block_M, block_N), "float16")
            T.copy(A[bx * block_M, 0], S, prefer_instruction="tma", disable_tma=True)
            #                             ^^^^^^^^^^^^^^^^^^^^^^^^ error TL205: T.copy prefer_instruction="tma" conflicts with disable_tma=true. [sm_80]
            #                             ^^^^^^^^^^^^^^^^^^^^^^^^ error TL205: T.copy prefer_instruction="tma" conflicts with disable_tma=true. [sm_90]
            T.copy(S, B[bx * block_M, 0], disable_tma=True)

    return main


if __name__ == "__main__":
    prefer(64, 64, "bulk")
    prefer(64, 64, "tma")
    prefer(64, 64, "cp_async")
    conflicting(64, 64)
