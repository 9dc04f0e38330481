// The onboarding wizard (/platform/obce/nova) as the router runs it: every step is checked by the
// blueprint's schema with problems by field and nothing stored; the draft travels signed; the last
// step creates the town through applyBlueprint (tenant apply's path) and invites its first admin; the
// blueprint zip is one `tenant apply` accepts with "no changes".
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AppLoadContext } from '@remix-run/node'
import { unzipSync } from 'fflate'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startAresSimulator } from '../../../simulators/ares'
import { migrate, sql } from '../../../tests/db'
import { runRoute } from '../../../tests/route'
import { currentCode, officeRequest, TEST_PASSWORD, TEST_TOTP_SECRET } from '../../../tests/staff'
import * as wizardRoute from '../../routes/platform.obce.nova'
import { useAresApiUrl } from '../ares/ares-client.server'
import { getPool } from '../db/pool.server'
import { startJobs, stopJobs } from '../jobs/jobs.server'
import { createVendor } from '../platform-auth/create-vendor.server'
import { completeVendorSecondFactor, signInVendor } from '../platform-auth/sign-in-vendor.server'
import { applyBlueprint } from '../tenancy/apply-blueprint.server'
import { loadBlueprint } from '../tenancy/load-blueprint.server'
import { readDraft, signDraft } from './wizard-state.server'

await migrate()
const ares = await startAresSimulator()
useAresApiUrl(ares.apiUrl)
beforeAll(() => startJobs({ pool: getPool(), log: pino({ level: 'silent' }) }))
afterAll(async () => {
	await stopJobs()
	useAresApiUrl(null)
	await ares.stop()
})

const platform: AppLoadContext = { portal: { kind: 'platform', cspNonce: 'n', requestId: 'wizard-req', clientIp: '203.0.113.60' } }
const vendor = await createVendor({ email: 'onboard@vendor.test', name: 'Onboarding', password: TEST_PASSWORD, actor: 'test', totpSecret: TEST_TOTP_SECRET })
const step = await signInVendor({ request: officeRequest('/platform/prihlaseni'), context: platform, email: 'onboard@vendor.test', password: TEST_PASSWORD })
if (!step.ok) throw new Error('sign-in refused')
const done = await completeVendorSecondFactor({ request: officeRequest('/platform/overeni', step.cookie), context: platform, code: await currentCode() })
if (!done.ok) throw new Error('code refused')
const cookie = done.cookie

type View = {
	step: string
	state: string
	sig: string
	errors?: Record<string, string[]>
	problems?: string[]
	done?: { slug: string; progress: { kind: string }[] }
	extras: { ares?: { name?: string }; hostChecks?: { host: string; verified: boolean }[]; nia?: { acs: string } }
}

function post(fields: Record<string, string | string[]>, body?: FormData) {
	const formData = body ?? new FormData()
	for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) formData.append(key, item)
	return runRoute({
		path: '/platform/obce/nova',
		module: wizardRoute,
		request: officeRequest('/platform/obce/nova', cookie, { method: 'POST', body: formData }),
		context: platform,
	})
}
const send = async (view: View, fields: Record<string, string | string[]>, body?: FormData) => {
	const answer = await post({ state: view.state, sig: view.sig, step: view.step, intent: 'next', ...fields }, body)
	return { status: answer.status, view: answer.data as View }
}
const towns = async () => (await sql<{ slug: string }>(`SELECT slug FROM platform.tenant WHERE slug = 'nova-ves'`)).length

const identity = {
	'name.cs': 'Obec Nová Ves',
	'name.en': 'Nová Ves',
	type: 'obec',
	'contact.ico': '00293717',
	municipalityCode: '594491',
	slug: 'nova-ves',
	'contact.address': 'Návesní 1, 664 91 Nová Ves',
	'contact.phone': '+420 546 123 456',
	'contact.email': 'podatelna@novaves.test',
	// Left empty: no office hours.
	'contact.officeHours.cs': '',
	'contact.dataBox': '',
}

