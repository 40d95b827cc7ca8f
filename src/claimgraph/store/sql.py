"""The SQL store: one transaction per article, idempotent by document id."""
from __future__ import annotations

import json
import os
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Optional

from sqlalchemy import Connection, Engine, bindparam, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from claimgraph.errors import StoreError, StoreFull
from claimgraph.model import (Analysis, Argument, Attribution, Document, Entity, Event, Source, Span,
                              TimeRef)
from claimgraph.store import tables as t
from claimgraph.store.derived import entities_changed
from claimgraph.store.entities import EntityResolver
from claimgraph.store.migrations import lock_for_migration, migrate, pending, retake_graph
from claimgraph.versioning import analysis_version



def database_url(db: str) -> str:
    """Accept a SQLAlchemy URL or a plain file path (which means SQLite); `postgresql://` uses psycopg 3."""
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db if "://" in db else f"sqlite:///{Path(db).expanduser()}"


def shown_url(url: str) -> str:
    """`url` as it may be printed: the password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001  (an unparsable URL is shown up to its credentials only)
        return url.split("@", 1)[-1] if "@" in url else url


def sqlite_path(url: str) -> Optional[Path]:
    """The file of a SQLite URL (None for other databases or an in-memory store)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


DISK_FULL_SIGNS = ("database or disk is full", "no space left on device", "could not extend file",
                   "disk full", "file too large",
                   # SQLite's word for a write the OS refused (a file size limit, a failing disk): no later write can succeed
                   "disk i/o error")


def is_disk_full(exc: BaseException) -> bool:
    """True when a write failed because the disk (or the file size limit) is full."""
    text = str(exc).lower()
    return any(sign in text for sign in DISK_FULL_SIGNS) or getattr(exc, "errno", None) in (28, 27)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys=ON")


def merge_root(rows: dict[int, Any], entity_id: int) -> int:
    """The entity `entity_id` was merged into, following merges (`rows`: id -> row with `merged_into`)."""
    seen = set()
    while rows[entity_id].merged_into is not None and entity_id not in seen:
        seen.add(entity_id)
        entity_id = rows[entity_id].merged_into
    return entity_id


def _migrate_once(engine: Engine, attempts: int = 3) -> None:
    """Migrate in one transaction, under the database's write lock: two processes opening a new
    store at once apply it one after the other, and the second finds every step recorded. A store
    already up to date is only read (opening it never waits for a writer). A driver error is tried
    again (a lock wait that timed out, a connection dropped)."""
    for attempt in range(attempts):
        try:
            with engine.connect() as connection:
                if not pending(connection):
                    return
            with engine.begin() as connection:
                lock_for_migration(connection)
                migrate(connection)
            return
        except DBAPIError:
            if attempt == attempts - 1:
                raise


