// STUB (grants branch): the `ares` branch owns and replaces this file (Czech holidays included there).
const FIXED_HOLIDAYS = ['01-01', '05-01', '05-08', '07-05', '07-06', '09-28', '10-28', '11-17', '12-24', '12-25', '12-26']

function easterSunday(year: number): Date {
	const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4
	const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30
	const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451)
	const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1
	return new Date(Date.UTC(year, month - 1, day))
}

function isWorkingDay(d: Date): boolean {
	const dow = d.getUTCDay()
	if (dow === 0 || dow === 6) return false
	if (FIXED_HOLIDAYS.includes(d.toISOString().slice(5, 10))) return false
	const easter = easterSunday(d.getUTCFullYear()).getTime()
	const day = 86_400_000
	return d.getTime() !== easter - 2 * day && d.getTime() !== easter + day
}

export function addCzechWorkingDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`)
	let left = days
	while (left > 0) {
		d.setUTCDate(d.getUTCDate() + 1)
		if (isWorkingDay(d)) left--
	}
	return d.toISOString().slice(0, 10)
}

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`)
	d.setUTCDate(d.getUTCDate() + days)
	return d.toISOString().slice(0, 10)
}

export const deMinimisRegisterDeadline = (signedOn: string) => addCzechWorkingDays(signedOn, 5)
export const boardPublicationDeadline = (signedOn: string) => addDays(signedOn, 30)
export const registrSmluvDeadline = (signedOn: string) => addDays(signedOn, 30)
export function decidingBody(amountHalere: number, thresholdHalere: number): 'rada' | 'zastupitelstvo' {
	return amountHalere > thresholdHalere ? 'zastupitelstvo' : 'rada'
}
