// The demo's SMS gateway (simulators/sms on 127.0.0.1:7006, or a free port; DEMO_SMS_PORT overrides):
// every demo town gets an account there and its encrypted SMS credential pointing at it. A credential
// kept from an earlier start is reused when it names this simulator (its login is registered again).
import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import type { Logger } from 'pino'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { decryptSecret } from '../app/modules/secrets/secrets.server'
import { setSmsCredential, SmsBranaCredentialSchema } from '../app/modules/sms/sms-credentials.server'
import { startSmsSimulator, type SmsSimulator } from '../simulators/sms'
import { demoPort } from './demo-port'

export async function startDemoSmsSimulator(logger: Logger): Promise<SmsSimulator | null> {
	try {
		return await startSmsSimulator({ port: await demoPort('DEMO_SMS_PORT', 7006), force: true })
	} catch (error) {
		logger.error(`SMS simulator not started, the demo sends no SMS: ${(error as Error).message}`)
		return null
	}
}

export async function registerDemoTownsWithSms({ simulator, pool, logger }: { simulator: SmsSimulator; pool: pg.Pool; logger: Logger }) {
	const { rows } = await pool.query<{ id: string; slug: string }>('SELECT id, slug FROM platform.tenant ORDER BY slug')
	for (const town of rows) {
		const db = getTenantDb({ id: town.id, slug: town.slug })
		const active = await db.smsCredential.findFirst({ where: { status: 'active' }, select: { config: true } })
		const kept = active ? SmsBranaCredentialSchema.safeParse(JSON.parse(decryptSecret(active.config))) : null
		let account = kept?.success && kept.data.apiUrl === simulator.apiUrl ? { login: kept.data.login, password: kept.data.password } : null
		if (!account) {
			account = { login: `demo-${town.slug}`, password: randomBytes(18).toString('base64url') }
			await setSmsCredential({ db, values: { ...account, apiUrl: simulator.apiUrl }, actor: 'demo' })
		}
		if (!simulator.accounts.some((existing) => existing.login === account.login)) simulator.accounts.push(account)
		logger.info({ tenant: town.slug }, `demo town ${town.slug} sends SMS through the SMS simulator`)
	}
}
