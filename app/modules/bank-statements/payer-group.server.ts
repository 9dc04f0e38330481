// "The same person or household" for splitting one bank payment (issue 11.4): the payer's own claims,
// the claims of residents in the payer's household, and the claims of residents linked to the same
// citizen account. One definition for the claims the form offers and the check the split makes.
import type { Prisma } from '../../generated/tenant/client'

export type PayerKeys = { id: string; householdId: string | null; personId: string | null }

export function payerGroupWhere(payer: PayerKeys): Prisma.ResidentWhereInput {
	return {
		OR: [{ id: payer.id }, ...(payer.householdId ? [{ householdId: payer.householdId }] : []), ...(payer.personId ? [{ personId: payer.personId }] : [])],
	}
}

export function isInPayerGroup(payer: PayerKeys, resident: PayerKeys): boolean {
	return (
		resident.id === payer.id ||
		(payer.householdId !== null && resident.householdId === payer.householdId) ||
		(payer.personId !== null && resident.personId === payer.personId)
	)
}
