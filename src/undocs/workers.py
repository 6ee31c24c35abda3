"""Worker processes that never outlive the command that started them.

Every process pool undocs starts runs ``initializer`` in each worker: the worker ignores Ctrl-C
(the command reports it once, in one line) and, on Linux, asks the kernel to kill it when its
parent dies, however the parent dies (``kill -9`` included), so no worker is left waiting on a
queue nobody reads. Elsewhere a thread watches the parent and ends the worker when it is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 1.0


def _die_with_parent() -> bool:
    """Ask Linux to send SIGKILL to this process when its parent ends; False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def initializer(parent: int) -> None:
    """Run in each worker as it starts: ignore Ctrl-C, and end when the parent ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _die_with_parent():
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)


class _Pool(ProcessPoolExecutor):
    def __exit__(self, kind, value, traceback) -> bool:
        # On an error or Ctrl-C the queued work is dropped, not finished first.
        self.shutdown(wait=kind is None, cancel_futures=kind is not None)
        return False


def pool(max_workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers end with this process (see the module doc)."""
    return _Pool(max_workers=max_workers, initializer=initializer, initargs=(os.getpid(),))
