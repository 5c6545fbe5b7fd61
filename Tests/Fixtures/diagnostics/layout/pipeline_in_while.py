# fixture: target=sm_80,sm_90,sm_100
# TL422: a T.Pipelined loop that warp specialisation takes over (sm_90 and later, TMA loads, num_stages >= 1) inside a
# run-time `while` loop (a Stream-K tile loop): 0.1.15's warp specialisation does not look inside `while` loops and
# fails ("ProducerConsumerWS: failed to replace pipeline loop"); sm_80 builds. A `T.serial` loop between the two does
# not help. Controls that build everywhere: num_stages=0, a pipeline that loads into fragments only (no TMA), and a
# pipelined loop after the `while`.
import tilelang.language as T


def while_serial(stages):
    @T.prim_func
    def main(A: T.Tensor((256, 256), T.float16), C: T.Tensor((256, 256), T.float16)):
        with T.Kernel(4, threads=128) as pid:
            A_s = T.alloc_shared((64, 64), T.float16)
            it = T.alloc_var(T.int32)
            it = pid
            while it < 4:
                for p in T.serial(1):
                    for k in T.Pipelined(4, num_stages=stages):
                    #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL422: this T.Pipelined loop is warp-specialised on sm_100 (it loads with TMA), and it sits inside the while loop on line 17: warp specialisation does not look inside while loops, so the compiler fails ("ProducerConsumerWS: failed to replace pipeline loop"); use a for loop (T.serial) for the outer loop, or pass tl.disable_warp_specialized (with stages=2 from line 87)
                    #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL422: this T.Pipelined loop is warp-specialised on sm_90 (it loads with TMA), and it sits inside the while loop on line 17: warp specialisation does not look inside while loops, so the compiler fails ("ProducerConsumerWS: failed to replace pipeline loop"); use a for loop (T.serial) for the outer loop, or pass tl.disable_warp_specialized (with stages=2 from line 87)
                        T.copy(A[it * 64, k * 64], A_s)
                        T.copy(A_s, C[it * 64, k * 64])
                it = it + 4

    return main


def while_fragment_only(stages):
    @T.prim_func
    def main(A: T.Tensor((256, 256), T.float16), C: T.Tensor((256, 256), T.float16)):
        with T.Kernel(4, threads=128) as pid:
            A_f = T.alloc_fragment((64, 64), T.float16)
            it = T.alloc_var(T.int32)
            it = pid
            while it < 4:
                for k in T.Pipelined(4, num_stages=stages):
                    T.copy(A[it * 64, k * 64], A_f)
                    T.copy(A_f, C[it * 64, k * 64])
                it = it + 4

    return main


def after_while(stages):
    @T.prim_func
    def main(A: T.Tensor((256, 256), T.float16), C: T.Tensor((256, 256), T.float16)):
        with T.Kernel(4, threads=128) as pid:
            A_s = T.alloc_shared((64, 64), T.float16)
            it = T.alloc_var(T.int32)
            it = pid
            while it < 4:
                it = it + 4
            for k in T.Pipelined(4, num_stages=stages):
                T.copy(A[pid * 64, k * 64], A_s)
                T.copy(A_s, C[pid * 64, k * 64])

    return main


def streamk_gemm(stages):
    @T.prim_func
    def main(A: T.Tensor((512, 512), T.float16), B: T.Tensor((512, 512), T.float16), C: T.Tensor((512, 512), T.float16)):
        with T.Kernel(8, threads=128) as pid:
            A_s = T.alloc_shared((128, 64), T.float16)
            B_s = T.alloc_shared((64, 128), T.float16)
            acc = T.alloc_fragment((128, 128), T.float32)
            tile = T.alloc_var(T.int32)
            tile = pid
            while tile < 16:
                bm = tile // 4
                bn = tile % 4
                T.clear(acc)
                for k in T.Pipelined(8, num_stages=stages):
                #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL422: this T.Pipelined loop is warp-specialised on sm_100 (it loads with TMA), and it sits inside the while loop on line 70: warp specialisation does not look inside while loops, so the compiler fails ("ProducerConsumerWS: failed to replace pipeline loop"); use a for loop (T.serial) for the outer loop, or pass tl.disable_warp_specialized (with stages=3 from line 90)
                #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL422: this T.Pipelined loop is warp-specialised on sm_90 (it loads with TMA), and it sits inside the while loop on line 70: warp specialisation does not look inside while loops, so the compiler fails ("ProducerConsumerWS: failed to replace pipeline loop"); use a for loop (T.serial) for the outer loop, or pass tl.disable_warp_specialized (with stages=3 from line 90)
                    T.copy(A[bm * 128, k * 64], A_s)
                    T.copy(B[k * 64, bn * 128], B_s)
                    T.gemm(A_s, B_s, acc)
                T.copy(acc, C[bm * 128, bn * 128])
                tile = tile + 8

    return main


if __name__ == "__main__":
    while_serial(2)
    while_fragment_only(2)
    after_while(2)
    streamk_gemm(3)
