# fixture: target=sm_80,sm_90
# An `if` on a Python value in a T.Pipelined body is folded by the front end: the statements of the taken branch are
# statements of the body. A hand-written schedule lists a stage per folded statement (TL216: the gemm in stage 0
# reads B_s, which the copy folded out of `if both:` fills in stage 1), and the copies folded out of `if load:` are
# the pipeline's async copies, so with num_stages=3 and a run-time trip count the epilogue drains 2 stages (TL212).
# Near misses: stage=[0, 0, 1]; num_stages=2; the same copies under a run-time `if` (a block index), which are
# neither async copies nor TMA loads (checked with tilelang 0.1.15).
import tilelang.language as T


def scheduled_if(both, stage):
    @T.prim_func
    def main(A: T.Tensor((1024, 1024), "float16"), B: T.Tensor((1024, 1024), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(32, num_stages=2, order=[0, 1, 2], stage=stage):
            #                                                             ^^^^^ error TL216: the statement on line 24 is in stage 0 but reads B_s, which the copy on line 23 fills in the later stage 1: the software pipeliner rejects the schedule ("cannot depends on statement ... in a later stage"); give the reader a stage of at least 1 (with both=True, stage=[0, 1, 0] from line 72)
                if both:
                    T.copy(A[by * 128, k * 32], A_s)
                    T.copy(B[k * 32, bx * 128], B_s)
                T.gemm(A_s, B_s, acc)
            T.copy(acc, C[by * 128, bx * 128])

    return main


def dynamic_k_if(load, stages):
    K = T.dynamic("K")

    @T.prim_func
    def main(A: T.Tensor((1024, K), "float16"), B: T.Tensor((K, 1024), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(T.ceildiv(K, 32), num_stages=stages):
            #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL212: this T.Pipelined loop runs (K + 31) // 32 times, which is not known at compile time, and its pipeline drains 2 stages after the loop: on sm_80 the epilogue waits on cp.async groups with a count that depends on its loop variable, and CUDA code generation fails ("Downcast from tirx.Sub to ir.IntImm failed"); use num_stages=2 (or 1) or a trip count known at compile time (with load=True, stages=3 from line 74)
                if load:
                    T.copy(A[by * 128, k * 32], A_s)
                    T.copy(B[k * 32, bx * 128], B_s)
                T.gemm(A_s, B_s, acc)
            T.copy(acc, C[by * 128, bx * 128])

    return main


def dynamic_k_block_guard():
    K = T.dynamic("K")

    @T.prim_func
    def main(A: T.Tensor((1024, K), "float16"), B: T.Tensor((K, 1024), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(8, 8, threads=128) as (bx, by):
            A_s = T.alloc_shared((128, 32), "float16")
            B_s = T.alloc_shared((32, 128), "float16")
            acc = T.alloc_fragment((128, 128), "float32")
            T.clear(acc)
            for k in T.Pipelined(T.ceildiv(K, 32), num_stages=3):
                if bx > 0:
                    T.copy(A[by * 128, k * 32], A_s)
                    T.copy(B[k * 32, bx * 128], B_s)
                T.gemm(A_s, B_s, acc)
            T.copy(acc, C[by * 128, bx * 128])

    return main


if __name__ == "__main__":
    scheduled_if(True, [0, 1, 0])
    scheduled_if(True, [0, 0, 1])
    dynamic_k_if(True, 3)
    dynamic_k_if(True, 2)
    dynamic_k_block_guard()
