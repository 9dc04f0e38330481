import { data } from '@remix-run/node'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'

// Unknown paths on a known town get the town's own 404 page (header, language, contacts).
export function loader() {
	throw data(null, { status: 404 })
}

export default function NotFound() {
	return null
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
