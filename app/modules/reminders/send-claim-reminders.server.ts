// Payment reminders (issue 4): e-mail the citizen a configurable number of days before a claim's
// due date and after it (the town's rulebook: `reminders: { daysBefore, daysAfter }`). A reminder
// goes out at most once per claim, kind and day offset: the `reminder` row is written first (unique
// key), so a job that runs twice, or two workers at once, never send it twice. Run daily by the
// sweeper; a day the job did not run is not caught up (a late reminder for a past offset is noise).
import { claimBalance } from '../claims/claim-balance'
import type { TenantDb } from '../db/tenant-db.server'
import { formatDate, formatMoney } from '../i18n/format'
import { isLocale, pickText, type Locale, type LocalizedText } from '../i18n/locales'
import { enqueueEmail } from '../mail/enqueue-email.server'
import { RulebookSchema } from '../fees/rulebook-schema'
import { remindersTranslator } from './reminders-i18n'

export type ReminderQr = { spayd: string; amount: number; variableSymbol: string; account: string }

/** What the QR code in a reminder pays: the claim's remaining amount, or a discounted portal payment. */
export type ReminderQrFactory = (claim: { id: string; personId: string }, today: string) => Promise<ReminderQr | null>

type Options = {
	db: TenantDb
	tenantSlug: string
	/** https://<primary host>: links in the e-mail go to the claim page there. */
	townOrigin: string
	/** The calendar day the reminders are for (Europe/Prague), YYYY-MM-DD. */
	today: string
	qrFor: ReminderQrFactory
}

export type ReminderRunResult = { sent: number; alreadySent: number; noAddress: number }

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

export async function sendClaimReminders({ db, tenantSlug, townOrigin, today, qrFor }: Options): Promise<ReminderRunResult> {
	const result: ReminderRunResult = { sent: 0, alreadySent: 0, noAddress: 0 }
	const latest = await db.feeRuleVersion.findFirst({ orderBy: { version: 'desc' }, select: { rules: true } })
	if (!latest) return result
	const rulebook = RulebookSchema.parse(latest.rules)
	const offsets = [
		...rulebook.reminders.daysBefore.map((days) => ({ kind: 'before_due' as const, days, dueDate: addDays(today, days) })),
		...rulebook.reminders.daysAfter.map((days) => ({ kind: 'after_due' as const, days, dueDate: addDays(today, -days) })),
	]
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { defaultLocale: true } })
	const townLocale: Locale = isLocale(settings?.defaultLocale) ? settings.defaultLocale : 'cs'

	for (const offset of offsets) {
		const claims = await db.claim.findMany({
			where: { status: { in: ['open', 'partly_paid'] }, dueDate: new Date(`${offset.dueDate}T00:00:00Z`) },
			select: {
				id: true,
				status: true,
				year: true,
				label: true,
				amount: true,
				paidAmount: true,
				discountAmount: true,
				discountGranted: true,
				discountPercent: true,
				discountUntil: true,
				dueDate: true,
				variableSymbol: true,
				resident: {
					select: {
						givenName: true,
						familyName: true,
						person: { select: { id: true, email: true, notificationEmail: true, preferredLocale: true, closedAt: true } },
						representations: {
							where: { confirmedAt: { not: null } },
							select: { person: { select: { id: true, email: true, notificationEmail: true, preferredLocale: true, closedAt: true } } },
						},
					},
				},
			},
			orderBy: { variableSymbol: 'asc' },
		})
		for (const row of claims) {
			// A grant's return has no resident: the grants clerk follows it up, not the fee reminders.
			if (!row.resident) continue
			const claim = { ...row, resident: row.resident }
			// The resident's own account, else the people who confirmedly act for them (a parent for a child).
			const own = claim.resident.person && !claim.resident.person.closedAt ? [claim.resident.person] : []
			const recipients = (own.length ? own : claim.resident.representations.map((r) => r.person).filter((p) => !p.closedAt))
				.map((p) => ({ personId: p.id, email: p.notificationEmail ?? p.email, locale: isLocale(p.preferredLocale) ? p.preferredLocale : townLocale }))
				.filter((r): r is { personId: string; email: string; locale: Locale } => Boolean(r.email))
			const recipient = recipients[0]
			if (!recipient) {
				result.noAddress++
				continue
			}
			const inserted = await db.reminder.createMany({
				data: [{ claimId: claim.id, kind: offset.kind, days: offset.days, email: recipient.email }],
				skipDuplicates: true,
			})
			if (inserted.count === 0) {
				result.alreadySent++
				continue
			}
			await db.claimEvent.create({ data: { claimId: claim.id, kind: 'reminder', detail: { kind: offset.kind, days: offset.days } } })
			const qr = await qrFor({ id: claim.id, personId: recipient.personId }, today)
			await enqueueEmail({
				tenantSlug,
				to: recipient.email,
				locale: recipient.locale,
				template: 'notification',
				data: reminderMail({ claim, kind: offset.kind, locale: recipient.locale, qr, link: `${townOrigin}/platby/${claim.id}`, today }),
			})
			result.sent++
		}
	}
	return result
}

type ReminderClaim = {
	status: string
	year: number
	label: unknown
	amount: number
	paidAmount: number
	discountAmount: number
	discountGranted: number
	discountPercent: number
	discountUntil: Date | null
	dueDate: Date
	variableSymbol: string
	resident: { givenName: string; familyName: string }
}

function reminderMail({
	claim,
	kind,
	locale,
	qr,
	link,
	today,
}: {
	claim: ReminderClaim
	kind: 'before_due' | 'after_due'
	locale: Locale
	qr: ReminderQr | null
	link: string
	today: string
}) {
	const t = remindersTranslator(locale)
	const balance = claimBalance(claim, today)
	const remaining = balance.remaining
	const vars = {
		fee: pickText(claim.label as LocalizedText, locale),
		year: claim.year,
		name: `${claim.resident.givenName} ${claim.resident.familyName}`,
		due: formatDate(claim.dueDate, locale),
	}
	const discountOpen = kind === 'before_due' && balance.discountAvailable > 0 && qr !== null && qr.amount < remaining
	return {
		subject: t(`subject.${kind}`, vars),
		paragraphs: [
			t('greeting'),
			t(`intro.${kind}`, vars),
			t('amount', { amount: formatMoney(remaining, locale), vs: claim.variableSymbol }),
			...(discountOpen
				? [
						t('discount', {
							due: formatDate(claim.discountUntil ?? claim.dueDate, locale),
							percent: claim.discountPercent,
							amount: formatMoney(qr.amount, locale),
						}),
					]
				: []),
			t('paidMeanwhile'),
		],
		...(qr
			? {
					qr: {
						spayd: qr.spayd,
						alt: t('qrAlt', { amount: formatMoney(qr.amount, locale), vs: qr.variableSymbol }),
						caption: t('qrCaption', { account: qr.account, amount: formatMoney(qr.amount, locale), vs: qr.variableSymbol }),
					},
				}
			: {}),
		action: { label: t('open'), link },
	}
}
