import type { EmailData } from '../email-schema'
import type { MailContent } from './content'

/** Content-ID of the QR Platba image a notification may carry (deliverEmail attaches the PNG). */
export const QR_CID = 'qr-platba@portal-obcana'

/** A general message: the caller's subject and paragraphs (already in the mail's language), maybe a QR code and one action. */
export function notification(data: EmailData<'notification'>): MailContent {
	return {
		subject: data.subject,
		heading: data.subject,
		blocks: [
			...data.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
			...(data.qr ? [{ kind: 'image' as const, cid: QR_CID, alt: data.qr.alt, caption: data.qr.caption }] : []),
			...(data.action ? [{ kind: 'action' as const, label: data.action.label, href: data.action.link }] : []),
		],
	}
}
