# fake worker input (ok)
