import { readFileSync } from 'node:fs'
import path from 'node:path'

export const EMBEDDED_URL_FILE = 'embedded-url'

/**
 * The database a command-line tool talks to: DATABASE_URL, or else the embedded demo database that
 * `npm start` is running (it writes its URL to <DATA_DIR>/embedded-url).
 */
export function findDatabaseUrl(env: { DATABASE_URL?: string; DATA_DIR: string }) {
	if (env.DATABASE_URL) return env.DATABASE_URL
	try {
		return readFileSync(path.join(env.DATA_DIR, EMBEDDED_URL_FILE), 'utf8').trim() || undefined
	} catch {
		return undefined
	}
}
