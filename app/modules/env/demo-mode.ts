// The demo (`npm start`, that is `node build/server/index.js --demo` with NODE_ENV=production) runs the
// production build in production mode, so visitors get what production gives them: no stack traces,
// Remix's production error handling. Three production safeguards would stop it, and only the demo
// process is excused from them (docs/decisions/013):
//   - SECRETS_KEYS: the demo encrypts with its fixed demo key (app/modules/secrets);
//   - NIA: the demo's IdP is the simulator on this machine, reached over plain http;
//   - Secure cookies: the demo towns are served over plain http on *.localhost.
// The CLI, the worker and a server started without --demo get no exception.

/** Whether this process is the demo server (started with --demo). */
export function isDemoProcess(argv: readonly string[] = process.argv) {
	return argv.includes('--demo')
}

/** Whether production's refusals (an IdP on this machine, plain http, no keys) apply to this process. */
export function enforcesProductionRules(nodeEnv: string, argv: readonly string[] = process.argv) {
	return nodeEnv === 'production' && !isDemoProcess(argv)
}
