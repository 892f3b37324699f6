/** The page's entry (see start.svelte.ts): start the page, then register the offline worker. */
import { registerServiceWorker, startPage } from './start.svelte.ts';

startPage();
registerServiceWorker();
