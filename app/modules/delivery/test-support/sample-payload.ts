import { createHash, randomUUID } from 'node:crypto'
import type { DeliveryPayload } from '../connector'

/** A realistic dog-registration submission with one attachment, for connector tests. */
export function samplePayload(overrides: Partial<DeliveryPayload> = {}): DeliveryPayload {
	const photo = Buffer.from('\x89PNG\r\n\x1a\nfake-dog-photo')
	return {
		submissionId: randomUUID(),
		number: 'VES-2026-000123',
		town: { slug: 'veseli', name: 'Veselí nad Moravou' },
		form: { code: 'registrace-psa', version: 2, title: 'Přihlášení psa k poplatku', agenda: 'poplatky' },
		submittedAt: new Date('2026-11-26T10:00:00Z'),
		applicant: {
			givenName: 'Jana',
			familyName: 'Nováková',
			dateOfBirth: '1985-04-12',
			email: 'jana@example.cz',
			address: 'Masarykova 1, 698 01 Veselí nad Moravou',
		},
		data: { dogName: 'Rex', breed: 'labrador', chip: '203098100123456' },
		attachments: [
			{
				id: randomUUID(),
				fileName: 'rex.png',
				contentType: 'image/png',
				size: photo.length,
				sha256: createHash('sha256').update(photo).digest('hex'),
				content: photo,
			},
		],
		pdf: Buffer.from('%PDF-1.7\n% submission\n%%EOF'),
		...overrides,
	}
}
