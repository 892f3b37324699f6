/**
 * What the Review step writes: the shell script that writes the file set, the
 * commands that start the project, and the shell quoting of its CLI line. One
 * module, so the step loads one chunk for all three (shell-script.ts and
 * bootstrap.ts were each a file under 1 KB, with about 300 bytes of headers
 * apiece in the first visit's precache; issue 18.16).
 */
export { shellQuote, shellScript } from './shell-script.ts';
export { bootstrapCommands } from './bootstrap.ts';
