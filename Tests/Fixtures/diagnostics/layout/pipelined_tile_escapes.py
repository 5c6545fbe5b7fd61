# fixture: target=sm_80,sm_90
# TL412: a T.Pipelined(num_stages >= 2) loop keeps one copy of each shared tile it fills and reads per stage; a use
# of that tile outside the loop (before or after it) fails to compile. Two loops may share a tile only on sm_80's
# software pipeliner and only with the same number of stages. Near misses: num_stages=1, a tile the loop fills but
# does not read, and loops in the two branches of a Python-level `if`.
import os

import tilelang.language as T


def read_after_the_loop(stages):
    @T.prim_func
    def main(Q: T.Tensor((1024, 64), "float16"), K: T.Tensor((1024, 64), "float16"), O: T.Tensor((1024, 64), "float32")):
        with T.Kernel(16, threads=128) as bx:
            K_s = T.alloc_shared((64, 64), "float16")
            Q_s = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            T.copy(Q[bx * 64, 0], Q_s)
            T.clear(acc)
            for k in T.Pipelined(16, num_stages=stages):
                T.copy(K[k * 64, 0], K_s)
                T.gemm(Q_s, K_s, acc, transpose_B=True)
            T.gemm(Q_s, K_s, acc, transpose_B=True)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL412: K_s is multi-buffered by the T.Pipelined loop on line 20 (num_stages=2: one copy per stage, which only that loop's stages can tell apart), and this use is outside that loop: the compiler fails on sm_80 (a layout shape check); copy the tile into another shared buffer inside the loop, or use a separate buffer here (with stages=2 from line 119)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error TL412: K_s is multi-buffered by the T.Pipelined loop on line 20 (num_stages=2: one copy per stage, which only that loop's stages can tell apart), and this use is outside that loop: the compiler fails on sm_90 ("Versioned buffer load escaped pipeline stage context" or a layout shape check); copy the tile into another shared buffer inside the loop, or use a separate buffer here (with stages=2 from line 119)
            T.copy(acc, O[bx * 64, 0])

    return main


def filled_before_the_loop(stages):
    @T.prim_func
    def main(Q: T.Tensor((1024, 64), "float16"), K: T.Tensor((1024, 64), "float16"), O: T.Tensor((1024, 64), "float32")):
        with T.Kernel(16, threads=128) as bx:
            K_s = T.alloc_shared((64, 64), "float16")
            Q_s = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            T.copy(Q[bx * 64, 0], Q_s)
            T.clear(acc)
            T.copy(K[0, 0], K_s)
          # ^^^^^^^^^^^^^^^^^^^^ error TL412: K_s is multi-buffered by the T.Pipelined loop on line 43 (num_stages=2: one copy per stage, which only that loop's stages can tell apart), and this use is outside that loop: the compiler fails on sm_80 (a layout shape check); copy the tile into another shared buffer inside the loop, or use a separate buffer here (with stages=2 from line 121)
          # ^^^^^^^^^^^^^^^^^^^^ error TL412: K_s is multi-buffered by the T.Pipelined loop on line 43 (num_stages=2: one copy per stage, which only that loop's stages can tell apart), and this use is outside that loop: the compiler fails on sm_90 ("Versioned buffer load escaped pipeline stage context" or a layout shape check); copy the tile into another shared buffer inside the loop, or use a separate buffer here (with stages=2 from line 121)
            for k in T.Pipelined(16, num_stages=stages):
                T.copy(K[k * 64, 0], K_s)
                T.gemm(Q_s, K_s, acc, transpose_B=True)
            T.copy(acc, O[bx * 64, 0])

    return main


