import type { TenantDb } from '../db/tenant-db.server'
import { resources } from '../i18n/resources.server'
import { notifyOutsidePortal, type TownAddress } from '../notifications/notify-outside.server'

/**
 * Tells the citizen outside the portal that the office answered in a conversation (the portal
 * notification is written with the message itself, see postMessageInTx). Reply-by-link: the e-mail
 * names neither the subject nor the answer, only that there is one and where to read it, so nothing
 * personal travels by e-mail. A thread without a signed-in citizen (an anonymous submission) sends
 * nothing here: its submitter follows the private link from the confirmation e-mail.
 */
export async function notifyReplyOutsidePortal({ db, town, threadId }: { db: TenantDb; town: TownAddress; threadId: string }) {
	const thread = await db.messageThread.findUnique({ where: { id: threadId }, select: { personId: true } })
	if (!thread?.personId) return { email: false }
	return notifyOutsidePortal({
		db,
		town,
		personId: thread.personId,
		kind: 'message_reply',
		compose: (locale) => {
			const t = resources[locale].messages.replyMail
			return { subject: t.subject, paragraphs: [t.text], actionLabel: t.open, path: `/zpravy/${threadId}` }
		},
	})
}
