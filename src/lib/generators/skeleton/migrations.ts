/**
 * The Alembic half of the database layer (skeleton/database.ts lists the
 * files): `python -m <pkg>.migrate`, migrations/env.py, script.py.mako, the
 * first migration and the checkout's alembic.ini. env.py takes the app's own
 * engine; alembic.ini names no URL (versions.ts SQLALCHEMY_ALEMBIC).
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { facts } from '../../model/derive.ts';
import { alembicScriptLocation, MIGRATIONS_DIR } from '../../model/runtime.ts';
import { pyStr } from '../writers/python.ts';
import { py } from './common.ts';

/** The example model's table, created by the first migration. */
export const EXAMPLE_TABLE = 'items';
/** The first migration's revision id (also its file name's prefix). */
export const FIRST_REVISION = '0001';

export function migrateModule(config: ReadonlyConfig): string[] {
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

export function envPy(config: ReadonlyConfig): string[] {
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

/** A revision script's parts: each a literal text, or for the template a Mako expression. */
interface Revision {
	message: string;
	id: string;
	/** After "Revises:" (nothing for the first revision). */
	revises: string;
	date: string;
	/** The line after the imports (the template's extra imports; '' when none). */
	imports: string;
	/** Python expressions of the revision identifiers. */
	revision: string;
	downRevision: string;
	branchLabels: string;
	dependsOn: string;
	upgrade: readonly string[];
	downgrade: readonly string[];
}

/**
 * A revision script as Alembic's template lays it out (alembic 1.13's templates/generic/script.py.mako),
 * with the typing ruff's UP rules want (`str | None`, collections.abc), so the scripts `alembic revision`
 * writes, and ours, pass the project's own ruff check.
 */
function revisionScript(r: Revision): string[] {
	return [
		`"""${r.message}`,
		'',
		`Revision ID: ${r.id}`,
		`Revises:${r.revises ? ` ${r.revises}` : ''}`,
		`Create Date: ${r.date}`,
		'"""',
		'',
		'from collections.abc import Sequence',
		'',
		'import sqlalchemy as sa',
		'from alembic import op',
		r.imports,
		'# revision identifiers, used by Alembic.',
		`revision: str = ${r.revision}`,
		`down_revision: str | None = ${r.downRevision}`,
		`branch_labels: str | Sequence[str] | None = ${r.branchLabels}`,
		`depends_on: str | Sequence[str] | None = ${r.dependsOn}`,
		'',
		'',
		'def upgrade() -> None:',
		...r.upgrade,
		'',
		'',
		'def downgrade() -> None:',
		...r.downgrade
	];
}

/** Alembic's revision template (script.py.mako): `alembic revision` fills in its Mako expressions. */
export const SCRIPT_MAKO =
	revisionScript({
		message: '${message}',
		id: '${up_revision}',
		revises: '${down_revision | comma,n}',
		date: '${create_date}',
		imports: '${imports if imports else ""}',
		revision: '${repr(up_revision)}',
		downRevision: '${repr(down_revision)}',
		branchLabels: '${repr(branch_labels)}',
		dependsOn: '${repr(depends_on)}',
		upgrade: ['    ${upgrades if upgrades else "pass"}'],
		downgrade: ['    ${downgrades if downgrades else "pass"}']
	}).join('\n') + '\n';

/** The first revision: the example model's table. */
export function firstMigration(): string[] {
	return revisionScript({
		message: `Create the ${EXAMPLE_TABLE} table (the example model).`,
		id: FIRST_REVISION,
		revises: '',
		date: '2026-12-01 00:00:00',
		imports: '',
		revision: pyStr(FIRST_REVISION),
		downRevision: 'None',
		branchLabels: 'None',
		dependsOn: 'None',
		upgrade: [
			'    op.create_table(',
			`        ${pyStr(EXAMPLE_TABLE)},`,
			'        sa.Column("id", sa.Integer(), nullable=False),',
			'        sa.Column("name", sa.String(length=200), nullable=False),',
			'        sa.PrimaryKeyConstraint("id"),',
			'    )'
		],
		downgrade: [`    op.drop_table(${pyStr(EXAMPLE_TABLE)})`]
	});
}

/** alembic.ini for the checkout: where the migrations are and how Alembic logs; no database URL. */
export function alembicIni(config: ReadonlyConfig): string {
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
