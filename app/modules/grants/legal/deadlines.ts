// Legal deadlines of a grant contract and who decides on a grant. Sources and the counting rules are in
// docs/grants-law.md. Dates are calendar days (YYYY-MM-DD) in Prague, the way the laws count them.
import { formatCalendarDate, isCzechWorkingDay, parseCalendarDate, shiftDays } from './czech-holidays'

/**
 * The day `days` working days after `date` (before it when negative); the day itself is not counted,
 * as in any Czech deadline (the day of the event does not count). Zero returns the date unchanged.
 */
export function addCzechWorkingDays(date: string, days: number): string {
	if (!Number.isInteger(days)) throw new RangeError(`Working days must be a whole number, got ${days}`)
	let day = parseCalendarDate(date)
	const step = days < 0 ? -1 : 1
	for (let left = Math.abs(days); left > 0;) {
		day = shiftDays(day, step)
		if (isCzechWorkingDay(formatCalendarDate(day))) left--
	}
	return formatCalendarDate(day)
}

function addCalendarDays(date: string, days: number) {
	return formatCalendarDate(shiftDays(parseCalendarDate(date), days))
}

/**
 * De minimis aid: the provider records it in the central register (Centrální registr podpor malého
 * rozsahu) within 5 working days of granting it (zákon č. 215/2004 Sb., §3a). Counted from signing.
 */
export function deMinimisRegisterDeadline(signedOn: string): string {
	return addCzechWorkingDays(signedOn, 5)
}

/**
 * A public-law grant contract above 50 000 Kč goes on the official board (úřední deska) within 30 days
 * of its signing (zákon č. 250/2000 Sb., §10d odst. 1). The 30th calendar day after signing; it is
 * not moved off a weekend or holiday, so the date shown is never later than the law allows.
 */
export function boardPublicationDeadline(signedOn: string): string {
	return addCalendarDays(signedOn, 30)
}

/**
 * A contract that must go into the registr smluv is published there within 30 days of its signing
 * (zákon č. 340/2015 Sb., §5 odst. 2). Counted like the board deadline above.
 */
export function registrSmluvDeadline(signedOn: string): string {
	return addCalendarDays(signedOn, 30)
}

/** The default threshold above which the council (zastupitelstvo) decides: 200 000 Kč, in haléře. */
export const DEFAULT_ZASTUPITELSTVO_THRESHOLD_HALERE = 200_000_00

/**
 * Who decides: grants above the threshold per recipient in one calendar year are reserved to the
 * zastupitelstvo (zákon č. 128/2000 Sb., §85 písm. j); up to it the rada (or whoever the town's rules
 * name). Pass the recipient's total for the year, this grant included.
 */
export function decidingBody(amountHalere: number, thresholdHalere: number = DEFAULT_ZASTUPITELSTVO_THRESHOLD_HALERE): 'rada' | 'zastupitelstvo' {
	return amountHalere > thresholdHalere ? 'zastupitelstvo' : 'rada'
}
