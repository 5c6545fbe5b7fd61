# fake worker input (garbage)
