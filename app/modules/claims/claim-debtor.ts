/**
 * Who owes a claim, for lists and letters: the resident, or for a grant's return (which has no
 * resident) the recipient named on the claim.
 */
export function claimDebtorName(claim: { resident: { givenName: string; familyName: string } | null; debtorName?: string | null }): string {
	return claim.resident ? `${claim.resident.givenName} ${claim.resident.familyName}` : (claim.debtorName ?? '')
}
