import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { checkUpload } from './check-upload.server'

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name))
const definition = { attachments: { maxFiles: 3, maxFileSizeMb: 1, maxTotalSizeMb: 2 } }
const base = { definition, accept: ['application/pdf', 'image/png'], maxFiles: 2, fieldName: 'vaccination', existing: [] }

describe('an uploaded file is checked by its content and the form limits', () => {
	test('a real PDF is accepted with its sha256 and detected type', async () => {
		const content = fixture('vaccination.pdf')
		const result = await checkUpload({ ...base, fileName: 'očkování psa.pdf', content })
		expect(result).toMatchObject({ ok: true, file: { fileName: 'očkování psa.pdf', contentType: 'application/pdf', size: content.length } })
		expect(result.ok && result.file.sha256).toMatch(/^[0-9a-f]{64}$/)
	})

	test('a Windows program renamed to .pdf is refused: the name does not decide the type', async () => {
		expect(await checkUpload({ ...base, fileName: 'invoice.pdf', content: fixture('invoice.pdf.exe-renamed.pdf') })).toEqual({
			ok: false,
			reason: 'type_not_allowed',
			detail: 'exe',
		})
	})

	test('plain text with a .pdf name has no recognisable type and is refused', async () => {
		expect(await checkUpload({ ...base, fileName: 'a.pdf', content: Buffer.from('just some text, not a PDF') })).toEqual({ ok: false, reason: 'type_unknown' })
	})

	test('oversize, too many and too much in total are refused; an empty file too', async () => {
		const pdf = fixture('vaccination.pdf')
		const big = Buffer.concat([pdf, Buffer.alloc(1024 * 1024)])
		expect(await checkUpload({ ...base, fileName: 'big.pdf', content: big })).toEqual({ ok: false, reason: 'too_large', detail: '1' })
		expect(await checkUpload({ ...base, fileName: 'e.pdf', content: Buffer.alloc(0) })).toEqual({ ok: false, reason: 'empty' })
		const three = [1, 2, 3].map(() => ({ size: 10, fieldName: 'other' }))
		expect(await checkUpload({ ...base, fileName: 'x.pdf', content: pdf, existing: three })).toEqual({ ok: false, reason: 'too_many', detail: '3' })
		const twoHere = [1, 2].map(() => ({ size: 10, fieldName: 'vaccination' }))
		expect(await checkUpload({ ...base, fileName: 'x.pdf', content: pdf, existing: twoHere })).toEqual({ ok: false, reason: 'field_too_many', detail: '2' })
		const nearlyFull = [{ size: 2 * 1024 * 1024 - 10, fieldName: 'other' }]
		expect(await checkUpload({ ...base, fileName: 'x.pdf', content: pdf, existing: nearlyFull })).toEqual({ ok: false, reason: 'total_too_large', detail: '2' })
	})

	test('the stored name carries the detected extension and no path', async () => {
		const result = await checkUpload({ ...base, fileName: '..\\..\\etc/passwd.png', content: fixture('vaccination.pdf') })
		expect(result.ok && result.file.fileName).toBe('passwd.pdf')
	})
})
