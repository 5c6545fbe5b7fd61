# fixture: target=sm_80,sm_90
# prefer_instruction on a load inside a software-pipelined T.Pipelined loop: the pipeline marks its producer stages
# for cp.async, and the copy selector reads that mark before the hint, so "sync" and "tma" loads are cp.async on sm_80
# (and on sm_90 when no load of the loop is a TMA producer, which leaves the loop unsplit). On sm_90 a warp-specialised
# loop honours "sync" (the consumer copies it) and "tma"; a loop nothing reads in is not pipelined, so "sync" holds
# (checked with tilelang 0.1.15).
import tilelang.language as T


def sync_beside_tma(K):
    @T.prim_func
    def main(A: T.Tensor((512, K), "float16"), B: T.Tensor((K, 512), "float16"), C: T.Tensor((512, 512), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            for k in T.Pipelined(K // 32, num_stages=2):
                T.copy(A[by * 64, k * 32], A_s, prefer_instruction="sync")
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
                T.copy(B[k * 32, bx * 64], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def tma_hint(K):
    @T.prim_func
    def main(A: T.Tensor((512, K), "float16"), B: T.Tensor((K, 512), "float16"), C: T.Tensor((512, 512), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            for k in T.Pipelined(K // 32, num_stages=1):
                T.copy(A[by * 64, k * 32], A_s, annotations={"prefer_instruction": "tma"})
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.copy(B[k * 32, bx * 64], B_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_load
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def all_sync(K):
    @T.prim_func
    def main(A: T.Tensor((512, K), "float16"), B: T.Tensor((K, 512), "float16"), C: T.Tensor((512, 512), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((64, 32), "float16")
            B_s = T.alloc_shared((32, 64), "float16")
            C_f = T.alloc_fragment((64, 64), "float32")
            T.clear(C_f)
            for k in T.Pipelined(K // 32, num_stages=2):
                T.copy(A[by * 64, k * 32], A_s, prefer_instruction="sync")
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 128b
                T.copy(B[k * 32, bx * 64], B_s, prefer_instruction="sync")
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: cp_async 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: cp_async 128b
                T.gemm(A_s, B_s, C_f)
            T.copy(C_f, C[by * 64, bx * 64])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def nothing_reads_in_loop(K):
    @T.prim_func
    def main(A: T.Tensor((512, K), "float16"), C: T.Tensor((512, K), "float16")):
        with T.Kernel(8, threads=128) as bx:
            A_s = T.alloc_shared((64, 32), "float16")
            for k in T.Pipelined(K // 32, num_stages=2):
                T.copy(A[bx * 64, k * 32], A_s, prefer_instruction="sync")
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
              # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(A_s, C[bx * 64, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: tma_store

    return main


if __name__ == "__main__":
    sync_beside_tma(512)
    tma_hint(512)
    all_sync(512)
    nothing_reads_in_loop(512)
