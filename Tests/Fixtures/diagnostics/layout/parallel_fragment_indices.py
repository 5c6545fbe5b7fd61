# fixture: target=sm_80,sm_90
# TL418: one T.Parallel loop accesses each fragment at one index tuple. Fails: a rotate-half read x[i, j] and
# x[i, j + D // 2], x[i, 0] beside x[i, k] of a serial loop inside, x[0, 0] beside x[i, j]. Near misses: a serial
# loop reading x[i, k] alone, a transposed read x[j, i] alone, x[i, j + 0] (the same tuple), the rotate-half through a
# shared tile.
import tilelang
import tilelang.language as T


def rope_half(M, D):
    @T.prim_func
    def main(X: T.Tensor((M, D), "float32"), Y: T.Tensor((M, D // 2), "float32")):
        with T.Kernel(1, threads=128) as bx:
            x_f = T.alloc_fragment((M, D), "float32")
            y_f = T.alloc_fragment((M, D // 2), "float32")
            T.copy(X, x_f)
            for i, j in T.Parallel(M, D // 2):
                y_f[i, j] = x_f[i, j] - x_f[i, j + D // 2]
                #                       ^^^^^^^^^^^^^^^^^^ error TL418: x_f is read here as x_f[i, j + D // 2] and read as x_f[i, j] on line 18, in the same T.Parallel loop: the compiler lays the loop out from one index tuple per fragment and fails ("Check failed: (StructuralEqual()(it->second.indices, indices))" naming x_f); read the other elements through a shared buffer, or copy them into a fragment of their own first
            T.copy(y_f, Y)

    return main


def serial_inside(M, K):
    @T.prim_func
    def main(X: T.Tensor((M, K), "float32"), Y: T.Tensor((M,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            x_f = T.alloc_fragment((M, K), "float32")
            y_f = T.alloc_fragment((M,), "float32")
            T.copy(X, x_f)
            for i in T.Parallel(M):
                y_f[i] = 0
                for k in range(K):
                    y_f[i] += x_f[i, k]
            T.copy(y_f, Y)

    return main


def serial_inside_const(M, K):
    @T.prim_func
    def main(X: T.Tensor((M, K), "float32"), Y: T.Tensor((M,), "float32")):
        with T.Kernel(1, threads=128) as bx:
            x_f = T.alloc_fragment((M, K), "float32")
            y_f = T.alloc_fragment((M,), "float32")
            T.copy(X, x_f)
            for i in T.Parallel(M):
                y_f[i] = x_f[i, 0]
                for k in T.serial(1, K):
                    y_f[i] += x_f[i, k]
                    #         ^^^^^^^^^ error TL418: x_f is read here as x_f[i, k] and read as x_f[i, 0] on line 49, in the same T.Parallel loop: the compiler lays the loop out from one index tuple per fragment and fails ("Check failed: (StructuralEqual()(it->second.indices, indices))" naming x_f); read the other elements through a shared buffer, or copy them into a fragment of their own first
            T.copy(y_f, Y)

    return main


def scalar_read(M, N):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), Y: T.Tensor((M, N), "float32")):
        with T.Kernel(1, threads=128) as bx:
            x_f = T.alloc_fragment((M, N), "float32")
            T.copy(X, x_f)
            for i, j in T.Parallel(M, N):
                x_f[i, j] = x_f[i, j] * x_f[0, 0]
                #                       ^^^^^^^^^ error TL418: x_f is read here as x_f[0, 0] and read as x_f[i, j] on line 65, in the same T.Parallel loop: the compiler lays the loop out from one index tuple per fragment and fails ("Check failed: (StructuralEqual()(it->second.indices, indices))" naming x_f); read the other elements through a shared buffer, or copy them into a fragment of their own first
            T.copy(x_f, Y)

    return main


def transpose_read(M):
    @T.prim_func
    def main(X: T.Tensor((M, M), "float32"), Y: T.Tensor((M, M), "float32")):
        with T.Kernel(1, threads=128) as bx:
            x_f = T.alloc_fragment((M, M), "float32")
            y_f = T.alloc_fragment((M, M), "float32")
            T.copy(X, x_f)
            for i, j in T.Parallel(M, M):
                y_f[i, j] = x_f[j, i]
            T.copy(y_f, Y)

    return main


def rope_half_shared(M, D):
    @T.prim_func
    def main(X: T.Tensor((M, D), "float32"), Y: T.Tensor((M, D // 2), "float32")):
        with T.Kernel(1, threads=128) as bx:
            x_s = T.alloc_shared((M, D), "float32")
            y_f = T.alloc_fragment((M, D // 2), "float32")
            T.copy(X, x_s)
            for i, j in T.Parallel(M, D // 2):
                y_f[i, j] = x_s[i, j] - x_s[i, j + D // 2]
            T.copy(y_f, Y)

    return main


def same_index_alias(M, N):
    @T.prim_func
    def main(X: T.Tensor((M, N), "float32"), Y: T.Tensor((M, N), "float32")):
        with T.Kernel(1, threads=128) as bx:
            x_f = T.alloc_fragment((M, N), "float32")
            T.copy(X, x_f)
            for i, j in T.Parallel(M, N):
                x_f[i, j] = x_f[i, j + 0] * 2
            T.copy(x_f, Y)

    return main


if __name__ == "__main__":
    rope_half(64, 64)
    serial_inside(64, 8)
    serial_inside_const(64, 8)
    scalar_read(64, 64)
    transpose_read(32)
    same_index_alias(64, 64)
    rope_half_shared(64, 64)
