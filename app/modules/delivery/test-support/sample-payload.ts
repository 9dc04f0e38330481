import { createHash, randomUUID } from 'node:crypto'
import type { DeliveryPayload, DocumentPayload } from '../connector'

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

/** A conversation with the office (a citizen's message with a photo and the office's reply), for fileDocument tests. */
export function sampleDocumentPayload(overrides: Partial<DocumentPayload> = {}): DocumentPayload {
	const threadId = randomUUID()
	const { attachments } = samplePayload()
	return {
		documentId: `thread-${threadId}`,
		town: { slug: 'veseli', name: 'Veselí nad Moravou' },
		thread: { id: threadId, topic: 'odpady', subject: 'Kontejner u zastávky', startedAt: new Date('2026-11-26T10:00:00Z') },
		citizen: { givenName: 'Jana', familyName: 'Nováková' },
		submissionNumber: null,
		messages: [
			{ id: randomUUID(), at: new Date('2026-11-26T10:00:00Z'), author: 'citizen', authorName: 'Jana Nováková', body: 'Chybí kontejner.' },
			{ id: randomUUID(), at: new Date('2026-11-27T09:00:00Z'), author: 'staff', authorName: 'Olga Odpadová', body: 'Doplníme do pátku.' },
		],
		attachments,
		filedBy: 'Olga Odpadová',
		requestedAt: new Date('2026-11-27T10:00:00Z'),
		...overrides,
	}
}
