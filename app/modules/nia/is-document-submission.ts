/**
 * Whether a POST came from the browser's own form submission (no JavaScript: it asks for HTML) rather
 * than from Remix's fetch. It matters for a redirect to NIA: our CSP (form-action 'self') blocks a form
 * submission that redirects to another site, so such a request gets a page with a link instead.
 */
export function isDocumentSubmission(request: Request) {
	return (request.headers.get('accept') ?? '').includes('text/html')
}
