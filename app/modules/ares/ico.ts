// The IČO (identifikační číslo osoby) check digit: 8 digits; the first seven weighted 8…2, summed,
// taken mod 11; the eighth digit is 1 when the remainder is 0, 0 when it is 1, else 11 − remainder.
// Branch `ares` adds an ARES client beside this; until then the wizard checks the checksum only.

/** Whether `ico` is an 8-digit IČO with a correct check digit (shorter numbers are not padded here). */
export function isValidIco(ico: string): boolean {
	if (!/^\d{8}$/.test(ico)) return false
	const digits = [...ico].map(Number)
	const sum = digits.slice(0, 7).reduce((total, digit, index) => total + digit * (8 - index), 0)
	const remainder = sum % 11
	const check = remainder === 0 ? 1 : remainder === 1 ? 0 : 11 - remainder
	return digits[7] === check
}
