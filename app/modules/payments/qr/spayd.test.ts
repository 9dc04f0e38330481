import { describe, expect, it } from 'vitest'
import { encodeSpayd, SpaydError } from './spayd'

// Independent CRC-32 (IEEE) so the test does not reuse the encoder's implementation.
function crc32(text: string): string {
	let c = 0xffffffff
	for (const byte of Buffer.from(text, 'latin1')) {
		c ^= byte
		for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
	}
	return ((c ^ 0xffffffff) >>> 0).toString(16).toUpperCase().padStart(8, '0')
}
const withCrc = (canonical: string) => `${canonical}CRC32:${crc32(canonical)}*`
const IBAN = 'CZ6508000000192000145399'

describe('encodeSpayd', () => {
	it('encodes a fee payment in canonical order with CRC32', () => {
		const out = encodeSpayd({
			iban: 'CZ65 0800 0000 1920 0014 5399',
			amount: 79950,
			variableSymbol: '2026000123',
			constantSymbol: '0308',
			specificSymbol: '42',
		})
		expect(out).toBe(withCrc(`SPD*1.0*ACC:${IBAN}*AM:799.50*CC:CZK*X-KS:0308*X-SS:42*X-VS:2026000123*`))
	})
	it('handles amounts below 1 CZK', () => {
		expect(encodeSpayd({ iban: IBAN, amount: 50 })).toBe(withCrc(`SPD*1.0*ACC:${IBAN}*AM:0.50*CC:CZK*`))
	})
	it('transliterates diacritics without uppercasing, escapes * and cuts to 60', () => {
		const out = encodeSpayd({
			iban: IBAN,
			amount: 100,
			message: 'Poplatek za psa *Žluťoučký kůň* úpěl ďábelské ódy',
			recipientName: 'Město Čáslav',
			dueDate: new Date(2026, 2, 5),
		})
		expect(out).toBe(withCrc(`SPD*1.0*ACC:${IBAN}*AM:1.00*CC:CZK*DT:20260305*MSG:Poplatek za psa %2AZlutoucky kun%2A upel dabelske ody*RN:Mesto Caslav*`))
		const long = encodeSpayd({ iban: IBAN, amount: 100, message: 'á'.repeat(80) })
		expect(long).toContain(`MSG:${'a'.repeat(60)}*`)
	})
	it('rejects bad input with a code', () => {
		const code = (fn: () => unknown) => {
			try {
				fn()
			} catch (e) {
				return e instanceof SpaydError ? e.code : 'other'
			}
			return 'none'
		}
		expect(code(() => encodeSpayd({ iban: 'CZ6508000000192000145398', amount: 100 }))).toBe('invalid_iban')
		expect(code(() => encodeSpayd({ iban: IBAN, amount: 0 }))).toBe('invalid_amount')
		expect(code(() => encodeSpayd({ iban: IBAN, amount: 1.5 }))).toBe('invalid_amount')
		expect(code(() => encodeSpayd({ iban: IBAN, amount: 100, variableSymbol: '12345678901' }))).toBe('invalid_variable_symbol')
		expect(code(() => encodeSpayd({ iban: IBAN, amount: 100, specificSymbol: '12a' }))).toBe('invalid_specific_symbol')
	})
})
