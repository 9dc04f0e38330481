// The operator's `portal` command as a real child process, for the CLI tests: the bundle
// build/server/cli.js that `npm run build` makes (rebuilt here first when it is missing or older than
// the sources, as the server tests do), so each run is plain Node. Running app/cli/index.ts through
// tsx instead compiled the sources in every child process, several times slower.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { ensureBuild, REPO_ROOT } from '../scripts/built-server'

export const CLI_ENTRY = path.join(REPO_ROOT, 'build/server/cli.js')

// Importing this file makes sure of the build once, before any test (a build can take minutes).
await ensureBuild()

export type PortalRun = { code: number; stdout: string; stderr: string }

/** Runs `portal <args>` in the repository with the test's environment (DATABASE_URL: the worker's database) plus `env`. */
export function portal(args: string[], { env = {}, timeoutMs = 30_000 }: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<PortalRun> {
	return new Promise((resolve) => {
		execFile(process.execPath, [CLI_ENTRY, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout: timeoutMs }, (error, stdout, stderr) => {
			// A timeout or signal has no exit code: -1, which no test expects.
			resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
		})
	})
}
