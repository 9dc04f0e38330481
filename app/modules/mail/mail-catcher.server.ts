import { singleton } from '../util/singleton.server'

/** A message as the demo mail page shows it: the fields of simulators/smtp's CapturedMail it reads. */
export type CaughtMail = {
	id: string
	receivedAt: Date
	from: { name: string; address: string } | null
	to: string[]
	subject: string
	tenant: string | null
	template: string | null
	text: string | null
	html: string | null
	links: { href: string; text: string }[]
	attachments: { filename: string | null; contentType: string; size: number; cid: string | null; inline: boolean; content: Buffer }[]
	raw: Buffer
}

export type MailCatcher = { messages: () => CaughtMail[]; find: (id: string) => CaughtMail | undefined }

// The capture server runs in the Express process (demo); the page is in the Remix bundle. Both reach
// it through globalThis (see util/singleton.server.ts).
const state = singleton('mail-inbox', () => ({ inbox: null as MailCatcher | null }))

/** Set by the demo when its capture server runs; null takes the mail page offline (404). */
export function setMailCatcher(inbox: MailCatcher | null) {
	state.inbox = inbox
}

/** The captured mail, or null when no capture server runs (then the mail page is a 404). */
export function getMailCatcher() {
	return state.inbox
}
