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
FORMAT_VERSIONS = (1, 2, 3)  # results formats this package reads
_HEADER = struct.Struct("<16sIIQII")  # magic, layout, format, length, body CRC, header CRC


HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"


class ResultsFileError(ValueError):
    """A file that cannot be read as a caresim results file; the message names the file
    (`path`) and says what is wrong (`detail`)."""

    what = "cannot read the caresim results file"

    def __init__(self, path, detail=""):
        super().__init__(f"{self.what}: {path}" + (f" ({detail})" if detail else ""))
        self.path = path
        self.detail = detail


class DamagedFileError(ResultsFileError):
    """The file is damaged: its seal or checksum does not hold, or reading it failed."""

    what = "damaged or not a caresim results file"


class ForeignFileError(ResultsFileError):
    """The file is not a caresim results file (not HDF5, or HDF5 written by something else)."""

    what = "not a caresim results file"


class FormatVersionError(ResultsFileError):
    """The file is in a results format this package does not read (from a newer caresim)."""

    what = "unknown results format"


class NotRegularFileError(ResultsFileError):
    """The path is a FIFO, a device or a socket: refused without being opened."""

    what = "not a regular file"


# The child reader reports an error by this name; the parent raises the same class.
ERRORS = {cls.__name__: cls for cls in (DamagedFileError, ForeignFileError, FormatVersionError)}


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

    Raises DamagedFileError for a broken seal, FormatVersionError for a format this
    package does not read, ForeignFileError for a file that is not HDF5 at all,
    NotRegularFileError for a path that is not a regular file (a FIFO is never opened),
    OSError (FileNotFoundError...) when it cannot be read."""
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(f"{path}: is a folder, not a caresim results file")
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFileError(path, "a FIFO, a device or a socket; a results file is a regular file")
    with open(path, "rb") as handle:
        head = handle.read(SEAL_BYTES + len(HDF5_SIGNATURE))
        if not head.startswith(MAGIC):
            # Format 1 files start with HDF5's signature; a sealed file whose magic is
            # damaged still has it after the block. Anything else is not HDF5.
            if not (head.startswith(HDF5_SIGNATURE) or head[SEAL_BYTES:].startswith(HDF5_SIGNATURE)):
                raise ForeignFileError(path, "not an HDF5 file: no caresim seal and no HDF5 signature")
            return None
        head = head[:SEAL_BYTES]
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
    check_format_version(path, version)
    return version


def check_format_version(path, version):
    """Raises FormatVersionError unless this package reads results format `version`."""
    if version not in FORMAT_VERSIONS:
        raise FormatVersionError(path, f"written in results format {version}, by a newer caresim; this package "
                                       f"reads formats {FORMAT_VERSIONS[0]} to {FORMAT_VERSIONS[-1]}: update "
                                       "caresim_analysis to the caresim that wrote it")


_CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
from caresim_analysis.seal import ResultsFileError
from caresim_analysis.trace import Trace
try:
    trace = Trace(sys.argv[2], _in_child=True)
    for name in ("events", "occupancy", "monthly", "table"):
        getattr(trace, name)
except ResultsFileError as e:
    sys.stderr.write(type(e).__name__ + "\\t" + e.detail)
    sys.exit(1)
except Exception as e:
    sys.stderr.write("failed\\t" + type(e).__name__ + ": " + str(e))
    sys.exit(1)
sys.stdout.write("ok")  # the last act: a child whose exit status is lost (SIGCHLD ignored) still says so
"""


def read_unsealed_in_child(path):
    """Reads every table of the unsealed file at `path` in a separate Python process.

    Returns if it finished; raises the child's own ResultsFileError (damaged, foreign,
    unknown format) if it refused the file, DamagedFileError if it crashed or failed."""
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    child = subprocess.run([sys.executable, "-c", _CHILD, package_root, path],
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if child.stdout == b"ok":
        return
    kind, _, message = child.stderr.decode("utf-8", "replace").partition("\t")
    if kind in ERRORS:
        raise ERRORS[kind](path, message)
    if kind == "failed":
        raise DamagedFileError(path, f"a separate reader of it failed: {message}")
    if child.returncode < 0:
        name = signal.Signals(-child.returncode).name
        raise DamagedFileError(path, f"reading it crashed a separate reader with {name}")
    last = child.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
    raise DamagedFileError(path, f"a separate reader of it ended without reading it: {last[0]}")
