// See https://svelte.dev/docs/kit/types#app.d.ts
// for information about these interfaces
declare global {
	/** Absolute path of the client build's Vite manifest (src/lib/islands/build/page-entry.ts), read at prerender. */
	const __SLIPWAY_CLIENT_MANIFEST__: string;
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
