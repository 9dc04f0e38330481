import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'

// The default Remix node entry without the bot branch: render the whole document, then send it.
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
	return new Promise<Response>((resolve, reject) => {
		const { pipe } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
			onAllReady() {
				const body = new PassThrough()
				responseHeaders.set('Content-Type', 'text/html')
				resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
				pipe(body)
			},
			onShellError: reject,
		})
	})
}
