/** Where generate.worker.ts, loaded into the page instead of a worker, leaves its `generate` (engine.ts reads it). */
export const PAGE_GENERATE = '__slipwayGenerate';
