/**
 * Command-line skeleton: `src/<pkg>/cli.py` with an argparse parser,
 * `--version`, and two subcommands (`hello`, `config`). `main(argv)` returns
 * the exit code, so tests call it directly. The description comes from the
 * installed metadata (the project's Summary), never pasted into code.
 */
import type { ReadonlyConfig } from '../../model/config.ts';
import { facts } from '../../model/derive.ts';
import type { GeneratedFile } from '../types.ts';
import { pyStr } from '../writers/python.ts';
import { packageModule } from './common.ts';

export function cliFiles(config: ReadonlyConfig): GeneratedFile[] {
	const f = facts(config);
	return [
		packageModule(config, 'cli', {
			doc: 'Command-line interface; run the installed command with ``--help``.',
			imports: [
				['import argparse', 'import json', 'import sys', 'from collections.abc import Sequence', 'from importlib.metadata import PackageNotFoundError, metadata', 'from urllib.parse import urlsplit'],
				['from pydantic import ValidationError'],
				['from . import __version__', 'from .config import Settings, get_settings']
			],
			body: [
				`PROG = ${pyStr(f.script ?? f.distName)}`,
				`DIST_NAME = ${pyStr(f.distName)}`,
				'',
				'',
				'def _summary() -> str:',
				'    """The project\'s one-line description, from its installed metadata."""',
				'    try:',
				'        summary = metadata(DIST_NAME).get_all("Summary") or [""]',
				'    except PackageNotFoundError:',
				'        return ""',
				'    text = str(summary[0])',
				'    # argparse %-formats help text that mentions %(prog): keep any other "%" literal.',
				'    return text.replace("%", "%%") if "%(prog)" in text else text',
				'',
				'',
				'def redacted(settings: Settings) -> dict[str, object]:',
				'    """The settings as JSON data, with secrets and URL passwords masked."""',
				'    data: dict[str, object] = settings.model_dump(mode="json")',
				'    for key, value in data.items():',
				'        if isinstance(value, str) and "://" in value:',
				'            password = urlsplit(value).password',
				'            if password:',
				'                data[key] = value.replace(f":{password}@", ":***@", 1)',
				'    return data',
				'',
				'',
				'def build_parser() -> argparse.ArgumentParser:',
				'    """The argument parser, with one sub-parser per command."""',
				'    parser = argparse.ArgumentParser(prog=PROG, description=_summary())',
				'    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")',
				'    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")',
				'    hello = commands.add_parser("hello", help="greet someone")',
				'    hello.add_argument("name", nargs="?", default="world", help="who to greet")',
				'    commands.add_parser("config", help="show the effective settings (secrets hidden)")',
				'    return parser',
				'',
				'',
				'def main(argv: Sequence[str] | None = None) -> int:',
				'    """Run the command line; returns the process exit code."""',
				'    args = build_parser().parse_args(argv)',
				'    if args.command == "hello":',
				'        print(f"Hello, {args.name}!")',
				'        return 0',
				'    try:',
				'        settings = get_settings()',
				'    except ValidationError as error:',
				'        print(f"{PROG}: invalid settings:\\n{error}", file=sys.stderr)',
				'        return 1',
				'    print(json.dumps(redacted(settings), indent=2))',
				'    return 0'
			]
		})
	];
}
