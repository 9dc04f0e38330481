import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FieldErrors, FormErrors, SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { useZodForm } from '~/components/office/use-zod-form'
import { isLocale, LOCALES } from '~/modules/i18n/locales'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { getStaffLocale, setStaffLocale } from '~/modules/staff/staff-profile.server'
import { StaffProfileSchema } from '~/modules/staff/staff-forms'

// The signed-in staff member's own profile (issue 19): who they are, the language of the office
// e-mails sent to them (invitations, password resets, delivery failures), links to password and 2FA.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'profile.title')
	const { me, db } = await requireOfficeStaff(request, context)
	const stored = await getStaffLocale({ db, staffUserId: me.id })
	return {
		title: page.title,
		name: me.name,
		email: me.email,
		locale: isLocale(stored) ? stored : page.profile.defaultLocale,
		notice: new URL(request.url).searchParams.get('hlaseni') === 'saved',
	}
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	const submission = parseWithZod(await request.formData(), { schema: StaffProfileSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	await setStaffLocale({ db: user.db, staffUserId: user.me.id, locale: submission.value.locale, ...requestMeta(context) })
	return redirect('/urad/profil?hlaseni=saved')
}

export const handle = { i18n: ['office'] }

export default function StaffProfilePage() {
	const { name, email, locale, notice } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('office')
	const [form, fields] = useZodForm(StaffProfileSchema, { id: 'staff-profile', lastResult: actionData?.result, defaultValue: { locale } })
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('profile.title')}</h1>
			{notice ? (
				<p role="status" className="mb-4 rounded-town border border-muted/30 p-3">
					{t('profile.saved')}
				</p>
			) : null}
			<dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4">
				<dt className="font-semibold">{t('fields.name')}</dt>
				<dd>{name}</dd>
				<dt className="font-semibold">{t('fields.email')}</dt>
				<dd>{email}</dd>
			</dl>
			<Form method="post" {...getFormProps(form)} className="mb-8 rounded-town border border-muted/30 bg-surface p-5">
				<FormErrors id={form.errorId} errors={form.errors} />
				<label htmlFor={fields.locale.id} className="mb-1 block font-medium">
					{t('profile.language')}
				</label>
				<p id={`${fields.locale.id}-help`} className="mb-2 text-sm">
					{t('profile.languageHelp')}
				</p>
				<select
					id={fields.locale.id}
					name={fields.locale.name}
					defaultValue={fields.locale.initialValue ?? locale}
					aria-describedby={`${fields.locale.id}-help ${fields.locale.errorId}`}
					aria-invalid={fields.locale.errors ? true : undefined}
					className="mb-2 rounded-town border border-muted bg-surface px-3 py-2"
				>
					{LOCALES.map((one) => (
						<option key={one} value={one}>
							{t(`common:language.${one}`)}
						</option>
					))}
				</select>
				<FieldErrors id={fields.locale.errorId} errors={fields.locale.errors} />
				<SubmitButton>{t('profile.save')}</SubmitButton>
			</Form>
			<ul className="list-disc pl-6">
				<li>
					<Link to="/urad/heslo">{t('changePassword.title')}</Link>
				</li>
			</ul>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
