import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { titleMeta } from '~/components/office/meta'
import { lookupEconomicSubject } from '~/modules/ares/ares-client.server'
import { isAppError } from '~/modules/errors/app-error'
import { resources } from '~/modules/i18n/resources.server'
import { LOCALES } from '~/modules/i18n/locales'
import { spEndpoints } from '~/modules/nia/sp-endpoints'
import { finishOnboarding, isSlugTaken, takenHosts, type OnboardingProgress } from '~/modules/onboarding/finish-onboarding.server'
import { checkHosts, type HostCheck } from '~/modules/onboarding/host-check.server'
import { blueprintDownload, listFormLibrary } from '~/modules/onboarding/wizard-blueprint.server'
import { readDraft, signDraft } from '~/modules/onboarding/wizard-state.server'
import { nextOpenStep, STEP_SCHEMAS, WASTE_TEMPLATES, WIZARD_STEPS, type WizardDraft, type WizardStep } from '~/modules/onboarding/wizard-steps'
import { platformPage } from '~/modules/platform-auth/platform-page.server'
import { requireVendor } from '~/modules/platform-auth/require-vendor.server'
import { vendorActor } from '~/modules/platform-health/town-actions.server'
import { TOWN_TYPES } from '~/modules/tenancy/blueprint-schema'
import { checkLogo, logoErrorCode } from '~/modules/tenancy/check-logo.server'
import { townOrigin, townUrl } from '~/modules/tenancy/town-origin.server'
import { listThemePresets, resolveTheme } from '~/modules/theming/presets.server'
import { findContrastFailures, type ThemeTokens } from '~/modules/theming/tokens'

// Onboarding a town from the console (issue 18): six steps, each checked by the blueprint's own
// schema; what was entered travels in a signed hidden field, nothing is stored until the last step,
// which applies the blueprint through applyBlueprint (the code path of `tenant apply`). Works
// without JavaScript; with it the look's preview follows the colours as they are typed.

const COLOUR_TOKENS = [
	'color-primary',
	'color-primary-contrast',
	'color-bg',
	'color-surface',
	'color-text',
	'color-muted',
	'color-link',
	'color-focus',
] as const

type Errors = Record<string, string[] | null | undefined>
type Extras = { hostChecks?: HostCheck[]; nia?: { metadata: string; acs: string; logout: string }; ares?: { name: string } | { unavailable: true } }
type View = {
	step: WizardStep
	state: string
	sig: string
	draft: Omit<WizardDraft, 'look'> & { look?: Omit<NonNullable<WizardDraft['look']>, 'logo'> & { logo?: { file: string; type: string; dataUrl: string } } }
	values?: unknown
	errors?: Errors
	extras: Extras
	expired?: boolean
	done?: { slug: string; origin: string; progress: OnboardingProgress[]; invitationExpiresAt: string }
	problems?: string[]
}

export async function loader({ request, context }: LoaderFunctionArgs) {
	const { locale, title } = await platformPage(request, 'vendor.console')
	const { vendor } = await requireVendor(request, context)
	const presets = Object.fromEntries(listThemePresets().map((preset) => [preset, resolveTheme(preset)]))
	return {
		title: `${resources[locale]['platform-health'].onboarding.title} – ${title}`,
		initial: { step: 'identity', ...signDraft({}, vendor.id), draft: {}, extras: {} } satisfies View,
		presets,
		formLibrary: listFormLibrary(),
	}
}

async function viewFor(step: WizardStep, draft: WizardDraft, vendorId: string, rest: Partial<View> = {}): Promise<View> {
	const extras: Extras = { ...rest.extras }
	const hosts = draft.hosts ? [draft.hosts.primary, ...(draft.hosts.secondary ? [draft.hosts.secondary] : [])] : []
	if ((step === 'hosts' || step === 'look') && hosts.length) extras.hostChecks = await checkHosts(hosts)
	if (step === 'nia' && draft.hosts) {
		extras.nia = {
			metadata: townUrl(draft.hosts.primary, '/auth/nia/metadata'),
			...(({ acsUrl, logoutReturnUrl }) => ({ acs: acsUrl, logout: logoutReturnUrl }))(spEndpoints(draft.hosts.primary)),
		}
	}
	const logo = draft.look?.logo
	return {
		step,
		...signDraft(draft, vendorId),
		draft: {
			...draft,
			look: draft.look && { ...draft.look, logo: logo && { file: logo.file, type: logo.type, dataUrl: `data:${logo.type};base64,${logo.base64}` } },
		},
		...rest,
		extras,
	}
}

