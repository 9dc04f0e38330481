// Keys and self-signed certificates for the simulator and for test service providers. The same
// node-forge based generator the portal uses for its SP certificates (no certificate code of our own).
import { assertKeyMatchesCertificate as assertMatch, generateSpCertificate } from '../../app/modules/nia/generate-sp-certificate.server'

export interface KeyAndCertificate {
	/** PKCS#8 PEM. */
	privateKey: string
	/** X.509 PEM. */
	certificate: string
}

export async function createSelfSignedCertificate(options: { commonName: string; organization?: string; validDays?: number }): Promise<KeyAndCertificate> {
	return generateSpCertificate({
		commonName: options.commonName,
		organization: options.organization ?? 'Portál občana – demo (not a real authority)',
		validYears: (options.validDays ?? 3650) / 365,
	})
}

/** Throws unless `certificate` parses and holds the public half of `privateKey`. */
export function assertKeyMatchesCertificate(privateKey: string, certificate: string) {
	assertMatch(privateKey, certificate)
}
