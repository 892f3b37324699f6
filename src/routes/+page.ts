/**
 * The page is prerendered and never hydrated as a whole: its own script
 * (src/lib/islands/page/main.ts, named in the HTML by src/lib/islands/hooks.ts) brings the
 * islands to life. SvelteKit's client router is not loaded (one page, no
 * navigation), which takes its start-up off the phone's main thread.
 */
export const csr = false;
