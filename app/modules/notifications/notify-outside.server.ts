import type { TenantDb } from '../db/tenant-db.server'
import { LOCALES, type Locale } from '../i18n/locales'
import { enqueueEmail } from '../mail/enqueue-email.server'
import { queueSms } from '../sms/queue-sms.server'
import { hasSmsProvider } from '../sms/sms-credentials.server'
import type { NotificationKind } from './notification-kinds'
import { wantsNotification } from './preferences.server'

export type TownAddress = { slug: string; origin: string }

/** What goes out of the portal: the words in the person's language, and a path in the portal to open. */
export type OutsideMessage = { subject: string; paragraphs: string[]; actionLabel: string; path: string }

export type OutsideResult = { email: boolean; sms?: boolean }

/** The language a person reads mail in: their choice, else Czech. */
export function personLocale(preferred: string | null | undefined): Locale {
	return preferred && (LOCALES as readonly string[]).includes(preferred) ? (preferred as Locale) : 'cs'
}

/**
 * Sends one notification outside the portal by the channels the citizen chose for its kind
 * (decision 023): e-mail when the e-mail channel is on (a saved choice or the default) and they did
 * not switch e-mail off altogether; by SMS to a confirmed number when chosen. Nothing for a closed account. The mail says what happened and
 * links to the portal; callers put no personal content in it (reply-by-link). Call after commit.
 */
export async function notifyOutsidePortal({
	db,
	town,
	personId,
	kind,
	compose,
}: {
	db: TenantDb
	town: TownAddress
	personId: string
	kind: NotificationKind
	compose: (locale: Locale) => OutsideMessage
}): Promise<OutsideResult> {
	const person = await db.person.findUnique({
		where: { id: personId },
		select: { closedAt: true, notifyByEmail: true, notificationEmail: true, email: true, preferredLocale: true, smsPhone: true },
	})
	if (!person || person.closedAt) return { email: false }
	const locale = personLocale(person.preferredLocale)
	const message = compose(locale)
	const to = person.notificationEmail ?? person.email
	let email = false
	if (to && person.notifyByEmail && (await wantsNotification(db, personId, kind, 'email'))) {
		await enqueueEmail({
			tenantSlug: town.slug,
			to,
			locale,
			template: 'notification',
			data: { subject: message.subject, paragraphs: message.paragraphs, action: { label: message.actionLabel, link: `${town.origin}${message.path}` } },
		})
		email = true
	}
	// By SMS to a confirmed number when chosen for this kind (default off) and the town has a provider:
	// what happened and the link, transliterated and limited (app/modules/sms/gsm7.ts).
	let sms = false
	if (person.smsPhone && (await wantsNotification(db, personId, kind, 'sms')) && (await hasSmsProvider(db))) {
		await queueSms(db, town.slug, { personId, phone: person.smsPhone, text: `${message.subject}\n${town.origin}${message.path}`, purpose: 'notification' })
		sms = true
	}
	return sms ? { email, sms } : { email }
}
