"""Read caresim results files (HDF5, docs/trace-format.md) into pandas DataFrames.

    >>> import caresim_analysis
    >>> table = caresim_analysis.load("out.h5")     # every indicator, one tidy long table
    >>> table.query("municipality == '' and indicator == 'inpatients'")
    >>> caresim_analysis.wide(table)                # one row per replication, a column per number
    >>> caresim_analysis.paired_difference(base, variant, "crisis_outcomes", "admission")  # docs/pairing.md
    >>> trace = caresim_analysis.load_trace("out.h5")
    >>> trace.provenance["master_seed"]
    >>> trace.events.groupby(["replication", "kind"]).size()
    >>> trace.occupancy.loc[0]                      # replication 0: days x facilities

Uses h5py, numpy and pandas (Debian: python3-h5py python3-pandas; run with /usr/bin/python3).
"""

from caresim_analysis.compare import Interval, paired_difference, student_t_quantile, welch_difference
from caresim_analysis.indicators import COLUMNS, REGION, wide
from caresim_analysis.seal import (DamagedFileError, ForeignFileError, FormatVersionError, NotRegularFileError,
                                   ResultsFileError)
from caresim_analysis.trace import Trace, load, load_trace

__all__ = ["COLUMNS", "REGION", "DamagedFileError", "ForeignFileError", "FormatVersionError", "Interval",
           "NotRegularFileError", "ResultsFileError", "Trace", "load", "load_trace", "paired_difference",
           "student_t_quantile", "welch_difference", "wide"]
