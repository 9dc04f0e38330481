/** Remix classic compiler (see docs/decisions/001-remix-classic-compiler-and-tailwind.md). */
/** @type {import('@remix-run/dev').AppConfig} */
export default {
	serverModuleFormat: 'esm',
	serverPlatform: 'node',
	serverBuildPath: 'build/index.js',
	assetsBuildDirectory: 'public/build',
	publicPath: '/build/',
	postcss: true,
	tailwind: false,
	ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}', '**/*.server.test.{ts,tsx}'],
	future: {
		v3_fetcherPersist: true,
		v3_relativeSplatPath: true,
		v3_throwAbortReason: true,
		v3_singleFetch: true,
		v3_lazyRouteDiscovery: true,
		// v3_routeConfig is left off: it exists only for the Vite plugin (the classic compiler asserts on it).
	},
}
