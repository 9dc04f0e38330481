/** The bench's reference: a bare Remix 2.17 app (classic compiler, the portal's future flags). */
/** @type {import('@remix-run/dev').AppConfig} */
export default {
	serverModuleFormat: 'esm',
	serverPlatform: 'node',
	serverBuildPath: 'build/index.js',
	assetsBuildDirectory: 'build/public',
	publicPath: '/build/',
	future: {
		v3_fetcherPersist: true,
		v3_relativeSplatPath: true,
		v3_throwAbortReason: true,
		v3_singleFetch: true,
		v3_lazyRouteDiscovery: true,
	},
}
