// Bundles the Express entry (server.ts and what it imports from app/modules and server/) into
// build/server/index.js. npm packages stay external; the Remix build is imported at run time.
import { build } from 'esbuild'

await build({
	entryPoints: ['server.ts'],
	outfile: 'build/server/index.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning',
})
console.log('built build/server/index.js')
