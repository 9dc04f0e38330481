// A self-signed X.509 certificate from node:crypto alone. node:crypto can make RSA keys and sign, but not
// build a certificate; the ~50 lines of DER below do that, so neither the simulator nor the SP tests need
// a certificate library (selfsigned / @peculiar/x509 would pull in five to ten packages for this).
// Only for test keys: no extensions, subject = issuer, RSA-SHA256.
import { createPrivateKey, generateKeyPair, randomBytes, sign, X509Certificate } from 'node:crypto'
import { promisify } from 'node:util'

const generateRsaKeyPair = promisify(generateKeyPair)

export interface KeyAndCertificate {
	/** PKCS#8 PEM. */
	privateKey: string
	/** X.509 PEM. */
	certificate: string
}

function derLength(length: number) {
	if (length < 0x80) return Buffer.from([length])
	const bytes: number[] = []
	for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff)
	return Buffer.from([0x80 | bytes.length, ...bytes])
}

const der = (tag: number, ...content: Buffer[]) => {
	const body = Buffer.concat(content)
	return Buffer.concat([Buffer.from([tag]), derLength(body.length), body])
}
const sequence = (...content: Buffer[]) => der(0x30, ...content)
const set = (...content: Buffer[]) => der(0x31, ...content)
const utf8String = (text: string) => der(0x0c, Buffer.from(text, 'utf8'))
const printableString = (text: string) => der(0x13, Buffer.from(text, 'ascii'))

function objectIdentifier(dotted: string) {
	const [first, second, ...rest] = dotted.split('.').map(Number)
	const bytes = [40 * first + second]
	for (const value of rest) {
		const groups = [value & 0x7f]
		for (let high = value >> 7; high > 0; high >>= 7) groups.unshift(0x80 | (high & 0x7f))
		bytes.push(...groups)
	}
	return der(0x06, Buffer.from(bytes))
}

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function time(date: Date) {
	const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'
	return date.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(iso.slice(2))) : der(0x18, Buffer.from(iso))
}

function distinguishedName(commonName: string, organization: string) {
	const rdn = (oid: string, value: Buffer) => set(sequence(objectIdentifier(oid), value))
	return sequence(rdn('2.5.4.6', printableString('CZ')), rdn('2.5.4.10', utf8String(organization)), rdn('2.5.4.3', utf8String(commonName)))
}

const SHA256_WITH_RSA = sequence(objectIdentifier('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]))

export async function createSelfSignedCertificate(options: {
	commonName: string
	organization?: string
	validDays?: number
}): Promise<KeyAndCertificate> {
	const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 })
	const name = distinguishedName(options.commonName, options.organization ?? 'Portál občana – demo (not a real authority)')
	const serial = randomBytes(16)
	serial[0] = (serial[0] & 0x7f) | 0x10 // positive and without a leading zero byte
	const notBefore = new Date(Date.now() - 60_000)
	const notAfter = new Date(notBefore.getTime() + (options.validDays ?? 3650) * 86_400_000)
	const tbsCertificate = sequence(
		der(0xa0, der(0x02, Buffer.from([2]))), // version v3
		der(0x02, serial),
		SHA256_WITH_RSA,
		name,
		sequence(time(notBefore), time(notAfter)),
		name,
		publicKey.export({ type: 'spki', format: 'der' }),
	)
	const signature = sign('sha256', tbsCertificate, privateKey)
	const certificate = sequence(tbsCertificate, SHA256_WITH_RSA, der(0x03, Buffer.from([0]), signature))
	const base64 = certificate.toString('base64').match(/.{1,64}/g)!.join('\n')
	return {
		privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
		certificate: `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`,
	}
}

/** Throws unless `certificate` parses and holds the public half of `privateKey`. */
export function assertKeyMatchesCertificate(privateKey: string, certificate: string) {
	const x509 = new X509Certificate(certificate)
	if (!x509.checkPrivateKey(createPrivateKey(privateKey))) throw new Error('the private key does not belong to the certificate')
}
