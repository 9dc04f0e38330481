import { getTenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { idpFields } from './apply-nia-settings.server'
import { assertProductionIdp } from './assert-production-idp.server'
import { fetchIdpMetadata } from './fetch-idp-metadata.server'
import { invalidateNiaConfigs, type NiaConfig } from './get-nia-config.server'
import { METADATA_MAX_AGE_MS } from './nia-protocol'

type Town = { id: string; slug: string }

/**
 * Downloads the town's IdP metadata again from its URL: NIA publishes its signing certificate only in
 * the metadata and renews it about once a year. Certificates trusted until now may sign the new copy.
 */
export async function refreshIdpMetadata({ tenant, isProduction }: { tenant: Town; isProduction: boolean }) {
	const db = getTenantDb(tenant)
	const settings = await db.niaSettings.findUnique({ where: { id: 1 }, select: { idpMetadataUrl: true, idpMetadataXml: true, idpCertificates: true } })
	if (!settings?.idpMetadataUrl) throw new AppError('nia_not_configured', `${tenant.slug}: no IdP metadata URL is configured (blueprint nia.idpMetadataUrl)`)
	const { xml, metadata } = await fetchIdpMetadata({ url: settings.idpMetadataUrl, previouslyTrusted: settings.idpCertificates })
	assertProductionIdp({ ...metadata, metadataUrl: settings.idpMetadataUrl }, { isProduction, town: tenant.slug })
	await db.niaSettings.update({ where: { id: 1 }, data: idpFields(metadata, { xml, url: settings.idpMetadataUrl }) })
	invalidateNiaConfigs(tenant.slug)
	return { entityId: metadata.entityId, certificates: metadata.certificates.length, changed: settings.idpMetadataXml !== xml }
}

const inFlight = new Map<string, Promise<unknown>>()

/** At login: refresh metadata older than 24 h. A failed refresh keeps the old copy (logins go on). */
export async function refreshIdpMetadataIfStale({ tenant, config, isProduction }: { tenant: Town; config: NiaConfig; isProduction: boolean }) {
	if (!config.idpMetadataUrl) return false
	const age = Date.now() - (config.idpMetadataFetchedAt?.getTime() ?? 0)
	if (age < METADATA_MAX_AGE_MS) return false
	let running = inFlight.get(tenant.id)
	if (!running) {
		running = refreshIdpMetadata({ tenant, isProduction }).finally(() => inFlight.delete(tenant.id))
		inFlight.set(tenant.id, running)
	}
	try {
		await running
		return true
	} catch (error) {
		console.warn(`NIA metadata refresh for ${tenant.slug} failed, keeping the stored copy: ${(error as Error).message}`)
		return false
	}
}
