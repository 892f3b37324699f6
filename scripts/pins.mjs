// `npm run pins`: every pin of src/lib/generators/versions.ts with its check date and source,
// oldest check first (scripts/pins.ts). Node 20 runs no TypeScript: bundle it with esbuild in
// memory, as scripts/build-cli.mjs bundles the CLI, and run its main().
//
//   node scripts/pins.mjs [--json]
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = await build({
	entryPoints: [fileURLToPath(new URL('pins.ts', import.meta.url))],
	absWorkingDir: root,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	write: false,
	logLevel: 'warning'
});
const { main } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
main(process.argv.slice(2));
