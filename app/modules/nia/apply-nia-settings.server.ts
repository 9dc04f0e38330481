import { isDeepStrictEqual } from 'node:util'
import type { NiaSettings } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'
import { DEFAULT_IDLE_MINUTES } from '../auth/session.server'
import { AppError } from '../errors/app-error'
import { decryptSecret, encryptSecret } from '../secrets/secrets.server'
import type { LoadedBlueprint } from '../tenancy/load-blueprint.server'
import { assertProductionIdp } from './assert-production-idp.server'
import { fetchIdpMetadata } from './fetch-idp-metadata.server'
import { generateSpCertificate } from './generate-sp-certificate.server'
import { parseIdpMetadata, type IdpMetadata } from './parse-idp-metadata.server'
import { spEndpoints } from './sp-endpoints'

type Options = { db: TenantDb; blueprint: LoadedBlueprint; primaryHost: string; isProduction: boolean }

type IdpFields = Pick<NiaSettings, 'idpMetadataUrl' | 'idpMetadataXml' | 'idpEntityId' | 'idpSsoUrl' | 'idpSloUrl' | 'idpCertificates'> & {
	idpMetadataFetchedAt: Date
}

export function idpFields(metadata: IdpMetadata, source: { xml: string; url: string | null }): IdpFields {
	return {
		idpMetadataUrl: source.url,
		idpMetadataXml: source.xml,
		idpEntityId: metadata.entityId,
		idpSsoUrl: metadata.ssoUrl,
		idpSloUrl: metadata.sloUrl,
		idpCertificates: metadata.certificates,
		idpMetadataFetchedAt: new Date(),
	}
}

async function resolveIdp({ blueprint }: Options, existing: NiaSettings | null): Promise<IdpFields | null> {
	const nia = blueprint.nia!
	const trusted = existing?.idpCertificates ?? []
	const xml = blueprint.niaFiles?.idpMetadataXml
	if (xml) {
		if (existing?.idpMetadataXml === xml && !existing.idpMetadataUrl) return null
		try {
			return idpFields(parseIdpMetadata(xml, { previouslyTrusted: trusted }), { xml, url: null })
		} catch (error) {
			throw new AppError('nia_config_invalid', `nia.idpMetadataXml: ${(error as Error).message}`)
		}
	}
	if (nia.idpMetadataUrl) {
		if (existing?.idpMetadataUrl === nia.idpMetadataUrl && existing.idpMetadataXml) return null
		const fetched = await fetchIdpMetadata({ url: nia.idpMetadataUrl, previouslyTrusted: trusted })
		return idpFields(fetched.metadata, { xml: fetched.xml, url: nia.idpMetadataUrl })
	}
	// Neither: keep what is stored (the demo stores the simulator's metadata at start; an admin may have set it).
	return null
}

async function resolveKey({ blueprint }: Options, existing: NiaSettings | null) {
	const files = blueprint.niaFiles
	if (files?.spKey && files.spCertificate) {
		const same = existing && existing.spCertificate === files.spCertificate && decryptSecret(existing.spPrivateKey) === files.spKey
		return same
			? null
			: { spPrivateKey: encryptSecret(files.spKey), spCertificate: files.spCertificate, change: 'nia: SP key and certificate (from the environment)' }
	}
	// Kept across re-applies: the certificate is registered at NIA, a new one would break logins.
	if (existing) return null
	const generated = await generateSpCertificate({ commonName: `${blueprint.slug} – Portál občana (NIA SeP)` })
	return { spPrivateKey: encryptSecret(generated.privateKey), spCertificate: generated.certificate, change: 'nia: SP key and certificate generated' }
}

/**
 * Writes the town's nia_settings from its blueprint; returns what changed (empty when nothing did).
 * Everything that can fail (metadata download, parsing, the production check) runs before the write.
 */
export async function applyNiaSettings(options: Options): Promise<string[]> {
	const { db, blueprint, primaryHost, isProduction } = options
	const nia = blueprint.nia
	if (!nia) return []
	const existing = await db.niaSettings.findUnique({ where: { id: 1 } })
	const idp = await resolveIdp(options, existing)
	const key = await resolveKey(options, existing)
	assertProductionIdp(
		{
			entityId: idp?.idpEntityId ?? existing?.idpEntityId,
			ssoUrl: idp?.idpSsoUrl ?? existing?.idpSsoUrl,
			sloUrl: idp?.idpSloUrl ?? existing?.idpSloUrl,
			metadataUrl: idp ? idp.idpMetadataUrl : existing?.idpMetadataUrl,
		},
		{ isProduction, town: blueprint.slug },
	)
	const plain = {
		spIssuer: nia.spIssuer,
		...spEndpoints(primaryHost),
		minimumLoa: nia.minimumLoa,
		municipalityCode: nia.municipalityCode,
		sessionIdleMinutes: nia.sessionIdleMinutes ?? DEFAULT_IDLE_MINUTES,
	}
	const changes = existing
		? (Object.keys(plain) as (keyof typeof plain)[]).filter((name) => !isDeepStrictEqual(existing[name], plain[name])).map((name) => `nia: ${name}`)
		: ['nia: login through NIA set up']
	if (key && existing) changes.push(key.change)
	if (idp) changes.push(`nia: IdP metadata (${idp.idpEntityId})`)
	if (existing && !changes.length) return []
	const data = { ...plain, ...(idp ?? {}), ...(key ? { spPrivateKey: key.spPrivateKey, spCertificate: key.spCertificate } : {}) }
	if (existing) await db.niaSettings.update({ where: { id: 1 }, data })
	else await db.niaSettings.create({ data: { id: 1, ...data, spPrivateKey: key!.spPrivateKey, spCertificate: key!.spCertificate } })
	return changes
}
