import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormErrors, SelectField, SubmitButton, TextField } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { useZodForm } from '~/components/office/use-zod-form'
import { createBlankForm } from '~/modules/form-builder/create-blank-form.server'
import { NewFormSchema } from '~/modules/form-builder/new-form-schema'
import { listSubmissionAgendas } from '~/modules/forms/list-submission-agendas.server'
import { pickText } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'
import { inboxPage } from '~/modules/inbox/inbox-page.server'
import { requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

// Town admins: a new form from nothing (code, name in cs/en/uk, agenda). It is created as a draft and
// opened in the visual builder; citizens see it only once it is published there.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await inboxPage(request, context, 'builder.title')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'manage', 'Form', { request, context })
	const agendas = await listSubmissionAgendas({ db: user.db })
	return {
		title: `${resources[page.locale]['forms-office'].newForm.heading} – ${page.townName}`,
		agendas: agendas.map((agenda) => ({ value: agenda.code, label: pickText(agenda.name, page.locale) || agenda.code })),
	}
}

export const meta = titleMeta

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'manage', 'Form', { request, context })
	const submission = parseWithZod(await request.formData(), { schema: NewFormSchema })
	if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
	const created = await createBlankForm({ db: user.db, input: submission.value, staff: { id: user.me.id, name: user.me.name }, ...requestMeta(context) })
	if (!created.ok) return data({ result: submission.reply({ fieldErrors: { [created.field]: [created.message] } }) }, { status: 400 })
	return redirect(`/urad/formulare/${created.code}?hlaseni=created&otevrit=settings`)
}

export default function NewFormPage() {
	const { t } = useTranslation('forms-office')
	const { agendas } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const [form, fields] = useZodForm(NewFormSchema, { id: 'new-form', lastResult: actionData?.result })
	return (
		<main id="main" className="mx-auto max-w-3xl p-4 sm:p-6">
			<p className="mb-4">
				<Link to="/urad/formulare">{t('designer.back')}</Link>
			</p>
			<h1 className="mb-2 text-2xl font-bold">{t('newForm.heading')}</h1>
			<p className="mb-6">{t('newForm.intro')}</p>
			<Form method="post" {...getFormProps(form)} className="rounded-town border border-muted/30 bg-surface p-4 sm:p-5">
				<FormErrors id={form.errorId} errors={form.errors} />
				<TextField field={fields.code} label={t('newForm.code')} help={t('newForm.codeHelp')} autoComplete="off" />
				<TextField field={fields.titleCs} label={t('newForm.titleCs')} autoComplete="off" />
				<TextField field={fields.titleEn} label={t('newForm.titleEn')} autoComplete="off" />
				<TextField field={fields.titleUk} label={t('newForm.titleUk')} autoComplete="off" />
				<SelectField field={fields.agenda} label={t('designer.agenda')} options={agendas} emptyLabel={t('newForm.chooseAgenda')} />
				<SubmitButton>{t('newForm.submit')}</SubmitButton>
			</Form>
		</main>
	)
}

export const handle = { i18n: ['office', 'forms-office'] }

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