const StepSchema = z.enum(WIZARD_STEPS)

// Checks beyond the schema that need the database, ARES or the theme presets; errors keyed by field.
async function checkStep(
	step: WizardStep,
	value: Record<string, unknown>,
	form: FormData,
	draft: WizardDraft,
	extras: Extras,
): Promise<{ errors: Errors; patch?: Partial<WizardDraft> }> {
	const errors: Errors = {}
	if (step === 'identity') {
		const identity = value as NonNullable<WizardDraft['identity']>
		if (await isSlugTaken(identity.slug)) errors.slug = ['slugTaken']
		try {
			const subject = await lookupEconomicSubject(identity.contact.ico)
			if (!subject) errors['contact.ico'] = ['icoNotInAres']
			else extras.ares = { name: subject.name }
		} catch (error) {
			if (!isAppError(error, 'ares_unavailable')) throw error
			// ARES is down: the check digit (already verified) has to do.
			extras.ares = { unavailable: true }
		}
	}
	if (step === 'hosts') {
		const hosts = value as NonNullable<WizardDraft['hosts']>
		const taken = await takenHosts([hosts.primary, ...(hosts.secondary ? [hosts.secondary] : [])])
		if (taken.includes(hosts.primary)) errors.primary = ['hostTaken']
		if (hosts.secondary && taken.includes(hosts.secondary)) errors.secondary = ['hostTaken']
	}
	if (step === 'look') {
		const look = value as NonNullable<WizardDraft['look']>
		let tokens: ThemeTokens | null = null
		try {
			tokens = resolveTheme(look.theme.preset, look.theme.overrides)
		} catch {
			errors['theme.preset'] = ['unknownPreset']
		}
		for (const failure of tokens ? findContrastFailures(tokens) : []) {
			const key = `theme.overrides.${failure.foreground}`
			errors[key] = [...(errors[key] ?? []), `contrast|${failure.foreground}|${failure.background}|${failure.ratio}|${failure.needed}`]
		}
		const file = form.get('logo')
		let logo = draft.look?.logo
		if (file instanceof File && file.size > 0) {
			const bytes = Buffer.from(await file.arrayBuffer())
			const checked = checkLogo(file.name, bytes)
			if (!checked.ok) errors.logo = [logoErrorCode(checked)]
			else logo = { file: checked.type === 'image/png' ? 'coat-of-arms.png' : 'coat-of-arms.svg', type: checked.type, base64: bytes.toString('base64') }
		}
		if (form.get('removeLogo') === 'on') logo = undefined
		return { errors, patch: { look: { ...look, ...(logo ? { logo } : {}) } } }
	}
	return { errors }
}

