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
import { alembicScriptLocation, MIGRATIONS_DIR, READY_PATH, usesSqlAlchemy } from '../../model/runtime.ts';
import type { GeneratedFile } from '../types.ts';
import { pyStr } from '../writers/python.ts';
import { py } from './common.ts';

/** The example model's table, created by the first migration. */
export const EXAMPLE_TABLE = 'items';
/** The first migration's revision id (also its file name's prefix). */
export const FIRST_REVISION = '0001';

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

function migrateModule(config: ReadonlyConfig): string[] {
	const f = facts(config);
	return [
		`"""Apply the database migrations (Alembic's \`\`upgrade head\`\`)::`,
		'',
		`    python -m ${f.pkg}.migrate`,
		'',
		'Each deploy runs it once, before the new version serves (never at container start). It needs',
		"the installed package and DATABASE_URL only, not the checkout's alembic.ini: the migrations",
		'are part of the package.',
		'"""',
		'',
		'import logging',
		'',
		'from alembic import command',
		'from alembic.config import Config',
		'',
		'from .config import get_settings',
		'',
		'# Package-resource form: the "migrations" folder of this package, wherever it is installed.',
		`SCRIPT_LOCATION = ${pyStr(alembicScriptLocation(config))}`,
		'',
		'',
		'def main() -> None:',
		'    """Upgrade the database to the newest revision."""',
		'    logging.basicConfig(level=get_settings().log_level, format="%(levelname)s %(name)s %(message)s")',
		'    config = Config()',
		'    config.set_main_option("script_location", SCRIPT_LOCATION)',
		'    command.upgrade(config, "head")',
		'',
		'',
		'if __name__ == "__main__":',
		'    main()'
	];
}

function envPy(config: ReadonlyConfig): string[] {
	const f = facts(config);
	return [
		'"""Alembic\'s environment: the database and the models are the application\'s own.',
		'',
		`The engine comes from ${f.pkg}.db (DATABASE_URL in the settings), never from alembic.ini.`,
		'"""',
		'',
		'from logging.config import fileConfig',
		'',
		'from alembic import context',
		'',
		`from ${f.pkg}.db import get_engine`,
		`from ${f.pkg}.models import Base`,
		'',
		'config = context.config',
		'# alembic.ini\'s logging (the checkout); `python -m ...migrate` has no file and logs its own way.',
		'if config.config_file_name is not None:',
		'    fileConfig(config.config_file_name, disable_existing_loggers=False)',
		'',
		'target_metadata = Base.metadata',
		'',
		'',
		'def run_migrations_offline() -> None:',
		'    """Write the SQL out (``alembic upgrade head --sql``) instead of running it."""',
		'    context.configure(',
		'        url=get_engine().url,',
		'        target_metadata=target_metadata,',
		'        literal_binds=True,',
		'        dialect_opts={"paramstyle": "named"},',
		'    )',
		'    with context.begin_transaction():',
		'        context.run_migrations()',
		'',
		'',
		'def run_migrations_online() -> None:',
		'    """Run the migrations over a connection of the app\'s engine."""',
		'    with get_engine().connect() as connection:',
		'        context.configure(connection=connection, target_metadata=target_metadata)',
		'        with context.begin_transaction():',
		'            context.run_migrations()',
		'',
		'',
		'if context.is_offline_mode():',
		'    run_migrations_offline()',
		'else:',
		'    run_migrations_online()'
	];
}

/**
 * Alembic's revision template (alembic 1.13's templates/generic/script.py.mako),
 * written with the typing ruff's UP rules want (`str | None`, collections.abc),
 * so `alembic revision` writes files that pass the project's own ruff check.
 */
const SCRIPT_MAKO = [
	'"""${message}',
	'',
	'Revision ID: ${up_revision}',
	'Revises: ${down_revision | comma,n}',
	'Create Date: ${create_date}',
	'"""',
	'',
	'from collections.abc import Sequence',
	'',
	'import sqlalchemy as sa',
	'from alembic import op',
	'${imports if imports else ""}',
	'# revision identifiers, used by Alembic.',
	'revision: str = ${repr(up_revision)}',
	'down_revision: str | None = ${repr(down_revision)}',
	'branch_labels: str | Sequence[str] | None = ${repr(branch_labels)}',
	'depends_on: str | Sequence[str] | None = ${repr(depends_on)}',
	'',
	'',
	'def upgrade() -> None:',
	'    ${upgrades if upgrades else "pass"}',
	'',
	'',
	'def downgrade() -> None:',
	'    ${downgrades if downgrades else "pass"}',
	''
].join('\n');

function firstMigration(): string[] {
	return [
		`"""Create the ${EXAMPLE_TABLE} table (the example model).`,
		'',
		`Revision ID: ${FIRST_REVISION}`,
		'Revises:',
		'Create Date: 2026-12-01 00:00:00',
		'"""',
		'',
		'from collections.abc import Sequence',
		'',
		'import sqlalchemy as sa',
		'from alembic import op',
		'',
		'# revision identifiers, used by Alembic.',
		`revision: str = ${pyStr(FIRST_REVISION)}`,
		'down_revision: str | None = None',
		'branch_labels: str | Sequence[str] | None = None',
		'depends_on: str | Sequence[str] | None = None',
		'',
		'',
		'def upgrade() -> None:',
		'    op.create_table(',
		`        ${pyStr(EXAMPLE_TABLE)},`,
		'        sa.Column("id", sa.Integer(), nullable=False),',
		'        sa.Column("name", sa.String(length=200), nullable=False),',
		'        sa.PrimaryKeyConstraint("id"),',
		'    )',
		'',
		'',
		'def downgrade() -> None:',
		`    op.drop_table(${pyStr(EXAMPLE_TABLE)})`
	];
}

/** alembic.ini for the checkout: where the migrations are and how Alembic logs; no database URL. */
function alembicIni(config: ReadonlyConfig): string {
	const f = facts(config);
	return [
		'# Alembic in the checkout: `alembic upgrade head`, `alembic revision --autogenerate -m "..."`.',
		`# No database URL here: ${MIGRATIONS_DIR}/env.py uses the app's engine (DATABASE_URL, ${f.pkg}.config).`,
		`# Deploys run \`python -m ${f.pkg}.migrate\`, which needs no ini file.`,
		'[alembic]',
		`# The "${MIGRATIONS_DIR}" folder of the ${f.pkg} package (package-resource form).`,
		`script_location = ${alembicScriptLocation(config)}`,
		"# The checkout's src/ first, so new revisions are written there, not into an installed copy.",
		'prepend_sys_path = src',
		'# How prepend_sys_path is split (Alembic 1.16+ warns without it; 1.13 ignores the key).',
		'path_separator = os',
		'',
		'[loggers]',
		'keys = root,sqlalchemy,alembic',
		'',
		'[handlers]',
		'keys = console',
		'',
		'[formatters]',
		'keys = generic',
		'',
		'[logger_root]',
		'level = WARNING',
		'handlers = console',
		'qualname =',
		'',
		'[logger_sqlalchemy]',
		'level = WARNING',
		'handlers =',
		'qualname = sqlalchemy.engine',
		'',
		'[logger_alembic]',
		'level = INFO',
		'handlers =',
		'qualname = alembic',
		'',
		'[handler_console]',
		'class = StreamHandler',
		'args = (sys.stderr,)',
		'level = NOTSET',
		'formatter = generic',
		'',
		'[formatter_generic]',
		'format = %(levelname)-5.5s [%(name)s] %(message)s',
		'datefmt = %H:%M:%S',
		''
	].join('\n');
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
