import { describe, expect, test } from 'vitest'
import { resources } from '../i18n/resources.server'
import { uploadRefusalText } from './upload-refusal-text'

describe('an upload refusal answered by the server', () => {
	test('names the file and gives the limit in the visitor’s number format', () => {
		expect(uploadRefusalText(resources.cs.forms.upload, 'too_large', 'sloup.png', '0.01', 'cs')).toBe('Soubor sloup.png je větší než 0,01 MB.')
		expect(uploadRefusalText(resources.en.forms.upload, 'too_large', 'pole.png', '0.01', 'en')).toMatch(/0\.01 MB/)
		expect(uploadRefusalText(resources.cs.forms.upload, 'too_large', 'a.pdf', '10', 'cs')).toBe('Soubor a.pdf je větší než 10 MB.')
		for (const locale of ['cs', 'en', 'uk'] as const)
			for (const [reason, text] of Object.entries(resources[locale].forms.upload))
				expect(uploadRefusalText(resources[locale].forms.upload, reason, 'x.pdf', '5', locale), `${locale} ${reason}: ${text}`).not.toMatch(/\{\{/)
	})
})
