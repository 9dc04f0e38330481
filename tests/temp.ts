import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const created: string[] = []

/** A temporary folder removed after the test file (see tests/setup-db.ts). */
export function makeTempDir(prefix = 'portal-test-') {
	const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
	created.push(dir)
	return dir
}

export function takeTempDirs() {
	return created.splice(0)
}
