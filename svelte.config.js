import adapter from '@sveltejs/adapter-static';

/** Base path for hosting under a sub-path (e.g. /slipway); set SLIPWAY_BASE at build time. */
const base = process.env.SLIPWAY_BASE ?? '';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		runes: true
	},
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		paths: { base, relative: true },
		prerender: { handleHttpError: 'fail' }
	}
};

export default config;