def two_loops(first, second):
    @T.prim_func
    def main(Q: T.Tensor((1024, 64), "float16"), K: T.Tensor((1024, 64), "float16"), O: T.Tensor((1024, 64), "float32")):
        with T.Kernel(16, threads=128) as bx:
            K_s = T.alloc_shared((64, 64), "float16")
            Q_s = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            T.copy(Q[bx * 64, 0], Q_s)
            T.clear(acc)
            for k in T.Pipelined(16, num_stages=first):
                T.copy(K[k * 64, 0], K_s)
                T.gemm(Q_s, K_s, acc, transpose_B=True)
            for k in T.Pipelined(16, num_stages=second):
                T.copy(K[k * 64, 0], K_s)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ error TL412: K_s is multi-buffered by the T.Pipelined loop on line 60 (num_stages=2: one copy per stage, which only that loop's stages can tell apart), and the T.Pipelined loop on line 63 multi-buffers it too (num_stages=2, warp-specialised): the compiler fails on sm_90 ("Versioned buffer load escaped pipeline stage context" or a layout shape check); copy the tile into another shared buffer inside the loop, or use a separate buffer here (with first=2, second=2 from line 122)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ error TL412: K_s is multi-buffered by the T.Pipelined loop on line 60 (num_stages=2: one copy per stage, which only that loop's stages can tell apart), and the T.Pipelined loop on line 63 multi-buffers it too (num_stages=3): the compiler fails on sm_80 (a layout shape check); copy the tile into another shared buffer inside the loop, or use a separate buffer here (with first=2, second=3 from line 123)
              # ^^^^^^^^^^^^^^^^^^^^^^^^^ error TL412: K_s is multi-buffered by the T.Pipelined loop on line 60 (num_stages=2: one copy per stage, which only that loop's stages can tell apart), and the T.Pipelined loop on line 63 multi-buffers it too (num_stages=3, warp-specialised): the compiler fails on sm_90 ("Versioned buffer load escaped pipeline stage context" or a layout shape check); copy the tile into another shared buffer inside the loop, or use a separate buffer here (with first=2, second=3 from line 123)
                T.gemm(Q_s, K_s, acc, transpose_B=True)
            T.copy(acc, O[bx * 64, 0])

    return main


def filled_but_not_read(stages):
    @T.prim_func
    def main(Q: T.Tensor((1024, 64), "float16"), K: T.Tensor((1024, 64), "float16"), O: T.Tensor((1024, 64), "float32")):
        with T.Kernel(16, threads=128) as bx:
            K_s = T.alloc_shared((64, 64), "float16")
            Q_s = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            T.copy(Q[bx * 64, 0], Q_s)
            T.clear(acc)
            for k in T.Pipelined(16, num_stages=stages):
                T.copy(K[k * 64, 0], K_s)
                T.gemm(Q_s, Q_s, acc, transpose_B=True)
            T.gemm(Q_s, K_s, acc, transpose_B=True)
            T.copy(acc, O[bx * 64, 0])

    return main


def either_loop(flag):
    @T.prim_func
    def main(Q: T.Tensor((1024, 64), "float16"), K: T.Tensor((1024, 64), "float16"), O: T.Tensor((1024, 64), "float32")):
        with T.Kernel(16, threads=128) as bx:
            K_s = T.alloc_shared((64, 64), "float16")
            Q_s = T.alloc_shared((64, 64), "float16")
            acc = T.alloc_fragment((64, 64), "float32")
            T.copy(Q[bx * 64, 0], Q_s)
            T.clear(acc)
            if flag:
                for k in T.Pipelined(16, num_stages=2):
                    T.copy(K[k * 64, 0], K_s)
                    T.gemm(Q_s, K_s, acc, transpose_B=True)
            else:
                for k in T.Pipelined(16, num_stages=3):
                    T.copy(K[k * 64, 0], K_s)
                    T.gemm(Q_s, K_s, acc, transpose_B=True)
            T.copy(acc, O[bx * 64, 0])

    return main


def run(flag):
    either_loop(flag)


if __name__ == "__main__":
    read_after_the_loop(2)
    read_after_the_loop(1)
    filled_before_the_loop(2)
    two_loops(2, 2)
    two_loops(2, 3)
    filled_but_not_read(2)
    run(os.environ.get("TL_LSP_FIXTURE_FLAG") is None)  # a flag tl-lsp cannot know: it checks both branches
