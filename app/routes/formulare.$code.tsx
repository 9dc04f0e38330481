import { getFormProps, useForm, type FieldMetadata } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormFieldInput, type UploadedFile } from '~/components/forms/form-field-input'
import { GroupFieldInput } from '~/components/forms/group-field'
import { ReviewList } from '~/components/forms/review-list'
import { StepProgress } from '~/components/forms/step-progress'
import { VisibleWhen } from '~/components/forms/visible-when'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { useCitizenLoginHref } from '~/components/town-header'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { buildSubmissionSchema } from '~/modules/forms/build-submission-schema'
import { type Field, type FormDefinition, type Step } from '~/modules/forms/form-definition-schema'
import { handleFormPost } from '~/modules/forms/handle-form-post.server'
import { loadFormPage } from '~/modules/forms/load-form-page.server'
import type { loader as rootLoader } from '~/root'
import { pickText } from '~/modules/i18n/locales'

export const handle = { i18n: ['forms'] }

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	return loadFormPage(request, context, params.code ?? '')
}

export async function action({ request, context, params }: ActionFunctionArgs) {
	return handleFormPost(request, context, params.code ?? '')
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) =>
	townPageMeta(page ? pickText(page.form.definition.title, page.locale) : undefined, matches)

const buttonClass = 'rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast'
const secondaryClass = 'rounded-town border border-primary px-4 py-2 font-semibold'

export default function FillForm() {
	const page = useLoaderData<typeof loader>()
	const { t } = useTranslation('forms')
	const loginHref = useCitizenLoginHref()
	const definition = page.form.definition as FormDefinition
	const title = pickText(definition.title, page.locale)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{title}</h1>
			{definition.description ? <p className="mb-6">{pickText(definition.description, page.locale)}</p> : null}
			{page.mode === 'login' ? (
				<>
					<p className="mb-4">{t('fill.loginRequired')}</p>
					<a href={loginHref} className={buttonClass}>
						{t('fill.login')}
					</a>
				</>
			) : page.mode === 'anonymous' ? (
				<>
					<p className="mb-6 text-muted">{t('fill.anonymousNote')}</p>
					<StepForm definition={definition} steps={definition.steps} values={{}} files={[]} prefilled={[]} locale={page.locale} stepIndex={0} isAnonymous />
				</>
			) : (
				<>
					<StepProgress titles={definition.steps.map((step) => pickText(step.title, page.locale))} current={page.step} />
					{page.hasErrors ? (
						<p role="alert" className="mb-6 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
							{t('fill.errorSummary')}
						</p>
					) : null}
					{page.isSaved ? (
						<p role="status" className="mb-6 rounded-town border border-primary px-4 py-2">
							{t('fill.saved')}
						</p>
					) : null}
					{page.step < definition.steps.length ? (
						<StepForm
							key={page.step}
							definition={definition}
							steps={[definition.steps[page.step]!]}
							values={page.values}
							files={page.files as UploadedFile[]}
							prefilled={page.prefilled}
							locale={page.locale}
							stepIndex={page.step}
						/>
					) : (
						<ReviewList definition={definition} values={page.values} files={page.files as UploadedFile[]} locale={page.locale} />
					)}
				</>
			)}
		</main>
	)
}

type StepFormProps = {
	definition: FormDefinition
	steps: Step[]
	values: Record<string, unknown>
	files: UploadedFile[]
	prefilled: string[]
	locale: string
	stepIndex: number
	isAnonymous?: boolean
}

