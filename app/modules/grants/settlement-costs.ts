import { z } from 'zod'

const SettlementCostsSchema = z.array(z.object({ category: z.string(), amount: z.number().int() }))

/** The costs stored on a settlement (JSON), or none when a row predates them. */
export function readSettlementCosts(json: unknown) {
	const parsed = SettlementCostsSchema.safeParse(json)
	return parsed.success ? parsed.data : []
}
