// Phone numbers for SMS (issue 15): parsed and checked with libphonenumber-js (Google's metadata),
// Czech by default, kept in E.164 (+420777123456). Only numbers that can receive texts (mobile, or
// "fixed line or mobile" where the plan does not tell) are accepted.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: 'phone_invalid' | 'phone_not_mobile' }

export function normalizePhone(input: string, defaultCountry: 'CZ' = 'CZ'): PhoneCheck {
	const trimmed = input.trim()
	if (!/^\+?[0-9 ()./-]{6,24}$/.test(trimmed)) return { ok: false, reason: 'phone_invalid' }
	const parsed = parsePhoneNumberFromString(trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed, defaultCountry)
	if (!parsed || !parsed.isValid()) return { ok: false, reason: 'phone_invalid' }
	const type = parsed.getType()
	if (type !== undefined && type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, reason: 'phone_not_mobile' }
	return { ok: true, e164: parsed.number }
}

/** For showing a number back: +420 777 123 456. */
export function formatPhone(e164: string): string {
	return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164
}

/** For pages that show a pending number: the last three digits only. */
export function maskPhone(e164: string): string {
	return `${e164.slice(0, 4)} *** *** ${e164.slice(-3)}`
}
