import { X509Certificate } from 'node:crypto'
import { buildSpMetadata } from '../nia/build-sp-metadata.server'
import { getNiaConfig } from '../nia/get-nia-config.server'
import { spEndpoints } from '../nia/sp-endpoints'
import type { ResolvedTenant } from '../tenancy/resolve-tenant.server'

export const NIA_CHECKS = ['configured', 'idp', 'metadata', 'acs', 'logout', 'certificate'] as const
export type NiaCheck = { code: (typeof NIA_CHECKS)[number]; ok: boolean; expected?: string; actual?: string }

const CERTIFICATE_WARNING_DAYS = 30

function attribute(xml: string, element: string, name: string) {
	return new RegExp(`<md:${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1]?.replaceAll('&amp;', '&')
}

/**
 * Does what the town registered at NIA (the SP metadata it serves, its ACS and logout addresses) match
 * what it has stored and what its primary host implies? The registration itself lives at NIA and
 * cannot be read back; what can drift is the town's side: a changed host, a lost IdP metadata, an
 * expiring certificate. Each item says what is expected and what is there.
 */
export async function checkNiaRegistration({ tenant, now = new Date() }: { tenant: ResolvedTenant; now?: Date }) {
	const config = await getNiaConfig(tenant)
	if (!config) return { isReady: false, checks: [{ code: 'configured', ok: false }] as NiaCheck[], minimumLoa: null }
	const expected = spEndpoints(tenant.primaryHost)
	const metadata = buildSpMetadata(config)
	const served = {
		issuer: attribute(metadata, 'EntityDescriptor', 'entityID'),
		acs: attribute(metadata, 'AssertionConsumerService', 'Location'),
		logout: attribute(metadata, 'SingleLogoutService', 'Location'),
	}
	const validTo = new Date(new X509Certificate(config.spCertificate).validTo)
	const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / 86_400_000)
	const checks: NiaCheck[] = [
		{ code: 'configured', ok: true, actual: config.spIssuer },
		{ code: 'idp', ok: Boolean(config.idp), actual: config.idp?.entityId },
		{
			code: 'metadata',
			ok: served.issuer === config.spIssuer && served.acs === config.acsUrl && served.logout === config.logoutReturnUrl,
			expected: config.spIssuer,
			actual: served.issuer,
		},
		{ code: 'acs', ok: config.acsUrl === expected.acsUrl, expected: expected.acsUrl, actual: config.acsUrl },
		{ code: 'logout', ok: config.logoutReturnUrl === expected.logoutReturnUrl, expected: expected.logoutReturnUrl, actual: config.logoutReturnUrl },
		{ code: 'certificate', ok: daysLeft > CERTIFICATE_WARNING_DAYS, actual: validTo.toISOString().slice(0, 10) },
	]
	return { isReady: checks.every((check) => check.ok), checks, minimumLoa: config.minimumLoa }
}
