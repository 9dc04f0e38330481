// SMS texts: GSM-7 only (Czech diacritics stripped, Ukrainian transliterated), counted in parts, limited.
import { describe, expect, test } from 'vitest'
import { MAX_SMS_PARTS, partCount, prepareSmsText, septetLength, toGsm7 } from './gsm7'

describe('GSM-7 texts', () => {
	test('Czech diacritics are stripped, typographic marks become plain', () => {
		expect(toGsm7('Příliš žluťoučký kůň úpěl ďábelské ódy – „Uzavírka“…')).toBe('Prilis zlutoucky kun upel dabelske ody - "Uzavirka"...')
		expect(toGsm7('ŘEŠENÍ Ůdolí')).toBe('RESENI Udoli')
	})

	test('Ukrainian is transliterated to Latin letters; anything else unknown becomes "?"', () => {
		expect(toGsm7('Київ Щастя')).toBe('Kyiv Shchastia')
		expect(toGsm7('💡 ok')).toBe('? ok')
	})

	test('extension characters take two septets; 160 fit one part, then 153 per part', () => {
		expect(septetLength('€[]')).toBe(6)
		expect(partCount('a'.repeat(160))).toBe(1)
		expect(partCount('a'.repeat(161))).toBe(2)
		expect(partCount('a'.repeat(306))).toBe(2)
		expect(partCount('a'.repeat(307))).toBe(3)
	})

	test('a long text is cut to three parts (459 characters, the gateway limit) and says it goes on', () => {
		const long = `${'Svoz odpadu se posouvá na středu. '.repeat(30)}`
		const prepared = prepareSmsText(long)
		expect(prepared.isTruncated).toBe(true)
		expect(septetLength(prepared.text)).toBeLessThanOrEqual(459)
		expect(prepared.parts).toBe(MAX_SMS_PARTS)
		expect(prepared.text.endsWith('...')).toBe(true)
		expect(prepared.text).not.toMatch(/[^\x20-\x7e\n]/)
	})

	test('a short text stays whole, whitespace collapsed', () => {
		expect(prepareSmsText('  Uzavírka   ulice  ')).toEqual({ text: 'Uzavirka ulice', parts: 1, isTruncated: false })
		expect(prepareSmsText('x'.repeat(200), { maxParts: 1 }).text).toHaveLength(160)
	})
})
