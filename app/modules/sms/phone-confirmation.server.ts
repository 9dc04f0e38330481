// A citizen's phone number for SMS is used only once confirmed (issue 15): a six-digit code goes by SMS
// to the number typed, and the number is stored on the person only when the same code comes back
// within ten minutes. Five wrong tries end the code. A wrong or expired code changes nothing else.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto'
import type { TenantDb } from '../db/tenant-db.server'
import type { Locale } from '../i18n/locales'
import { normalizePhone } from './phone-number.server'
import { queueSms } from './queue-sms.server'
import { hasSmsProvider } from './sms-credentials.server'

export const CODE_TTL_MS = 10 * 60_000
export const MAX_CODE_ATTEMPTS = 5
/** A new code no sooner than this after the last one (each text costs the town money). */
export const RESEND_AFTER_MS = 30_000

export type PhoneConfirmationReason =
	'phone_invalid' | 'phone_not_mobile' | 'sms_unavailable' | 'code_too_soon' | 'code_missing' | 'code_expired' | 'code_wrong' | 'code_attempts'

export type PhoneResult = { ok: true } | { ok: false; reason: PhoneConfirmationReason }

const CODE_TEXT: Record<Locale, (code: string, town: string) => string> = {
	cs: (code, town) => `Kod pro potvrzeni telefonu na portalu ${town}: ${code}. Plati 10 minut. Pokud jste o nej nezadali, zpravu ignorujte.`,
	en: (code, town) => `Your code to confirm this phone on the ${town} portal: ${code}. Valid for 10 minutes. If you did not ask for it, ignore this text.`,
	uk: (code, town) => `Код для підтвердження телефону на порталі ${town}: ${code}. Дійсний 10 хвилин.`,
}

function hashCode(personId: string, code: string) {
	return createHash('sha256').update(`${personId}:${code}`).digest('hex')
}

/** Sends a new code to the number typed (replacing a pending one). The number is not used for anything yet. */
export async function startPhoneConfirmation({
	db,
	tenantSlug,
	townName,
	personId,
	phone,
	locale,
	now = new Date(),
	code = String(randomInt(0, 1_000_000)).padStart(6, '0'),
}: {
	db: TenantDb
	tenantSlug: string
	townName: string
	personId: string
	phone: string
	locale: Locale
	now?: Date
	code?: string
}): Promise<PhoneResult> {
	const checked = normalizePhone(phone)
	if (!checked.ok) return checked
	if (!(await hasSmsProvider(db))) return { ok: false, reason: 'sms_unavailable' }
	const pending = await db.phoneConfirmation.findUnique({ where: { personId }, select: { createdAt: true } })
	if (pending && now.getTime() - pending.createdAt.getTime() < RESEND_AFTER_MS) return { ok: false, reason: 'code_too_soon' }
	const data = { phone: checked.e164, codeHash: hashCode(personId, code), attempts: 0, expiresAt: new Date(now.getTime() + CODE_TTL_MS), createdAt: now }
	await db.phoneConfirmation.upsert({ where: { personId }, create: { personId, ...data }, update: data })
	await queueSms(db, tenantSlug, { personId, phone: checked.e164, text: CODE_TEXT[locale](code, townName), purpose: 'phone_code' })
	return { ok: true }
}

/** Checks the code; when right, the pending number becomes the person's SMS number. */
export async function confirmPhone({
	db,
	personId,
	code,
	now = new Date(),
}: {
	db: TenantDb
	personId: string
	code: string
	now?: Date
}): Promise<PhoneResult> {
	return db.$transaction(async (tx) => {
		// A no-op update takes the row lock: two tries at once count as two.
		const locked = await tx.phoneConfirmation.updateMany({ where: { personId }, data: { attempts: { increment: 0 } } })
		if (!locked.count) return { ok: false, reason: 'code_missing' } as const
		const pending = await tx.phoneConfirmation.findUniqueOrThrow({
			where: { personId },
			select: { phone: true, codeHash: true, attempts: true, expiresAt: true },
		})
		if (pending.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'code_expired' } as const
		if (pending.attempts >= MAX_CODE_ATTEMPTS) return { ok: false, reason: 'code_attempts' } as const
		const given = Buffer.from(hashCode(personId, code.replace(/\s/g, '')), 'hex')
		if (!timingSafeEqual(given, Buffer.from(pending.codeHash, 'hex'))) {
			await tx.phoneConfirmation.update({ where: { personId }, data: { attempts: { increment: 1 } } })
			return { ok: false, reason: pending.attempts + 1 >= MAX_CODE_ATTEMPTS ? 'code_attempts' : 'code_wrong' } as const
		}
		await tx.person.update({ where: { id: personId }, data: { smsPhone: pending.phone, smsPhoneConfirmedAt: now } })
		await tx.phoneConfirmation.delete({ where: { personId } })
		return { ok: true } as const
	})
}

/** Forgets the SMS number (and any pending code): no more texts. */
export async function removeSmsPhone({ db, personId }: { db: TenantDb; personId: string }) {
	await db.$transaction([
		db.phoneConfirmation.deleteMany({ where: { personId } }),
		db.person.update({ where: { id: personId }, data: { smsPhone: null, smsPhoneConfirmedAt: null } }),
	])
}

/** What the phone page shows: the confirmed number, a pending one, whether the town sends SMS. */
export async function loadPhoneState({ db, personId }: { db: TenantDb; personId: string }) {
	const [person, pending, available] = await Promise.all([
		db.person.findUnique({ where: { id: personId }, select: { smsPhone: true, smsPhoneConfirmedAt: true } }),
		db.phoneConfirmation.findUnique({ where: { personId }, select: { phone: true, expiresAt: true } }),
		hasSmsProvider(db),
	])
	return { smsPhone: person?.smsPhone ?? null, confirmedAt: person?.smsPhoneConfirmedAt ?? null, pending, isAvailable: available }
}
