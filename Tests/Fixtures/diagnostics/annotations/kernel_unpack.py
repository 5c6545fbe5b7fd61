# fixture: target=sm_80,sm_90,sm_100
# TL227: `with T.Kernel(...) as (bx, by)` unpacks one block index per grid dimension with Python's tuple assignment,
# so a tuple of another length fails on every target ("ValueError: not enough values to unpack (expected 2, got 1)",
# "too many values to unpack (expected 2)"). One name takes whatever the grid gives, and `(bx,)` fits one dimension.
import tilelang.language as T


def one_dim_two_names():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(4, threads=128) as (bx, by):
        #                                ^^^^^^^^ error TL227: (bx, by) names 2 block indices, but the grid of T.Kernel(4, threads=128) has 1 dimension: building the kernel fails on every target (ValueError: not enough values to unpack (expected 2, got 1)); name one index per grid dimension
            A[bx, 0] = T.float16(0)

    return main


def three_dims_two_names():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(4, 4, 4, threads=128) as [bx, by]:
        #                                      ^^^^^^^^ error TL227: [bx, by] names 2 block indices, but the grid of T.Kernel(4, 4, 4, threads=128) has 3 dimensions: building the kernel fails on every target (ValueError: too many values to unpack (expected 2)); name one index per grid dimension
            A[bx, by] = T.float16(0)

    return main


def two_dims_one_name():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(4, 4, threads=128) as b:
            A[b[0], b[1]] = T.float16(0)

    return main


def one_dim_one_tuple():
    @T.prim_func
    def main(A: T.Tensor((128, 128), "float16")):
        with T.Kernel(4, threads=128) as (bx,):
            A[bx, 0] = T.float16(0)

    return main


if __name__ == "__main__":
    one_dim_two_names()
    three_dims_two_names()
    two_dims_one_name()
    one_dim_one_tuple()
