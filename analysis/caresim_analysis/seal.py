"""The seal at the head of every caresim results file (docs/trace-format.md, "The seal").

libhdf5 1.10.8 (and so h5py) crashes on some damaged files, so a file is handed to h5py
only once its seal holds. A file without a seal (results format 1, from before seals, or
not a results file at all) is first read whole in a separate Python process; only if that
process finishes is it read in this one.
"""

import os
import signal
import stat
import struct
import subprocess
import sys
import zlib

SEAL_BYTES = 512
MAGIC = b"caresim results\n"
SEAL_LAYOUT = 1
FORMAT_VERSIONS = (1, 2)  # results formats this package reads
_HEADER = struct.Struct("<16sIIQII")  # magic, layout, format, length, body CRC, header CRC


class DamagedFileError(ValueError):
    """The file is damaged, or is not a caresim results file."""

    def __init__(self, path, detail=""):
        message = f"damaged or not a caresim results file: {path}"
        super().__init__(message + (f" ({detail})" if detail else ""))
        self.path = path


def _crc_after_block(handle):
    crc = 0
    handle.seek(SEAL_BYTES)
    while True:
        chunk = handle.read(1 << 20)
        if not chunk:
            return crc
        crc = zlib.crc32(chunk, crc)


def identity(path):
    """What tells one state of the file at `path` from another without reading it."""
    info = os.stat(path)
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def check(path):
    """Returns the results format of the sealed file at `path`, or None when it has no seal.

    Raises DamagedFileError for a broken seal, ValueError for a path that is not a regular
    file (a FIFO is never opened), OSError when it cannot be read."""
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(f"{path}: is a folder, not a caresim results file")
    if not stat.S_ISREG(info.st_mode):
        raise ValueError(f"{path}: is not a regular file (a FIFO, a device or a socket)")
    with open(path, "rb") as handle:
        head = handle.read(SEAL_BYTES)
        if not head.startswith(MAGIC):
            return None
        if len(head) < _HEADER.size:
            raise DamagedFileError(path, "its seal is cut short")
        magic, layout, version, length, body_crc, header_crc = _HEADER.unpack_from(head)
        if zlib.crc32(head[:_HEADER.size - 4]) != header_crc:
            raise DamagedFileError(path, "its seal is damaged")
        if layout != SEAL_LAYOUT:
            raise DamagedFileError(path, f"its seal has layout {layout}; this package reads {SEAL_LAYOUT}")
        size = os.fstat(handle.fileno()).st_size
        if length != size:
            raise DamagedFileError(path, f"it has {size} bytes but was written with {length}")
        if _crc_after_block(handle) != body_crc:
            raise DamagedFileError(path, "its checksum does not match its contents")
    if version not in FORMAT_VERSIONS:
        raise ValueError(f"{path}: was written in results format {version} by a newer caresim; "
                         f"this package reads formats {FORMAT_VERSIONS[0]} to {FORMAT_VERSIONS[-1]}")
    return version


_CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from caresim_analysis.seal import DamagedFileError
from caresim_analysis.trace import Trace
try:
    trace = Trace(sys.argv[2], _in_child=True)
    for name in ("events", "occupancy", "monthly", "indicators", "indicator_maps", "indicator_arrays"):
        getattr(trace, name)
except DamagedFileError as e:
    sys.stderr.write("damaged\\t" + str(e.args[0] if e.args else ""))
    sys.exit(1)
except Exception as e:
    sys.stderr.write("failed\\t" + type(e).__name__ + ": " + str(e))
    sys.exit(1)
sys.stdout.write("ok")  # the last act: a child whose exit status is lost (SIGCHLD ignored) still says so
"""


def read_unsealed_in_child(path):
    """Reads every table of the unsealed file at `path` in a separate Python process.

    Returns if it finished; raises DamagedFileError if it crashed, ValueError with its
    reason if it failed."""
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    child = subprocess.run([sys.executable, "-c", _CHILD, package_root, path],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if child.stdout == b"ok":
        return
    kind, _, message = child.stderr.decode("utf-8", "replace").partition("\t")
    if kind == "damaged":
        error = DamagedFileError(path)
        error.args = (message,)
        raise error
    if kind == "failed":
        raise ValueError(f"{path}: {message}")
    if child.returncode < 0:
        name = signal.Signals(-child.returncode).name
        raise DamagedFileError(path, f"reading it crashed a separate reader with {name}")
    last = child.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
    raise DamagedFileError(path, f"a separate reader of it ended without reading it: {last[0]}")
