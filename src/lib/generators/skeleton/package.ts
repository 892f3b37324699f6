/**
 * The package's own files: `__init__.py` (with `__version__` from the
 * installed metadata), `py.typed` (PEP 561) and `__main__.py`, so
 * `python -m <pkg>` does what the console script does.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { facts, serveArgv } from '../../model/derive.ts';
import type { GeneratedFile } from '../types.ts';
import { pyStr, pyStrList } from '../writers/python.ts';
import { djangoCelerySettings } from './celery.ts';
import { py } from './common.ts';

export function packageFiles(config: ReadonlyConfig): GeneratedFile[] {
	const f = facts(config);
	const lib = config.project.kind === 'library';
	// Celery's Django layout: the package imports the app, so @shared_task uses it (celery.ts).
	const djangoCelery = !!djangoCelerySettings(config);
	const init = py(`${f.pkgDir}/__init__.py`, [
		`"""Top-level package of ${f.pkg}."""`,
		'',
		'from importlib.metadata import PackageNotFoundError, version',
		'',
		...(lib ? ['from .core import greet', ''] : []),
		...(djangoCelery ? ['from .celery import app as celery_app', ''] : []),
		'try:',
		`    __version__ = version(${pyStr(f.distName)})`,
		'except PackageNotFoundError:  # pragma: no cover - imported from a source tree, not installed',
		'    __version__ = "0.0.0"',
		'',
		lib ? '__all__ = ["__version__", "greet"]' : djangoCelery ? '__all__ = ["__version__", "celery_app"]' : '__all__ = ["__version__"]'
	]);
	const typed: GeneratedFile = { path: `${f.pkgDir}/py.typed`, content: '', language: 'text' };
	return [init, typed, mainModule(config)];
}

function mainModule(config: ReadonlyConfig): GeneratedFile {
	const f = facts(config);
	const path = `${f.pkgDir}/__main__.py`;
	switch (config.project.kind) {
		case 'cli':
		case 'worker': {
			const mod = config.project.kind;
			return py(path, [
				'"""Run the console script\'s entry point: the same as the installed command.',
				'',
				`\`\`python -m ${f.pkg}\`\``,
				`equals \`\`${f.script}\`\`.`,
				'"""',
				'',
				`from .${mod} import main`,
				'',
				'if __name__ == "__main__":',
				'    raise SystemExit(main())'
			]);
		}
		case 'library':
			return py(path, [
				'"""Print the installed version of the package."""',
				'',
				'from . import __version__',
				'',
				'if __name__ == "__main__":',
				'    print(__version__)'
			]);
		case 'service': {
			// The very command Docker, Kubernetes and systemd run (derive.ts serveArgv), as `python -m`.
			const argv = serveArgv(config);
			return py(path, [
				'"""Run the production server.',
				'',
				`Usage: \`\`python -m ${f.pkg}\`\`,`,
				`or the \`\`${f.script}\`\` command.`,
				'',
				`It starts ${argv[0]} exactly as the container and the deployment files do,`,
				'listening on all interfaces on port 8000. For development use the reload',
				'server described in README.md instead.',
				'"""',
				'',
				'import os',
				'import sys',
				'',
				`SERVER_ARGV = ${pyStrList(argv)}`,
				'',
				'',
				'def main() -> None:',
				`    """Replace this process with ${argv[0]}, so signals (SIGTERM) reach the server directly."""`,
				'    sys.stdout.flush()',
				'    os.execv(sys.executable, [sys.executable, "-m", *SERVER_ARGV])',
				'',
				'',
				'if __name__ == "__main__":',
				'    main()'
			]);
		}
	}
}
