import { useEffect, useState } from 'react'
import { isConditionMet } from '~/modules/forms/build-submission-schema'
import type { Step } from '~/modules/forms/form-definition-schema'

// Hidden fields stay in the page (so the form works without JS: the server decides what counts)
// but are hidden from everyone when their condition is not met.
// Before hydration (or without JS) every field shows: the citizen can then fill a field whose
// condition they are just about to meet on the same page.
export function VisibleWhen({
	field,
	formValues,
	children,
}: {
	field: Step['fields'][number]
	formValues: Record<string, unknown>
	children: React.ReactNode
}) {
	const [isHydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	if (!field.visibleWhen) return <>{children}</>
	return <div hidden={isHydrated && !isConditionMet(field.visibleWhen, formValues)}>{children}</div>
}
