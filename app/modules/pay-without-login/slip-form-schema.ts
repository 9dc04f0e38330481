import { z } from 'zod'

// The /zaplatit form, shared by the browser (Conform) and the action. Messages are keys of the
// `pay-without-login` namespace.

/** "1 152,00", "1152", "1 152 Kč", "1152.5" -> haléře; null when it is not an amount. */
export function parseCzechAmount(input: string): number | null {
	const text = input.replace(/\s|\u00a0|\u202f/g, '').replace(/(Kč|CZK|,-)$/i, '')
	const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text)
	if (!match) return null
	return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'))
}

export const SlipFormSchema = z.object({
	variableSymbol: z
		.string({ error: 'form.errors.vsRequired' })
		.trim()
		.regex(/^\d{1,10}$/, 'form.errors.vsFormat'),
	amount: z
		.string({ error: 'form.errors.amountRequired' })
		.trim()
		.refine((value) => (parseCzechAmount(value) ?? 0) > 0, 'form.errors.amountFormat'),
})
export type SlipForm = z.infer<typeof SlipFormSchema>
