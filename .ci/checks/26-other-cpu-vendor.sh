#!/usr/bin/env bash
# The float-sensitive part of the build again, with every JVM on an emulated CPU of the other vendor (issue 11: "CI
# passes on Intel and AMD alike"): an Intel Haswell on an AMD machine, an AMD EPYC (Zen) on an Intel one. qemu's user
# mode runs the JDK's own java under software emulation, so every question a program asks the CPU (CPUID: vendor,
# family, model, features) gets the emulated CPU's answer: OpenBLAS picks its kernel for it by itself, the JIT compiles
# for it, and the trainer, the unit tests and the IT server all run on it. 25-other-cpu-kernels.sh only tells OpenBLAS
# which kernel to take; this changes the CPU under it. Emulation has no AVX-512, so Intel's SkylakeX kernel is left
# to check 25 on an AVX-512 machine. Several times slower than native: ~12 min on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/float-sensitive-build.sh
# The CPU models' features that qemu's emulator (TCG) lacks are removed, so that it does not warn at every thread.
case "$(grep -m1 '^vendor_id' /proc/cpuinfo | awk '{print $3}')" in
  AuthenticAMD) cpu=Haswell-noTSX,-pcid,-x2apic,-tsc-deadline,-invpcid,-spec-ctrl kernel=Haswell ;;
  GenuineIntel) cpu=EPYC,-rdseed,-sha-ni,-xsavec,-3dnowprefetch,-misalignsse,-osvw,-topoext,-fxsr-opt,-nrip-save kernel=Zen ;;
  *) echo "not an x86-64 CPU of Intel or AMD: no other vendor to emulate"; exit 0 ;;
esac
command -v qemu-x86_64 >/dev/null || { echo "qemu-x86_64 missing: .ci/setup/25-qemu-user.sh installs it" >&2; exit 1; }
out=$PWD/target/other-cpu-vendor
# A copy of the build's JDK whose java starts the real one under qemu: java.home, and so the JVMs that Maven's
# plugins fork (surefire's, failsafe's, Liberty's), stay on the emulated CPU.
jdk=$out/jdk
rm -rf "$out" && mkdir -p "$out"
cp -a "$(readlink -f "$JAVA_HOME")" "$jdk"
# A build JDK that is already such a copy (all of CI run on an emulated CPU, docs/MODEL.md) keeps its real java.
[ -e "$jdk/bin/java.real" ] || mv "$jdk/bin/java" "$jdk/bin/java.real"
printf '#!/bin/sh\nexec qemu-x86_64 -cpu %s "$(dirname "$0")/java.real" "$@"\n' "$cpu" >"$jdk/bin/java"
chmod +x "$jdk/bin/java"
seen=$("$jdk/bin/java" -Xlog:os+cpu -version 2>&1 | grep -o -m1 'family [0-9]* model [0-9]*')
echo "--- every JVM on an emulated ${cpu%%,*} (the JVM sees $seen; this CPU:$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2-))"
# OpenBLAS must find its kernel by itself; -Djvm makes surefire and failsafe fork this java, not Maven's own.
# Emulation is ~5x slower, so Arquillian waits 5x longer for the server and its deployments.
unset OPENBLAS_CORETYPE
(export JAVA_HOME=$jdk PATH=$jdk/bin:$PATH
 float_sensitive_build "$out" "$kernel" -Djvm="$jdk/bin/java" -Dit.server.start.timeout=1200 -Dit.app.deploy.timeout=450)
expect_kernel "$out/$kernel.log" "$kernel"
echo "other CPU vendor: checked on an emulated ${cpu%%,*}"
