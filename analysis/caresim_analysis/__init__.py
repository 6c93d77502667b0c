"""Read caresim trace files (HDF5, docs/trace-format.md) into pandas DataFrames.

    >>> import caresim_analysis
    >>> trace = caresim_analysis.load("out.h5")
    >>> trace.provenance["master_seed"]
    >>> trace.events.groupby(["replication", "kind"]).size()
    >>> trace.occupancy.loc[0]          # replication 0: days x facilities
    >>> trace.indicators.query("municipality == ''")

Uses h5py, numpy and pandas (Debian: python3-h5py python3-pandas; run with /usr/bin/python3).
"""

from caresim_analysis.seal import DamagedFileError
from caresim_analysis.trace import Trace, load

__all__ = ["DamagedFileError", "Trace", "load"]
