import { useEffect } from 'react'
import { useNavigation, useRevalidator } from '@remix-run/react'

/**
 * While `active` (a job under way: a statement import, a claim run, an announcement, a statistics
 * recompute), the page reloads its data every `everyMs`. It waits while the visitor is navigating or
 * submitting: a revalidation then would restart their navigation, aborting its requests (an unhandled
 * AbortError in the console) and taking their click away.
 */
export function useRefreshWhile(active: boolean, everyMs = 2000) {
	const revalidator = useRevalidator()
	const navigation = useNavigation()
	const idle = revalidator.state === 'idle' && navigation.state === 'idle'
	useEffect(() => {
		if (!active || !idle) return
		const timer = setTimeout(() => revalidator.revalidate(), everyMs)
		return () => clearTimeout(timer)
	}, [active, idle, everyMs, revalidator])
}
