import { AppError } from '../errors/app-error'
import { parseIdpMetadata, type IdpMetadata } from './parse-idp-metadata.server'

const MAX_BYTES = 1024 * 1024
const TIMEOUT_MS = 10_000

/** Downloads IdP metadata (NIA's FederationMetadata.xml) and parses it; throws AppError with the reason. */
export async function fetchIdpMetadata({
	url,
	previouslyTrusted = [],
}: {
	url: string
	previouslyTrusted?: string[]
}): Promise<{ xml: string; metadata: IdpMetadata }> {
	let xml: string
	try {
		const response = await fetch(url, {
			signal: AbortSignal.timeout(TIMEOUT_MS),
			redirect: 'follow',
			headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
		})
		if (!response.ok) throw new Error(`HTTP ${response.status}`)
		const length = Number(response.headers.get('content-length') ?? 0)
		if (length > MAX_BYTES) throw new Error('larger than 1 MB')
		xml = await response.text()
		if (xml.length > MAX_BYTES) throw new Error('larger than 1 MB')
	} catch (error) {
		throw new AppError('nia_config_invalid', `Cannot download the IdP metadata from ${url}: ${(error as Error).message}`)
	}
	try {
		return { xml, metadata: parseIdpMetadata(xml, { previouslyTrusted }) }
	} catch (error) {
		throw new AppError('nia_config_invalid', `The IdP metadata from ${url} is not usable: ${(error as Error).message}`)
	}
}
