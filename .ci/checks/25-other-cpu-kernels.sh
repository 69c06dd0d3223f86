#!/usr/bin/env bash
# The float-sensitive part of the build again, on the BLAS kernels of other CPUs (issue 11: "CI passes on Intel and AMD
# alike"). What differs between CPUs in DL4J's arithmetic is the matrix kernel OpenBLAS picks for the CPU it finds
# (a DYNAMIC_ARCH build): Zen on AMD, Haswell or SkylakeX on Intel. OPENBLAS_CORETYPE makes it take another one, and
# that reproduces the other CPU bit for bit: on an AMD EPYC, retraining with SkylakeX gives the committed default model
# (m-67bbd5326a4f, trained on an Intel machine) and with Zen or Haswell m-76d148b53b9a (docs/MODEL.md, "Other CPUs,
# checked on one machine"). So for every kernel this CPU can run, besides the one it picks itself, the build of
# .ci/lib/float-sensitive-build.sh runs, and the check fails unless every JVM, the server's included, named the kernel
# asked for. 26-other-cpu-vendor.sh changes the CPU itself instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/float-sensitive-build.sh
flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
has() { for f in "$@"; do [[ $flags == *" $f "* ]] || return 1; done; }
native=Haswell
grep -q -m1 AuthenticAMD /proc/cpuinfo && native=Zen
has avx512f avx512dq avx512cd avx512bw avx512vl && [ "$native" = Haswell ] && native=SkylakeX
kernels=()
has avx2 fma && kernels+=(Haswell Zen)
has avx512f avx512dq avx512cd avx512bw avx512vl && kernels+=(SkylakeX)
out=$PWD/target/other-cpu-kernels
ran=0
for kernel in "${kernels[@]}"; do
  [ "$kernel" = "$native" ] && continue
  echo "--- OpenBLAS kernel $kernel (this CPU's own: $native)"
  OPENBLAS_CORETYPE=$kernel float_sensitive_build "$out" "$kernel"
  expect_kernel "$out/$kernel.log" "$kernel"
  ran=$((ran + 1))
done
[ "$ran" -gt 0 ] || echo "no other kernel runs on this CPU (flags: avx2 $(has avx2 && echo yes || echo no))"
echo "other CPUs' kernels: $ran checked"
