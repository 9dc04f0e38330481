// Bundles the Express entry (server.ts and what it imports from app/modules and server/) into
// build/server/index.js, the job worker (worker.ts) into build/server/worker.js, and the operator's
// `portal` command (app/cli/index.ts) into build/server/cli.js: plain `node build/server/cli.js`
// starts in a fraction of the time `tsx` takes to compile the sources, which is what the CLI tests
// and e2e/mail.spec.ts run. npm packages stay external; the Remix build is imported at run time.
import { build } from 'esbuild'

await build({
	entryPoints: { index: 'server.ts', worker: 'worker.ts', cli: 'app/cli/index.ts' },
	outdir: 'build/server',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	sourcemap: true,
	logLevel: 'warning',
})
console.log('built build/server/index.js, build/server/worker.js and build/server/cli.js')
