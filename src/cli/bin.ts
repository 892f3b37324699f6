import { run } from './main.ts';

const code = await run(process.argv.slice(2), {
	stdout: (t) => process.stdout.write(t),
	stderr: (t) => process.stderr.write(t),
	cwd: process.cwd()
});
process.exitCode = code;
