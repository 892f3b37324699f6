/**
 * The page's islands (README.md in this folder says why and how to add one): the parts of the page that are prerendered with it but
 * hydrated on their own, one per task, after the page shell. A single
 * hydration of the whole page is one long task on a phone; islands split it
 * so the page answers input sooner (and Lighthouse's Total Blocking Time
 * stays low).
 *
 * How it works:
 * - the page's markup holds an empty element with `data-island="NAME"`, the
 *   same on the server and in the browser, so the page's own hydration never
 *   looks inside it;
 * - at prerender, hooks.ts (src/hooks.server.ts) fills each such element with the
 *   island's server rendering (`render()` from svelte/server);
 * - in the browser an attachment (`island(name)`, client.ts) hydrates
 *   the island in its own task once its element is near the viewport, and
 *   every island still waiting at once on the user's first interaction
 *   (before that interaction's events run, so no click or keystroke is lost).
 *   An island's element created later, in the browser, is empty: the island
 *   is mounted there at once.
 * Islands may contain islands (the wizard holds the Project step's three;
 * project-about holds project-people).
 *
 * The page itself is never hydrated (`csr = false` in +page.ts: SvelteKit's
 * client router does not load). Its own small script, page/start.svelte.ts,
 * owns the state, adopts the page's top-level island elements and does what
 * the page does (the address bar, shortcuts, the service worker). So every
 * part of the page that changes is an island, the header's buttons and the
 * notices too.
 *
 * Every island takes the same props, `PageActions`.
 */
import type { Component } from 'svelte';
import type { AppState } from '../state/app.svelte.ts';
import Wizard from '../components/Wizard.svelte';
import Preview from '../components/Preview.svelte';
import ProjectStart from '../components/steps/ProjectStart.svelte';
import ProjectAbout from '../components/steps/ProjectAbout.svelte';
import ProjectPeople from '../components/steps/ProjectPeople.svelte';
import ProjectKind from '../components/steps/ProjectKind.svelte';
import PageTools from '../components/PageTools.svelte';
import PageNotices from '../components/PageNotices.svelte';
import PageStatus from '../components/PageStatus.svelte';
import UpdatePrompt from '../components/UpdatePrompt.svelte';
import type { FieldError } from '../model/validate.ts';

/** The page's own state, shown by its islands: owned by page/start.svelte.ts (reactive there). */
export interface PageUi {
	/** A zip is being built. */
	busy: boolean;
	/** The last message for the status line (announced politely). */
	status: string;
	/** A shared link that could not be opened, with why. */
	linkError: { message: string; errors?: FieldError[]; instead?: string } | null;
	/** The configuration is too large for a link. */
	linkTooLong: boolean;
	/** The last visit's configuration was restored from the browser's storage (page/remember.ts). */
	restored: { savedAt: number } | null;
	/** A shared link replaced the configuration this browser kept, which is set aside: offer to go back to it. */
	keptOffer: { savedAt: number } | null;
}

/** What the page shares with its islands. `ui` is reactive state owned by the page. */
export interface PageActions {
	app: AppState;
	ui: PageUi;
	copyLink: () => Promise<void> | void;
	downloadZip: () => void;
	goTo: (path: string) => void;
	/** Replace the configuration with the default one (undoable). */
	startFresh: () => void;
	/** Go back to the configuration kept before a shared link was opened. */
	goBackToKept: () => void;
}

/**
 * The islands by name (the `data-island` value of their element). They are
 * in the page's chunk: loading them lazily (measured) only moved their
 * evaluation into one later task and delayed hydration.
 */
export const ISLANDS: Record<string, Component<PageActions>> = {
	wizard: Wizard,
	preview: Preview,
	'project-start': ProjectStart,
	'project-about': ProjectAbout,
	'project-people': ProjectPeople,
	'project-kind': ProjectKind,
	tools: PageTools,
	notices: PageNotices,
	status: PageStatus,
	// It takes no props (it follows the service worker): the page's are passed and ignored.
	update: UpdatePrompt as unknown as Component<PageActions>
};

/** A fresh `PageUi`: what the page shows before anything happened. */
export const initialUi = (): PageUi => ({ busy: false, status: '', linkError: null, linkTooLong: false, restored: null, keptOffer: null });

/**
 * Islands whose prerendered markup is only a placeholder: in the browser they
 * are mounted fresh (replacing it) instead of hydrated, because their state
 * has moved on by then (the preview: the files arrive from the worker).
 */
export const MOUNTED_ISLANDS: ReadonlySet<string> = new Set(['preview']);

/** Matches an island's empty container in the prerendered page. */
export const ISLAND_ELEMENT = /<(section|div)(\s[^>]*?\bdata-island="([a-z-]+)"[^>]*)><\/\1>/g;
