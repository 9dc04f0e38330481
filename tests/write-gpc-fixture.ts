// Regenerates app/modules/bank-statements/fixtures/sample.gpc (real Windows-1250 bytes):
// npx tsx tests/write-gpc-fixture.ts
import { writeFileSync } from 'node:fs'
import { generateGpc } from '../app/modules/bank-statements/generate-gpc'

writeFileSync(
	new URL('../app/modules/bank-statements/fixtures/sample.gpc', import.meta.url),
	generateGpc({
		account: '192000145399',
		accountName: 'MĚSTO ČÁSLAV',
		movements: [
			{ id: '5001', amount: 50000, vs: '2026000017', date: '2026-03-03', name: 'Řehoř Šťastný', counterAccount: '1234567899', bankCode: '0100' },
			{ id: '5002', amount: 25000, date: '2026-03-03', name: 'bez VS' },
			{ id: '5003', amount: -1500, date: '2026-03-04', ks: '0558' },
			{ id: '5004', amount: 50000, date: '2026-03-04', postingCode: '5', vs: '2026000017' },
		],
	}),
)
