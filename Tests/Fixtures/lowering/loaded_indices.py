# fixture: target=sm_80,sm_90
# An integer loaded from a global tensor is a run-time value: a copy of the row it selects keeps the row's
# alignment (4 bf16 = 64 bits), where an unknown offset would drop to one element. Nothing bounds such a value, so
# a row it selects is not provably in bounds and is no 1-D bulk copy on sm_90 (a TMA load, as the compiler).
import tilelang.language as T


def gather_rows(M, N):
    @T.prim_func
    def main(KV: T.Tensor((M, N), "bfloat16"), ids: T.Tensor((4,), "int32"), C: T.Tensor((4, N), "bfloat16")):
        with T.Kernel(4, threads=1):
            A = T.alloc_shared((N,), "bfloat16")
            for i in T.Pipelined(4, num_stages=1):
                row = ids[i]
                T.copy(KV[row, :], A)
              # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 64b
              # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 64b
                T.copy(A, C[i, :])
              # ^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
              # ^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def gather_long_rows(M, N):
    @T.prim_func
    def main(KV: T.Tensor((M, N), "bfloat16"), ids: T.Tensor((4,), "int32")):
        with T.Kernel(4, threads=1):
            A = T.alloc_shared((N,), "bfloat16")
            B = T.alloc_shared((N,), "bfloat16")
            for i in T.Pipelined(4, num_stages=1):
                row = ids[i]
                T.copy(KV[row, :], A)
              # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.clear(B)

    return main


if __name__ == "__main__":
    gather_rows(4, 4)
    gather_long_rows(1024, 1024)
