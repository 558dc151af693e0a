"""The same stage functions, mapped over partitions on Dask (``newscheck analyze --engine dask``).

``analyze_dask(inputs, db=..., scheduler=None, workers=None)`` has the contract of
:func:`newscheck.pipeline.analyze` and gives the same results; without ``scheduler`` it starts a
LocalCluster for the run. Dask itself is imported only when a run starts (the ``dask`` extra).
See docs/scale.md.
"""

from __future__ import annotations

from newscheck.distributed.cluster import open_client
from newscheck.distributed.plan import Partition, PartitionPlan, plan_partitions
from newscheck.distributed.runner import analyze_dask, analyze_on

__all__ = [
    "Partition",
    "PartitionPlan",
    "analyze_dask",
    "analyze_on",
    "open_client",
    "plan_partitions",
]
