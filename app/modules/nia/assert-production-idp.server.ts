import { AppError } from '../errors/app-error'

const LOCAL_HOST = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[::1\]|::1|0\.0\.0\.0)$/i

export function isLocal(url: string | null | undefined) {
	if (!url) return false
	try {
		return LOCAL_HOST.test(new URL(url).hostname)
	} catch {
		return false
	}
}

/**
 * A town in production must never send its citizens to the NIA simulator (or any IdP on this machine):
 * the simulator hands out made-up identities. The simulator uses NIA's own entityID, so the URLs are
 * what tell it apart; in production they must also be https.
 */
export function assertProductionIdp(
	idp: { entityId?: string | null; ssoUrl?: string | null; sloUrl?: string | null; metadataUrl?: string | null },
	{ isProduction, town }: { isProduction: boolean; town: string },
) {
	if (!isProduction) return
	const urls = [idp.metadataUrl, idp.ssoUrl, idp.sloUrl, idp.entityId?.startsWith('http') ? idp.entityId : null]
	const local = urls.filter(isLocal)
	if (local.length) {
		throw new AppError(
			'nia_config_invalid',
			`${town}: NODE_ENV=production refuses IdP metadata that points at this machine (the NIA simulator?): ${local.join(', ')}. Use NIA's metadata (https://nia.identita.gov.cz/...).`,
		)
	}
	const plain = urls.filter((url): url is string => Boolean(url && url.startsWith('http:')))
	if (plain.length) throw new AppError('nia_config_invalid', `${town}: NODE_ENV=production requires https for the IdP, got ${plain.join(', ')}`)
}
