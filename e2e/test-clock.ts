// The official board's test clock (decision 015): under NODE_ENV=test the server reads "now" for the
// board from this file when it exists (app/modules/board/board-clock.server.ts). One file per e2e
// database, so parallel e2e runs on other ports do not see each other's time.
import { rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const TEST_CLOCK_FILE = path.join(os.tmpdir(), `portal-e2e-clock-${process.env.E2E_DATABASE ?? 'portal_e2e'}.txt`)

/** Moves the board's clock of the e2e server to this instant. */
export function setBoardClock(instant: Date) {
	writeFileSync(TEST_CLOCK_FILE, instant.toISOString())
}

/** Back to the real clock. */
export function resetBoardClock() {
	rmSync(TEST_CLOCK_FILE, { force: true })
}
