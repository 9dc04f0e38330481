import { useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'

/** Conform with one zod schema, the same one the action parses: errors show on blur, then as you type. */
export function useZodForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
	schema: Schema,
	{ id, lastResult, defaultValue }: { id: string; lastResult?: SubmissionResult<string[]> | null; defaultValue?: Record<string, unknown> },
) {
	const [form, fields] = useForm<z.input<Schema>, z.output<Schema>>({
		id,
		lastResult,
		defaultValue: defaultValue as never,
		shouldValidate: 'onBlur',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
	})
	// Conform re-renders this component only for the state it read during its last render, and the
	// field components read their errors later. Reading every error here keeps a failed submit
	// (errors on fields nobody touched yet) from going unseen.
	void form.allErrors
	return [form, fields] as const
}