class SqlStore:
    """Articles and their analyses in SQLite (default) or PostgreSQL."""

    def __init__(self, db: str = "claimgraph.db", create: bool = True) -> None:
        """Open (and migrate) the store at `db`. With `create=False` (read commands) a SQLite
        file that does not exist is an error rather than a new empty store."""
        self.url = database_url(db)
        shown = shown_url(self.url)
        path = sqlite_path(self.url)
        if path is not None and not create and not path.exists():
            raise StoreError(f"no store at {path} (ingest articles first, or give --db)", {"path": str(path)})
        # A store on a read-only disk or in a folder we cannot write is opened read-only (SQLite's WAL mode
        # would otherwise need to create its -shm file): read commands work, writes fail cleanly.
        self.read_only = path is not None and path.exists() and not (os.access(path, os.W_OK)
                                                                     and os.access(path.parent, os.W_OK))
        try:
            sqlite = self.url.startswith("sqlite")
            url = f"sqlite:///file:{path}?mode=ro&immutable=1&uri=true" if self.read_only else self.url
            # Concurrent writers (two ingests, a sync) wait for each other instead of failing at once.
            self.engine: Engine = create_engine(url, connect_args={"timeout": 60} if sqlite else {})
            if sqlite:
                event.listen(self.engine, "connect", _sqlite_read_pragmas if self.read_only else _sqlite_pragmas)
            if not self.read_only:
                _migrate_once(self.engine)
        except ModuleNotFoundError as exc:
            raise StoreError(f"cannot open store {shown}: the database driver is not installed ({exc.name})",
                             {"url": shown}) from exc
        except Exception as exc:  # noqa: BLE001  (any driver error means the same to the user)
            message = str(exc).split("\n", 1)[0]
            raise StoreError(f"cannot open store {shown}: {message}".replace(self.url, shown), {"url": shown}) from exc

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -----------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        with self.engine.connect() as connection:
            return connection.execute(_HAS_DOCUMENT, {"document_id": document_id}).first() is not None

    def put_analysis(self, analysis: Analysis) -> bool:
        """Store one article and its analysis in a single transaction.

        Another process storing the same article (or a new entity of it) at the
        same moment makes the unique keys clash: the transaction is tried once
        more, and an article the other process stored reads as already known.

        RETURNS (bool): False when the article (same id) was already stored.
        RAISES (StoreFull): the disk is full; (StoreError): any other failed write.
        """
        for attempt in (1, 2):
            try:
                return self._put_analysis(analysis)
            except IntegrityError as exc:
                if self.has_document(analysis.document.id):
                    return False
                if attempt == 2:
                    raise StoreError(f"not stored: {str(exc).splitlines()[0]}") from exc
            except StoreError:
                raise
            except Exception as exc:  # noqa: BLE001  (driver errors differ by backend; the user needs the reason)
                first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                if is_disk_full(exc):
                    raise StoreFull(f"the store cannot be written (disk full?): {first}",
                                    {"url": shown_url(self.url)}) from exc
                raise StoreError(f"not stored: {first}") from exc
        return False

    def _put_analysis(self, analysis: Analysis) -> bool:
        with self.engine.begin() as connection:
            if self.stored_among(connection, [analysis.document.id]):
                return False
            self.write_new(connection, analysis)
        return True

    @staticmethod
    def stored_among(connection: Connection, document_ids: list[str]) -> set[str]:
        """Which of `document_ids` the store holds (one statement per KEYS_PER_READ ids)."""
        found: set[str] = set()
        for start in range(0, len(document_ids), KEYS_PER_READ):
            found.update(connection.execute(_STORED_AMONG, {"ids": document_ids[start:start + KEYS_PER_READ]}).scalars())
        return found

    def write_new(self, connection: Connection, analysis: Analysis, vectors: bool = True) -> Canonical:
        """Write an article the store does not hold and its analysis, in the caller's transaction (`put_analysis`
        checks first; run.py's batches check a batch's ids in one read). `vectors`: keep the graph's sentence
        vectors computed ahead (`analysis.prepared`) for a later sync; False when the caller's transaction takes
        the article into the graph itself, from the analysis in memory. RETURNS: `_write_analysis`'s."""
        doc = analysis.document
        connection.execute(_INSERT_DOCUMENT, dict(
            id=doc.id, title=doc.title, date=doc.date, lang=doc.lang, source=doc.source, url=doc.url,
            text=doc.text, path=doc.path, record_id=doc.record_id,
            warnings=json.dumps(analysis.warnings, ensure_ascii=False) if analysis.warnings else None,
            analysis_version=analysis_version(), ingested_at=datetime.now(timezone.utc)))
        return self._write_analysis(connection, analysis, vectors)

    def _write_analysis(self, connection: Connection, analysis: Analysis, keep_vectors: bool = True) -> Canonical:
        """RETURNS: each local entity id (with mentions) -> its global entity as `canonical_entities` gives it (None
        when merged into another), for `store.shape.read_back`."""
        doc = analysis.document
        canonical: Canonical = {}
        vectors = analysis.prepared.get("vectors")  # (encoder name, texts, float32 rows): graph/article_vectors.py
        if vectors and keep_vectors:
            connection.execute(_DROP_VECTORS, {"document_id": doc.id})
            connection.execute(t.article_vectors.insert(), dict(
                document_id=doc.id, embedder=vectors[0], texts=json.dumps(vectors[1], ensure_ascii=False),
                vectors=vectors[2]))
        # Rows of one table in one statement each (executemany), in the order they were written one entity or
        # event at a time before, so their ids are the same; statements built once (see `_DOCUMENT`).
        mentions = []
        resolver = EntityResolver(connection, analysis.entities)  # store/entities.py
        for entity in analysis.entities:
            if not entity.mentions:
                continue  # an entity joins an article only through its mentions (gold may list none)
            global_id = resolver.resolve(entity)
            canonical[entity.id] = resolver.canonical(entity)
            mentions += [{"document_id": doc.id, "entity_id": global_id, "local_id": entity.id,
                          "local_name": entity.name, "start": m.start, "end": m.end, "text": m.text}
                         for m in entity.mentions]
        if mentions:
            connection.execute(t.mentions.insert(), mentions)
        if analysis.attributions:
            connection.execute(t.attributions.insert(), [_attribution_row(doc.id, a) for a in analysis.attributions])
        arguments = []
        if analysis.events:
            event_ids = _insert_events(connection, doc.id, [_event_row(doc.id, ev) for ev in analysis.events])
            for event_id, ev in zip(event_ids, analysis.events):
                arguments += [{"event_id": event_id, "role": role, "start": arg.span.start, "end": arg.span.end,
                               "text": arg.span.text, "entity_local": arg.entity} for role, arg in ev.arguments.items()]
        if arguments:
            connection.execute(t.arguments.insert(), arguments)
        return canonical

    def replace_analysis(self, analysis: Analysis) -> None:
        """Put a new analysis of an already stored article in place of its old one (one transaction):
        its mentions, attributions and events are written again, its text and ingest time kept."""
        doc = analysis.document
        with self.engine.begin() as connection:
            events = select(t.events.c.id).where(t.events.c.document_id == doc.id)
            connection.execute(t.arguments.delete().where(t.arguments.c.event_id.in_(events)))
            for table in (t.events, t.attributions, t.mentions):
                connection.execute(table.delete().where(table.c.document_id == doc.id))
            connection.execute(t.documents.update().where(t.documents.c.id == doc.id).values(
                warnings=json.dumps(analysis.warnings, ensure_ascii=False) if analysis.warnings else None,
                lang=doc.lang, analysis_version=analysis_version()))
            self._write_analysis(connection, analysis)

    def undo_merge(self, merge_id: int) -> None:
        """Reverse one recorded merge: the merged entity stands on its own again.

        The evidence graph read the merged entity's mentions as the kept one's;
        in the same transaction it takes back the articles from the first that
        did (store/derived.py: the graph's listener), and the next `graph.sync`
        replays them under the separate names.
        """
        with self.engine.begin() as connection:
            merge = connection.execute(select(t.entity_merges).where(t.entity_merges.c.id == merge_id)).first()
            if merge is None or merge.undone_at is not None:
                raise StoreError(f"no active merge {merge_id}", {"merge_id": merge_id})
            connection.execute(t.entities.update().where(t.entities.c.id == merge.merged_id).values(merged_into=None))
            connection.execute(t.entity_merges.update().where(t.entity_merges.c.id == merge_id)
                               .values(undone_at=datetime.now(timezone.utc)))
            entities_changed(connection, (merge.kept_id, merge.merged_id), retake_graph)

    # -- reading -----------------------------------------------------------

    def counts(self) -> dict[str, int]:
        names = ["documents", "entities", "mentions", "attributions", "events", "arguments", "entity_merges"]
        with self.engine.connect() as connection:
            return {name: int(connection.execute(select(func.count()).select_from(t.metadata.tables[name])).scalar_one())
                    for name in names}

    def canonical_entities(self, connection: Connection) -> dict[int, tuple[int, str, str, Optional[str], Optional[str]]]:
        """Every entity id -> (canonical id, name, type, wikidata, country), following merges."""
        rows = {r.id: r for r in connection.execute(select(t.entities))}
        result = {}
        for entity_id in rows:
            top = rows[merge_root(rows, entity_id)]
            result[entity_id] = (top.id, top.name, top.type, top.wikidata, top.country)
        return result

    def document_ids(self) -> list[str]:
        with self.engine.connect() as connection:
            return list(connection.execute(select(t.documents.c.id).order_by(t.documents.c.ingested_at,
                                                                             t.documents.c.id)).scalars())

    def iter_analyses(self, document_ids: Optional[list[str]] = None) -> Iterator[Analysis]:
        """Rebuild stored analyses in the v1 shape, with entity ids global to the store (`e<id>`)."""
        ids = document_ids if document_ids is not None else self.document_ids()
        with self.engine.connect() as connection:
            canonical = self.canonical_entities(connection)
            for document_id in ids:
                analysis = self._load(connection, document_id, canonical)
                if analysis is not None:
                    yield analysis

    def _load(self, connection: Connection, document_id: str,
              canonical: dict[int, tuple[int, str, str, Optional[str], Optional[str]]]) -> Optional[Analysis]:
        doc = connection.execute(_DOCUMENT, {"document_id": document_id}).first()
        if doc is None:
            return None
        document = Document(id=doc.id, text=doc.text, title=doc.title, date=doc.date, lang=doc.lang,
                            source=doc.source, url=doc.url, path=doc.path, record_id=doc.record_id)
        local_to_global: dict[str, str] = {}
        entities: dict[str, Entity] = {}
        mentions = list(connection.execute(_MENTIONS, {"document_id": document_id}))
        prefetch = getattr(canonical, "prefetch", None)
        if prefetch is not None:  # a lazy lookup (graph.sync): every entity of the article in one statement
            prefetch({m.entity_id for m in mentions})
        for m in mentions:
            top_id, name, etype, qid, country = canonical[m.entity_id]
            gid = f"e{top_id}"
            local_to_global[m.local_id] = gid
            entity = entities.setdefault(gid, Entity(id=gid, name=name, type=etype, wikidata=qid, country=country))
            entity.mentions.append(Span(m.start, m.end, m.text))
            if m.text != name and m.text not in entity.aliases:
                entity.aliases.append(m.text)
        attributions = [Attribution(
            id=a.local_id,
            source=Source(Span(a.source_start, a.source_end, a.source_text), a.source_type,
                          local_to_global.get(a.source_entity) if a.source_entity else None),
            cue=Span(a.cue_start, a.cue_end, a.cue_text) if a.cue_start is not None else None,
            content=Span(a.content_start, a.content_end, a.content_text),
            kind=a.kind, certainty=a.certainty, polarity=a.polarity, parent=a.parent)
            for a in connection.execute(_ATTRIBUTIONS, {"document_id": document_id})]
        event_rows = list(connection.execute(_EVENTS, {"document_id": document_id}))
        args_by_event: dict[int, dict[str, Argument]] = defaultdict(dict)
        if event_rows:
            for arg in connection.execute(_ARGUMENTS, {"event_ids": [e.id for e in event_rows]}):
                args_by_event[arg.event_id][arg.role] = Argument(
                    Span(arg.start, arg.end, arg.text), local_to_global.get(arg.entity_local) if arg.entity_local else None)
        events = [Event(
            id=e.local_id, type=e.type,
            trigger=Span(e.trigger_start, e.trigger_end, e.trigger_text) if e.trigger_start is not None else None,
            arguments=args_by_event[e.id],
            time=TimeRef(Span(e.time_start, e.time_end, e.time_text), e.time_value) if e.time_start is not None else None,
            attribution=e.attribution, certainty=e.certainty, polarity=e.polarity) for e in event_rows]
        warnings = json.loads(doc.warnings) if doc.warnings else []
        return Analysis(document=document, entities=list(entities.values()), attributions=attributions,
                        events=events, warnings=warnings)


