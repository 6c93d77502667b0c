"""Comparing two runs: the paired difference under common random numbers, and the Welch
difference of independent runs (docs/pairing.md).

Both give an Interval for variant minus base of one number of the tidy table (load()):
an indicator's scalar, or one key of a map or array, of the region or a municipality.
"""

import math
from dataclasses import dataclass

import numpy as np

from caresim_analysis.indicators import REGION


@dataclass(frozen=True)
class Interval:
    """A difference of means with its 95% Student-t confidence interval, in the
    indicator's unit (ci_low, ci_high named as in the --json summary)."""

    mean: float
    standard_error: float
    ci_low: float
    ci_high: float
    n: int  # replications: pairs for a paired difference, both runs' for Welch
    dof: float  # degrees of freedom of the t quantile

    @property
    def half_width(self):
        """Half the width of the interval, in the indicator's unit."""
        return (self.ci_high - self.ci_low) / 2


def _incomplete_beta(a, b, x):
    """The regularized incomplete beta function I_x(a, b), by its continued fraction
    (modified Lentz), for 0 <= x <= 1."""
    if x <= 0 or x >= 1:
        return 0.0 if x <= 0 else 1.0
    if x > (a + 1) / (a + b + 2):
        return 1.0 - _incomplete_beta(b, a, 1.0 - x)
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)) / a
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    f = d
    for m in range(1, 300):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            f *= c * d
        if abs(c * d - 1.0) < 1e-15:
            break
    return front * f


def student_t_quantile(p, dof):
    """The quantile t_{p, dof} of Student's t distribution (dof may be fractional, as
    Welch's is), e.g. student_t_quantile(0.975, 9) = 2.2622; as the C++
    engine::student_t_quantile. Raises ValueError unless 0 < p < 1 and dof > 0."""
    if not (0 < p < 1) or not dof > 0:
        raise ValueError(f"student_t_quantile({p}, {dof}): needs 0 < p < 1 and dof > 0")
    if p < 0.5:
        return -student_t_quantile(1 - p, dof)
    tail = 1 - p  # P(T > t) = I_{dof/(dof+t^2)}(dof/2, 1/2) / 2
    low, high = 0.0, 1.0
    while _incomplete_beta(dof / 2, 0.5, dof / (dof + high * high)) / 2 > tail:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if _incomplete_beta(dof / 2, 0.5, dof / (dof + middle * middle)) / 2 > tail:
            low = middle
        else:
            high = middle
        if high - low <= 1e-12 * high:
            break
    return (low + high) / 2


def values(table, indicator, key="", municipality=REGION):
    """One number of every replication of the tidy `table`, as a float Series indexed by
    replication (sorted). Raises ValueError when the table does not have it."""
    rows = table[(table["indicator"] == indicator) & (table["key"] == key) & (table["municipality"] == municipality)]
    if rows.empty:
        where = "the region" if municipality == REGION else f"municipality {municipality!r}"
        raise ValueError(f"no indicator {indicator!r}" + (f" key {key!r}" if key else "") + f" for {where} in the table"
                         + (f" of {table.attrs['path']}" if "path" in table.attrs else ""))
    return rows.set_index("replication")["value"].astype(float).sort_index()


def _interval(mean, standard_error, n, dof):
    half = student_t_quantile(0.975, dof) * standard_error
    return Interval(mean=mean, standard_error=standard_error, ci_low=mean - half, ci_high=mean + half, n=n, dof=dof)


def _provenance(table, name):
    return table.attrs.get("provenance", {}).get(name)


def paired_difference(base, variant, indicator, key="", municipality=REGION):
    """The 95% interval of the mean of variant minus base over replications, paired by
    replication id: the comparison of two runs with the same seed and replication ids
    (common random numbers). Raises ValueError when the runs are not paired: different
    replication ids, or (when both tables carry their provenance) different seeds."""
    seeds = _provenance(base, "master_seed"), _provenance(variant, "master_seed")
    if None not in seeds and seeds[0] != seeds[1]:
        raise ValueError(f"the runs are not paired: the base has seed {seeds[0]} and the variant seed {seeds[1]}; "
                         "run both with the same --seed (or compare them with welch_difference)")
    a, b = values(base, indicator, key, municipality), values(variant, indicator, key, municipality)
    if list(a.index) != list(b.index):
        raise ValueError(f"the runs are not paired: the base has replications {list(a.index)} and the variant "
                         f"{list(b.index)}; run both with the same replications")
    if len(a) < 2:
        raise ValueError("a paired difference needs at least 2 replications")
    d = b.to_numpy() - a.to_numpy()
    n = len(d)
    return _interval(float(d.mean()), float(np.std(d, ddof=1)) / math.sqrt(n), n, n - 1)


def welch_difference(base, variant, indicator, key="", municipality=REGION):
    """The 95% Welch interval of mean(variant) minus mean(base) for independent runs (other
    seeds), with the Welch-Satterthwaite degrees of freedom."""
    a, b = values(base, indicator, key, municipality).to_numpy(), values(variant, indicator, key, municipality).to_numpy()
    if len(a) < 2 or len(b) < 2:
        raise ValueError("a Welch difference needs at least 2 replications in each run")
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    standard_error = math.sqrt(va + vb)
    if standard_error == 0:
        dof = float(len(a) + len(b) - 2)
    else:
        dof = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    return _interval(float(b.mean() - a.mean()), standard_error, len(a) + len(b), dof)
