import type { FailurePage } from './nia-login-error'

export const FAILURE_PATH = '/auth/nia/chyba'

/** The failure page with a short code (never the raw error); for a too-low LoA also which levels. */
export function failureUrl(page: FailurePage, loa?: { actual?: string; minimum?: string }) {
	const params = new URLSearchParams({ duvod: page })
	if (page === 'loa' && loa?.minimum) params.set('min', loa.minimum)
	if (page === 'loa' && loa?.actual) params.set('ziskano', loa.actual)
	return `${FAILURE_PATH}?${params}`
}
