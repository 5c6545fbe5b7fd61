# fake worker input (crash)
