/**
 * "Preview first": what a change makes the page do that is not the preview's
 * text (building the form's sections for a new target, the file tree's rows)
 * can wait until the browser has painted the change's first frame. The
 * click's or keystroke's own task then does the least it can, the first frame
 * shows the file text and the control touched, and the rest follows in the
 * frame after (web.dev, "Optimize Interaction to Next Paint": yield so the
 * browser can paint). scripts/bench-ui.mjs measures both: to the preview's
 * text and its frame, and to "settled" (the page's last change) and its frame.
 */
import { untrack } from 'svelte';

/** Longest wait for a frame (a hidden tab paints none): the work runs then anyway. */
const LONGEST_WAIT_MS = 100;

/**
 * Run `fn` in a task after the next frame has been rendered (requestAnimationFrame,
 * then a message to a MessageChannel: its task runs after that frame's rendering),
 * or after LONGEST_WAIT_MS when no frame comes. Returns a function that cancels it.
 */
export function afterPaint(fn: () => void): () => void {
	let done = false;
	if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') {
		const t = setTimeout(() => {
			if (!done) fn();
			done = true;
		}, 0);
		return () => ((done = true), clearTimeout(t));
	}
	const run = () => {
		if (done) return;
		done = true;
		cancel();
		fn();
	};
	const ch = new MessageChannel();
	ch.port1.onmessage = run;
	const frame = requestAnimationFrame(() => ch.port2.postMessage(null));
	const late = setTimeout(run, LONGEST_WAIT_MS);
	function cancel() {
		cancelAnimationFrame(frame);
		clearTimeout(late);
		ch.port1.onmessage = null;
		ch.port1.close();
	}
	return () => {
		done = true;
		cancel();
	};
}

/**
 * A value that follows `get()` one painted frame late (the first value at once;
 * a change that comes before the frame replaces the one waiting). Equal values
 * (`same`, default Object.is) change nothing. Create it while a component
 * initialises (it owns an effect).
 */
export function deferred<T>(get: () => T, same: (a: T, b: T) => boolean = Object.is): { readonly value: T } {
	let value = $state.raw(untrack(get));
	$effect(() => {
		const next = get();
		if (same(untrack(() => value), next)) return;
		return afterPaint(() => (value = next));
	});
	return {
		get value() {
			return value;
		}
	};
}
