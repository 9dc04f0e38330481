import { randomInt } from 'node:crypto'
import { hashPassword, verifyPassword } from './password.server'

// Recovery codes: shown once, stored only as argon2 hashes, each usable once (a used one is removed
// from the list). 10 characters from a 31-letter alphabet without look-alikes (about 49 bits each).
export const RECOVERY_CODE_COUNT = 10
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

export function normalizeRecoveryCode(code: string) {
	return code.toLowerCase().replace(/[\s-]/g, '')
}

export function looksLikeRecoveryCode(code: string) {
	return /^[a-z0-9]{10}$/.test(normalizeRecoveryCode(code))
}

export async function generateRecoveryCodes() {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
		const raw = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
		return `${raw.slice(0, 5)}-${raw.slice(5)}`
	})
	const hashes = await Promise.all(codes.map((code) => hashPassword(normalizeRecoveryCode(code))))
	return { codes, hashes }
}

/** The hashes left after using `code`, or null when it matches none of them. */
export async function consumeRecoveryCode(hashes: string[], code: string) {
	if (!looksLikeRecoveryCode(code)) return null
	const normalized = normalizeRecoveryCode(code)
	for (const [index, hash] of hashes.entries()) {
		if (await verifyPassword(hash, normalized)) return hashes.filter((_, other) => other !== index)
	}
	return null
}
