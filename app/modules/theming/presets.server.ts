import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { AppError } from '../errors/app-error'
import { ThemeOverridesSchema } from '../tenancy/blueprint-schema'
import { singleton } from '../util/singleton.server'
import { findContrastFailures, describeContrastFailure, type ThemeTokens } from './tokens'

const PresetSchema = z.object({ label: z.string(), tokens: ThemeOverridesSchema.required() })

export function themesDir() {
	return path.join(process.cwd(), 'themes')
}

// Presets are data in themes/<preset>/tokens.json, read once per process.
const presets = singleton('theme-presets', () => {
	const map = new Map<string, ThemeTokens>()
	for (const entry of readdirSync(themesDir(), { withFileTypes: true })) {
		if (!entry.isDirectory()) continue
		const raw = JSON.parse(readFileSync(path.join(themesDir(), entry.name, 'tokens.json'), 'utf8'))
		map.set(entry.name, PresetSchema.parse(raw).tokens)
	}
	return map
})

export function listThemePresets() {
	return [...presets.keys()].sort()
}

export function resolveTheme(preset: string, overrides: Partial<ThemeTokens> = {}): ThemeTokens {
	const base = presets.get(preset)
	if (!base) throw new AppError('theme_unknown', `Unknown theme preset "${preset}"`, [`available: ${listThemePresets().join(', ')}`])
	// Only the overrides actually given: a form's empty colour field arrives as an explicit undefined
	// (conform turns '' into undefined, zod keeps the key), which a plain spread would let erase the preset's token.
	const given = Object.entries(overrides).filter(([, value]) => value !== undefined && value !== null && value !== '')
	return { ...base, ...Object.fromEntries(given) }
}

/** Resolves the theme and refuses it, naming every failing pair, when text would be hard to read. */
export function requireReadableTheme(preset: string, overrides: Partial<ThemeTokens> = {}): ThemeTokens {
	const tokens = resolveTheme(preset, overrides)
	const failures = findContrastFailures(tokens)
	if (failures.length) {
		throw new AppError(
			'theme_contrast',
			'The theme does not reach WCAG AA contrast (4.5:1 for text, 3:1 for the focus ring):',
			failures.map(describeContrastFailure),
		)
	}
	return tokens
}
