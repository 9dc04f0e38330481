import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { SubmitButton } from '~/components/office/form-field'
import { type SplitFormError } from '~/components/office/split-movement-form'
import { SplitSection } from '~/components/office/split-section'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { asSubject } from '~/modules/access/ability.server'
import { toMovementRow } from '~/modules/bank-statements/list-unmatched-movements.server'
import { getSplitOptions } from '~/modules/bank-statements/get-split-options.server'
import { findBankMovement, findMovementAllocation, listClaimPayers, searchClaimsForMovement } from '~/modules/bank-statements/movement-detail.server'
import { ignoreMovement, matchMovementToClaim } from '~/modules/bank-statements/resolve-movement.server'
import { readSplitForm } from '~/modules/bank-statements/split-form'
import { SplitError, splitMovement } from '~/modules/bank-statements/split-movement.server'
import { isAppError } from '~/modules/errors/app-error'
import { resources } from '~/modules/i18n/resources.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { useFormat } from '~/modules/i18n/use-format'

const Note = z.string().trim().min(3).max(500)
const ResolveSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('match'), claimId: z.uuid(), note: Note }),
	z.object({ intent: z.literal('ignore'), note: Note }),
])
const DONE = ['paid', 'partly', 'overpaid', 'ignored', 'split'] as const

async function loadMovement(request: Request, context: LoaderFunctionArgs['context'], id: string | undefined, action: 'read' | 'update') {
	const user = await requireOfficeStaff(request, context)
	const movement = await findBankMovement({ db: user.db, id })
	if (!movement) throw new Response('Not found', { status: 404 })
	await requirePermission(user, action, asSubject('BankMovement', movement), { request, context, label: `BankMovement:${movement.id}` })
	return { user, movement }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.bank')
	const { user, movement } = await loadMovement(request, context, params.id, 'read')
	const url = new URL(request.url)
	const q = (url.searchParams.get('q') ?? movement.variableSymbol ?? '').trim().slice(0, 100)
	const canUpdate = user.ability.can('update', asSubject('BankMovement', movement)) && user.ability.can('update', 'Claim')
	const canResolve = movement.matchStatus === 'unmatched' && canUpdate
	const payerId = z.uuid().safeParse(url.searchParams.get('platce')).data ?? null
	const split =
		canUpdate && user.ability.can('update', 'Payment')
			? await getSplitOptions({ db: user.db, ability: user.ability, movement, payerResidentId: payerId })
			: null
	const claims = (canResolve || split) && q && movement.kind === 'credit' ? await searchClaimsForMovement({ db: user.db, ability: user.ability, q }) : []
	const payers = split && claims.length ? await listClaimPayers({ db: user.db, claimIds: claims.map((c) => c.id) }) : []
	const allocation = await findMovementAllocation({ db: user.db, paymentId: movement.paymentId })
	const title = resources[page.locale]['bank-office'].movement[movement.matchStatus === 'unmatched' ? 'title' : 'titleResolved']
	return {
		title: `${title} – ${page.townName}`,
		movement: toMovementRow(movement),
		q,
		canResolve,
		claims: canResolve ? claims : [],
		split,
		payers,
		allocation,
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'bank-office', 'fees-office'] }

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { user, movement } = await loadMovement(request, context, params.id, 'update')
	await requirePermission(user, 'update', 'Claim', { request, context })
	const form = await request.formData()
	if (form.get('intent') === 'split') {
		await requirePermission(user, 'update', 'Payment', { request, context })
		return split(form, { user, movementId: movement.id, context })
	}
	const parsed = ResolveSchema.safeParse(Object.fromEntries(form))
	if (!parsed.success) {
		const onlyNote = parsed.error.issues.every((issue) => issue.path[0] === 'note')
		return data({ error: onlyNote ? 'movement.errors.note' : 'movement.errors.claim' }, { status: 400 })
	}
	const common = { db: user.db, movementId: movement.id, note: parsed.data.note, staffId: user.me.id, ...requestMeta(context) }
	try {
		if (parsed.data.intent === 'ignore') {
			await ignoreMovement(common)
			return redirect(`/urad/banka/pohyb/${movement.id}?hotovo=ignored`, 303)
		}
		if (movement.kind !== 'credit') return data({ error: 'movement.errors.reversal' }, { status: 400 })
		const outcome = await matchMovementToClaim({ ...common, claimId: parsed.data.claimId })
		return redirect(`/urad/banka/pohyb/${movement.id}?hotovo=${outcome}`, 303)
	} catch (error) {
		if (!isAppError(error, 'input_invalid')) throw error
		return data({ error: 'movement.errors.notWaiting' }, { status: 409 })
	}
}

