"""Extraction on Apache Spark, for corpora past one machine (optional extra ``pactgraph[spark]``).

The same extraction as ``pactgraph ingest`` runs as a Spark job. Each executor
reads its files (any Hadoop file system: local, ``hdfs://``, ``s3a://``), passes
every text through the ingest front door's own preparation step
(:func:`pactgraph.ingest.prepare`: strict decoding, the metadata header,
extraction, the RDF mapping) and writes N-Quads. The output folder holds
Hadoop text partitions (``part-00000``, …), each a set of complete source
graphs, one named graph per source, ready for
``pyoxigraph.Store.bulk_load(path=..., format=RdfFormat.N_QUADS)``, for a SPARQL
server's bulk loader (``oxigraph load``, QLever's index builder, Virtuoso's
``ld_dir``, Fuseki's ``tdb2.tdbloader``) or for the remote store of
:mod:`pactgraph.remote`. Sorted, the lines are exactly the quads a local
``pactgraph ingest`` of the same files stores in their graphs.

>>> from pyspark.sql import SparkSession                          # doctest: +SKIP
>>> spark = SparkSession.builder.master("local[2]").getOrCreate()  # doctest: +SKIP
>>> report = extract(spark, ["corpus/"], "out/nquads")             # doctest: +SKIP
>>> report.summary()                                               # doctest: +SKIP
'1000 file(s): 1000 ok, 0 skipped, 0 failed; 512,304 quads in 2 partition(s)'

:func:`ingest_with_spark` runs the job and loads its output into a local store.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ParameterError, StoreError

__all__ = ["SparkFile", "SparkReport", "extract", "ingest_with_spark", "local_session", "part_files"]

_TEXT_SUFFIXES = (".txt", ".text", ".md")


@dataclass(slots=True)
class SparkFile:
    """What the job did with one file (the fields of :class:`pactgraph.ingest.FileReport` it can know)."""

    path: str
    status: str  # ok | skipped | failed
    reason: str
    message: str = ""
    source: str | None = None  # the source IRI, also its graph
    content_hash: str | None = None
    quads: int = 0
    statements: int = 0
    bytes: int = 0


@dataclass(slots=True)
class SparkReport:
    """The outcome of :func:`extract`: one :class:`SparkFile` per input file, and the output folder."""

    out_dir: str
    files: list[SparkFile] = field(default_factory=list)
    partitions: int = 0

    @property
    def quads(self) -> int:
        return sum(f.quads for f in self.files if f.status == "ok")

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    def summary(self) -> str:
        return (f"{len(self.files)} file(s): {self.count('ok')} ok, {self.count('skipped')} skipped, "
                f"{self.count('failed')} failed; {self.quads:,} quads in {self.partitions} partition(s)")


def _require_pyspark():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise ParameterError("Spark extraction needs pyspark: pip install 'pactgraph[spark]' "
                             "(and Java 17 or later)") from None


def local_session(master: str = "local[*]", app_name: str = "pactgraph", **conf: str):
    """A :class:`pyspark.sql.SparkSession` on this machine whose Python workers use this interpreter."""
    _require_pyspark()
    from pyspark.sql import SparkSession

    # Python workers of a local session run this interpreter (a virtual environment's pactgraph included);
    # pyspark reads the variable when the context starts.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master(master).appName(app_name) \
        .config("spark.pyspark.python", sys.executable) \
        .config("spark.pyspark.driver.python", sys.executable) \
        .config("spark.ui.enabled", "false") \
        .config("spark.sql.shuffle.partitions", "4")
    for key, value in conf.items():
        builder = builder.config(key.replace("_", "."), value)
    return builder.getOrCreate()


def _expand(paths) -> list[str]:
    """Local folders become their text files (sorted, hidden ones left out); URIs pass through."""
    out: list[str] = []
    for given in paths:
        text = str(given)
        if "://" in text and not text.startswith("file://"):
            out.append(text)  # hdfs://, s3a://…: the Hadoop file system lists it
            continue
        path = Path(text.removeprefix("file://"))
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out += [str(Path(root, f).resolve()) for f in sorted(files)
                        if not f.startswith(".") and f.lower().endswith(_TEXT_SUFFIXES)]
        elif path.is_file():
            out.append(str(path.resolve()))
        else:
            raise ParameterError(f"{path}: no such file or folder")
    return out


def _local_name(uri: str) -> str:
    """``file:/a/b.txt`` → ``/a/b.txt``; other URIs unchanged (messages name the file as given)."""
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("file:"):
        return uri[len("file:"):]
    return uri


def _prepare_partition(records, known: dict):
    """Runs on an executor: prepare every (uri, bytes) record as the ingest front door does.

    Yields ``("file", fields)`` for each file and ``("quad", line)`` for each N-Quads line.
    """
    from .errors import PactgraphError
    from .ingest import prepare

    scratch = tempfile.mkdtemp(prefix="pactgraph-spark-")
    try:
        for uri, data in records:
            name = _local_name(uri)
            base = name.rsplit("/", 1)[-1]
            fields = {"path": name, "bytes": len(data)}
            if base.lower().endswith((".ttl", ".nt", ".nq", ".trig", ".rdf", ".owl", ".xml", ".jsonld", ".n3")):
                yield "file", {**fields, "status": "skipped", "reason": "unsupported",
                               "message": f"{name}: RDF files are loaded with 'pactgraph ingest', not extracted"}
                continue
            # The front door names a source after its file name: give it the same name here.
            folder = tempfile.mkdtemp(dir=scratch)
            local = Path(folder, base)
            local.write_bytes(bytes(data))
            try:
                prepared = prepare(local, known=known)
            except PactgraphError as exc:
                message = str(exc).replace(str(local), name)
                yield "file", {**fields, "status": "failed", "reason": getattr(exc, "reason", "extract-error"),
                               "message": message}
                continue
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            if prepared.skip:
                reason, message = prepared.skip
                yield "file", {**fields, "status": "skipped", "reason": reason, "message": message,
                               "source": prepared.graph, "content_hash": prepared.content_hash}
                continue
            yield "file", {**fields, "status": "ok", "reason": "added", "source": prepared.graph,
                           "content_hash": prepared.content_hash, "quads": prepared.quads,
                           "statements": prepared.statements}
            for line in prepared.nquads.decode("utf-8").splitlines():
                if line.strip():
                    yield "quad", line
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def extract(spark, paths, out_dir: str | Path, *, partitions: int | None = None,
            known: dict | None = None) -> SparkReport:
    """Extract the texts in ``paths`` as a Spark job and write N-Quads partitions to ``out_dir``.

    Parameters
    ----------
    spark : pyspark.sql.SparkSession or pyspark.SparkContext
        The session to run on. Its executors need ``pactgraph`` installed (with
        the same version as here, so the output is the same).
    paths : iterable of str or Path
        Text files, local folders (walked for ``.txt``, ``.text`` and ``.md``
        files), or Hadoop URIs (``hdfs://…``, ``s3a://…``; folders and globs allowed).
    out_dir : str or Path
        A folder (local path or Hadoop URI) that does not exist yet. It receives
        ``part-NNNNN`` files of N-Quads and ``_SUCCESS``.
    partitions : int, optional
        Minimum number of partitions of the input (default: Spark's default parallelism).
    known : dict, optional
        ``{content hash: (source IRI, extractor version)}`` of sources already stored;
        files found there are skipped, as ``pactgraph ingest`` skips them.

    Returns
    -------
    SparkReport
        One entry per file, in input order; partition count.

    Raises
    ------
    ParameterError
        If pyspark is missing, ``paths`` is empty or names a missing local file,
        or ``out_dir`` already exists.
    """
    _require_pyspark()
    from pyspark import StorageLevel

    sc = getattr(spark, "sparkContext", spark)
    files = _expand(paths)
    if not files:
        raise ParameterError("no text files to extract (give files, folders or Hadoop URIs)")
    out = str(out_dir)
    if "://" not in out and Path(out).exists():
        raise ParameterError(f"{out}: the output folder already exists; give a new one")
    inputs = ",".join(f if "://" in f else Path(f).as_uri() for f in files)
    wanted = partitions or max(sc.defaultParallelism, 1)
    shared = sc.broadcast(dict(known or {}))
    contents = sc.binaryFiles(inputs, minPartitions=wanted)
    if contents.getNumPartitions() < min(wanted, len(files)):
        contents = contents.repartition(min(wanted, len(files)))  # small files are packed together: spread them
    records = contents.mapPartitions(lambda part: _prepare_partition(part, shared.value)) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    try:
        records.filter(lambda r: r[0] == "quad").map(lambda r: r[1]).saveAsTextFile(out)
        reports = [SparkFile(**fields) for kind, fields in records.filter(lambda r: r[0] == "file").collect()]
        count = records.getNumPartitions()
    finally:
        records.unpersist()
        shared.unpersist()
    order = {name: i for i, name in enumerate(files)}
    reports.sort(key=lambda f: (order.get(f.path, len(order)), f.path))
    return SparkReport(out, reports, count)


def part_files(out_dir: str | Path) -> list[Path]:
    """The N-Quads partition files of a local output folder, in order (empty ones left out)."""
    return sorted(p for p in Path(out_dir).glob("part-*") if p.is_file() and p.stat().st_size > 0
                  and not p.name.endswith(".crc"))


def ingest_with_spark(kg, paths, *, spark=None, out_dir: str | Path | None = None, partitions: int | None = None,
                      force: bool = False, keep: bool = False):
    """Extract ``paths`` with Spark and load the result into ``kg``'s store; one report per file.

    What ``pactgraph ingest --engine spark`` does. Texts whose content is already
    stored under the same source are skipped (unless ``force``); a source stored
    with other content is replaced. The partitions are loaded with pyoxigraph's
    bulk loader, which is fast but not one transaction: if the load fails
    midway, run the command again.

    Parameters
    ----------
    kg : KnowledgeGraph
        Opened for writing, on an embedded store.
    paths : iterable of str or Path
        As for :func:`extract`.
    spark : SparkSession, optional
        Default: :func:`local_session` (``local[*]``), stopped afterwards.
    out_dir : str or Path, optional
        Where the partitions go (must not exist); a temporary folder by default,
        removed afterwards unless ``keep``.

    Returns
    -------
    SparkReport
    """
    import pyoxigraph as ox

    _require_pyspark()
    store = kg.store
    db = getattr(store, "db", None)
    if not isinstance(db, ox.Store) or not getattr(store, "writable", False):
        raise StoreError("Spark ingest loads into an embedded store opened for writing")
    known = {}
    if not force:
        from . import ingest as door

        known = door.known_sources(store)[0]
    own_session = spark is None
    spark = spark or local_session()
    scratch = None
    if out_dir is None:
        scratch = tempfile.mkdtemp(prefix="pactgraph-spark-out-")
        out_dir = Path(scratch) / "nquads"
    try:
        report = extract(spark, paths, out_dir, partitions=partitions, known=known)
        loaded = [f for f in report.files if f.status == "ok"]
        for f in loaded:
            node = ox.NamedNode(f.source)
            if db.contains_named_graph(node):
                f.reason = "replaced"
                db.remove_graph(node)
        for part in part_files(out_dir):
            db.bulk_load(path=str(part), format=ox.RdfFormat.N_QUADS)
        db.flush()
        return report
    finally:
        if own_session:
            spark.stop()
        if scratch and not keep:
            shutil.rmtree(scratch, ignore_errors=True)
