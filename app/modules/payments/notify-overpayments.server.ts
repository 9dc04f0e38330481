// Tells citizens, in their language, that money they sent is above what was owed and will be returned
// (decision 012): most often a transfer that arrived on a QR payment cancelled because the claim had
// meanwhile been paid by card. Each payment is told once: the notice is claimed by setting
// `overpayment_notified_at` (a conditional update), and released again if the e-mail cannot be queued.
import type { TenantDb } from '../db/tenant-db.server'
import { formatMoney } from '../i18n/format'
import { isLocale, pickText, type Locale, type LocalizedText } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import { enqueueEmail } from '../mail/enqueue-email.server'

const BATCH = 100
const fill = (text: string, vars: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? '')

/** Queues the notices not yet sent; returns how many were queued. Safe to call any number of times. */
export async function notifyOverpayments({ db, townSlug, townOrigin }: { db: TenantDb; townSlug: string; townOrigin?: string | undefined }): Promise<number> {
	const due = await db.payment.findMany({
		where: { overpaidAmount: { gt: db.payment.fields.refundedAmount }, overpaymentNotifiedAt: null, personId: { not: null } },
		orderBy: { updatedAt: 'asc' },
		take: BATCH,
		select: {
			id: true,
			overpaidAmount: true,
			refundedAmount: true,
			paidAmount: true,
			variableSymbol: true,
			locale: true,
			person: { select: { notifyByEmail: true, notificationEmail: true, email: true, preferredLocale: true, closedAt: true } },
			items: { select: { claim: { select: { label: true, year: true, variableSymbol: true } } } },
			transitions: { where: { toState: 'cancelled' }, select: { id: true }, take: 1 },
		},
	})
	let queued = 0
	for (const payment of due) {
		const claimed = await db.payment.updateMany({ where: { id: payment.id, overpaymentNotifiedAt: null }, data: { overpaymentNotifiedAt: new Date() } })
		if (claimed.count === 0) continue
		const person = payment.person
		const to = person?.notificationEmail ?? person?.email
		// Nobody to tell by e-mail: the claim page says it too, and the clerk sees the queue.
		if (!person || !to || !person.notifyByEmail || person.closedAt) continue
		const locale: Locale = isLocale(person.preferredLocale) ? person.preferredLocale : isLocale(payment.locale) ? payment.locale : 'cs'
		const t = resources[locale]['card-payments'].overpayment
		const money = (amount: number) => formatMoney(amount, locale)
		const vars = {
			amount: money(payment.overpaidAmount - payment.refundedAmount),
			received: money(payment.paidAmount),
			payment: payment.variableSymbol ? `VS ${payment.variableSymbol}` : payment.id.slice(0, 8),
			claims: payment.items
				.map((item) => `${pickText(item.claim.label as LocalizedText, locale)} ${item.claim.year} (VS ${item.claim.variableSymbol})`)
				.join(', '),
		}
		try {
			await enqueueEmail({
				tenantSlug: townSlug,
				to,
				locale,
				template: 'notification',
				data: {
					subject: fill(t.subject, vars),
					paragraphs: [fill(t.body, vars), ...(payment.transitions.length ? [t.cancelled] : []), fill(t.refund, vars)],
					...(townOrigin ? { action: { label: t.action, link: `${townOrigin}/platby` } } : {}),
				},
			})
			queued++
		} catch (error) {
			await db.payment.update({ where: { id: payment.id }, data: { overpaymentNotifiedAt: null } })
			console.warn(JSON.stringify({ msg: 'overpayment notice not queued', paymentId: payment.id, error: String(error) }))
		}
	}
	return queued
}