type OfficeUser = Awaited<ReturnType<typeof loadMovement>>['user']

/** Splitting one payment over several claims; a refusal echoes what was typed and changes nothing. */
async function split(form: FormData, { user, movementId, context }: { user: OfficeUser; movementId: string; context: ActionFunctionArgs['context'] }) {
	const parsed = readSplitForm(form)
	const note = String(form.get('note') ?? '').slice(0, 500)
	if (!parsed.ok) return data({ splitError: parsed.error as SplitFormError, values: parsed.values, note }, { status: 400 })
	try {
		await splitMovement({ db: user.db, movementId, ...parsed.data, staffId: user.me.id, ...requestMeta(context) })
	} catch (error) {
		if (!(error instanceof SplitError)) throw error
		const conflict = error.reason === 'changed' || error.reason === 'not_splittable'
		return data({ splitError: { reason: error.reason, ...error.detail } as SplitFormError, values: parsed.values, note }, { status: conflict ? 409 : 400 })
	}
	return redirect(`/urad/banka/pohyb/${movementId}?hotovo=split`, 303)
}

export default function MovementPage() {
	const { movement, q, canResolve, claims, split, payers, allocation } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const error = actionData && 'error' in actionData ? actionData.error : null
	const splitFailure = actionData && 'splitError' in actionData ? actionData : null
	const [params] = useSearchParams()
	const done = DONE.find((d) => d === params.get('hotovo'))
	const { t, i18n } = useTranslation('bank-office')
	const { t: tFees } = useTranslation('fees-office')
	const money = (halere: number) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CZK' }).format(halere / 100)
	const format = useFormat()
	const details: [string, string | null][] = [
		['date', format.date(movement.bookingDate)],
		['amount', money(movement.amount)],
		['vs', movement.variableSymbol],
		['ss', movement.specificSymbol],
		['ks', movement.constantSymbol],
		['counter', movement.counterAccount],
		['counterName', movement.counterName],
		['message', movement.message],
		['status', t(`movement.statuses.${movement.matchStatus}`)],
		['note', movement.note],
	]
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<p className="mb-2">
				<Link to="/urad/banka/nesparovane">{t('movement.back')}</Link>
			</p>
			<h1 className="mb-4 text-3xl font-bold">
				{t(movement.matchStatus === 'unmatched' ? 'movement.title' : 'movement.titleResolved')} ({t(`queue.kinds.${movement.kind}`)})
			</h1>
			<div role="status">
				{done ? <p className="mb-4 rounded-town border-2 border-green-800 bg-green-50 p-3 font-medium text-green-900">{t(`movement.done.${done}`)}</p> : null}
			</div>
			<div role="alert">
				{error || (splitFailure && !split) ? (
					<p className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
						{error
							? t(error)
							: t(`split.errors.${splitFailure!.splitError.reason}`, {
									vs: splitFailure!.splitError.variableSymbol ?? '',
									remaining: '',
									sum: '',
									available: '',
								})}
					</p>
				) : null}
			</div>
			<dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
				{details
					.filter(([, value]) => value)
					.map(([key, value]) => (
						<div key={key} className="contents">
							<dt className="font-medium">{t(`movement.${key}`)}</dt>
							<dd>{value}</dd>
						</div>
					))}
			</dl>
			{allocation ? (
				<section aria-labelledby="allocation-heading" className="mb-8">
					<h2 id="allocation-heading" className="mb-2 text-xl font-semibold">
						{t('split.allocationHeading')}
					</h2>
					<ul className="mb-2 list-disc pl-6">
						{allocation.items.map((item) => (
							<li key={item.claimId}>
								<Link to={`/urad/poplatky/predpisy/${item.claimId}`}>{item.variableSymbol}</Link>: {money(item.amount)}
							</li>
						))}
					</ul>
					<p className="mb-2">{t('split.overpaid', { amount: money(allocation.overpaid) })}</p>
					<p>
						<Link to={`/urad/platby/${allocation.paymentId}`}>{t('split.paymentLink')}</Link>
					</p>
				</section>
			) : null}
			{(canResolve || split) && movement.kind === 'credit' ? (
				<section aria-labelledby="search-heading" className="mb-8">
					<h2 id="search-heading" className="mb-2 text-xl font-semibold">
						{t('movement.searchHeading')}
					</h2>
					<Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
						<label>
							<span className="block text-sm font-medium">{t('movement.q')}</span>
							<input type="search" name="q" defaultValue={q} className="rounded-town border px-2 py-1" />
						</label>
						<SubmitButton variant="secondary">{t('movement.search')}</SubmitButton>
					</Form>
					{canResolve && q && claims.length === 0 ? <p>{t('movement.noClaims')}</p> : null}
					{canResolve && claims.length ? (
						<Form method="post" className="rounded-town border p-4" aria-labelledby="match-heading">
							<h3 id="match-heading" className="mb-2 text-lg font-semibold">
								{t('movement.matchHeading')}
							</h3>
							<fieldset className="mb-3">
								<legend className="mb-1 font-medium">{t('movement.claimsHeading')}</legend>
								{claims.map((c, index) => (
									<label key={c.id} className="block">
										<input type="radio" name="claimId" value={c.id} required defaultChecked={index === 0 && claims.length === 1} /> {c.variableSymbol} –{' '}
										{c.name} – {format.text(c.label) || c.feeType} {c.year}
										{format.instalment(c) ? `, ${format.instalment(c)}` : ''} – {t('movement.claimAmount')} {money(c.amount)}, {t('movement.paid')}{' '}
										{money(c.paidAmount)}, {t('movement.due')} {format.date(c.dueDate)} ({tFees(`claims.statuses.${c.status}`)})
									</label>
								))}
							</fieldset>
							<label className="mb-3 block">
								<span className="mb-1 block font-medium">{t('movement.note')}</span>
								<textarea
									name="note"
									required
									minLength={3}
									maxLength={500}
									rows={2}
									aria-describedby="match-note-hint"
									className="w-full rounded-town border p-2"
								/>
							</label>
							<p id="match-note-hint" className="mb-3 text-sm">
								{t('movement.noteHint')}
							</p>
							<SubmitButton name="intent" value="match">
								{t('movement.match')}
							</SubmitButton>
						</Form>
					) : null}
				</section>
			) : null}
			{split ? <SplitSection split={split} payers={payers} q={q} failure={splitFailure} /> : null}
			{canResolve ? (
				<Form method="post" className="rounded-town border p-4" aria-labelledby="ignore-heading">
					<h2 id="ignore-heading" className="mb-2 text-xl font-semibold">
						{t('movement.ignoreHeading')}
					</h2>
					<label className="mb-3 block">
						<span className="mb-1 block font-medium">{t('movement.note')}</span>
						<textarea
							name="note"
							required
							minLength={3}
							maxLength={500}
							rows={2}
							aria-describedby="ignore-note-hint"
							className="w-full rounded-town border p-2"
						/>
					</label>
					<p id="ignore-note-hint" className="mb-3 text-sm">
						{t('movement.ignoreHint')}
					</p>
					<SubmitButton name="intent" value="ignore" variant="secondary">
						{t('movement.ignore')}
					</SubmitButton>
				</Form>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