export async function action({ request, context }: ActionFunctionArgs) {
	const { vendor } = await requireVendor(request, context)
	const form = await request.formData()
	const read = readDraft(form, vendor.id)
	if (!read) return data({ ...(await viewFor('identity', {}, vendor.id)), expired: true } satisfies View, { status: 400 })
	const draft: WizardDraft = read
	const stepParsed = StepSchema.safeParse(form.get('step'))
	const step = stepParsed.success ? stepParsed.data : nextOpenStep(draft)
	const intent = String(form.get('intent') ?? 'next')
	const index = WIZARD_STEPS.indexOf(step)

	if (intent === 'back') return viewFor(WIZARD_STEPS[Math.max(0, index - 1)]!, draft, vendor.id)
	if (intent.startsWith('goto:')) {
		const target = StepSchema.safeParse(intent.slice(5))
		// Only to a step already done or the first open one.
		const allowed = target.success && WIZARD_STEPS.indexOf(target.data) <= WIZARD_STEPS.indexOf(nextOpenStep(draft))
		return viewFor(allowed ? target.data : step, draft, vendor.id)
	}
	if (intent === 'download') {
		// The download form posts to /platform/obce/nova/blueprint; here only when called directly.
		const download = blueprintDownload(draft)
		if (!download.ok) return data(await viewFor(step, draft, vendor.id, { problems: download.problems }), { status: 400 })
		return download.response
	}

	const submission = parseWithZod(form, { schema: STEP_SCHEMAS[step] as z.ZodType })
	const extras: Extras = {}
	const errors: Errors = { ...(submission.status === 'success' ? {} : submission.error) }
	let patch: Partial<WizardDraft> = {}
	if (submission.status === 'success') {
		const checked = await checkStep(step, submission.value as Record<string, unknown>, form, draft, extras)
		Object.assign(errors, checked.errors)
		patch = checked.patch ?? { [step]: submission.value }
	}
	if (Object.values(errors).some((list) => list?.length)) {
		// 200, not 400: the step is shown again with its messages (a client-side fetch answered 4xx is logged as an error).
		const { logo: _file, ...values } = (submission.payload ?? {}) as Record<string, unknown>
		return viewFor(step, draft, vendor.id, { values, errors, extras })
	}
	const next: WizardDraft = { ...draft, ...patch }
	if (step !== 'admin') return viewFor(WIZARD_STEPS[index + 1]!, next, vendor.id, { extras })

	try {
		const done = await finishOnboarding({ draft: next, actor: vendorActor(vendor) })
		return viewFor('admin', next, vendor.id, {
			done: { slug: done.slug, origin: townOrigin(done.primaryHost), progress: done.progress, invitationExpiresAt: done.invitationExpiresAt },
		})
	} catch (error) {
		if (
			isAppError(error, 'blueprint_invalid') ||
			isAppError(error, 'host_taken') ||
			isAppError(error, 'input_invalid') ||
			isAppError(error, 'nia_config_invalid')
		) {
			return data(await viewFor('admin', next, vendor.id, { problems: error.details.length ? [...error.details] : [error.message] }), { status: 400 })
		}
		throw error
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'platform-health'] }

function valueAt(source: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), source)
}

