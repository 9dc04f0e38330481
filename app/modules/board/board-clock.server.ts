// The board's notion of "now". In production and development it is the system clock. Only when the
// server entry starts with NODE_ENV=test and PORTAL_TEST_CLOCK_FILE set (server.ts) does a file holding
// an ISO instant replace it, so that an end-to-end test can move the (separate) server process to a
// later day and watch a document leave the board at its end date (decision 015). The check sits in
// server.ts because the Remix bundle has NODE_ENV folded to "production" at build time; the setting
// reaches the Remix bundle through a process-wide singleton. Nothing else reads this file.
import { readFileSync } from 'node:fs'
import { singleton } from '../util/singleton.server'

const testClock = singleton<{ file: string | null }>('board-test-clock', () => ({ file: null }))

/** Test servers only (server.ts checks NODE_ENV=test): read "now" from this file while it exists. */
export function useBoardTestClockFile(file: string) {
	testClock.file = file
}

export function boardNow(): Date {
	if (testClock.file) {
		try {
			const text = readFileSync(testClock.file, 'utf8').trim()
			const moved = new Date(text)
			if (text && !Number.isNaN(moved.getTime())) return moved
		} catch {
			// No file: the real clock.
		}
	}
	return new Date()
}

/** YYYY-MM-DD of an instant on the Europe/Prague calendar. */
export function pragueDay(instant: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
}

/** A calendar day (YYYY-MM-DD) as the Date Prisma reads and writes for a DATE column (midnight UTC). */
export function dayToDate(day: string): Date {
	return new Date(`${day}T00:00:00.000Z`)
}

/** The YYYY-MM-DD of a DATE column value. */
export function dateToDay(date: Date): string {
	return date.toISOString().slice(0, 10)
}

export function addDays(day: string, days: number): string {
	const date = dayToDate(day)
	date.setUTCDate(date.getUTCDate() + days)
	return dateToDay(date)
}
