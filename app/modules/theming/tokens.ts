import { getContrast } from 'color2k'
import type { ThemeOverrides } from '../tenancy/blueprint-schema'

export type ThemeTokens = Required<ThemeOverrides>

// Text/background pairs a page actually shows; each must reach WCAG AA for body text.
export const CONTRAST_PAIRS = [
	['color-text', 'color-bg'],
	['color-text', 'color-surface'],
	['color-muted', 'color-bg'],
	['color-muted', 'color-surface'],
	['color-link', 'color-bg'],
	['color-link', 'color-surface'],
	['color-primary-contrast', 'color-primary'],
] as const satisfies ReadonlyArray<readonly [keyof ThemeTokens, keyof ThemeTokens]>

export const MIN_CONTRAST = 4.5

export type ContrastFailure = { foreground: string; background: string; ratio: number }

export function findContrastFailures(tokens: ThemeTokens): ContrastFailure[] {
	return CONTRAST_PAIRS.flatMap(([foreground, background]) => {
		const ratio = getContrast(tokens[foreground], tokens[background])
		return ratio < MIN_CONTRAST ? [{ foreground, background, ratio: Math.round(ratio * 100) / 100 }] : []
	})
}

export function describeContrastFailure(failure: ContrastFailure) {
	return `${failure.foreground} on ${failure.background}: contrast ${failure.ratio}:1, needs at least ${MIN_CONTRAST}:1`
}

/** CSS custom properties for one town, e.g. --town-color-primary, read by Tailwind's @theme. */
export function tokensToCss(tokens: ThemeTokens) {
	const body = Object.entries(tokens)
		.map(([name, value]) => `--town-${name}:${value};`)
		.join('')
	return `:root{${body}}`
}
