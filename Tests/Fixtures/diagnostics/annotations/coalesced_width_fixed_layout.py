# fixture: target=sm_80
# TL202: coalesced_width on a copy of a fragment that a gemm, or a T.Parallel loop that comes first, lays out has no
# effect: the copy runs on that layout (no TL211 either). Near miss: a copy that lays the fragment out itself, before
# the T.Parallel loop, honours it (and gets TL211 when it must narrow it).
import tilelang.language as T


def accumulator_out(K):
    @T.prim_func
    def main(A: T.Tensor((512, K), "float16"), B: T.Tensor((K, 512), "float16"), C: T.Tensor((512, 512), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            for k in T.Pipelined(K // 32, num_stages=2):
                T.copy(A[by * 64, k * 32], A_s)
                T.copy(B[k * 32, bx * 64], B_s)
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 64, bx * 64], coalesced_width=4)
            #                                                ^ warning TL202: coalesced_width=4 has no effect: C_f's layout comes from the gemm on line 19, and this copy follows it (2 lanes) [sm_80]

    return main


def parallel_first(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float32"), C: T.Tensor((M, 64), "float32")):
        with T.Kernel(M // 64, threads=128) as bx:
            f = T.alloc_fragment((64, 64), "float32")
            for i, j in T.Parallel(64, 64):
                f[i, j] = A[bx * 64 + i, j]
            T.copy(f, C[bx * 64, 0], coalesced_width=1)
            #                                        ^ warning TL202: coalesced_width=1 has no effect: f's layout comes from the T.Parallel loop on line 31, and this copy follows it (4 lanes) [sm_80]

    return main


def copy_first(M):
    @T.prim_func
    def main(A: T.Tensor((M, 64), "float32"), C: T.Tensor((M, 64), "float32")):
        with T.Kernel(M // 64, threads=128) as bx:
            f = T.alloc_fragment((64, 64), "float32")
            T.copy(A[bx * 64, 0], f, coalesced_width=3)
            #                                        ^ warning TL211: Requested coalesced_width=3 is incompatible with the geometry-supported vector width 4; the compiler uses 2 instead [sm_80]
            for i, j in T.Parallel(64, 64):
                C[bx * 64 + i, j] = f[i, j] * 2.0

    return main


if __name__ == "__main__":
    accumulator_out(512)
    parallel_first(128)
    copy_first(128)
