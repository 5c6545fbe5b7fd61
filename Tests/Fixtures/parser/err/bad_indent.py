# An unexpected indent and an unindent that matches no outer level.
x = 1
    y = 2
if x:
        z = 3
    w = 4
v = 5
