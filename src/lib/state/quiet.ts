/**
 * What the page still has loading through the service worker, so that the
 * update prompt (components/UpdatePrompt.svelte) can wait for it before it
 * lets a new deploy's worker take over.
 *
 * Why: Chromium activates a waiting worker that called skipWaiting() once
 * the old active worker is idle, by stopping it as soon as it has no event
 * left. A module import the page (or its generator worker) has under way at
 * that moment (the "Reload" click is often the page's first interaction, which
 * starts the generators' import: Preview.svelte's warm-up) asks for its next
 * module after the old worker stopped: that fetch starts the old worker again,
 * as the page's controller, and nothing stops it a second time: the new worker
 * stays "installed", no controllerchange comes, and the page never reloads
 * (for as long as the old worker runs: with DevTools attached, 5 minutes).
 * Seen with the generator worker as a chunk graph (vite-plugins/worker-chunk.ts):
 * the page's import fetches its entry, then the chunks it imports.
 */

const loads = new Set<Promise<unknown>>();
const stops = new Set<() => void>();

/** A load (an import) the handover waits for; returns it. */
export function track<T>(load: Promise<T>): Promise<T> {
	loads.add(load);
	const done = () => loads.delete(load);
	load.then(done, done);
	return load;
}

/** Something to stop before the handover (a worker whose imports would go on); returns its removal. */
export function onQuiet(stop: () => void): () => void {
	stops.add(stop);
	return () => stops.delete(stop);
}

/** Stop what can be stopped, then wait until no tracked load is under way (loads started meanwhile included). */
export async function quiet(): Promise<void> {
	for (const stop of [...stops]) stop();
	while (loads.size) await Promise.allSettled([...loads]);
}