describe('onboarding wizard', () => {
	test('six steps, each refused by field with nothing stored; the last creates the town like tenant apply and invites its admin', async () => {
		const opened = await runRoute({
			path: '/platform/obce/nova',
			module: wizardRoute,
			request: officeRequest('/platform/obce/nova', cookie),
			context: platform,
		})
		let view = (opened.data as { initial: View }).initial

		// 1. Identity: a bad IČO check digit and phone are named by field; an IČO ARES does not know too.
		let answer = await send(view, { ...identity, 'contact.ico': '00293718', 'contact.phone': 'x' })
		expect(Object.keys(answer.view.errors!)).toEqual(expect.arrayContaining(['contact.ico', 'contact.phone']))
		expect(answer.view.step).toBe('identity')
		answer = await send(view, { ...identity, 'contact.ico': '00283711' })
		expect(answer.view.errors).toEqual({ 'contact.ico': ['icoNotInAres'] })
		answer = await send(view, identity)
		expect(answer.status).toBe(200)
		expect(answer.view.extras.ares).toEqual({ name: 'Obec Nová Ves' })
		view = answer.view
		expect(view.step).toBe('hosts')

		// 2. Hosts: a host of another town is refused; *.localhost is verified at once.
		await sql(`INSERT INTO platform.tenant (id, slug, name) VALUES (gen_random_uuid(), 'other-town', 'Jiná') ON CONFLICT DO NOTHING`)
		await sql(
			`INSERT INTO platform.tenant_host (tenant_id, host, is_primary) SELECT id, 'other.localhost', true FROM platform.tenant WHERE slug = 'other-town' ON CONFLICT DO NOTHING`,
		)
		expect((await send(view, { primary: 'other.localhost' })).view.errors).toEqual({ primary: ['hostTaken'] })
		expect(Object.keys((await send(view, { primary: 'Nova Ves' })).view.errors!)).toEqual(['primary'])
		view = (await send(view, { primary: 'novaves.localhost', secondary: 'nova-ves.localhost' })).view
		expect(view.step).toBe('look')
		expect(view.extras.hostChecks).toEqual([
			expect.objectContaining({ host: 'novaves.localhost', verified: true }),
			expect.objectContaining({ host: 'nova-ves.localhost', verified: true }),
		])

		// 3. Look: a low-contrast colour names the failing pair at the field; an SVG with a script is refused.
		answer = await send(view, { 'theme.preset': 'civic-blue', 'theme.overrides.color-text': '#cccccc' })
		expect(answer.view.errors!['theme.overrides.color-text']![0]).toMatch(/^contrast\|color-text\|color-bg\|/)
		// As a browser sends it: every colour field, the untouched ones empty (they keep the preset's colour).
		const emptyColours = Object.fromEntries(
			['color-primary-contrast', 'color-bg', 'color-surface', 'color-muted', 'color-link', 'color-focus'].map((token) => [`theme.overrides.${token}`, '']),
		)
		answer = await send(view, {
			'theme.preset': 'civic-blue',
			...emptyColours,
			'theme.overrides.color-primary': '#1b5e20',
			'theme.overrides.color-text': '#bbbbbb',
		})
		expect(answer.status).toBe(200)
		expect(Object.keys(answer.view.errors!)).toEqual(['theme.overrides.color-text'])
		expect(answer.view.errors!['theme.overrides.color-text']).toContainEqual(expect.stringMatching(/^contrast\|color-text\|color-bg\|/))
		const evil = new FormData()
		evil.append('logo', new File(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'], 'znak.svg', { type: 'image/svg+xml' }))
		expect((await send(view, { 'theme.preset': 'civic-blue' }, evil)).view.errors).toEqual({ logo: ['logo_unsafe_svg_event_handler'] })
		const logo = new FormData()
		logo.append(
			'logo',
			new File(['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0d5c63"/></svg>'], 'znak.svg', {
				type: 'image/svg+xml',
			}),
		)
		view = (await send(view, { 'theme.preset': 'civic-blue', 'theme.overrides.color-primary': '#0d5c63' }, logo)).view
		expect(view.step).toBe('setup')

		// 4. Languages, fees, forms: a bad IBAN is refused at its field.
		const setup = {
			'locales.default': 'cs',
			'locales.enabled': ['cs', 'en'],
			'payments.iban': 'CZ6508000000192000145398',
			waste: 'waste-discount',
			dog: 'on',
			forms: ['prihlaseni-psa', 'zadost-o-informace'],
		}
		answer = await send(view, setup)
		expect(answer.view.errors).toEqual({ 'payments.iban': [expect.stringMatching(/IBAN/)] })
		view = (await send(view, { ...setup, 'payments.iban': 'CZ65 0800 0000 1920 0014 5399' })).view
		expect(view.step).toBe('nia')
		expect(view.extras.nia!.acs).toMatch(/^http:\/\/novaves\.localhost(:\d+)?\/auth\/nia\/acs$/)

		// 5. NIA.
		expect(Object.keys((await send(view, { 'nia.spIssuer': 'not a url', 'nia.minimumLoa': 'substantial' })).view.errors!)).toEqual(['nia.spIssuer'])
		view = (await send(view, { 'nia.spIssuer': 'https://novaves.localhost/portal', 'nia.minimumLoa': 'substantial' })).view
		expect(view.step).toBe('admin')

		// Nothing exists yet; a changed draft is refused (starts again).
		expect(await towns()).toBe(0)
		const tampered = await post({
			state: view.state.replace('nova-ves', 'nova-vez'),
			sig: view.sig,
			step: 'admin',
			intent: 'next',
			'admin.email': 'a@b.cz',
			'admin.name': 'A',
		})
		expect(tampered.status).toBe(400)
		expect((tampered.data as { expired: boolean }).expired).toBe(true)

		// The blueprint can be downloaded before finishing: a zip that tenant apply loads.
		const zipAnswer = await wizardRoute.action({
			request: officeRequest('/platform/obce/nova', cookie, {
				method: 'POST',
				body: new URLSearchParams({ state: view.state, sig: view.sig, step: 'admin', intent: 'download' }),
			}),
			context: platform,
			params: {},
		})
		expect(zipAnswer).toBeInstanceOf(Response)
		const files = unzipSync(new Uint8Array(await (zipAnswer as Response).arrayBuffer()))
		expect(Object.keys(files).sort()).toEqual(['nova-ves/blueprint.yaml', 'nova-ves/coat-of-arms.svg'])

		// 6. First admin; finishing creates the town, with progress.
		expect(Object.keys((await send(view, { 'admin.email': 'nope', 'admin.name': 'Starosta' })).view.errors!)).toEqual(['admin.email'])
		answer = await send(view, { 'admin.email': 'Starosta@NovaVes.test', 'admin.name': 'Jana Starostová' })
		expect(answer.status).toBe(200)
		expect(answer.view.done!.slug).toBe('nova-ves')
		const kinds = answer.view.done!.progress.map((event) => event.kind)
		expect(kinds).toContain('migration')
		expect(kinds.slice(-2)).toEqual(['invited', 'health'])
		expect(await towns()).toBe(1)
		const [settings] = await sql<{ iban: string; theme_overrides: Record<string, string>; logo_type: string; enabled_locales: string[] }>(
			`SELECT iban, theme_overrides, logo_type, enabled_locales FROM tenant_nova_ves.town_settings`,
		)
		expect(settings).toMatchObject({
			iban: 'CZ6508000000192000145399',
			theme_overrides: { 'color-primary': '#0d5c63' },
			logo_type: 'image/svg+xml',
			enabled_locales: ['cs', 'en'],
		})
		const [staff] = await sql<{ email: string; roles: string[] }>(`SELECT email, roles::text[] AS roles FROM tenant_nova_ves.staff_user`)
		expect(staff).toMatchObject({ email: 'starosta@novaves.test', roles: ['admin'] })
		const audit = await sql<{ action: string; actor: string }>(
			`SELECT action, actor FROM platform.platform_audit WHERE tenant_id = (SELECT id FROM platform.tenant WHERE slug = 'nova-ves') ORDER BY id`,
		)
		expect(audit.map((row) => row.action)).toEqual(['tenant.create', 'staff.invite'])
		expect(audit[0]!.actor).toBe('vendor:onboard@vendor.test')
		expect((await sql(`SELECT 1 FROM platform.town_health WHERE tenant_id = (SELECT id FROM platform.tenant WHERE slug = 'nova-ves')`)).length).toBe(1)

		// The downloaded blueprint, applied with tenant apply, changes nothing.
		const dir = await mkdtemp(path.join(tmpdir(), 'wizard-'))
		await mkdir(path.join(dir, 'nova-ves'))
		for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes)
		const again = await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(path.join(dir, 'nova-ves')), actor: 'test' })
		expect(again.changes).toEqual([])

		// The same slug cannot be onboarded twice.
		const fresh = (opened.data as { initial: View }).initial
		expect((await send(fresh, identity)).view.errors).toMatchObject({ slug: ['slugTaken'] })
	}, 180_000)

	test('a draft is signed for one vendor account and for a day', () => {
		const signed = signDraft({ hosts: { primary: 'a.localhost' } }, vendor.id, Date.now() - 25 * 3_600_000)
		const form = (fields: Record<string, string>) => {
			const data = new FormData()
			for (const [key, value] of Object.entries(fields)) data.append(key, value)
			return data
		}
		expect(readDraft(form(signed), vendor.id)).toBeNull()
		const now = signDraft({ hosts: { primary: 'a.localhost' } }, vendor.id)
		expect(readDraft(form(now), vendor.id)).toEqual({ hosts: { primary: 'a.localhost' } })
		expect(readDraft(form(now), '00000000-0000-4000-8000-000000000000')).toBeNull()
	})
})
