# fixture: target=sm_80,sm_90,sm_100
# TL113: every allocation of a kernel body is hoisted above its loops, so a shape that uses a loop's variable reads it
# before the loop defines it (shared and local: "used before definition"; fragment: its layout cannot be inferred).
# A shape from a block index, or a constant allocation inside the loop, is fine.
import tilelang.language as T


def shared_in_serial_loop():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            for i in T.serial(4):
                S = T.alloc_shared((16 * (i + 1), 64), "float16")
                #                  ^^^^^^^^^^^^^^^^^^ error TL113: S is allocated inside a loop with a dimension of 16 * i + 16, which uses the loop's variable: the compiler hoists allocations above the loop and fails ("variable has been used before definition"); allocate the largest tile once before the loop and copy into a slice of it
                T.clear(S)

    return main


def fragment_in_serial_loop():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            for i in T.serial(4):
                F = T.alloc_fragment((16 * (i + 1), 64), "float16")
              # ^ error TL409: fragment F is only filled or cleared and never used otherwise: nothing gives it a layout, and layout inference fails ("The layout for fragment F can not be inferred correctly"); remove it, or use it
                #                    ^^^^^^^^^^^^^^^^^^ error TL113: F is allocated inside a loop with a dimension of 16 * i + 16, which uses the loop's variable: the compiler hoists allocations above the loop and fails ("variable has been used before definition"); allocate the largest tile once before the loop and copy into a slice of it
                T.clear(F)

    return main


def local_in_pipelined_loop():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            for i in T.Pipelined(4, num_stages=1):
                L = T.alloc_local((i + 1,), "float16")
                #                 ^^^^^^^^ error TL113: L is allocated inside a loop with a dimension of i + 1, which uses the loop's variable: the compiler hoists allocations above the loop and fails ("variable has been used before definition"); allocate the largest tile once before the loop and copy into a slice of it
                T.clear(L)

    return main


def shape_from_block_index():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            S = T.alloc_shared((16 * (bx + 1), 64), "float16")
            T.clear(S)

    return main


def constant_shape_in_loop():
    @T.prim_func
    def main(A: T.Tensor((1024, 64), "float16")):
        with T.Kernel(4, threads=128) as bx:
            for i in T.serial(4):
                S = T.alloc_shared((16, 64), "float16")
                T.copy(A[i * 16, 0], S)

    return main


if __name__ == "__main__":
    shared_in_serial_loop()
    fragment_in_serial_loop()
    local_in_pipelined_loop()
    shape_from_block_index()
    constant_shape_in_loop()