# What `_load` reads, built once (SQLAlchemy builds and keys a statement made anew on every call).
_HAS_DOCUMENT = select(t.documents.c.id).where(t.documents.c.id == bindparam("document_id"))
_STORED_AMONG = select(t.documents.c.id).where(t.documents.c.id.in_(bindparam("ids", expanding=True)))
KEYS_PER_READ = 500
Canonical = dict[str, Optional[tuple[int, str, str, Optional[str], Optional[str]]]]
_INSERT_DOCUMENT = t.documents.insert()
_INSERT_EVENTS = t.events.insert().returning(t.events.c.id, sort_by_parameter_order=True)
_DROP_VECTORS = t.article_vectors.delete().where(t.article_vectors.c.document_id == bindparam("document_id"))
_DOCUMENT = select(t.documents).where(t.documents.c.id == bindparam("document_id"))
_MENTIONS = select(t.mentions).where(t.mentions.c.document_id == bindparam("document_id")).order_by(t.mentions.c.start)
_ATTRIBUTIONS = (select(t.attributions).where(t.attributions.c.document_id == bindparam("document_id"))
                 .order_by(t.attributions.c.id))
_EVENTS = select(t.events).where(t.events.c.document_id == bindparam("document_id")).order_by(t.events.c.id)
_ARGUMENTS = (select(t.arguments).where(t.arguments.c.event_id.in_(bindparam("event_ids", expanding=True)))
              .order_by(t.arguments.c.id))  # as written (an event's roles in its analysis's order), on PostgreSQL too


