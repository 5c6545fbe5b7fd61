# fixture: target=sm_80,sm_90,sm_100
# Column vectors: a 1-D fragment the T.Parallel loops read at the column index beside a 2-D fragment (a weight row
# broadcast over the rows, `w[j]`), filled by a whole copy. Layout inference tries every copy and loop of the
# component as the root and keeps the plan with the fewest registers per thread (0.1.15 `InferInFreeMode`, register
# count), the earliest on a tie. Under a copy or loop of the 2-D tile the weight costs the distinct columns a
# thread's runs touch; under the weight's own copy each thread holds its runs of columns in every row. So a (128,)
# float16 weight beside a 16 x 128 tile over 128 threads is the root (1 element per thread) and both tile copies move
# 1 element; beside a 4 x 64 tile the tile's copy wins (2 elements per thread) and the weight follows its 2-element
# runs even though 64 elements do not split over 128 threads; with 256 threads the weight would be replicated, so the
# tile's 8-element runs win and the weight's copy moves 8 lanes. A row-norm's reduced row vector joins the count
# (every row per thread under the weight's root). Checked with tilelang 0.1.15.
import tilelang.language as T


def weight_is_the_root():
    @T.prim_func
    def main(x: T.Tensor((1024, 128), "float16"), w: T.Tensor((128,), "float16"), y: T.Tensor((1024, 128), "float16")):
        with T.Kernel(64, threads=128) as bx:
            x_local = T.alloc_fragment((16, 128), "float16")
            w_local = T.alloc_fragment((128,), "float16")
            T.copy(x[bx * 16, 0], x_local)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b
            T.copy(w, w_local)
          # ^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b
            for i, j in T.Parallel(16, 128):
                x_local[i, j] = x_local[i, j] * w_local[j]
            T.copy(x_local, y[bx * 16, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 16b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 16b

    return main


def tile_is_the_root():
    @T.prim_func
    def main(x: T.Tensor((1024, 64), "float16"), w: T.Tensor((64,), "float16"), y: T.Tensor((1024, 64), "float16")):
        with T.Kernel(256, threads=128) as bx:
            x_local = T.alloc_fragment((4, 64), "float16")
            w_local = T.alloc_fragment((64,), "float16")
            T.copy(x[bx * 4, 0], x_local)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            T.copy(w, w_local)
          # ^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b
            for i, j in T.Parallel(4, 64):
                x_local[i, j] = x_local[i, j] * w_local[j]
            T.copy(x_local, y[bx * 4, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 32b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 32b

    return main


def weight_replicated_over_256_threads():
    @T.prim_func
    def main(x: T.Tensor((1024, 128), "float16"), w: T.Tensor((128,), "float16"), y: T.Tensor((1024, 128), "float16")):
        with T.Kernel(64, threads=256) as bx:
            x_local = T.alloc_fragment((16, 128), "float16")
            w_local = T.alloc_fragment((128,), "float16")
            T.copy(x[bx * 16, 0], x_local)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(w, w_local)
          # ^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            for i, j in T.Parallel(16, 128):
                x_local[i, j] = x_local[i, j] * w_local[j]
            T.copy(x_local, y[bx * 16, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


def rms_norm():
    @T.prim_func
    def main(X: T.Tensor((4096, 128), "float16"), W: T.Tensor((128,), "float16"), O: T.Tensor((4096, 128), "float16")):
        with T.Kernel(256, threads=128) as pid:
            X_local = T.alloc_fragment((16, 128), "float16")
            W_local = T.alloc_fragment((128,), "float16")
            X_sq = T.alloc_fragment((16, 128), "float32")
            ss = T.alloc_fragment((16,), "float32")
            O_local = T.alloc_fragment((16, 128), "float16")
            T.copy(X[pid * 16, 0], X_local)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            T.copy(W[0], W_local)
          # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b
            for i, j in T.Parallel(16, 128):
                X_sq[i, j] = X_local[i, j].astype("float32") * X_local[i, j].astype("float32")
            T.reduce_sum(X_sq, ss, dim=1, clear=True)
            for i, j in T.Parallel(16, 128):
                O_local[i, j] = (X_local[i, j].astype("float32") * T.rsqrt(ss[i] / 128 + 1e-6) * W_local[j].astype("float32")).astype("float16")
            T.copy(O_local, O[pid * 16, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 64b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 64b

    return main


def scale_and_bias():
    @T.prim_func
    def main(x: T.Tensor((1024, 512), "float32"), w: T.Tensor((512,), "float32"), b: T.Tensor((512,), "float32"),
             y: T.Tensor((1024, 512), "float32")):
        with T.Kernel(128, threads=128) as bx:
            x_local = T.alloc_fragment((8, 512), "float32")
            w_local = T.alloc_fragment((512,), "float32")
            b_local = T.alloc_fragment((512,), "float32")
            y_local = T.alloc_fragment((8, 512), "float32")
            T.copy(w, w_local)
          # ^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(b, b_local)
          # ^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            T.copy(x[bx * 8, 0], x_local)
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b
            for i, j in T.Parallel(8, 512):
                y_local[i, j] = x_local[i, j] * w_local[j] + b_local[j]
            T.copy(y_local, y[bx * 8, 0])
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_100: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_80: simt 128b
          # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ lowering sm_90: simt 128b

    return main


if __name__ == "__main__":
    weight_is_the_root()
    tile_is_the_root()
    weight_replicated_over_256_threads()
    rms_norm()
    scale_and_bias()
