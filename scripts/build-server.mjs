// Bundles the Express entry (server.ts and what it imports from app/modules and server/) into
// build/server/index.js, and the job worker (worker.ts) into build/server/worker.js. npm packages
// stay external; the Remix build is imported at run time.
import { build } from 'esbuild'

await build({
	entryPoints: { index: 'server.ts', worker: 'worker.ts' },
	outdir: 'build/server',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning',
})
console.log('built build/server/index.js and build/server/worker.js')
