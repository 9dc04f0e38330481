/** A CSV download streamed from an async generator of text chunks (large exports never sit in memory). */
export function csvResponse(chunks: AsyncGenerator<string>, fileName: string) {
	const encoder = new TextEncoder()
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await chunks.next()
			if (next.done) controller.close()
			else controller.enqueue(encoder.encode(next.value))
		},
	})
	return new Response(body, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' },
	})
}
