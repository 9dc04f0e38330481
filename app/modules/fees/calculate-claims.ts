// The pure fee calculator: rulebook + residents + obligations -> claim drafts. No database, so the
// admin preview, claim generation and the tests all compute the same numbers.
import { AppError } from '../errors/app-error'
import type { FeeType, Rulebook } from './rulebook-schema'

export type CalcResident = { id: string; dateOfBirth: string; disability: 'none' | 'ztp' | 'ztpp' }
export type CalcObligation = { id: string; residentId: string; feeType: string; validFrom: string; validTo: string | null }

export type ClaimDraft = {
	obligationId: string
	residentId: string
	feeType: string
	year: number
	instalment: number
	/** How many instalments the fee has that year (so the first can read "1. splátka ze 2"). */
	instalmentCount: number
	label: { cs: string; en: string; uk: string }
	months: number
	baseAmount: number
	reliefAmount: number
	reliefCode: string | null
	amount: number
	discountPercent: number
	discountAmount: number
	discountUntil: string | null
	dueDate: string
	generationKey: string
}

const pad = (n: number) => String(n).padStart(2, '0')
const lastDayOf = (year: number, month: number) => `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`
const firstDayOf = (year: number, month: number) => `${year}-${pad(month)}-01`

function ageOnJanuaryFirst(dateOfBirth: string, year: number) {
	const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number]
	return year - y - (m > 1 || d > 1 ? 1 : 0)
}

/**
 * Months of the year the obligation covers. Waste and custom fees count a month when the obligation
 * holds on its last day; the dog fee counts every started month (zákon 565/1990 Sb.).
 */
function monthsCovered(o: CalcObligation, year: number, kind: FeeType['kind']) {
	let months = 0
	for (let m = 1; m <= 12; m++) {
		const start = lastDayOf(year, m)
		const end = kind === 'dog' ? firstDayOf(year, m) : lastDayOf(year, m)
		if (o.validFrom <= start && (o.validTo === null || o.validTo >= end)) months++
	}
	return months
}

function rateOf(fee: FeeType, year: number, table: Record<string, number> | undefined) {
	const rate = table?.[String(year)]
	if (rate === undefined) throw new AppError('input_invalid', `No ${fee.code} rate for ${year}`)
	if (fee.cap !== undefined && rate > fee.cap) throw new AppError('input_invalid', `The ${fee.code} rate ${rate} CZK exceeds the legal cap of ${fee.cap} CZK`)
	return rate
}

function split(total: number, percents: number[]) {
	const parts = percents.map((p) => Math.floor((total * p) / 100))
	parts[parts.length - 1]! += total - parts.reduce((a, b) => a + b, 0)
	return parts
}

export function calculateClaims({
	rulebook,
	year,
	residents,
	obligations,
	asOf,
}: {
	rulebook: Rulebook
	year: number
	residents: CalcResident[]
	obligations: CalcObligation[]
	asOf: string
}): ClaimDraft[] {
	const residentById = new Map(residents.map((r) => [r.id, r]))
	const feeByCode = new Map(rulebook.feeTypes.map((f) => [f.code, f]))
	// The second and further dog of one keeper: order each keeper's dogs by start date.
	const dogIndex = new Map<string, number>()
	const dogsByKeeper = new Map<string, CalcObligation[]>()
	for (const o of obligations) if (feeByCode.get(o.feeType)?.kind === 'dog') dogsByKeeper.set(o.residentId, [...(dogsByKeeper.get(o.residentId) ?? []), o])
	for (const dogs of dogsByKeeper.values())
		dogs.sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.id.localeCompare(b.id)).forEach((o, i) => dogIndex.set(o.id, i))

	const drafts: ClaimDraft[] = []
	for (const o of obligations) {
		const fee = feeByCode.get(o.feeType)
		if (!fee) throw new AppError('input_invalid', `Unknown fee type ${o.feeType}`)
		const resident = residentById.get(o.residentId)
		if (!resident) throw new AppError('input_invalid', `Obligation ${o.id} names an unknown resident`)
		const months = fee.proRateByMonths
			? monthsCovered(o, year, fee.kind)
			: o.validFrom <= `${year}-12-31` && (o.validTo === null || o.validTo >= `${year}-01-01`)
				? 12
				: 0
		if (months === 0) continue
		const age = ageOnJanuaryFirst(resident.dateOfBirth, year)
		let rate = rateOf(fee, year, fee.rates)
		if (fee.kind === 'dog') {
			if (fee.seniorDog && age >= fee.seniorDog.atLeast) rate = rateOf(fee, year, fee.seniorDog.rates)
			else if ((dogIndex.get(o.id) ?? 0) > 0 && fee.furtherDogRates) rate = rateOf(fee, year, fee.furtherDogRates)
		}
		const base = Math.round((rate * 100 * months) / 12)
		const relief = fee.reliefs
			.filter((r) =>
				r.kind === 'age_under' ? age < r.under : r.kind === 'age_at_least' ? age >= r.atLeast : r.statuses.includes(resident.disability as 'ztp' | 'ztpp'),
			)
			.sort((a, b) => b.percent - a.percent)[0]
		const reliefTotal = relief ? Math.round((base * relief.percent) / 100) : 0
		const bases = split(
			base,
			fee.instalments.map((i) => i.percent),
		)
		const reliefs = split(
			reliefTotal,
			fee.instalments.map((i) => i.percent),
		)
		const discount = rulebook.discount?.feeTypes.includes(fee.code) ? rulebook.discount.percent : 0
		fee.instalments.forEach((instalment, index) => {
			let dueDate = `${year}-${instalment.dueDate}`
			// An obligation that starts after the due date gets 30 days from its start.
			if (dueDate < o.validFrom) dueDate = new Date(Date.parse(o.validFrom) + 30 * 86_400_000).toISOString().slice(0, 10)
			const amount = bases[index]! - reliefs[index]!
			const discounted = discount > 0 && asOf <= dueDate
			drafts.push({
				obligationId: o.id,
				residentId: o.residentId,
				feeType: fee.code,
				year,
				instalment: index + 1,
				instalmentCount: fee.instalments.length,
				label: fee.names,
				months,
				baseAmount: bases[index]!,
				reliefAmount: reliefs[index]!,
				reliefCode: relief && reliefs[index]! > 0 ? relief.code : null,
				amount,
				discountPercent: discounted ? discount : 0,
				discountAmount: discounted ? Math.round((amount * discount) / 100) : 0,
				discountUntil: discounted ? dueDate : null,
				dueDate,
				generationKey: `${o.id}:${year}:${index + 1}`,
			})
		})
	}
	return drafts
}
