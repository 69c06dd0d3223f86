# Sourced by .ci/run. qemu's user-mode emulator, for .ci/checks/26-other-cpu-vendor.sh: the float-sensitive part of
# the build on an emulated CPU of the other vendor.
command -v qemu-x86_64 >/dev/null 2>&1 || apt_install qemu-user
