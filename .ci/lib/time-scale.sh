# Sourced by every CI script that waits for something or bounds a run in time. CI_TIME_SCALE=N (default 1) multiplies
# those waits and limits, for a CPU N times slower than a real one, such as an emulated one (docs/MODEL.md, "The other
# vendor's CPU, emulated"). A whole number, because the scripts multiply with bash's integer arithmetic.
CI_TIME_SCALE=${CI_TIME_SCALE:-1}
[[ $CI_TIME_SCALE =~ ^[1-9][0-9]*$ ]] \
  || { echo "CI_TIME_SCALE must be a whole number of at least 1, not '$CI_TIME_SCALE'" >&2; exit 2; }
