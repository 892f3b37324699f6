/**
 * SQLAlchemy 2 + Alembic for FastAPI and Flask services (issue 20.1), when
 * `usesSqlAlchemy` (model/runtime.ts):
 *
 *   src/<pkg>/db.py                 engine and sessions from the settings' DATABASE_URL
 *   src/<pkg>/models.py             an example model (typed DeclarativeBase / Mapped)
 *   src/<pkg>/migrate.py            `python -m <pkg>.migrate`: upgrade to head, what deploys run
 *   src/<pkg>/migrations/           env.py, script.py.mako, versions/0001_create_items.py
 *   alembic.ini                     the checkout's `alembic upgrade head` / `alembic revision`
 *
 * The migrations live inside the package, so every build backend puts them
 * in the wheel (the image and bare metal carry the installed wheel, not the
 * checkout), and Alembic finds them by its package-resource script_location
 * `<pkg>:migrations` (alembic/util/pyfiles.py coerce_resource_to_filename,
 * versions.ts ALEMBIC). No URL is written anywhere but DATABASE_URL: env.py
 * takes the app's own engine, alembic.ini has no sqlalchemy.url.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { facts, HEALTH_PATH } from '../../model/derive.ts';
import { MIGRATIONS_DIR, READY_PATH, usesSqlAlchemy } from '../../model/runtime.ts';
import type { GeneratedFile } from '../types.ts';
import { pyStr } from '../writers/python.ts';
import { py } from './common.ts';
import { alembicIni, envPy, EXAMPLE_TABLE, FIRST_REVISION, firstMigration, migrateModule, SCRIPT_MAKO } from './migrations.ts';

export { EXAMPLE_TABLE, FIRST_REVISION } from './migrations.ts';

function dbModule(): string[] {
	return [
		'"""The database: the SQLAlchemy engine and sessions, built from the settings\' DATABASE_URL.',
		'',
		'DATABASE_URL is a libpq URL (``postgresql://...``), the one every tool reads; SQLAlchemy',
		'would take a bare ``postgresql://`` for psycopg2, so ``database_url()`` names the psycopg 3',
		'driver (``postgresql+psycopg://``) in code. Alembic (migrations/env.py) uses the same engine.',
		'"""',
		'',
		'from collections.abc import Iterator',
		'from contextlib import contextmanager',
		'from functools import lru_cache',
		'',
		'from sqlalchemy import URL, Engine, create_engine, make_url, text',
		'from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker',
		'',
		'from .config import get_settings',
		'',
		'# Seconds a connection attempt may take (libpq connect_timeout): readiness answers in time.',
		'CONNECT_TIMEOUT = 5',
		'',
		'',
		'class Base(DeclarativeBase):',
		'    """The base class of the ORM models; Alembic compares the database with its metadata."""',
		'',
		'',
		'def database_url(url: str) -> URL:',
		'    """A libpq ``postgresql://`` URL as SQLAlchemy names it, with the psycopg 3 driver."""',
		'    parsed = make_url(url)',
		'    if parsed.drivername in ("postgres", "postgresql"):',
		'        parsed = parsed.set(drivername="postgresql+psycopg")',
		'    return parsed',
		'',
		'',
		'@lru_cache',
		'def get_engine() -> Engine:',
		'    """The process\'s engine (a connection pool), built on first use."""',
		'    return create_engine(',
		'        database_url(get_settings().database_url),',
		'        pool_pre_ping=True,',
		'        connect_args={"connect_timeout": CONNECT_TIMEOUT},',
		'    )',
		'',
		'',
		'@lru_cache',
		'def get_sessionmaker() -> sessionmaker[Session]:',
		'    """Sessions bound to the engine."""',
		'    return sessionmaker(bind=get_engine(), expire_on_commit=False)',
		'',
		'',
		'@contextmanager',
		'def session_scope() -> Iterator[Session]:',
		'    """A session that commits when the block succeeds and rolls back when it raises."""',
		'    with get_sessionmaker().begin() as session:',
		'        yield session',
		'',
		'',
		'def ping() -> None:',
		'    """Run ``SELECT 1``: raises when the database cannot be reached (the readiness check)."""',
		'    with get_engine().connect() as connection:',
		'        connection.execute(text("SELECT 1"))',
		'',
		'',
		'def reset() -> None:',
		'    """Forget the engine (after the settings change, e.g. in tests)."""',
		'    if get_engine.cache_info().currsize:',
		'        get_engine().dispose()',
		'    get_sessionmaker.cache_clear()',
		'    get_engine.cache_clear()'
	];
}

function modelsModule(): string[] {
	return [
		'"""The ORM models.',
		'',
		'``Item`` is an example: change it or add models, then write the migration with',
		'``alembic revision --autogenerate -m "what changed"`` and apply it with ``alembic upgrade head``.',
		'"""',
		'',
		'from sqlalchemy import String',
		'from sqlalchemy.orm import Mapped, mapped_column',
		'',
		'from .db import Base',
		'',
		'',
		'class Item(Base):',
		'    """An example table, created by the first migration."""',
		'',
		`    __tablename__ = ${pyStr(EXAMPLE_TABLE)}`,
		'',
		'    id: Mapped[int] = mapped_column(primary_key=True)',
		'    name: Mapped[str] = mapped_column(String(200))'
	];
}

/**
 * tests/test_db.py: the database layer against a real PostgreSQL. The
 * migrations run first (upgrade to head, what a deploy does), then a row goes
 * in and comes back, and readiness answers 200. Skipped, with the reason,
 * when DATABASE_URL names no database that answers (conftest.py sets it to
 * .env.example's value). Readiness answering 503 needs no database: the URL
 * points at a closed port on loopback.
 */
