# fake worker input (hang)
