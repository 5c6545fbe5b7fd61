# fixture: target=sm_80
# TL224: the DSL front end rewrites each `if` of a kernel body into two nested Python loops (an `elif` adds two more),
# a loop with `break`/`continue` into three blocks, and CPython compiles at most 20 nested blocks per function. A
# 10-branch if/elif chain under `T.Kernel` opens block 21 and fails to elaborate on every target ("too many statically
# nested blocks"); 9 branches build. A `while` with `break` (2 blocks) around 9 nested ifs fails, around 8 builds.
import tilelang.language as T


def chain9(case):
    @T.prim_func
    def main(x: T.Tensor((64,), "int32"), y: T.Tensor((64,), "int32")):
        with T.Kernel(1, threads=32):
            tx = T.get_thread_binding()
            if case == "c0":
                y[tx] = x[tx] + 0
            elif case == "c1":
                y[tx] = x[tx] + 1
            elif case == "c2":
                y[tx] = x[tx] + 2
            elif case == "c3":
                y[tx] = x[tx] + 3
            elif case == "c4":
                y[tx] = x[tx] + 4
            elif case == "c5":
                y[tx] = x[tx] + 5
            elif case == "c6":
                y[tx] = x[tx] + 6
            elif case == "c7":
                y[tx] = x[tx] + 7
            elif case == "c8":
                y[tx] = x[tx] + 8

    return main

def chain10(case):
    @T.prim_func
    def main(x: T.Tensor((64,), "int32"), y: T.Tensor((64,), "int32")):
        with T.Kernel(1, threads=32):
            tx = T.get_thread_binding()
            if case == "c0":
                y[tx] = x[tx] + 0
            elif case == "c1":
                y[tx] = x[tx] + 1
            elif case == "c2":
                y[tx] = x[tx] + 2
            elif case == "c3":
                y[tx] = x[tx] + 3
            elif case == "c4":
                y[tx] = x[tx] + 4
            elif case == "c5":
                y[tx] = x[tx] + 5
            elif case == "c6":
                y[tx] = x[tx] + 6
            elif case == "c7":
                y[tx] = x[tx] + 7
            elif case == "c8":
                y[tx] = x[tx] + 8
            elif case == "c9":
          # ^^^^ error TL224: this elif opens block 21 of main as the DSL front end rewrites it (each if becomes two nested Python loops, so an elif adds two more; each for or while one loop, three with break or continue; each with one block), and CPython allows 20 nested blocks per function: elaboration fails on every target ("too many statically nested blocks"); split the if/elif chain, or move the inner part into a T.macro
                y[tx] = x[tx] + 9

    return main

def while_ifs8():
    @T.prim_func
    def main(x: T.Tensor((64,), "int32"), y: T.Tensor((64,), "int32")):
        with T.Kernel(1, threads=32):
            tx = T.get_thread_binding()
            i = T.alloc_var(T.int32)
            i = 0
            while i < 4:
                if tx > 0:
                    if tx > 1:
                        if tx > 2:
                            if tx > 3:
                                if tx > 4:
                                    if tx > 5:
                                        if tx > 6:
                                            if tx > 7:
                                                y[tx] = x[tx]
                if i > 2:
                    break
                i = i + 1

    return main

def while_ifs9():
    @T.prim_func
    def main(x: T.Tensor((64,), "int32"), y: T.Tensor((64,), "int32")):
        with T.Kernel(1, threads=32):
            tx = T.get_thread_binding()
            i = T.alloc_var(T.int32)
            i = 0
            while i < 4:
                if tx > 0:
                    if tx > 1:
                        if tx > 2:
                            if tx > 3:
                                if tx > 4:
                                    if tx > 5:
                                        if tx > 6:
                                            if tx > 7:
                                                if tx > 8:
                                              # ^^ error TL224: this if opens block 21 of main as the DSL front end rewrites it (each if becomes two nested Python loops, so an elif adds two more; each for or while one loop, three with break or continue; each with one block), and CPython allows 20 nested blocks per function: elaboration fails on every target ("too many statically nested blocks"); split the if/elif chain, or move the inner part into a T.macro
                                                    y[tx] = x[tx]
                if i > 2:
                    break
                i = i + 1

    return main

if __name__ == "__main__":
    chain9("c3")
    chain10("c3")
    while_ifs8()
    while_ifs9()