function dbTest(config: ReadonlyConfig): string[] {
	const f = facts(config);
	const fastapi = config.project.framework === 'fastapi';
	const client = fastapi ? 'TestClient(app)' : 'create_app().test_client()';
	return [
		'"""The database layer against a real PostgreSQL, skipped (with the reason) when none answers.',
		'',
		'Start one and point DATABASE_URL at it (``.env.example`` names the local one) to run them.',
		'"""',
		'',
		'from collections.abc import Iterator',
		'',
		'import pytest',
		...(fastapi ? ['from fastapi.testclient import TestClient'] : []),
		'from sqlalchemy import select',
		'from sqlalchemy.exc import OperationalError',
		'',
		...[
			fastapi ? `from ${f.pkg}.main import app` : `from ${f.pkg}.app import create_app`,
			`from ${f.pkg}.config import get_settings`,
			`from ${f.pkg}.db import ping, reset, session_scope`,
			`from ${f.pkg}.migrate import main as migrate`,
			`from ${f.pkg}.models import Item`
		].sort(),
		'',
		'',
		'@pytest.fixture(autouse=True)',
		'def fresh_engine() -> Iterator[None]:',
		'    """A new engine for each test, from the settings it sets."""',
		'    reset()',
		'    yield',
		'    reset()',
		'',
		'',
		'@pytest.fixture',
		'def database() -> None:',
		'    """Skip unless DATABASE_URL reaches a database; bring it to the newest migration."""',
		'    try:',
		'        ping()',
		'    except OperationalError as error:',
		'        url = get_settings().database_url.rpartition("@")[2]',
		'        pytest.skip(f"no database answers at DATABASE_URL (...@{url}): {error.orig}")',
		'    migrate()',
		'',
		'',
		'@pytest.mark.usefixtures("database")',
		'def test_a_row_goes_in_and_comes_back() -> None:',
		'    with session_scope() as session:',
		'        item = Item(name="journey")',
		'        session.add(item)',
		'        session.flush()',
		'        item_id = item.id',
		'    with session_scope() as session:',
		'        found = session.scalars(select(Item).where(Item.id == item_id)).one()',
		'        assert found.name == "journey"',
		'        session.delete(found)',
		'',
		'',
		'@pytest.mark.usefixtures("database")',
		'def test_ready_with_the_database() -> None:',
		`    response = ${client}.get(${pyStr(READY_PATH)})`,
		'    assert response.status_code == 200',
		'',
		'',
		'def test_ready_answers_503_without_a_database(monkeypatch: pytest.MonkeyPatch) -> None:',
		'    # Nothing listens on port 1 of loopback: the connection is refused at once.',
		'    monkeypatch.setenv("DATABASE_URL", "postgresql://app:unused@127.0.0.1:1/app")',
		'    get_settings.cache_clear()',
		`    client = ${client}`,
		`    assert client.get(${pyStr(READY_PATH)}).status_code == 503`,
		`    assert client.get(${pyStr(HEALTH_PATH)}).status_code == 200`
	];
}

/** The database layer's files; none unless usesSqlAlchemy. */
export function databaseFiles(config: ReadonlyConfig): GeneratedFile[] {
	if (!usesSqlAlchemy(config)) return [];
	const f = facts(config);
	const m = `${f.pkgDir}/${MIGRATIONS_DIR}`;
	return [
		{ path: 'alembic.ini', content: alembicIni(config), language: 'ini' },
		py(`${f.pkgDir}/db.py`, dbModule()),
		py(`${f.pkgDir}/models.py`, modelsModule()),
		py(`${f.pkgDir}/migrate.py`, migrateModule(config)),
		py(`${m}/__init__.py`, ['"""Alembic migrations (env.py, versions/): applied by ``python -m ' + f.pkg + '.migrate``."""']),
		py(`${m}/env.py`, envPy(config)),
		{ path: `${m}/script.py.mako`, content: SCRIPT_MAKO, language: 'text' },
		py(`${m}/versions/__init__.py`, ['"""Migration scripts, one per revision (Alembic skips this file)."""']),
		py(`${m}/versions/${FIRST_REVISION}_create_${EXAMPLE_TABLE}.py`, firstMigration()),
		py('tests/test_db.py', dbTest(config))
	];
}
