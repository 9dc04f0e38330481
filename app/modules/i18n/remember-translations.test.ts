import { createInstance, type i18n as I18n } from 'i18next'
import { describe, expect, it } from 'vitest'
import { i18nConfig } from './i18n-config'
import { LOCALES } from './locales'
import { rememberTranslations } from './remember-translations.server'
import { resources } from './resources.server'

async function instance(lng: string) {
	const created = createInstance()
	await created.init({ ...i18nConfig, lng, resources })
	return created
}

// The calls a page makes: plain keys, plurals, contexts, interpolation with numbers and dates, nesting
// keys, a missing key, other namespaces through getFixedT, and the forms that are never remembered.
const calls: [string, unknown?][] = [
	['payments:list.title'],
	['payments:list.dueTotal', { count: 1, amount: '5 Kč' }],
	['payments:list.dueTotal', { count: 3, amount: '15 Kč' }],
	['payments:list.dueTotal', { count: 7, amount: '35 Kč' }],
	['payments:list.intro', { context: 'mesto' }],
	['payments:list.intro', { context: 'obec' }],
	['payments:list.selectClaim', { label: 'Poplatek ze psů 2026', name: 'Jana Nováková' }],
	['common:no.such.key'],
	['payments:list.page', { page: 2, ns: ['payments', 'common'] }],
]

describe('rememberTranslations', () => {
	it('answers every kind of call exactly as i18next does, in every language, the first time and from memory', async () => {
		for (const lng of LOCALES) {
			const plain = await instance(lng)
			const remembering = rememberTranslations(await instance(lng))
			for (const [key, options] of calls) {
				const expected = (plain.t as (k: string, o?: unknown) => unknown)(key, options)
				for (let round = 0; round < 2; round++) expect((remembering.t as (k: string, o?: unknown) => unknown)(key, options), `${lng} ${key}`).toEqual(expected)
			}
			const fixedPlain = plain.getFixedT(lng, 'payments')
			const fixedRemembering = remembering.getFixedT(lng, 'payments')
			for (let round = 0; round < 2; round++) {
				expect(fixedRemembering('list.dueTotal', { count: 2, amount: '1 Kč' })).toBe(fixedPlain('list.dueTotal', { count: 2, amount: '1 Kč' }))
				expect(fixedRemembering('list.vs')).toBe(fixedPlain('list.vs'))
			}
		}
	})

	it('resolves a repeated call once, and never remembers calls whose answer could differ (objects, functions)', async () => {
		const remembering = rememberTranslations(await instance('cs'))
		const translator = (remembering as I18n & { translator: { translate: (...args: unknown[]) => unknown } }).translator
		let resolved = 0
		const translate = translator.translate.bind(translator)
		translator.translate = (...args: unknown[]) => {
			resolved++
			return translate(...args)
		}
		const t = remembering.getFixedT('cs', 'payments')
		for (let i = 0; i < 50; i++) t('list.selectClaim', { label: 'Poplatek ze psů 2026', name: 'Jana Nováková' })
		expect(resolved).toBe(1)
		for (let i = 0; i < 3; i++) t('list.dueTotal', { count: 2, amount: { toString: () => '1 Kč' } })
		expect(resolved).toBe(4)
	})

	it('starts its memory again past the limit instead of growing without end', async () => {
		const remembering = rememberTranslations(await instance('cs'), 10)
		const translator = (remembering as I18n & { translator: { translate: (...args: unknown[]) => unknown } }).translator
		let resolved = 0
		const translate = translator.translate.bind(translator)
		translator.translate = (...args: unknown[]) => {
			resolved++
			return translate(...args)
		}
		const t = remembering.getFixedT('cs', 'payments')
		for (let page = 0; page < 25; page++) expect(t('list.page', { page })).toContain(String(page))
		expect(resolved).toBe(25)
		// Page 3 was dropped when the memory started again at the 11th call: resolved anew, then remembered.
		expect(t('list.page', { page: 3 })).toContain('3')
		expect(resolved).toBe(26)
		t('list.page', { page: 3 })
		expect(resolved).toBe(26)
	})
})
