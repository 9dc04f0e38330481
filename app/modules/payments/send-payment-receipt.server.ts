import type { TenantDb } from '../db/tenant-db.server'
import { formatDate, formatMoney } from '../i18n/format'
import { isLocale, pickText, type LocalizedText } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import { enqueueEmail } from '../mail/enqueue-email.server'
import { notifyOverpayments } from './notify-overpayments.server'

/** The town a payment belongs to, for the links in its receipt e-mail. */
export type TownRef = { slug: string; origin: string }

/**
 * E-mails the receipt link after a payment is credited, in the language the citizen paid in
 * (payment.locale). Called after the crediting transaction has committed; a failure to queue the mail
 * never undoes a payment (the caller logs it).
 */
export async function sendPaymentReceipt({ db, townSlug, townOrigin, paymentId }: { db: TenantDb; townSlug: string; townOrigin: string; paymentId: string }) {
	const payment = await db.payment.findUniqueOrThrow({
		where: { id: paymentId },
		select: {
			locale: true,
			paidAmount: true,
			paidAt: true,
			person: { select: { notifyByEmail: true, notificationEmail: true, email: true, closedAt: true } },
			items: { select: { claim: { select: { label: true, variableSymbol: true } } } },
		},
	})
	const person = payment.person
	const to = person?.notificationEmail ?? person?.email
	if (!person || !to || !person.notifyByEmail || person.closedAt) return false
	const locale = isLocale(payment.locale) ? payment.locale : 'cs'
	const t = resources[locale]['card-payments'].receipt
	const amount = formatMoney(payment.paidAmount, locale)
	const claims = payment.items.map((item) => `${pickText(item.claim.label as LocalizedText, locale)} (VS ${item.claim.variableSymbol})`).join(', ')
	const fill = (text: string, vars: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? '')
	await enqueueEmail({
		tenantSlug: townSlug,
		to,
		locale,
		template: 'notification',
		data: {
			subject: fill(t.mailSubject, { amount }),
			paragraphs: [fill(t.mailBody, { amount, date: formatDate(payment.paidAt ?? new Date(), locale), claims })],
			action: { label: t.mailAction, link: `${townOrigin}/platby/potvrzeni/${paymentId}` },
		},
	})
	return true
}

/**
 * After settling: the receipt e-mail when money was credited, and the notice when the money was more
 * than was owed (refund queue); logged and swallowed on failure.
 */
export async function afterSettled({
	db,
	townSlug,
	townOrigin,
	outcome,
	paymentId,
	log,
}: {
	db: TenantDb
	townSlug: string
	townOrigin: string
	outcome: string
	paymentId: string | null
	log: (message: string) => void
}) {
	if (outcome !== 'credited' || !paymentId) return
	try {
		await sendPaymentReceipt({ db, townSlug, townOrigin, paymentId })
		await notifyOverpayments({ db, townSlug, townOrigin })
	} catch (error) {
		log(`payment receipt e-mail not queued for ${paymentId}: ${(error as Error).message}`)
	}
}
