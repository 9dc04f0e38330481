import type { Locale } from '../i18n/locales'
import { pickText } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import { fillInstalmentTemplate, instalmentLabel } from './instalment-label'

/** instalmentLabel in a locale, for loaders, CSV and PDF: '' for a single payment, else "1. splátka ze 2". */
export function instalmentText(claim: { instalment: number; instalmentCount: number }, locale: Locale): string {
	const labels = resources[locale].common.labels
	return instalmentLabel(claim, (key, values) => fillInstalmentTemplate(labels[key], values))
}

/** A claim as the citizen reads it in lists and on receipts: "Poplatek za odpad 2027, 1. splátka ze 2". */
export function claimTitle(claim: { label: unknown; year: number; instalment: number; instalmentCount: number }, locale: Locale): string {
	const instalment = instalmentText(claim, locale)
	return `${pickText(claim.label, locale)} ${claim.year}${instalment ? `, ${instalment}` : ''}`
}