export default function OnboardingWizard() {
	const loaderData = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>() as View | undefined
	const view: View = actionData ?? (loaderData.initial as View)
	const { t } = useTranslation('platform-health')
	const { step, errors = {} } = view
	const stepValues = view.values ?? stepDefaults(step, view.draft)
	const errorText = (name: string) => {
		const list = errors[name]
		if (!list?.length) return null
		return list
			.map((code) => {
				if (code.startsWith('contrast|')) {
					const [, fg, bg, ratio, needed] = code.split('|')
					return t('onboarding.errors.contrast', { fg: t(`onboarding.tokens.${fg}`), bg: t(`onboarding.tokens.${bg}`), ratio, needed })
				}
				// Our own codes have a text each; the blueprint schema's (English) messages give way to the field's own text.
				const fieldText = t(`onboarding.fieldErrors.${name.replace(/\./g, '_')}`, { defaultValue: code })
				return /^[\w-]+$/.test(code) ? t(`onboarding.errors.${code}`, { defaultValue: fieldText }) : fieldText
			})
			.join(' ')
	}
	const field = (name: string) => ({ name, value: valueAt(stepValues, name), error: errorText(name) })
	const hidden = (
		<>
			<input type="hidden" name="state" value={view.state} />
			<input type="hidden" name="sig" value={view.sig} />
			<input type="hidden" name="step" value={step} />
		</>
	)
	const errorCount = Object.values(errors).filter((list) => list?.length).length
	const stepIndex = WIZARD_STEPS.indexOf(step)

	if (view.done) {
		return (
			<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
				<h1 className="mb-4 text-3xl font-bold">{t('onboarding.done.title', { name: view.draft.identity?.name.cs })}</h1>
				<p role="status" className="mb-6 rounded-town border border-green-800 bg-green-50 p-3 text-green-900">
					{t('onboarding.done.status', { email: view.draft.admin?.admin.email })}
				</p>
				<h2 className="mb-2 text-2xl font-semibold">{t('onboarding.done.progress')}</h2>
				<ol className="mb-6 list-decimal pl-6" data-testid="onboarding-progress">
					{view.done.progress.map((event, index) => (
						<li key={index}>
							{event.kind === 'migration'
								? t('onboarding.done.migration', { schema: event.schema, migration: event.migration, ms: event.ms })
								: event.kind === 'change'
									? event.text
									: event.kind === 'invited'
										? t('onboarding.done.invited', { email: event.email })
										: t('onboarding.done.health')}
						</li>
					))}
				</ol>
				<ul className="mb-6 flex flex-col gap-2">
					<li>
						<a href={view.done.origin}>{t('onboarding.done.open', { origin: view.done.origin })}</a>
					</li>
					<li>
						<Link to={`/platform/obce/${view.done.slug}`}>{t('onboarding.done.health')}</Link>
					</li>
				</ul>
				<DownloadForm hidden={hidden} label={t('onboarding.download')} hint={t('onboarding.downloadHint')} />
			</main>
		)
	}

	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/platform">{t('detail.back')}</Link>
			</p>
			<h1 className="mb-2 text-3xl font-bold">{t('onboarding.title')}</h1>
			<p className="mb-4">{t('onboarding.intro')}</p>
			<Form method="post" noValidate className="mb-6">
				{hidden}
				<ol className="flex flex-wrap gap-2" aria-label={t('onboarding.stepsLabel')}>
					{WIZARD_STEPS.map((name, index) => (
						<li key={name}>
							{index <= WIZARD_STEPS.indexOf(nextOpenStep(view.draft as WizardDraft)) && name !== step ? (
								<button type="submit" name="intent" value={`goto:${name}`} className="underline">
									{index + 1}. {t(`onboarding.steps.${name}`)}
								</button>
							) : (
								<span aria-current={name === step ? 'step' : undefined} className={name === step ? 'font-bold' : 'text-muted'}>
									{index + 1}. {t(`onboarding.steps.${name}`)}
								</span>
							)}
						</li>
					))}
				</ol>
			</Form>
			<h2 className="mb-4 text-2xl font-semibold">
				{t('onboarding.stepHeading', { index: stepIndex + 1, total: WIZARD_STEPS.length, name: t(`onboarding.steps.${step}`) })}
			</h2>
			{view.expired ? (
				<p role="alert" className="mb-4 rounded-town border border-red-800 p-3 text-red-800">
					{t('onboarding.expired')}
				</p>
			) : null}
			{errorCount ? (
				<div role="alert" className="mb-4 rounded-town border border-red-800 p-3 text-red-800">
					<p className="font-semibold">{t('onboarding.fixErrors', { count: errorCount })}</p>
				</div>
			) : null}
			{view.problems?.length ? (
				<div role="alert" className="mb-4 rounded-town border border-red-800 p-3 text-red-800">
					<p className="font-semibold">{t('onboarding.problems')}</p>
					<ul className="list-disc pl-6">
						{view.problems.map((problem) => (
							<li key={problem}>{problem}</li>
						))}
					</ul>
				</div>
			) : null}
			{view.extras.ares ? (
				<p role="status" className="mb-4 rounded-town border border-muted p-3">
					{'name' in view.extras.ares ? t('onboarding.aresFound', { name: view.extras.ares.name }) : t('onboarding.aresUnavailable')}
				</p>
			) : null}
			{view.extras.hostChecks?.length ? <HostChecks checks={view.extras.hostChecks} /> : null}
			<Form method="post" noValidate encType={step === 'look' ? 'multipart/form-data' : undefined} key={`${step}-${view.sig}`} className="flex flex-col gap-4">
				{hidden}
				{step === 'identity' ? <IdentityFields field={field} /> : null}
				{step === 'hosts' ? <HostsFields field={field} /> : null}
				{step === 'look' ? (
					<LookFields field={field} presets={loaderData.presets} logo={view.draft.look?.logo} townName={view.draft.identity?.name.cs ?? ''} />
				) : null}
				{step === 'setup' ? <SetupFields field={field} library={loaderData.formLibrary} /> : null}
				{step === 'nia' ? <NiaFields field={field} urls={view.extras.nia} /> : null}
				{step === 'admin' ? <AdminFields field={field} /> : null}
				<div className="flex flex-wrap gap-4">
					{stepIndex > 0 ? (
						<button type="submit" name="intent" value="back" className="rounded-town border-2 border-primary px-4 py-1 font-semibold">
							{t('onboarding.back')}
						</button>
					) : null}
					<button type="submit" name="intent" value="next" className="rounded-town bg-primary px-4 py-1 font-semibold text-primary-contrast">
						{step === 'admin' ? t('onboarding.finish') : t('onboarding.next')}
					</button>
				</div>
			</Form>
			{step === 'admin' ? <DownloadForm hidden={hidden} label={t('onboarding.download')} hint={t('onboarding.downloadHint')} /> : null}
		</main>
	)
}

