// jsonld ships no types; the tests use only expand() with a document loader.
declare module 'jsonld' {
	type RemoteDocument = { contextUrl: string | null; documentUrl: string; document: unknown }
	const jsonld: { expand(input: unknown, options?: { documentLoader?: (url: string) => Promise<RemoteDocument> }): Promise<Record<string, unknown>[]> }
	export default jsonld
}
