// A page rendered whole (entry.server.tsx) travels to the Express adapter (server/remix-handler.ts) as a
// Response whose body stream would be read back chunk by chunk only to be written to the socket; the
// buffer rides along on the Response under this key and is written at once. The two sides are bundled
// separately, hence a registered symbol rather than a module-level one.
export const WHOLE_BODY = Symbol.for('portal.wholeBody')

/** A Response for a body already in memory, carrying the buffer for the adapter. */
export function wholeBodyResponse(body: Buffer<ArrayBuffer>, init: ResponseInit) {
	const response = new Response(body, init)
	Object.defineProperty(response, WHOLE_BODY, { value: body })
	return response
}

/** The buffer of a wholeBodyResponse, or undefined for any other response (those are streamed). */
export function wholeBodyOf(response: Response): Buffer | undefined {
	return (response as Response & { [WHOLE_BODY]?: Buffer })[WHOLE_BODY]
}
