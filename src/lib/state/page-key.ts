/** Where generate.worker.ts, loaded into the page instead of a worker, leaves its `generate` (engine.ts reads it). */
export const PAGE_GENERATE = '__slipwayGenerate';
/** Where it leaves its `generateFile` (one file of the set, engine.ts `loadFileGenerator`). */
export const PAGE_GENERATE_FILE = '__slipwayGenerateFile';
