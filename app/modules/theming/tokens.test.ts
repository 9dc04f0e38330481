import { getContrast } from 'color2k'
import { describe, expect, test } from 'vitest'
import { isAppError, type AppError } from '../errors/app-error'
import { listThemePresets, requireReadableTheme, resolveTheme } from './presets.server'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { CONTRAST_PAIRS, findContrastFailures, FOCUS_RING_ON, MIN_CONTRAST, MIN_FOCUS_CONTRAST, tokensToCss } from './tokens'

function thrown(fn: () => unknown): AppError {
	try {
		fn()
	} catch (error) {
		if (isAppError(error)) return error
		throw error
	}
	throw new Error('expected an AppError')
}

describe('theme presets', () => {
	test('the shipped presets are civic-blue and wine-red, and every text/background pair in each reaches 4.5:1', () => {
		expect(listThemePresets()).toEqual(expect.arrayContaining(['civic-blue', 'wine-red']))
		for (const preset of listThemePresets()) {
			const tokens = requireReadableTheme(preset)
			expect(findContrastFailures(tokens), preset).toEqual([])
			for (const [foreground, background] of CONTRAST_PAIRS) {
				expect(getContrast(tokens[foreground], tokens[background]), `${preset}: ${foreground} on ${background}`).toBeGreaterThanOrEqual(MIN_CONTRAST)
			}
		}
	})

	test('overrides replace only the tokens they name', () => {
		const base = resolveTheme('civic-blue')
		const themed = resolveTheme('civic-blue', { 'color-primary': '#0d5c63' })
		expect(themed).toEqual({ ...base, 'color-primary': '#0d5c63' })
		expect(tokensToCss(themed)).toContain('--town-color-primary:#0d5c63;')
		expect(tokensToCss(themed)).toMatch(/^:root\{.*\}$/)
	})

	test('an override below 4.5:1 is refused, naming exactly the failing pairs and their ratios', () => {
		const error = thrown(() => requireReadableTheme('civic-blue', { 'color-muted': '#9aa5b4', 'color-primary': '#6fa8dc' }))
		expect(error.code).toBe('theme_contrast')
		expect(error.details).toHaveLength(3)
		expect(error.details[0]).toMatch(/^color-muted on color-bg: contrast \d+(\.\d+)?:1, needs at least 4\.5:1$/)
		expect(error.details[1]).toMatch(/^color-muted on color-surface: contrast /)
		expect(error.details[2]).toMatch(/^color-primary-contrast on color-primary: contrast /)
		expect(error.message).toContain('color-muted on color-bg')
	})

	test('a pair just above the threshold passes and one just below fails', () => {
		// #767676 on white is 4.54:1, #777777 on white is 4.48:1.
		const onWhite = { 'color-bg': '#ffffff', 'color-surface': '#ffffff' }
		expect(() => requireReadableTheme('civic-blue', { ...onWhite, 'color-muted': '#767676' })).not.toThrow()
		const error = thrown(() => requireReadableTheme('civic-blue', { ...onWhite, 'color-muted': '#777777' }))
		expect(error.details).toEqual([
			'color-muted on color-bg: contrast 4.48:1, needs at least 4.5:1',
			'color-muted on color-surface: contrast 4.48:1, needs at least 4.5:1',
		])
	})

	test('an unknown preset is refused, listing the ones that exist', () => {
		const error = thrown(() => requireReadableTheme('neon-pink'))
		expect(error.code).toBe('theme_unknown')
		expect(error.message).toContain('"neon-pink"')
		expect(error.details).toEqual([`available: ${listThemePresets().join(', ')}`])
	})

	test('the focus ring reaches 3:1 against every background it sits on (page, card, header) in every preset and every town of tenants/', () => {
		const towns = readdirSync('tenants', { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => ({
				name: entry.name,
				theme: parse(readFileSync(path.join('tenants', entry.name, 'blueprint.yaml'), 'utf8')).theme as { preset: string; overrides?: Record<string, string> },
			}))
		const themes = [
			...listThemePresets().map((preset) => ({ name: preset, tokens: resolveTheme(preset) })),
			...towns.map((town) => ({ name: town.name, tokens: resolveTheme(town.theme.preset, town.theme.overrides ?? {}) })),
		]
		expect(themes.map((theme) => theme.name)).toEqual(expect.arrayContaining(['civic-blue', 'wine-red', 'veseli-nad-moravou', 'znojmo']))
		for (const { name, tokens } of themes) {
			for (const [where, [ring, background]] of Object.entries(FOCUS_RING_ON)) {
				expect(getContrast(tokens[ring], tokens[background]), `${name}: focus ring (${ring}) on the ${where} (${background})`).toBeGreaterThanOrEqual(
					MIN_FOCUS_CONTRAST,
				)
			}
		}
		// Why the header rings in its text colour: Veselí's amber ring on its teal header was 2.42:1.
		const veseli = themes.find((theme) => theme.name === 'veseli-nad-moravou')!.tokens
		expect(Math.round(getContrast(veseli['color-focus'], veseli['color-primary']) * 100) / 100).toBe(2.42)
	})

	test('a focus colour below 3:1 against the page is refused, naming the pair and the 3:1 it needs', () => {
		const error = thrown(() => requireReadableTheme('civic-blue', { 'color-focus': '#f5c26b' }))
		expect(error.code).toBe('theme_contrast')
		expect(error.details).toEqual([
			expect.stringMatching(/^color-focus on color-bg: contrast 1\.\d+:1, needs at least 3:1$/),
			expect.stringMatching(/^color-focus on color-surface: contrast 1\.\d+:1, needs at least 3:1$/),
		])
	})
})