_EVENT_IDS = select(t.events.c.id).where(t.events.c.document_id == bindparam("document_id")).order_by(t.events.c.id)


def _insert_events(connection: Connection, document_id: str, rows: list[dict[str, Any]]) -> list[int]:
    """Insert an article's events; RETURNS their ids in the order of `rows` (the ids one insert each would give).

    PostgreSQL: one INSERT .. RETURNING, sorted by parameter order. SQLite: SQLAlchemy cannot sort a many-row
    RETURNING there and sends one INSERT per row (9 statements an article on the bench); instead one executemany,
    then the article's event ids read back in id order: SQLite gives each new row a larger id than any before
    it (max + 1, or the AUTOINCREMENT counter), in execution order, and the article's transaction holds the write
    lock from its first insert, so no other writer's rows interleave. An article whose events are replaced
    (`replace_analysis`) has had its old rows deleted first."""
    if connection.dialect.name != "sqlite":
        return list(connection.execute(_INSERT_EVENTS, rows).scalars().all())
    connection.execute(t.events.insert(), rows)
    return list(connection.execute(_EVENT_IDS, {"document_id": document_id}).scalars())


def _attribution_row(document_id: str, a: Attribution) -> dict[str, Any]:
    return {"document_id": document_id, "local_id": a.id,
            "source_start": a.source.span.start, "source_end": a.source.span.end, "source_text": a.source.span.text,
            "source_type": a.source.type, "source_entity": a.source.entity,
            "cue_start": a.cue.start if a.cue else None, "cue_end": a.cue.end if a.cue else None,
            "cue_text": a.cue.text if a.cue else None,
            "content_start": a.content.start, "content_end": a.content.end, "content_text": a.content.text,
            "kind": a.kind, "certainty": a.certainty, "polarity": a.polarity, "parent": a.parent}


def _event_row(document_id: str, ev: Event) -> dict[str, Any]:
    return {"document_id": document_id, "local_id": ev.id, "type": ev.type,
            "trigger_start": ev.trigger.start if ev.trigger else None,
            "trigger_end": ev.trigger.end if ev.trigger else None,
            "trigger_text": ev.trigger.text if ev.trigger else None,
            "time_start": ev.time.span.start if ev.time else None, "time_end": ev.time.span.end if ev.time else None,
            "time_text": ev.time.span.text if ev.time else None, "time_value": ev.time.value if ev.time else None,
            "attribution": ev.attribution, "certainty": ev.certainty, "polarity": ev.polarity}
