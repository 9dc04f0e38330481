// Variable symbol (decision 007): YY (year of issue) + 7-digit sequence number + a Luhn check digit
// over the first nine digits. Claims and portal payments share one sequence, so a VS never means two
// things; a mistyped digit or two swapped neighbours in a bank transfer fail the check.

/** Luhn check digit for a string of digits. */
export function luhnCheckDigit(digits: string): number {
	let sum = 0
	for (let i = 0; i < digits.length; i++) {
		// Doubling starts at the rightmost payload digit, because the check digit will follow it.
		let d = digits.charCodeAt(digits.length - 1 - i) - 48
		if (i % 2 === 0) {
			d *= 2
			if (d > 9) d -= 9
		}
		sum += d
	}
	return (10 - (sum % 10)) % 10
}

export function makeVariableSymbol(year: number, sequence: number): string {
	if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9_999_999) throw new RangeError(`variable symbol sequence out of range: ${sequence}`)
	if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError(`variable symbol year out of range: ${year}`)
	const payload = String(year % 100).padStart(2, '0') + String(sequence).padStart(7, '0')
	return payload + String(luhnCheckDigit(payload))
}

export function isValidVariableSymbol(vs: string): boolean {
	return /^[0-9]{10}$/.test(vs) && luhnCheckDigit(vs.slice(0, 9)) === Number(vs[9])
}
