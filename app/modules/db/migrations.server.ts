import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

export type MigrationKind = 'platform' | 'tenant'
export type MigrationFile = { name: string; sql: string; checksum: string }

export function migrationsDir(kind: MigrationKind, root = process.cwd()) {
	return path.join(root, 'prisma', kind, 'migrations')
}

/** Migrations in Prisma's folder layout: <timestamp>_<name>/migration.sql, applied in name order. */
export async function readMigrations(kind: MigrationKind, root?: string): Promise<MigrationFile[]> {
	const dir = migrationsDir(kind, root)
	const entries = await readdir(dir, { withFileTypes: true })
	const names = entries
		.filter((entry) => entry.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(entry.name))
		.map((entry) => entry.name)
		.sort()
	return Promise.all(
		names.map(async (name) => {
			const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8')
			return { name, sql, checksum: checksumOf(sql) }
		}),
	)
}

// Line endings are normalised so that a checkout on Windows does not count as an edit.
export function checksumOf(sql: string) {
	return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex')
}
