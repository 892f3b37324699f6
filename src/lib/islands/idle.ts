/**
 * Run `fn` once the main thread is idle (requestIdleCallback), at the latest
 * after `timeoutMs`; where the browser has no idle callbacks, after a short
 * delay. Returns a function that cancels the call if it has not run yet.
 */
export function whenIdle(fn: () => void, timeoutMs: number): () => void {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(() => fn(), { timeout: timeoutMs });
		return () => cancelIdleCallback(handle);
	}
	const handle = setTimeout(fn, Math.min(500, timeoutMs));
	return () => clearTimeout(handle);
}
