// The clerk's split form (issue 11.4): one amount field per claim, typed in koruny. Shared by the
// route (server validation) and the page (the remainder shown live while typing), so both read
// "360", "360,50" and "1 360.5" the same way.
import { z } from 'zod'

export const SplitNoteSchema = z.string().trim().min(3).max(500)

/** Koruny as typed to haléře; null when it is not a positive amount with at most two decimals. */
export function parseCrowns(typed: string): number | null {
	const compact = typed.replace(/[\s\u00a0]/g, '').replace(',', '.')
	if (!/^\d{1,9}(\.\d{1,2})?$/.test(compact)) return null
	const halere = Math.round(Number(compact) * 100)
	return halere > 0 ? halere : null
}

export type SplitFormError = { reason: 'note' | 'no_claims' | 'amount_invalid' | 'claim_not_found' | 'changed'; claimId?: string }
export type SplitForm = { payerResidentId: string; expectedAvailable: number; note: string; allocations: { claimId: string; amount: number }[] }

/**
 * Reads the posted form: pairs of `claimId` + `amount` in order; an empty amount leaves that claim
 * out. `values` echoes what was typed so a refused form shows it again.
 */
export function readSplitForm(
	form: FormData,
): { ok: true; data: SplitForm; values: Record<string, string> } | { ok: false; error: SplitFormError; values: Record<string, string> } {
	const claimIds = form.getAll('claimId').map(String)
	const amounts = form.getAll('amount').map(String)
	const values = Object.fromEntries(claimIds.map((id, i) => [id, (amounts[i] ?? '').slice(0, 20)]))
	const fail = (error: SplitFormError) => ({ ok: false as const, error, values })
	const payer = z.uuid().safeParse(form.get('payerId'))
	const expected = z.coerce.number().int().min(0).safeParse(form.get('expected'))
	if (!payer.success || !expected.success || claimIds.length !== amounts.length) return fail({ reason: 'changed' })
	const allocations: SplitForm['allocations'] = []
	for (const [index, claimId] of claimIds.entries()) {
		if (!z.uuid().safeParse(claimId).success) return fail({ reason: 'claim_not_found' })
		const typed = amounts[index]!.trim()
		if (typed === '') continue
		const amount = parseCrowns(typed)
		if (amount === null) return fail({ reason: 'amount_invalid', claimId })
		allocations.push({ claimId, amount })
	}
	const note = SplitNoteSchema.safeParse(form.get('note') ?? '')
	if (!note.success) return fail({ reason: 'note' })
	if (allocations.length === 0) return fail({ reason: 'no_claims' })
	return { ok: true, data: { payerResidentId: payer.data, expectedAvailable: expected.data, note: note.data, allocations }, values }
}
