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

/**
 * The focus ring against every background it sits on (WCAG 1.4.11, 3:1). On the page and on cards it
 * is the town's focus colour; on the header (the town's primary colour) it is the header's text colour
 * (the .on-primary rule in app.css), already held to 4.5:1 above as color-primary-contrast on
 * color-primary. The focus colour is never drawn on the primary colour: Veselí's teal (#0d5c63) with
 * the amber ring (#d97706) is only 2.42:1.
 */
export const FOCUS_PAIRS = [
	['color-focus', 'color-bg'],
	['color-focus', 'color-surface'],
] as const satisfies ReadonlyArray<readonly [keyof ThemeTokens, keyof ThemeTokens]>

export const MIN_FOCUS_CONTRAST = 3

/** The ring colour on each background, as the page draws it: [ring token, background token]. */
export const FOCUS_RING_ON = {
	page: ['color-focus', 'color-bg'],
	surface: ['color-focus', 'color-surface'],
	header: ['color-primary-contrast', 'color-primary'],
} as const satisfies Record<string, readonly [keyof ThemeTokens, keyof ThemeTokens]>

export type ContrastFailure = { foreground: string; background: string; ratio: number; needed: number }

export function findContrastFailures(tokens: ThemeTokens): ContrastFailure[] {
	const check = (pairs: ReadonlyArray<readonly [keyof ThemeTokens, keyof ThemeTokens]>, needed: number) =>
		pairs.flatMap(([foreground, background]) => {
			const ratio = getContrast(tokens[foreground], tokens[background])
			return ratio < needed ? [{ foreground, background, ratio: Math.round(ratio * 100) / 100, needed }] : []
		})
	return [...check(CONTRAST_PAIRS, MIN_CONTRAST), ...check(FOCUS_PAIRS, MIN_FOCUS_CONTRAST)]
}

export function describeContrastFailure(failure: ContrastFailure) {
	return `${failure.foreground} on ${failure.background}: contrast ${failure.ratio}:1, needs at least ${failure.needed}:1`
}

/** CSS custom properties for one town, e.g. --town-color-primary, read by Tailwind's @theme. */
export function tokensToCss(tokens: ThemeTokens) {
	const body = Object.entries(tokens)
		.map(([name, value]) => `--town-${name}:${value};`)
		.join('')
	return `:root{${body}}`
}