/** The steps' stored values in the shape of the fields (hosts and look differ from the draft). */
function stepDefaults(step: WizardStep, draft: View['draft']): unknown {
	if (step === 'look') return draft.look ?? { theme: { preset: 'civic-blue', overrides: {} } }
	if (step === 'setup') return draft.setup ?? { locales: { default: 'cs', enabled: ['cs', 'en', 'uk'] }, waste: 'none', dog: false, forms: [] }
	if (step === 'nia') return draft.nia ?? { nia: { spIssuer: draft.hosts ? `https://${draft.hosts.primary}/portal` : '', minimumLoa: 'substantial' } }
	if (step === 'identity') return draft.identity ?? { type: 'obec' }
	return draft[step]
}

function DownloadForm({ hidden, label, hint }: { hidden: ReactNode; label: string; hint: string }) {
	// A plain form (not Remix's) to a resource route: the answer is a file the browser saves.
	return (
		<form method="post" action="/platform/obce/nova/blueprint" className="mt-6" aria-describedby="download-hint">
			{hidden}
			<button type="submit" name="intent" value="download" className="rounded-town border-2 border-primary px-4 py-1 font-semibold">
				{label}
			</button>
			<p id="download-hint" className="text-sm text-muted">
				{hint}
			</p>
		</form>
	)
}

type FieldFn = (name: string) => { name: string; value: unknown; error: string | null }

