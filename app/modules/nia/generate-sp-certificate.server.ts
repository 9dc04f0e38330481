import { generateKeyPair, randomBytes, X509Certificate, createPrivateKey } from 'node:crypto'
import { promisify } from 'node:util'
import forge from 'node-forge'

const generateRsaKeyPair = promisify(generateKeyPair)

export type SpKeyPair = { privateKey: string; certificate: string }

/**
 * An RSA-2048 key and a self-signed certificate for a town's SAML service provider (signing the
 * AuthnRequest, decrypting the assertion). NIA takes a self-signed certificate: it is uploaded in the
 * SeP registration, not checked against a CA. The key comes from node:crypto (fast, native); node-forge
 * only builds the certificate, which node:crypto cannot do.
 */
export async function generateSpCertificate({
	commonName,
	validYears = 5,
	organization = 'Portál občana',
}: {
	commonName: string
	validYears?: number
	organization?: string
}): Promise<SpKeyPair> {
	const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 })
	const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
	const certificate = forge.pki.createCertificate()
	certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
	const serial = randomBytes(16)
	serial[0] = (serial[0]! & 0x7f) | 0x10 // positive, no leading zero byte
	certificate.serialNumber = serial.toString('hex')
	const notBefore = new Date(Date.now() - 60_000)
	certificate.validity.notBefore = notBefore
	certificate.validity.notAfter = new Date(notBefore.getTime() + validYears * 365 * 86_400_000)
	const subject = [
		{ shortName: 'C', value: 'CZ' },
		{ name: 'organizationName', value: organization, valueTagClass: forge.asn1.Type.UTF8 },
		{ name: 'commonName', value: commonName, valueTagClass: forge.asn1.Type.UTF8 },
	] as forge.pki.CertificateField[]
	certificate.setSubject(subject)
	certificate.setIssuer(subject)
	certificate.setExtensions([
		{ name: 'basicConstraints', cA: false },
		{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true, dataEncipherment: true },
	])
	certificate.sign(forge.pki.privateKeyFromPem(privatePem) as forge.pki.rsa.PrivateKey, forge.md.sha256.create())
	// forge writes CRLF line ends; PEM elsewhere (node:crypto, metadata parsing) uses LF.
	return { privateKey: privatePem, certificate: forge.pki.certificateToPem(certificate).replace(/\r\n/g, '\n') }
}

/** Throws a readable error unless the PEM key belongs to the PEM certificate. */
export function assertKeyMatchesCertificate(privateKey: string, certificate: string) {
	let x509: X509Certificate
	try {
		x509 = new X509Certificate(certificate)
	} catch {
		throw new Error('the SP certificate is not a readable PEM X.509 certificate')
	}
	let key
	try {
		key = createPrivateKey(privateKey)
	} catch {
		throw new Error('the SP key is not a readable PEM private key')
	}
	if (key.asymmetricKeyType !== 'rsa') throw new Error('the SP key must be an RSA key (NIA signs and encrypts with RSA)')
	if (!x509.checkPrivateKey(key)) throw new Error('the SP key does not belong to the SP certificate')
}
