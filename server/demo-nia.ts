import { readdir } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import type pg from 'pg'
import type { Logger } from 'pino'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { applyNiaSettings, idpFields } from '../app/modules/nia/apply-nia-settings.server'
import { generateSpCertificate } from '../app/modules/nia/generate-sp-certificate.server'
import { spEndpoints } from '../app/modules/nia/sp-endpoints'
import { encryptSecret } from '../app/modules/secrets/secrets.server'
import { invalidateNiaConfigs } from '../app/modules/nia/get-nia-config.server'
import { parseIdpMetadata } from '../app/modules/nia/parse-idp-metadata.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { notifyTenantChanged } from '../app/modules/tenancy/tenant-events.server'
import { startNiaSimulator, type NiaSimulator } from '../simulators/nia'

const PREFERRED_PORT = 7001

function isPortFree(port: number) {
	return new Promise<boolean>((resolve) => {
		const probe = net.createServer()
		probe.once('error', () => resolve(false))
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
	})
}

/** Starts the simulator (port 7001 when free); null if it cannot start. Only the demo
 * starts it, also in production mode (the demo runs the production build: docs/decisions/013). */
export async function startDemoNiaSimulator(logger: Logger): Promise<NiaSimulator | null> {
	try {
		return await startNiaSimulator({ port: (await isPortFree(PREFERRED_PORT)) ? PREFERRED_PORT : 0, force: true })
	} catch (error) {
		logger.error(`NIA simulator not started, citizens cannot log in: ${(error as Error).message}`)
		return null
	}
}

/**
 * Registers every demo town with the simulator as a SeP and stores the simulator's metadata as the
 * town's IdP. Runs at every demo start: the simulator keeps registrations in memory (its signing key
 * stays in $DATA_DIR/nia-simulator).
 */
export async function registerDemoTownsWithNia({ simulator, pool, logger }: { simulator: NiaSimulator; pool: pg.Pool; logger: Logger }) {
	const metadataXml = await (await fetch(simulator.metadataUrl)).text()
	const metadata = parseIdpMetadata(metadataXml)
	const dirs = (await readdir('tenants', { withFileTypes: true })).filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
	for (const dir of dirs) {
		const blueprint = await loadBlueprint(path.join('tenants', dir.name))
		const { rows } = await pool.query<{ id: string }>('SELECT id FROM platform.tenant WHERE slug = $1', [blueprint.slug])
		if (!blueprint.nia || !rows[0]) continue
		const db = getTenantDb({ id: rows[0].id, slug: blueprint.slug })
		// Idempotent; also brings towns from an older demo database up to date (ACS on the demo's public
		// origin: http and the port it listens on, set before this runs).
		await applyNiaSettings({ db, blueprint, primaryHost: blueprint.hosts[0]!, isProduction: false })
		const settings = await db.niaSettings.update({ where: { id: 1 }, data: idpFields(metadata, { xml: metadataXml, url: null }) })
		simulator.registerSep({
			issuer: settings.spIssuer,
			acsUrl: settings.acsUrl,
			logoutReturnUrl: settings.logoutReturnUrl,
			signingCert: settings.spCertificate,
			encryptionCert: settings.spCertificate,
		})
		invalidateNiaConfigs(blueprint.slug)
		await notifyTenantChanged(pool, blueprint.slug)
		logger.info({ tenant: blueprint.slug }, `demo town ${blueprint.slug} registered with the NIA simulator`)
	}
	// Every other town in the database too (one onboarded in an earlier demo run, or without a nia section).
	const { rows: towns } = await pool.query<{ slug: string }>('SELECT slug FROM platform.tenant ORDER BY slug')
	for (const town of towns) await registerTownWithNia({ simulator, pool, logger, slug: town.slug, metadataXml })
}

/**
 * A town onboarded while the demo runs (tenant apply from the CLI, heard through the tenant-change
 * notification) is registered with the simulator at once, so its citizens can log in (decision 016).
 * A town whose blueprint has no nia section gets demo NIA settings: an issuer on its primary host and a
 * generated SP key. Does not notify the other processes itself (that would call it again); it drops
 * this process's cache of the town's NIA configuration. Outside the demo nothing calls this.
 */
export async function registerTownWithNia({
	simulator,
	pool,
	logger,
	slug,
	metadataXml,
}: {
	simulator: NiaSimulator
	pool: pg.Pool
	logger: Logger
	slug: string
	metadataXml?: string
}) {
	const { rows } = await pool.query<{ id: string; host: string }>(
		'SELECT t.id, h.host FROM platform.tenant t JOIN platform.tenant_host h ON h.tenant_id = t.id AND h.is_primary WHERE t.slug = $1',
		[slug],
	)
	if (!rows[0]) return
	const xml = metadataXml ?? (await (await fetch(simulator.metadataUrl)).text())
	const db = getTenantDb({ id: rows[0].id, slug })
	const endpoints = spEndpoints(rows[0].host)
	const idp = idpFields(parseIdpMetadata(xml), { xml, url: null })
	const existing = await db.niaSettings.findUnique({ where: { id: 1 }, select: { id: true } })
	let settings
	if (existing) settings = await db.niaSettings.update({ where: { id: 1 }, data: { ...endpoints, ...idp } })
	else {
		const generated = await generateSpCertificate({ commonName: `${slug} – Portál občana (NIA SeP, demo)` })
		settings = await db.niaSettings.create({
			data: {
				id: 1,
				spIssuer: `http://${rows[0].host}/portal`,
				...endpoints,
				...idp,
				spPrivateKey: encryptSecret(generated.privateKey),
				spCertificate: generated.certificate,
			},
		})
		logger.info({ tenant: slug }, `demo: town ${slug} had no NIA settings; demo settings created`)
	}
	simulator.registerSep({
		issuer: settings.spIssuer,
		acsUrl: settings.acsUrl,
		logoutReturnUrl: settings.logoutReturnUrl,
		signingCert: settings.spCertificate,
		encryptionCert: settings.spCertificate,
	})
	invalidateNiaConfigs(slug)
	logger.info({ tenant: slug }, `town ${slug} registered with the NIA simulator`)
}