function TextField({
	f,
	label,
	hint,
	type = 'text',
	autoComplete,
}: {
	f: ReturnType<FieldFn>
	label: string
	hint?: string
	type?: string
	autoComplete?: string
}) {
	const id = `f-${f.name.replace(/\./g, '-')}`
	const describedBy = [hint ? `${id}-hint` : null, f.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
	return (
		<div className="flex flex-col">
			<label htmlFor={id}>{label}</label>
			<input
				id={id}
				name={f.name}
				type={type}
				defaultValue={typeof f.value === 'string' ? f.value : ''}
				aria-invalid={f.error ? true : undefined}
				aria-describedby={describedBy}
				autoComplete={autoComplete}
				className="rounded-town border border-muted px-2 py-1"
			/>
			{hint ? (
				<span id={`${id}-hint`} className="text-sm text-muted">
					{hint}
				</span>
			) : null}
			{f.error ? (
				<span id={`${id}-error`} className="text-sm text-red-800">
					{f.error}
				</span>
			) : null}
		</div>
	)
}

function SelectField({ f, label, options }: { f: ReturnType<FieldFn>; label: string; options: { value: string; label: string }[] }) {
	const id = `f-${f.name.replace(/\./g, '-')}`
	return (
		<div className="flex flex-col">
			<label htmlFor={id}>{label}</label>
			<select
				id={id}
				name={f.name}
				defaultValue={typeof f.value === 'string' ? f.value : undefined}
				aria-invalid={f.error ? true : undefined}
				aria-describedby={f.error ? `${id}-error` : undefined}
				className="rounded-town border border-muted px-2 py-1"
			>
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
			{f.error ? (
				<span id={`${id}-error`} className="text-sm text-red-800">
					{f.error}
				</span>
			) : null}
		</div>
	)
}

function IdentityFields({ field }: { field: FieldFn }) {
	const { t } = useTranslation('platform-health')
	const l = (key: string) => t(`onboarding.fields.${key}`)
	return (
		<>
			<TextField f={field('name.cs')} label={l('nameCs')} hint={t('onboarding.hints.nameCs')} />
			<TextField f={field('name.en')} label={l('nameEn')} />
			<SelectField f={field('type')} label={l('type')} options={TOWN_TYPES.map((type) => ({ value: type, label: t(`onboarding.townTypes.${type}`) }))} />
			<TextField f={field('contact.ico')} label={l('ico')} hint={t('onboarding.hints.ico')} />
			<TextField f={field('municipalityCode')} label={l('municipalityCode')} hint={t('onboarding.hints.municipalityCode')} />
			<TextField f={field('slug')} label={l('slug')} hint={t('onboarding.hints.slug')} />
			<TextField f={field('contact.address')} label={l('address')} autoComplete="off" />
			<TextField f={field('contact.phone')} label={l('phone')} type="tel" />
			<TextField f={field('contact.email')} label={l('email')} type="email" />
			<TextField f={field('contact.dataBox')} label={l('dataBox')} hint={t('onboarding.hints.dataBox')} />
			<TextField f={field('contact.officeHours.cs')} label={l('officeHours')} />
			<TextField f={field('contact.web')} label={l('web')} type="url" />
		</>
	)
}

function HostsFields({ field }: { field: FieldFn }) {
	const { t } = useTranslation('platform-health')
	return (
		<>
			<TextField f={field('primary')} label={t('onboarding.fields.primaryHost')} hint={t('onboarding.hints.primaryHost')} />
			<TextField f={field('secondary')} label={t('onboarding.fields.secondaryHost')} hint={t('onboarding.hints.secondaryHost')} />
		</>
	)
}

function HostChecks({ checks }: { checks: HostCheck[] }) {
	const { t } = useTranslation('platform-health')
	return (
		<section aria-labelledby="dns-heading" className="mb-6 rounded-town border border-muted p-3">
			<h3 id="dns-heading" className="mb-2 text-xl font-semibold">
				{t('onboarding.dns.heading')}
			</h3>
			<p className="mb-2">{t('onboarding.dns.intro')}</p>
			<ul className="flex flex-col gap-2" data-testid="host-checks">
				{checks.map((check) => (
					<li key={check.host}>
						<code className="font-mono">
							{check.record.name} CNAME {check.record.value}
						</code>{' '}
						– <strong>{check.verified ? t('onboarding.dns.verified') : t('onboarding.dns.waiting')}</strong>
					</li>
				))}
			</ul>
		</section>
	)
}

function LookFields({
	field,
	presets,
	logo,
	townName,
}: {
	field: FieldFn
	presets: Record<string, ThemeTokens>
	logo?: { file: string; dataUrl: string }
	townName: string
}) {
	const { t } = useTranslation('platform-health')
	const preset = field('theme.preset')
	const presetName = typeof preset.value === 'string' && presets[preset.value] ? preset.value : 'civic-blue'
	const tokens = {
		...presets[presetName],
		...Object.fromEntries(
			COLOUR_TOKENS.map((token) => [token, valueAt(field('theme.overrides').value, token)]).filter(
				([, value]) => typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value as string),
			),
		),
	} as ThemeTokens
	// An SVG drawn with presentation attributes (the CSP allows no inline styles); with JavaScript it follows what is typed.
	const [live, setLive] = useState<ThemeTokens>(tokens)
	const follow = (token: string, value: string) => {
		if (/^#[0-9a-fA-F]{6}$/.test(value)) setLive((previous) => ({ ...previous, [token]: value }))
	}
	return (
		<>
			<SelectField f={preset} label={t('onboarding.fields.preset')} options={Object.keys(presets).map((name) => ({ value: name, label: name }))} />
			<fieldset className="flex flex-col gap-3">
				<legend className="mb-2 font-semibold">{t('onboarding.fields.overrides')}</legend>
				<p className="text-sm text-muted">{t('onboarding.hints.overrides')}</p>
				{COLOUR_TOKENS.map((token) => {
					const f = field(`theme.overrides.${token}`)
					const id = `f-theme-overrides-${token}`
					return (
						<div key={token} className="flex flex-col">
							<label htmlFor={id}>{t(`onboarding.tokens.${token}`)}</label>
							<input
								id={id}
								name={f.name}
								defaultValue={typeof f.value === 'string' ? f.value : ''}
								placeholder={presets[presetName]?.[token]}
								aria-invalid={f.error ? true : undefined}
								aria-describedby={f.error ? `${id}-error` : undefined}
								onChange={(event) => follow(token, event.currentTarget.value)}
								className="rounded-town border border-muted px-2 py-1 font-mono"
							/>
							{f.error ? (
								<span id={`${id}-error`} className="text-sm text-red-800">
									{f.error}
								</span>
							) : null}
						</div>
					)
				})}
			</fieldset>
			<div className="flex flex-col">
				<label htmlFor="f-logo">{t('onboarding.fields.logo')}</label>
				<input
					id="f-logo"
					name="logo"
					type="file"
					accept=".svg,.png,image/svg+xml,image/png"
					aria-describedby={field('logo').error ? 'f-logo-hint f-logo-error' : 'f-logo-hint'}
					aria-invalid={field('logo').error ? true : undefined}
				/>
				<span id="f-logo-hint" className="text-sm text-muted">
					{logo ? t('onboarding.hints.logoKept', { file: logo.file }) : t('onboarding.hints.logo')}
				</span>
				{field('logo').error ? (
					<span id="f-logo-error" className="text-sm text-red-800">
						{field('logo').error}
					</span>
				) : null}
			</div>
			<section aria-labelledby="preview-heading">
				<h3 id="preview-heading" className="mb-2 text-xl font-semibold">
					{t('onboarding.preview.heading')}
				</h3>
				<svg
					role="img"
					aria-label={t('onboarding.preview.heading')}
					viewBox="0 0 400 160"
					className="w-full max-w-xl rounded-town border border-muted"
					data-testid="look-preview"
				>
					<rect width="400" height="160" fill={live['color-bg']} />
					<rect width="400" height="40" fill={live['color-primary']} />
					{logo ? <image href={logo.dataUrl} x="8" y="4" width="32" height="32" /> : null}
					<text x="48" y="26" fill={live['color-primary-contrast']} fontSize="16" fontWeight="600">
						{townName}
					</text>
					<rect x="12" y="52" width="376" height="96" rx="6" fill={live['color-surface']} />
					<text x="24" y="76" fill={live['color-text']} fontSize="14">
						{t('onboarding.preview.text')}
					</text>
					<text x="24" y="96" fill={live['color-muted']} fontSize="12">
						{t('onboarding.preview.muted')}
					</text>
					<text x="24" y="116" fill={live['color-link']} fontSize="14" textDecoration="underline">
						{t('onboarding.preview.link')}
					</text>
					<rect x="24" y="122" width="110" height="20" rx="4" fill={live['color-primary']} />
					<text x="32" y="137" fill={live['color-primary-contrast']} fontSize="12">
						{t('onboarding.preview.button')}
					</text>
				</svg>
			</section>
		</>
	)
}

function SetupFields({ field, library }: { field: FieldFn; library: { code: string; title: Record<string, string> }[] }) {
	const { t, i18n } = useTranslation('platform-health')
	const enabled = field('locales.enabled')
	const enabledList = Array.isArray(enabled.value) ? (enabled.value as string[]) : typeof enabled.value === 'string' ? [enabled.value] : []
	const forms = field('forms')
	const chosenForms = Array.isArray(forms.value) ? (forms.value as string[]) : typeof forms.value === 'string' ? [forms.value] : []
	const dog = field('dog')
	const iban = field('payments.iban')
	return (
		<>
			<SelectField
				f={field('locales.default')}
				label={t('onboarding.fields.defaultLocale')}
				options={LOCALES.map((locale) => ({ value: locale, label: t(`onboarding.locales.${locale}`) }))}
			/>
			<fieldset aria-describedby={enabled.error ? 'f-locales-enabled-error' : undefined}>
				<legend className="font-semibold">{t('onboarding.fields.enabledLocales')}</legend>
				{LOCALES.map((locale) => (
					<label key={locale} className="mr-4 inline-flex items-center gap-2">
						<input type="checkbox" name="locales.enabled" value={locale} defaultChecked={enabledList.includes(locale)} />
						{t(`onboarding.locales.${locale}`)}
					</label>
				))}
				{enabled.error || field('locales.default').error ? (
					<span id="f-locales-enabled-error" className="block text-sm text-red-800">
						{enabled.error ?? field('locales.default').error}
					</span>
				) : null}
			</fieldset>
			<TextField f={iban} label={t('onboarding.fields.iban')} hint={t('onboarding.hints.iban')} />
			<SelectField
				f={field('waste')}
				label={t('onboarding.fields.waste')}
				options={WASTE_TEMPLATES.map((value) => ({ value, label: t(`onboarding.wasteTemplates.${value}`) }))}
			/>
			<label className="inline-flex items-center gap-2">
				<input type="checkbox" name="dog" defaultChecked={dog.value === true || dog.value === 'on'} />
				{t('onboarding.fields.dog')}
			</label>
			<fieldset>
				<legend className="font-semibold">{t('onboarding.fields.forms')}</legend>
				<p className="text-sm text-muted">{t('onboarding.hints.forms')}</p>
				{library.map((form) => (
					<label key={form.code} className="flex items-center gap-2">
						<input type="checkbox" name="forms" value={form.code} defaultChecked={chosenForms.includes(form.code)} />
						{form.title[i18n.language] ?? form.title.cs}
					</label>
				))}
			</fieldset>
		</>
	)
}

function NiaFields({ field, urls }: { field: FieldFn; urls?: { metadata: string; acs: string; logout: string } }) {
	const { t } = useTranslation('platform-health')
	return (
		<>
			<TextField f={field('nia.spIssuer')} label={t('onboarding.fields.spIssuer')} hint={t('onboarding.hints.spIssuer')} type="url" />
			<SelectField
				f={field('nia.minimumLoa')}
				label={t('onboarding.fields.minimumLoa')}
				options={['substantial', 'high'].map((value) => ({ value, label: t(`onboarding.loa.${value}`) }))}
			/>
			<TextField f={field('nia.idpMetadataUrl')} label={t('onboarding.fields.idpMetadataUrl')} hint={t('onboarding.hints.idpMetadataUrl')} type="url" />
			{urls ? (
				<section aria-labelledby="nia-urls">
					<h3 id="nia-urls" className="mb-2 text-xl font-semibold">
						{t('onboarding.niaUrls.heading')}
					</h3>
					<dl className="grid gap-1">
						<dt className="font-semibold">{t('onboarding.niaUrls.metadata')}</dt>
						<dd className="font-mono break-all">{urls.metadata}</dd>
						<dt className="font-semibold">{t('onboarding.niaUrls.acs')}</dt>
						<dd className="font-mono break-all">{urls.acs}</dd>
						<dt className="font-semibold">{t('onboarding.niaUrls.logout')}</dt>
						<dd className="font-mono break-all">{urls.logout}</dd>
					</dl>
				</section>
			) : null}
			<p className="rounded-town border border-muted p-3">{t('onboarding.connectors')}</p>
		</>
	)
}

function AdminFields({ field }: { field: FieldFn }) {
	const { t } = useTranslation('platform-health')
	return (
		<>
			<p>{t('onboarding.hints.admin')}</p>
			<TextField f={field('admin.name')} label={t('onboarding.fields.adminName')} autoComplete="off" />
			<TextField f={field('admin.email')} label={t('onboarding.fields.adminEmail')} type="email" autoComplete="off" />
		</>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
