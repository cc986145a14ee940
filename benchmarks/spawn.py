"""Run one command and report its wall time and peak memory, from a process that is small.

Linux counts in a child's max RSS the high-water mark of the address space that its
`exec` replaced, that is, of the process that forked it. A command forked straight from
the benchmark, which holds 100,000 generated pledges, would report at least the
benchmark's own size. Forked from this script, which imports only os, sys and time
and is smaller than any Python command measured, a command reports its own peak.

    python -S spawn.py FD PROGRAM [ARG...]

PROGRAM (a path) inherits stdin, stdout, stderr and the environment; when it ends,
`seconds max_rss_kib exit_code` is written to the file descriptor FD.
"""

import os
import sys
import time


def main() -> None:
    fd, argv = int(sys.argv[1]), sys.argv[2:]
    os.set_inheritable(fd, False)
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    os.write(fd, f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}\n".encode())


if __name__ == "__main__":
    main()
