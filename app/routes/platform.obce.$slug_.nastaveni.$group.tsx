import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { FormErrors, SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { SettingsFields } from '~/components/platform/settings-fields'
import { isAppError } from '~/modules/errors/app-error'
import { resources } from '~/modules/i18n/resources.server'
import { platformPage } from '~/modules/platform-auth/platform-page.server'
import { requireVendor } from '~/modules/platform-auth/require-vendor.server'
import { vendorActor } from '~/modules/platform-health/town-actions.server'
import { checkLogo, logoErrorCode } from '~/modules/tenancy/check-logo.server'
import { listThemePresets, resolveTheme } from '~/modules/theming/presets.server'
import { editTownSettings, readTownSettings, type NewLogo } from '~/modules/town-settings/edit-town-settings.server'
import { settingsErrorKey, formValues } from '~/modules/town-settings/settings-form.server'
import { GROUP_SCHEMAS, SettingsGroupSchema, SETTINGS_GROUPS, type SettingsGroup } from '~/modules/town-settings/settings-groups'

// One group of a town's settings edited from the vendor console (issue 18): checked by the blueprint's
// own schema, applied the way `tenant apply` applies, audited with the old and the new value. Works
// without JavaScript (a plain POST; the page comes back with the messages at the fields).

const SlugSchema = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/)

async function readParams(params: LoaderFunctionArgs['params']) {
	const slug = SlugSchema.safeParse(params.slug)
	const group = SettingsGroupSchema.safeParse(params.group)
	if (!slug.success || !group.success) throw data(null, { status: 404 })
	try {
		return { slug: slug.data, group: group.data, ...(await readTownSettings(slug.data)) }
	} catch (error) {
		if (isAppError(error, 'tenant_not_found')) throw data(null, { status: 404 })
		throw error
	}
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const { locale, title } = await platformPage(request, 'vendor.console')
	await requireVendor(request, context)
	const { slug, group, blueprint, logo, version } = await readParams(params)
	const townName = (blueprint.name as { cs: string }).cs
	const text = resources[locale]['platform-health'].settings
	return {
		title: `${text.groups[group]} – ${townName} – ${title}`,
		slug,
		group,
		townName,
		defaults: formValues(group, blueprint),
		logo: logo ?? null,
		version: version(group),
		presets: group === 'look' ? Object.fromEntries(listThemePresets().map((preset) => [preset, resolveTheme(preset)])) : {},
	}
}

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { vendor } = await requireVendor(request, context)
	const { slug, group } = await readParams(params)
	const form = await request.formData()
	const submission = parseWithZod(form, { schema: GROUP_SCHEMAS[group] as z.ZodType })
	const fieldErrors: Record<string, string[]> = {}
	let logo: NewLogo | undefined
	const file = form.get('logo')
	if (group === 'look' && file instanceof File && file.size > 0) {
		const bytes = Buffer.from(await file.arrayBuffer())
		const checked = checkLogo(file.name, bytes)
		if (checked.ok) logo = { type: checked.type, bytes }
		else fieldErrors.logo = [`platform-health:onboarding.errors.${logoErrorCode(checked)}`]
	}
	// 200, not 400, as the onboarding wizard: the page comes back with its messages, and a client-side
	// fetch answered 4xx would be logged in the browser as an error.
	const answer = (errors: Record<string, string[]>, extra: { contrast?: unknown; problems?: string[] } = {}) =>
		data({
			result: submission.reply({
				fieldErrors: Object.fromEntries(Object.entries(errors).map(([name, codes]) => [name, codes.map((code) => settingsErrorKey(name, code))])),
			}),
			...extra,
		})
	if (submission.status !== 'success') return answer({ ...submission.error, ...fieldErrors } as Record<string, string[]>)
	if (Object.keys(fieldErrors).length) return answer(fieldErrors)
	const seen = form.get('verze')
	const result = await editTownSettings({
		slug,
		group,
		value: submission.value as never,
		logo,
		actor: vendorActor(vendor),
		expectedVersion: typeof seen === 'string' && seen ? seen : undefined,
	})
	// Someone saved this group since the page was opened: nothing changed; the page reloads the current
	// values' version, so saving again knowingly replaces them.
	if (!result.ok && result.stale) return data({ result: submission.reply({ formErrors: ['platform-health:settings.errors.stale'] }) })
	if (!result.ok) return answer(result.fieldErrors, { contrast: result.contrast, problems: result.problems })
	return redirect(`/platform/obce/${slug}?hlaseni=${result.changes.length ? 'settingsSaved' : 'settingsUnchanged'}&pocet=${result.changes.length}#health-audit`)
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'platform-health'] }

type ActionData = {
	result?: SubmissionResult<string[]>
	contrast?: { foreground: string; background: string; ratio: number; needed: number }[]
	problems?: string[]
}

export default function TownSettingsGroup() {
	const { slug, group, townName, defaults, logo, presets, version } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>() as ActionData | undefined
	const { t } = useTranslation('platform-health')
	const [form, fields] = useForm<Record<string, unknown>, Record<string, unknown>, string[]>({
		id: `settings-${group}`,
		lastResult: actionData?.result,
		defaultValue: defaults,
		shouldValidate: 'onSubmit',
	})
	void form.allErrors
	const errorCount = Object.values(form.allErrors).filter((list) => list.length).length
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to={`/platform/obce/${slug}`}>{t('settings.back', { name: townName })}</Link>
			</p>
			<h1 className="mb-2 text-3xl font-bold">{t(`settings.groups.${group}`)}</h1>
			<p className="mb-4">{t('settings.intro', { name: townName })}</p>
			<nav aria-label={t('settings.groupsLabel')} className="mb-6">
				<ul className="flex flex-wrap gap-3">
					{SETTINGS_GROUPS.map((name: SettingsGroup) => (
						<li key={name}>
							{name === group ? (
								<span aria-current="page" className="font-bold">
									{t(`settings.groups.${name}`)}
								</span>
							) : (
								<Link to={`/platform/obce/${slug}/nastaveni/${name}`}>{t(`settings.groups.${name}`)}</Link>
							)}
						</li>
					))}
				</ul>
			</nav>
			{errorCount || actionData?.problems?.length ? (
				<div role="alert" className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
					<p>{t('settings.fixErrors', { count: errorCount || actionData?.problems?.length })}</p>
					{actionData?.problems?.length ? (
						<ul className="list-disc pl-6">
							{actionData.problems.map((problem) => (
								<li key={problem}>{problem}</li>
							))}
						</ul>
					) : null}
				</div>
			) : null}
			<Form method="post" encType={group === 'look' ? 'multipart/form-data' : undefined} {...getFormProps(form)} className="flex flex-col gap-2">
				<FormErrors id={form.errorId} errors={form.errors} />
				<input type="hidden" name="verze" value={version} />
				<SettingsFields group={group} fields={fields} presets={presets} logo={logo} contrast={actionData?.contrast ?? []} />
				<p className="text-sm text-muted">{t('settings.applyHint')}</p>
				<div>
					<SubmitButton>{t('settings.save')}</SubmitButton>
				</div>
			</Form>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
