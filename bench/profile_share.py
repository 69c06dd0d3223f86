#!/usr/bin/env python3
"""The share of a server's samples that one feature takes, from an async-profiler collapsed profile made with -t.

A sample belongs to the feature when one of its frames matches --frames, or its thread's name matches --threads, or
(weighted by --shared-weight) its thread's name matches --shared-threads: threads that work for the feature and for
everything else alike (the prediction-log writer writes the shadow's rows and the callers' rows in the same batches),
charged with the feature's share of their work. Prints the share in percent of all samples, with two decimals.

  profile_share.py FILE [--frames REGEX] [--threads REGEX] [--shared-threads REGEX --shared-weight W]
"""
import argparse
import re
import sys


def thread_name(first_frame):
    # async-profiler -t puts "[name tid=123]" first
    match = re.match(r"\[(.*?)(?: tid=\d+)?\]$", first_frame)
    return match.group(1) if match else ""


def share(lines, frames, threads, shared_threads, shared_weight):
    total = 0
    charged = 0.0
    for line in lines:
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        total += n
        parts = stack.split(";")
        name = thread_name(parts[0])
        if (threads and threads.search(name)) or (frames and any(frames.search(f) for f in parts[1:])):
            charged += n
        elif shared_threads and shared_threads.search(name):
            charged += n * shared_weight
    return 100.0 * charged / total if total else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--frames")
    parser.add_argument("--threads")
    parser.add_argument("--shared-threads")
    parser.add_argument("--shared-weight", type=float, default=0.0)
    args = parser.parse_args()
    compile_or_none = lambda pattern: re.compile(pattern) if pattern else None
    with open(args.file, encoding="utf-8", errors="replace") as f:
        result = share(f, compile_or_none(args.frames), compile_or_none(args.threads),
                       compile_or_none(args.shared_threads), args.shared_weight)
    if result is None:
        print("profile_share.py: no samples in " + args.file, file=sys.stderr)
        return 1
    print(f"{result:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
