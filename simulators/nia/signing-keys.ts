// The simulator's signing key ("GG_FPSTS_TEST" on the real test NIA). Generated once and kept under
// $DATA_DIR/nia-simulator/ so that an SP configured with the cert (or with the metadata) keeps working
// across restarts of `npm start`, exactly as NIA's certificate stays valid for about a year.
import { X509Certificate } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { assertKeyMatchesCertificate, createSelfSignedCertificate, type KeyAndCertificate } from './self-signed-cert'

const FILE_NAME = 'idp-signing.pem'

export function defaultKeyDir() {
	return path.resolve(process.env.DATA_DIR ?? '.data', 'nia-simulator')
}

function readCached(file: string): KeyAndCertificate | null {
	let text: string
	try {
		text = readFileSync(file, 'utf8')
	} catch {
		return null
	}
	const privateKey = text.match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n?/)?.[0]
	const certificate = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/)?.[0]
	if (!privateKey || !certificate) return null
	try {
		assertKeyMatchesCertificate(privateKey, certificate)
		// Regenerate a month before expiry rather than hand out a certificate the SP will reject soon.
		if (new Date(new X509Certificate(certificate).validTo).getTime() < Date.now() + 30 * 86_400_000) return null
	} catch {
		return null
	}
	return { privateKey, certificate }
}

/**
 * Key and certificate from `keyDir` (one PEM file holding both), or new ones written there. Two processes
 * starting at once may both generate; the rename is atomic, so each ends up with a matching pair.
 */
export async function loadOrCreateSigningKeys(keyDir: string): Promise<KeyAndCertificate> {
	const file = path.join(keyDir, FILE_NAME)
	const cached = readCached(file)
	if (cached) return cached
	const created = await createSelfSignedCertificate({ commonName: 'NIA simulator (GG_FPSTS_TEST stand-in)' })
	mkdirSync(keyDir, { recursive: true })
	const temporary = `${file}.${process.pid}.tmp`
	writeFileSync(temporary, `# Demo-only key of the local NIA simulator. Never trust it anywhere.\n${created.privateKey}${created.certificate}`, {
		mode: 0o600,
	})
	renameSync(temporary, file)
	return created
}
