// EncryptedAssertion exactly as NIA shapes it (reference §1.6 and its sample response): data aes256-cbc,
// key transport rsa-oaep-mgf1p (SHA-1), recipient key named by X509IssuerSerial inside a WS-Security
// SecurityTokenReference. Written with node:crypto rather than xml-encryption because that library puts
// the whole certificate in KeyInfo and refuses aes-cbc unless told twice; the format is small.
import { constants, createCipheriv, publicEncrypt, randomBytes, X509Certificate } from 'node:crypto'
import { ALGORITHM, NS } from './constants'
import { escapeXml } from './xml'

/** RFC 4514 string of the certificate issuer (most significant RDN last), as .NET writes X509IssuerName. */
function issuerName(certificate: X509Certificate) {
	const escape = (value: string) => value.replace(/([,+"\\<>;])/g, '\\$1')
	return certificate.issuer
		.split('\n')
		.map((rdn) => {
			const at = rdn.indexOf('=')
			return `${rdn.slice(0, at)}=${escape(rdn.slice(at + 1))}`
		})
		.reverse()
		.join(', ')
}

export function encryptAssertion(assertionXml: string, recipientCertificatePem: string) {
	const certificate = new X509Certificate(recipientCertificatePem)
	const key = randomBytes(32)
	const iv = randomBytes(16)
	const cipher = createCipheriv('aes-256-cbc', key, iv)
	// XML Encryption wants IV || ciphertext; PKCS#7 padding satisfies its "last byte = pad length" rule.
	const cipherValue = Buffer.concat([iv, cipher.update(assertionXml, 'utf8'), cipher.final()]).toString('base64')
	const encryptedKey = publicEncrypt({ key: certificate.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, key)
	const serialNumber = BigInt(`0x${certificate.serialNumber}`).toString(10)
	return (
		`<EncryptedAssertion xmlns="${NS.saml}">` +
		`<xenc:EncryptedData xmlns:xenc="${NS.xenc}" Type="http://www.w3.org/2001/04/xmlenc#Element">` +
		`<xenc:EncryptionMethod Algorithm="${ALGORITHM.aes256Cbc}"/>` +
		`<KeyInfo xmlns="${NS.ds}"><e:EncryptedKey xmlns:e="${NS.xenc}">` +
		`<e:EncryptionMethod Algorithm="${ALGORITHM.rsaOaepMgf1p}"><DigestMethod Algorithm="${ALGORITHM.sha1}"/></e:EncryptionMethod>` +
		`<KeyInfo><o:SecurityTokenReference xmlns:o="${NS.wsse}"><X509Data><X509IssuerSerial>` +
		`<X509IssuerName>${escapeXml(issuerName(certificate))}</X509IssuerName><X509SerialNumber>${serialNumber}</X509SerialNumber>` +
		`</X509IssuerSerial></X509Data></o:SecurityTokenReference></KeyInfo>` +
		`<e:CipherData><e:CipherValue>${encryptedKey.toString('base64')}</e:CipherValue></e:CipherData>` +
		`</e:EncryptedKey></KeyInfo>` +
		`<xenc:CipherData><xenc:CipherValue>${cipherValue}</xenc:CipherValue></xenc:CipherData>` +
		`</xenc:EncryptedData></EncryptedAssertion>`
	)
}