function StepForm({ definition, steps, values, files, prefilled, locale, stepIndex, isAnonymous }: StepFormProps) {
	const { t } = useTranslation('forms')
	const actionData = useActionData<typeof action>()
	const lastResult = actionData && 'result' in actionData ? actionData.result : undefined
	const uploadErrors = actionData && 'uploadErrors' in actionData ? actionData.uploadErrors : []
	const schema = buildSubmissionSchema(definition, locale, { steps })
	const fileNames = steps
		.flatMap((step) => step.fields)
		.filter((field) => field.type === 'file')
		.map((field) => field.name)
	// Rows of a repeating group start with one empty row, so there is something to fill in.
	const defaultValue = Object.fromEntries(
		steps
			.flatMap((step) => step.fields)
			.map((field) => [
				field.name,
				field.type === 'group' ? ((values[field.name] as unknown[] | undefined)?.length ? values[field.name] : [{}]) : values[field.name],
			]),
	)
	const [form, fields] = useForm<Record<string, unknown>>({
		id: `step-${stepIndex}`,
		lastResult: lastResult ?? undefined,
		defaultValue: defaultValue as never,
		// Checked when the citizen submits, not when a field loses focus: a message or the error summary
		// appearing on blur moves the buttons under the pointer, so the click on "Pokračovat" that caused
		// the blur would land beside the button. After the first submit each field re-checks as it is typed.
		shouldValidate: 'onSubmit',
		shouldRevalidate: 'onInput',
		onValidate: ({ formData }) => {
			// A file chosen but not yet uploaded counts as given; the server checks its content.
			for (const name of fileNames) {
				const chosen = formData.getAll(`${name}__upload`).some((entry) => typeof entry !== 'string' && entry.size > 0)
				if (chosen) formData.append(name, '00000000-0000-4000-8000-000000000000')
			}
			return parseWithZod(formData, { schema })
		},
	})
	const fieldErrors = Object.entries(form.allErrors).filter(([name, messages]) => name !== '' && messages.length)
	const hasErrors = Boolean(uploadErrors.length || fieldErrors.length)
	// The GOV.UK error summary: after a refused submit the summary takes the focus, so a screen reader
	// reads it and a keyboard user goes from it straight to each field.
	const summaryRef = useRef<HTMLDivElement>(null)
	const [submits, setSubmits] = useState(0)
	useEffect(() => {
		if (submits || lastResult) summaryRef.current?.focus()
	}, [submits, lastResult])
	const formProps = getFormProps(form)
	const stepFields = steps.flatMap((step) => step.fields)
	return (
		<Form
			method="post"
			encType="multipart/form-data"
			{...formProps}
			onSubmit={(event) => {
				formProps.onSubmit(event)
				// A submit the browser refused (errors found here) shows the summary: focus it once rendered.
				setSubmits((n) => n + 1)
			}}
			className="grid gap-6"
		>
			<input type="hidden" name="krok" value={stepIndex} />
			{hasErrors ? (
				<div
					ref={summaryRef}
					role="alert"
					tabIndex={-1}
					aria-labelledby="error-summary-title"
					className="rounded-town border-2 border-red-800 bg-red-50 p-3 text-red-900"
				>
					<h2 id="error-summary-title" className="text-xl font-bold">
						{t('fill.errorSummaryTitle')}
					</h2>
					<p className="mb-2">{t('fill.errorSummaryIntro')}</p>
					<ul className="list-disc pl-6">
						{fieldErrors.map(([name, messages]) => (
							<li key={name}>
								<a href={`#${fieldAnchor(form.id, name, stepFields)}`} className="font-medium underline">
									{errorLabel(name, stepFields, locale, t)}: {messages[0]}
								</a>
							</li>
						))}
						{uploadErrors.map((message) => (
							<li key={message}>{message}</li>
						))}
					</ul>
				</div>
			) : null}
			{steps.map((step) => (
				<section key={step.id} aria-labelledby={`step-title-${step.id}`} className="grid gap-4">
					<h2 id={`step-title-${step.id}`} className="text-2xl font-semibold">
						{pickText(step.title, locale)}
					</h2>
					{step.fields.map((field) =>
						field.type === 'group' ? (
							<GroupFieldInput key={field.name} field={field} meta={fields[field.name] as FieldMetadata<unknown>} form={form} locale={locale} />
						) : (
							<VisibleWhen key={field.name} field={field} formValues={form.value ?? defaultValue}>
								<FormFieldInput
									field={field}
									meta={fields[field.name] as FieldMetadata<unknown>}
									locale={locale}
									isPrefilled={prefilled.includes(field.name)}
									files={files}
									maxFileSizeMb={definition.attachments.maxFileSizeMb}
								/>
							</VisibleWhen>
						),
					)}
				</section>
			))}
			<div className="flex flex-wrap gap-3">
				{isAnonymous ? (
					<button type="submit" className={buttonClass}>
						{t('fill.submit')}
					</button>
				) : (
					<>
						{stepIndex > 0 ? (
							<button type="submit" name="go" value="back" formNoValidate className={secondaryClass}>
								{t('fill.back')}
							</button>
						) : null}
						<button type="submit" name="go" value="next" className={buttonClass}>
							{t('fill.next')}
						</button>
						<button type="submit" name="go" value="save" formNoValidate className={secondaryClass}>
							{t('fill.save')}
						</button>
					</>
				)}
			</div>
			{isAnonymous ? null : <p className="text-sm text-muted">{t('fill.draftNote')}</p>}
		</Form>
	)
}

const NAME = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$/

/** Where the summary's link for an error goes: the field's input (a file field's upload input). */
function fieldAnchor(formId: string, name: string, fields: Field[]) {
	const match = NAME.exec(name)
	const field = fields.find((f) => f.name === match?.[1])
	if (field?.type === 'file') return `${formId}-${name}-upload`
	return `${formId}-${name}`
}

/** The label a citizen sees for an error's field: "Psi 2: Číslo čipu", "Adresa: PSČ". */
function errorLabel(name: string, fields: Field[], locale: string, t: (key: string, options?: Record<string, unknown>) => string) {
	const match = NAME.exec(name)
	const field = fields.find((f) => f.name === match?.[1])
	if (!field || !match) return name
	const label = pickText(field.label, locale)
	if (field.type === 'group' && match[2] !== undefined) {
		const child = field.fields.find((f) => f.name === match[3])
		return `${label} ${Number(match[2]) + 1}${child ? `: ${pickText(child.label, locale)}` : ''}`
	}
	if (field.type === 'address' && match[3]) return `${label}: ${t(`address.${match[3]}`)}`
	return label
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
