# fixture: target=sm_80,sm_90,sm_100
# TL418's index rules beyond one index tuple per fragment (0.1.15 ParallelOpNode::InferLayout). A fragment no gemm or
# annotation lays out may not be accessed at a non-zero constant index in a T.Parallel loop ("Fragment buffer access
# with non-zero index"), read or written, 1-D or 2-D. A fragment of two or more dims whose last index does not depend
# on the loop's variables or those of a serial loop nested in it (an enclosing serial loop's variable, a constant 0)
# cannot be mapped onto the loop ("CanProveEqual(abs(source->scale), 1)") when loops lay it out; a fragment a copy or
# gemm lays out first depends on that layout and the target, and is not judged, but for a gemm's accumulator, whose
# layout maps no loop onto one column on any target (`Cf[i, 0]`, `Cf[i, t]`). Near misses: the whole fragment in a
# 2-D loop, a row written at [0, j], a (bM, 1) fragment at [i, 0], an inner serial loop's variable, an enclosing
# loop's variable in a middle or first dim (checked with tilelang 0.1.15; sweep E's top-k kernel).
import tilelang.language as T


def serial_col_write(M, N, k, bM):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), V: T.Tensor((M, k), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            mx = T.alloc_fragment((bM,), "float32")
            vo = T.alloc_fragment((bM, k), "float32")
            T.copy(X[bx * bM, 0], x)
            for t in T.serial(k):
                T.reduce_max(x, mx, dim=1)
                for i in T.Parallel(bM):
                    vo[i, t] = mx[i]
                  # ^^^^^^^^ error TL418: vo (4, 8) is written here as vo[i, t], whose last index t does not depend on the T.Parallel loop's variables (i): layout inference cannot map the loop onto vo and fails ("Check failed: (analyzer_->CanProveEqual(abs(source->scale), 1))"); loop over vo's last dim in the T.Parallel loop, or keep the column in a fragment of its own (with M=4096, N=256, k=8, bM=4 from line 245)
            T.copy(vo, V[bx * bM, 0])

    return main


def serial_col_write_noreduce(M, N, k, bM):
    @T.prim_func
    def main(X: T.Tensor((M, k), "float32"), V: T.Tensor((M, k), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            vo = T.alloc_fragment((bM, k), "float32")
            for t in T.serial(k):
                for i in T.Parallel(bM):
                    vo[i, t] = X[bx * bM + i, t]
                  # ^^^^^^^^ error TL418: vo (4, 8) is written here as vo[i, t], whose last index t does not depend on the T.Parallel loop's variables (i): layout inference cannot map the loop onto vo and fails ("Check failed: (analyzer_->CanProveEqual(abs(source->scale), 1))"); loop over vo's last dim in the T.Parallel loop, or keep the column in a fragment of its own (with M=4096, N=256, k=8, bM=4 from line 246)
            T.copy(vo, V[bx * bM, 0])

    return main


def const_col_write(M, N, k, bM):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), V: T.Tensor((M, k), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            mx = T.alloc_fragment((bM,), "float32")
            vo = T.alloc_fragment((bM, k), "float32")
            T.copy(X[bx * bM, 0], x)
            T.reduce_max(x, mx, dim=1)
            for i in T.Parallel(bM):
                vo[i, 0] = mx[i]
              # ^^^^^^^^ error TL418: vo (4, 8) is written here as vo[i, 0], whose last index 0 does not depend on the T.Parallel loop's variables (i): layout inference cannot map the loop onto vo and fails ("Check failed: (analyzer_->CanProveEqual(abs(source->scale), 1))"); loop over vo's last dim in the T.Parallel loop, or keep the column in a fragment of its own (with M=4096, N=256, k=8, bM=4 from line 247)
            T.copy(vo, V[bx * bM, 0])

    return main


def full_write(M, N, k, bM):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), V: T.Tensor((M, k), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            x = T.alloc_fragment((bM, N), "float32")
            mx = T.alloc_fragment((bM,), "float32")
            vo = T.alloc_fragment((bM, k), "float32")
            T.copy(X[bx * bM, 0], x)
            T.reduce_max(x, mx, dim=1)
            for i, t in T.Parallel(bM, k):
                vo[i, t] = mx[i]
            T.copy(vo, V[bx * bM, 0])

    return main


def loop_full_first(M, k, bM):
    @T.prim_func
    def main(X: T.Tensor((M, k), "float32"), V: T.Tensor((M, k), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            vo = T.alloc_fragment((bM, k), "float32")
            for i, t in T.Parallel(bM, k):
                vo[i, t] = 0
            for i in T.Parallel(bM):
                vo[i, 0] = X[bx * bM + i, 0]
              # ^^^^^^^^ error TL418: vo (128, 8) is written here as vo[i, 0], whose last index 0 does not depend on the T.Parallel loop's variables (i): layout inference cannot map the loop onto vo and fails ("Check failed: (analyzer_->CanProveEqual(abs(source->scale), 1))"); loop over vo's last dim in the T.Parallel loop, or keep the column in a fragment of its own (with M=4096, k=8, bM=128 from line 249)
            T.copy(vo, V[bx * bM, 0])

    return main


def read_col(M, k, bM):
    @T.prim_func
    def main(X: T.Tensor((M, k), "float32"), V: T.Tensor((M,), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            vo = T.alloc_fragment((bM, k), "float32")
            y = T.alloc_fragment((bM,), "float32")
            T.copy(X[bx * bM, 0], vo)
            for i in T.Parallel(bM):
                y[i] = vo[i, 1]
                #      ^^^^^^^^ error TL418: vo is read at the constant index 1 in a T.Parallel loop: layout inference accepts only index 0 for a fragment nothing has laid out yet, and fails ("Fragment buffer access with non-zero index [1] is not supported"); index it by the loop's variables, or read the element into a `local` buffer (or a shared one) first
            T.copy(y, V[bx * bM])

    return main


def read_col_first(M, k, bM):
    @T.prim_func
    def main(X: T.Tensor((M, k), "float32"), V: T.Tensor((M,), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            vo = T.alloc_fragment((bM, k), "float32")
            y = T.alloc_fragment((bM,), "float32")
            for i in T.Parallel(bM):
                y[i] = vo[i, 1]
                #      ^^^^^^^^ error TL418: vo is read at the constant index 1 in a T.Parallel loop: layout inference accepts only index 0 for a fragment nothing has laid out yet, and fails ("Fragment buffer access with non-zero index [1] is not supported"); index it by the loop's variables, or read the element into a `local` buffer (or a shared one) first
            T.copy(X[bx * bM, 0], vo)
            T.copy(y, V[bx * bM])

    return main


def row_write(M, k, bM):
    @T.prim_func
    def main(X: T.Tensor((M, k), "float32"), V: T.Tensor((M, k), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            vo = T.alloc_fragment((bM, k), "float32")
            for j in T.Parallel(k):
                vo[0, j] = X[bx * bM, j]
            T.copy(vo, V[bx * bM, 0])

    return main


def write_const1(M, k, bM):
    @T.prim_func
    def main(X: T.Tensor((M, k), "float32"), V: T.Tensor((M, k), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            vo = T.alloc_fragment((bM, k), "float32")
            T.copy(X[bx * bM, 0], vo)
            for i in T.Parallel(bM):
                vo[i, 1] = 0
              # ^^^^^^^^ error TL418: vo is written at the constant index 1 in a T.Parallel loop: layout inference accepts only index 0 for a fragment nothing has laid out yet, and fails ("Fragment buffer access with non-zero index [1] is not supported"); index it by the loop's variables, or read the element into a `local` buffer (or a shared one) first
            T.copy(vo, V[bx * bM, 0])

    return main


def read_1d_const(M, bM):
    @T.prim_func
    def main(X: T.Tensor((M,), "float32"), V: T.Tensor((M,), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            a = T.alloc_fragment((4,), "float32")
            y = T.alloc_fragment((bM,), "float32")
            T.fill(a, 1)
            for i in T.Parallel(bM):
                y[i] = X[bx * bM + i] * a[2]
                #                       ^^^^ error TL418: a is read at the constant index 2 in a T.Parallel loop: layout inference accepts only index 0 for a fragment nothing has laid out yet, and fails ("Fragment buffer access with non-zero index [2] is not supported"); index it by the loop's variables, or read the element into a `local` buffer (or a shared one) first
            T.copy(y, V[bx * bM])

    return main


def col1_frag(M, bM):
    @T.prim_func
    def main(X: T.Tensor((M, 1), "float32"), V: T.Tensor((M, 1), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            vo = T.alloc_fragment((bM, 1), "float32")
            T.copy(X[bx * bM, 0], vo)
            for i in T.Parallel(bM):
                vo[i, 0] = vo[i, 0] * 2
            T.copy(vo, V[bx * bM, 0])

    return main


def write_row_var(M, k, bM):
    @T.prim_func
    def main(X: T.Tensor((M, k), "float32"), V: T.Tensor((M, k), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            vo = T.alloc_fragment((bM, k), "float32")
            for t in T.serial(bM):
                for j in T.Parallel(k):
                    vo[t, j] = X[bx * bM + t, j]
            T.copy(vo, V[bx * bM, 0])

    return main


def inner_serial(M, k, bM):
    @T.prim_func
    def main(X: T.Tensor((M, k), "float32"), V: T.Tensor((M,), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            vo = T.alloc_fragment((bM, k), "float32")
            y = T.alloc_fragment((bM,), "float32")
            T.copy(X[bx * bM, 0], vo)
            for i in T.Parallel(bM):
                y[i] = 0
                for t in T.serial(k):
                    y[i] += vo[i, t]
            T.copy(y, V[bx * bM])

    return main


def three_d(M, k, bM):
    @T.prim_func
    def main(X: T.Tensor((M, 4, k), "float32"), V: T.Tensor((M, 4, k), "float32")):
        with T.Kernel(T.ceildiv(M, bM), threads=128) as bx:
            vo = T.alloc_fragment((bM, 4, k), "float32")
            T.copy(X[bx * bM, 0, 0], vo)
            for t in T.serial(4):
                for i, j in T.Parallel(bM, k):
                    vo[i, t, j] = vo[i, t, j] * 2
            T.copy(vo, V[bx * bM, 0, 0])

    return main


def accumulator_column(serial):
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16"), B: T.Tensor((1024, 64), "float16"), C: T.Tensor((1024, 1024), "float32")):
        with T.Kernel(16, 16, threads=128) as (bx, by):
            As = T.alloc_shared((64, 64), "float16")
            Bs = T.alloc_shared((64, 64), "float16")
            Cf = T.alloc_fragment((64, 64), "float32")
            T.copy(A[by * 64, 0], As)
            T.copy(B[bx * 64, 0], Bs)
            T.gemm(As, Bs, Cf, transpose_B=True, clear_accum=True)
            if serial:
                for t in T.serial(4):
                    for i in T.Parallel(64):
                        Cf[i, t] = Cf[i, t] * 2.0
                        #          ^^^^^^^^ error TL418: Cf (64, 64) is read here as Cf[i, t], whose last index t does not depend on the T.Parallel loop's variables (i): layout inference cannot map the loop onto Cf and fails ("Check failed: (analyzer_->CanProveEqual(abs(source->scale), 1))"); loop over Cf's last dim in the T.Parallel loop, or keep the column in a fragment of its own (with serial=True from line 259)
            else:
                for i, j in T.Parallel(64, 64):
                    Cf[i, j] = Cf[i, j] * 2.0
            T.copy(Cf, C[by * 64, bx * 64])

    return main


if __name__ == "__main__":
    serial_col_write(4096, 256, 8, 4)
    serial_col_write_noreduce(4096, 256, 8, 4)
    const_col_write(4096, 256, 8, 4)
    full_write(4096, 256, 8, 4)
    loop_full_first(4096, 8, 128)
    read_col(4096, 8, 128)
    read_col_first(4096, 8, 128)
    row_write(4096, 64, 128)
    write_const1(4096, 8, 128)
    read_1d_const(4096, 128)
    col1_frag(4096, 128)
    write_row_var(4096, 64, 16)
    inner_serial(4096, 8, 128)
    three_d(4096, 32, 16)
    accumulator_column(True)
    accumulator_column(False)
