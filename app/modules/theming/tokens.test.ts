import { getContrast } from 'color2k'
import { describe, expect, test } from 'vitest'
import { isAppError, type AppError } from '../errors/app-error'
import { listThemePresets, requireReadableTheme, resolveTheme } from './presets.server'
import { CONTRAST_PAIRS, findContrastFailures, MIN_CONTRAST, tokensToCss } from './tokens'

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
})
