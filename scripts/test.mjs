// `npm test`: the whole suite in three stages, stopping at the first stage that fails.
//   1. typecheck, lint and build side by side (each is one process on one core; run one after the
//      other they took about three minutes, side by side about half that on two cores),
//   2. Vitest (its server tests start the build from stage 1 instead of building it themselves),
//   3. Playwright (against the same build).
// The output of side-by-side steps is held and printed whole when each step ends, so it never
// interleaves. Each step's time is printed at the end. Any npm script can be run alone as before.
import { spawn } from 'node:child_process'

const STAGES = [['typecheck', 'lint', 'build'], ['test:unit'], ['test:e2e']]

function runScript(name, { buffered }) {
	const started = Date.now()
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', '--silent', name], { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
		const output = []
		if (buffered) {
			child.stdout.on('data', (chunk) => output.push(chunk))
			child.stderr.on('data', (chunk) => output.push(chunk))
		}
		child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)))
		child.on('close', (code, signal) => {
			const seconds = Math.round((Date.now() - started) / 1000)
			if (buffered) {
				process.stdout.write(`\n== ${name} (${seconds} s, ${code === 0 ? 'ok' : `failed: ${signal ?? `exit ${code}`}`})\n`)
				process.stdout.write(Buffer.concat(output))
			}
			resolve({ name, seconds, ok: code === 0 })
		})
	})
}

const results = []
const started = Date.now()
let failed = false
for (const stage of STAGES) {
	if (stage.length === 1) process.stdout.write(`\n== ${stage[0]}\n`)
	else process.stdout.write(`\n== ${stage.join(', ')} (side by side)\n`)
	const done = await Promise.all(stage.map((name) => runScript(name, { buffered: stage.length > 1 })))
	results.push(...done)
	if (done.some((result) => !result.ok)) {
		failed = true
		break
	}
}
const total = Math.round((Date.now() - started) / 1000)
process.stdout.write(`\n== times: ${results.map((r) => `${r.name} ${r.seconds} s${r.ok ? '' : ' (failed)'}`).join(', ')}; total ${total} s\n`)
process.exit(failed ? 1 : 0)
