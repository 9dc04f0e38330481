// IČO (identifikační číslo osoby): eight digits, the last a mod-11 check digit over the first seven
// weighted 8…2. Older numbers were issued with six or seven digits; ARES stores and answers them
// padded with leading zeros to eight ("25596641", "00006947"), so a shorter input is padded the same way.

/** The IČO as ARES writes it (eight digits, zero-padded), or null when it is not 1–8 digits. Spaces are ignored. */
export function normalizeIco(ico: string): string | null {
	const digits = ico.replace(/\s+/g, '')
	if (!/^\d{1,8}$/.test(digits)) return null
	return digits.padStart(8, '0')
}

/** The check digit for the first seven digits: 11 − (weighted sum mod 11), where 10 → 0 and 11 → 1. */
export function icoCheckDigit(firstSeven: string): number {
	let sum = 0
	for (let i = 0; i < 7; i++) sum += Number(firstSeven[i]) * (8 - i)
	return (11 - (sum % 11)) % 10
}

/** Whether this is a well-formed IČO with a correct check digit (after ARES's zero padding). */
export function isValidIco(ico: string): boolean {
	const normalized = normalizeIco(ico)
	if (!normalized || normalized === '00000000') return false
	return icoCheckDigit(normalized.slice(0, 7)) === Number(normalized[7])
}
