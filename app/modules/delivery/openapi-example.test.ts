import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { signBody } from './signature.server'

// The published example must stay what the code computes, or integrators chase a phantom mismatch.
describe('docs/api/records-system.openapi.yaml', () => {
	const text = readFileSync('docs/api/records-system.openapi.yaml', 'utf8')
	it('is OpenAPI 3.1 with both directions', () => {
		const doc = parse(text)
		expect(doc.openapi).toBe('3.1.0')
		expect(doc.paths['/api/records/status'].post).toBeTruthy()
		expect(doc.webhooks.submission.post).toBeTruthy()
	})
	it('shows the signature the portal computes', () => {
		expect(text).toContain(`X-Portal-Signature: ${signBody('example-secret', '1795000000', '{"eventId":"e-1"}')}`)
	})
})
