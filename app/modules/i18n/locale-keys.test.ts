// Every text exists in every language (issue 19): the same namespaces in app/locales/{cs,en,uk}, the
// same keys in each, and no empty text. A key missing in one language would show the raw key, or
// silently fall back to Czech. Variants a language may need and another not are compared by their
// base key: plural forms (Czech and Ukrainian have few/many, English has not) and the town-type
// context (_obec, _mestys, _statutarni-mesto: "of the municipality" differs in Czech, not always in English).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { LOCALES } from './locales'

const ROOT = join(import.meta.dirname, '../../locales')
const PLURAL = /_(zero|one|two|few|many|other)$/
const TOWN_TYPE = /_(obec|mesto|mestys|statutarni-mesto)$/
const base = (key: string) => key.replace(PLURAL, '').replace(TOWN_TYPE, '')

function keysOf(value: unknown, prefix = ''): { keys: string[]; empty: string[] } {
	if (typeof value === 'string') return { keys: [base(prefix)], empty: value.trim() ? [] : [prefix] }
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const keys: string[] = []
		const empty: string[] = []
		for (const [key, child] of Object.entries(value)) {
			const found = keysOf(child, prefix ? `${prefix}.${key}` : key)
			keys.push(...found.keys)
			empty.push(...found.empty)
		}
		return { keys, empty }
	}
	return { keys: [prefix], empty: [] }
}

const namespaces = Object.fromEntries(
	LOCALES.map((locale) => [
		locale,
		readdirSync(join(ROOT, locale))
			.filter((file) => file.endsWith('.json'))
			.sort(),
	]),
)
const read = (locale: string, file: string) => keysOf(JSON.parse(readFileSync(join(ROOT, locale, file), 'utf8')))

describe('translations', () => {
	test('every language has the same namespaces', () => {
		for (const locale of LOCALES) expect(namespaces[locale], locale).toEqual(namespaces.cs)
	})

	test.each(namespaces.cs!)('%s: the same keys in cs, en and uk, none empty', (file) => {
		const czech = new Set(read('cs', file).keys)
		for (const locale of LOCALES) {
			const { keys, empty } = read(locale, file)
			const own = new Set(keys)
			expect(
				[...czech].filter((key) => !own.has(key)),
				`keys in cs/${file} missing in ${locale}/${file}`,
			).toEqual([])
			expect(
				[...own].filter((key) => !czech.has(key)),
				`keys in ${locale}/${file} missing in cs/${file}`,
			).toEqual([])
			expect(empty, `empty texts in ${locale}/${file}`).toEqual([])
		}
	})
})
