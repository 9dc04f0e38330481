import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { accessibleWhere } from '~/modules/access/ability.server'
import { storedDate } from '~/modules/dates/prague-date'
import { generateGrantContract, markGrantContractSigned } from '~/modules/grants/contract.server'
import { decideGrantApplication } from '~/modules/grants/decide-application.server'
import { assignEvaluators, declareConflictOfInterest, scoreGrantApplication } from '~/modules/grants/evaluation.server'
import { recordFormalCheck } from '~/modules/grants/formal-check.server'
import { GrantInputError } from '~/modules/grants/grant-error'
import { notifyGrantDecision } from '~/modules/grants/notify-decision.server'
import { requireGrantAction, requireGrantsStaff } from '~/modules/grants/office-grants-guard.server'
import { markGrantPaid } from '~/modules/grants/payouts.server'
import { readCriteria } from '~/modules/grants/programme-rules'
import { reviewGrantSettlement } from '~/modules/grants/settlement.server'
import { formatMoney } from '~/modules/i18n/format'
import { requestMeta } from '~/modules/staff/office-request.server'

export const handle = { i18n: ['office', 'grants'] }

async function load(request: Request, context: Parameters<typeof requireGrantsStaff>[1], id: string) {
	const guard = await requireGrantsStaff(request, context)
	const application = await guard.user.db.grantApplication.findFirst({ where: { AND: [{ id }, accessibleWhere(guard.user.ability, 'read', 'GrantApplication')] }, select: { id: true, personId: true, state: true } })
	if (!application) throw data(null, { status: 404 })
	return { ...guard, application }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const { page, user, application } = await load(request, context, params.id ?? '')
	const me = user.actor.staffUserId
	const assignment = await user.db.grantEvaluatorAssignment.findUnique({ where: { applicationId_staffUserId: { applicationId: application.id, staffUserId: me } }, select: { conflictDeclaration: true, scoredAt: true } })
	const isEvaluatorOnly = !user.ability.can('update', 'GrantApplication')
	// An evaluator sees the content only after declaring no conflict of interest.
	const mayShowContent = !isEvaluatorOnly || assignment?.conflictDeclaration === 'none'
	const a = await user.db.grantApplication.findUniqueOrThrow({
		where: { id: application.id },
		select: {
			id: true, number: true, state: true, applicantName: true, applicantIco: true, legalForm: true, address: true, purpose: true, reasoning: true, representatives: true, requestedAmount: true, awardedAmount: true,
			rejectionReason: true, decidingBody: true, resolutionNumber: true,
			budgetLines: { orderBy: { position: 'asc' }, select: { category: true, description: true, ownShare: true, requested: true } },
			assignments: { select: { staffUser: { select: { name: true } }, conflictDeclaration: true, scoredAt: true } },
			contract: { select: { number: true, signedOn: true, boardDeadline: true, registrSmluvDeadline: true, deMinimisDeadline: true } },
			settlements: { orderBy: { filedAt: 'desc' }, take: 1, select: { narrative: true, spentGrant: true, returnAmount: true, outcome: true, returnVariableSymbol: true } },
			call: { select: { programmeVersion: { select: { name: true, criteria: true } } } },
		},
	})
	const evaluators = user.ability.can('manage', 'GrantApplication') ? await user.db.staffUser.findMany({ where: { roles: { has: 'evaluator' }, disabledAt: null }, select: { id: true, name: true }, orderBy: { name: 'asc' } }) : []
	const money = (v: number | null | undefined) => (v ? formatMoney(v, page.locale) : null)
	const day = (d: Date | null | undefined) => (d ? storedDate(d) : null)
	return {
		title: `${a.number} – ${page.title}`,
		isAdmin: user.ability.can('manage', 'GrantApplication'), canWork: user.ability.can('update', 'GrantApplication'), assignment, mayShowContent, evaluators,
		criteria: readCriteria(a.call.programmeVersion.criteria),
		a: mayShowContent
			? {
					...a, requested: money(a.requestedAmount), awarded: money(a.awardedAmount), budgetLines: a.budgetLines.map((l) => ({ ...l, ownShare: money(l.ownShare) ?? '0', requested: money(l.requested) ?? '0' })),
					contract: a.contract ? { number: a.contract.number, signedOn: day(a.contract.signedOn), boardDeadline: day(a.contract.boardDeadline), registrSmluvDeadline: day(a.contract.registrSmluvDeadline), deMinimisDeadline: day(a.contract.deMinimisDeadline) } : null,
					settlement: a.settlements[0] ? { ...a.settlements[0], spent: money(a.settlements[0].spentGrant), toReturn: money(a.settlements[0].returnAmount) } : null,
					programme: a.call.programmeVersion.name, assignments: a.assignments.map((x) => ({ name: x.staffUser.name, declaration: x.conflictDeclaration, scored: Boolean(x.scoredAt) })),
				}
			: { number: a.number, state: a.state, programme: a.call.programmeVersion.name },
	}
}

const text = (body: FormData, name: string) => String(body.get(name) ?? '')

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { user, application, page } = await load(request, context, params.id ?? '')
	const body = await request.formData()
	const intent = text(body, 'intent')
	const db = user.db
	const staffId = user.actor.staffUserId
	const meta = requestMeta(context)
	const applicationId = application.id
	const args = { request, context }
	try {
		if (intent === 'declare') await declareConflictOfInterest({ db, staffId, applicationId, hasConflict: text(body, 'conflict') === 'yes', meta })
		else if (intent === 'score') {
			const criteria = (await db.grantApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { call: { select: { programmeVersion: { select: { criteria: true } } } } } })).call.programmeVersion.criteria
			const scores = readCriteria(criteria).map((c) => ({ criterion: c.code, points: Number(text(body, `score-${c.code}`) || 'NaN'), comment: text(body, `comment-${c.code}`) }))
			await scoreGrantApplication({ db, staffId, applicationId, scores, meta })
		} else if (['formal', 'contract', 'signed', 'paid', 'settlement'].includes(intent)) {
			await requireGrantAction(user, 'update', application, args)
			if (intent === 'formal') {
				const outcome = text(body, 'outcome')
				const check = outcome === 'returned' ? { outcome, message: text(body, 'message'), deadline: text(body, 'deadline') } as const : outcome === 'excluded' ? { outcome, reason: text(body, 'message') } as const : { outcome: 'complete' } as const
				await recordFormalCheck({ db, staffId, applicationId, check, meta })
			}
			if (intent === 'contract') {
				const { contact } = await db.townSettings.findUniqueOrThrow({ where: { id: 1 }, select: { contact: true } })
				const ico = ((contact ?? {}) as { ico?: string }).ico
				await generateGrantContract({ db, staffId, applicationId, town: { name: page.townName, ...(ico ? { ico } : {}) }, meta })
			}
			if (intent === 'signed') await markGrantContractSigned({ db, staffId, applicationId, signedOn: text(body, 'signedOn'), meta })
			if (intent === 'paid') await markGrantPaid({ db, staffId, applicationId, paidOn: text(body, 'paidOn'), meta })
			if (intent === 'settlement') await reviewGrantSettlement({ db, townSlug: user.tenant.slug, staffId, applicationId, outcome: text(body, 'outcome') === 'approved' ? 'approved' : 'more_requested', message: text(body, 'message'), meta })
		} else if (intent === 'assign' || intent === 'decide') {
			await requireGrantAction(user, 'manage', application, args)
			if (intent === 'assign') await assignEvaluators({ db, staffId, applicationId, evaluatorIds: body.getAll('evaluatorIds').map(String), meta })
			if (intent === 'decide') {
				const base = { resolutionNumber: text(body, 'resolutionNumber'), resolutionDate: text(body, 'resolutionDate') }
				const decision = text(body, 'outcome') === 'reject'
					? ({ outcome: 'reject', reason: text(body, 'reason'), ...base } as const)
					: ({ outcome: 'award', amount: Math.round(Number(text(body, 'amount').replace(/\s/g, '').replace(',', '.')) * 100), confirmOverBudget: body.get('confirmOverBudget') === 'on', ...base } as const)
				await decideGrantApplication({ db, staffId, isAdmin: user.ability.can('manage', 'GrantApplication'), applicationId, decision, meta })
				await notifyGrantDecision({ db, townSlug: user.tenant.slug, townOrigin: page.origin, applicationId })
			}
		} else throw data(null, { status: 400 })
	} catch (error) {
		if (error instanceof GrantInputError) return data({ error: error.key, values: error.values }, { status: 400 })
		throw error
	}
	return redirect(`/urad/dotace/zadost/${applicationId}`)
}

export const meta = titleMeta

export default function OfficeGrantApplication() {
	const { a, assignment, mayShowContent, isAdmin, canWork, evaluators, criteria } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const { t } = useTranslation('grants')
	const field = 'mt-1 rounded-town border border-muted bg-surface px-3 py-2'
	const button = 'rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast'
	const full = 'applicantName' in a ? a : null
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 space-y-6 px-4 py-10">
			<p>
				<Link to="/urad/dotace">{t('office.title')}</Link>
			</p>
			<h1 className="text-3xl font-bold">
				{t('application.title')} {a.number}
			</h1>
			<p>
				{a.programme} – <strong>{t(`states.${a.state}`)}</strong>
			</p>
			{result?.error ? (
				<p role="alert" className="rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
					{t(result.error, result.values ?? {})}
				</p>
			) : null}
			{assignment && !assignment.conflictDeclaration ? (
				<Form method="post" className="space-y-2 rounded-town border border-muted p-4">
					<h2 className="text-xl font-bold">{t('office.declareTitle')}</h2>
					<p>{t('office.declareHelp')}</p>
					<label className="block">
						<input type="radio" name="conflict" value="no" defaultChecked /> {t('office.noConflict')}
					</label>
					<label className="block">
						<input type="radio" name="conflict" value="yes" /> {t('office.hasConflict')}
					</label>
					<button type="submit" name="intent" value="declare" className={button}>
						{t('office.declare')}
					</button>
				</Form>
			) : null}
			{assignment?.conflictDeclaration === 'conflict' ? <p>{t('errors.conflictOfInterest')}</p> : null}
			{full ? (
				<section>
					<h2 className="text-xl font-bold">{t('application.applicant')}</h2>
					<p>
						{full.applicantName}
						{full.applicantIco ? `, ${t('awarded.ico')} ${full.applicantIco}` : ''}
						{full.legalForm ? `, ${full.legalForm}` : ''}
						{full.address ? `, ${full.address}` : ''}
					</p>
					<h3 className="mt-2 font-semibold">{t('application.purpose')}</h3>
					<p className="whitespace-pre-line">{full.purpose}</p>
					<h3 className="mt-2 font-semibold">{t('application.reasoning')}</h3>
					<p className="whitespace-pre-line">{full.reasoning}</p>
					{full.representatives ? <p className="mt-2">{t('application.representatives')}: {full.representatives}</p> : null}
					<h3 className="mt-2 font-semibold">{t('application.budget')}</h3>
					<ul>
						{full.budgetLines.map((l, i) => (
							<li key={i}>
								{l.category} {l.description}: {t('application.ownShare')} {l.ownShare}, {t('application.requested')} {l.requested}
							</li>
						))}
					</ul>
					<p className="mt-2 font-semibold">
						{t('application.requested')}: {full.requested}
						{full.awarded ? ` · ${t('office.awardedAmount')}: ${full.awarded}` : ''}
					</p>
					{full.rejectionReason ? <p>{t('application.rejected', { reason: full.rejectionReason })}</p> : null}
					{full.assignments.length ? (
						<p className="mt-2">
							{t('office.evaluators')}: {full.assignments.map((x) => `${x.name} (${x.scored ? t('office.scored') : x.declaration === 'conflict' ? t('office.conflict') : t('office.pending')})`).join(', ')}
						</p>
					) : null}
				</section>
			) : null}
			{mayShowContent && assignment?.conflictDeclaration === 'none' && a.state === 'in_evaluation' ? (
				<Form method="post" className="space-y-3 rounded-town border border-muted p-4">
					<h2 className="text-xl font-bold">{t('office.scoreTitle')}</h2>
					{criteria.map((c) => (
						<div key={c.code} className="grid gap-2 sm:grid-cols-2">
							<div>
								<label htmlFor={`score-${c.code}`} className="block font-semibold">
									{c.name} (0–{c.maxPoints}, ×{c.weight})
								</label>
								<input id={`score-${c.code}`} name={`score-${c.code}`} type="number" min={0} max={c.maxPoints} className={field} />
							</div>
							<div>
								<label htmlFor={`comment-${c.code}`} className="block font-semibold">
									{t('office.comment')}
								</label>
								<input id={`comment-${c.code}`} name={`comment-${c.code}`} className={field} />
							</div>
						</div>
					))}
					<button type="submit" name="intent" value="score" className={button}>
						{t('office.saveScore')}
					</button>
				</Form>
			) : null}
			{canWork && a.state === 'submitted' ? (
				<Form method="post" className="space-y-2 rounded-town border border-muted p-4">
					<h2 className="text-xl font-bold">{t('office.formalTitle')}</h2>
					{(['complete', 'returned', 'excluded'] as const).map((o) => (
						<label key={o} className="block">
							<input type="radio" name="outcome" value={o} defaultChecked={o === 'complete'} /> {t(`office.formal.${o}`)}
						</label>
					))}
					<label htmlFor="formal-message" className="block font-semibold">
						{t('office.formalMessage')}
					</label>
					<textarea id="formal-message" name="message" rows={2} className={field} />
					<label htmlFor="formal-deadline" className="block font-semibold">
						{t('office.formalDeadline')}
					</label>
					<input id="formal-deadline" name="deadline" type="date" className={field} />
					<div>
						<button type="submit" name="intent" value="formal" className={button}>
							{t('office.record')}
						</button>
					</div>
				</Form>
			) : null}
			{isAdmin && a.state === 'in_evaluation' ? (
				<>
					<Form method="post" className="space-y-2 rounded-town border border-muted p-4">
						<h2 className="text-xl font-bold">{t('office.assignTitle')}</h2>
						{evaluators.length === 0 ? <p>{t('office.noEvaluators')}</p> : null}
						{evaluators.map((e) => (
							<label key={e.id} className="block">
								<input type="checkbox" name="evaluatorIds" value={e.id} /> {e.name}
							</label>
						))}
						<button type="submit" name="intent" value="assign" className={button}>
							{t('office.assign')}
						</button>
					</Form>
					<Form method="post" className="space-y-2 rounded-town border border-muted p-4">
						<h2 className="text-xl font-bold">{t('office.decideTitle')}</h2>
						<label className="block">
							<input type="radio" name="outcome" value="award" defaultChecked /> {t('office.award')}
						</label>
						<label className="block">
							<input type="radio" name="outcome" value="reject" /> {t('office.reject')}
						</label>
						{(['resolutionNumber', 'resolutionDate', 'amount', 'reason'] as const).map((name) => (
							<div key={name}>
								<label htmlFor={`decide-${name}`} className="block font-semibold">
									{t(`office.${name}`)}
								</label>
								<input id={`decide-${name}`} name={name} type={name === 'resolutionDate' ? 'date' : 'text'} className={field} />
							</div>
						))}
						<label className="block">
							<input type="checkbox" name="confirmOverBudget" /> {t('office.confirmOverBudget')}
						</label>
						<button type="submit" name="intent" value="decide" className={button}>
							{t('office.decide')}
						</button>
					</Form>
				</>
			) : null}
			{canWork && full && a.state === 'awarded' ? (
				<Form method="post" className="space-y-2 rounded-town border border-muted p-4">
					<h2 className="text-xl font-bold">{t('office.contractTitle')}</h2>
					{full.contract ? (
						<p>
							<a href={`/urad/dotace/zadost/${full.id}/smlouva.pdf`}>{t('office.contractPdf', { number: full.contract.number })}</a>
						</p>
					) : null}
					<button type="submit" name="intent" value="contract" className={button}>
						{t('office.generateContract')}
					</button>
					{full.contract ? (
						<div>
							<label htmlFor="signedOn" className="block font-semibold">
								{t('office.signedOn')}
							</label>
							<input id="signedOn" name="signedOn" type="date" className={field} />{' '}
							<button type="submit" name="intent" value="signed" className={button}>
								{t('office.markSigned')}
							</button>
						</div>
					) : null}
				</Form>
			) : null}
			{full?.contract?.signedOn ? (
				<section>
					<h2 className="text-xl font-bold">{t('office.contractTitle')}</h2>
					<p>
						<a href={`/urad/dotace/zadost/${full.id}/smlouva.pdf`}>{t('office.contractPdf', { number: full.contract.number })}</a> – {t('office.signedOn')} {full.contract.signedOn}
					</p>
					<ul>
						{full.contract.boardDeadline ? <li>{t('office.duty.board')}: {full.contract.boardDeadline}</li> : null}
						{full.contract.registrSmluvDeadline ? <li>{t('office.duty.registr_smluv')}: {full.contract.registrSmluvDeadline}</li> : null}
						{full.contract.deMinimisDeadline ? <li>{t('office.duty.de_minimis')}: {full.contract.deMinimisDeadline}</li> : null}
					</ul>
				</section>
			) : null}
			{canWork && a.state === 'contracted' ? (
				<Form method="post" className="space-y-2 rounded-town border border-muted p-4">
					<label htmlFor="paidOn" className="block font-semibold">
						{t('office.paidOn')}
					</label>
					<input id="paidOn" name="paidOn" type="date" className={field} />{' '}
					<button type="submit" name="intent" value="paid" className={button}>
						{t('office.markPaid')}
					</button>
				</Form>
			) : null}
			{full?.settlement ? (
				<section>
					<h2 className="text-xl font-bold">{t('settlement.title')}</h2>
					<p>
						{t('settlement.spentGrant')}: {full.settlement.spent ?? '0'} · {t('office.toReturn')}: {full.settlement.toReturn ?? '0'}
						{full.settlement.returnVariableSymbol ? ` · VS ${full.settlement.returnVariableSymbol}` : ''}
					</p>
					<p className="whitespace-pre-line">{full.settlement.narrative}</p>
				</section>
			) : null}
			{canWork && a.state === 'settlement_filed' ? (
				<Form method="post" className="space-y-2 rounded-town border border-muted p-4">
					<label className="block">
						<input type="radio" name="outcome" value="approved" defaultChecked /> {t('office.approve')}
					</label>
					<label className="block">
						<input type="radio" name="outcome" value="more_requested" /> {t('office.askMore')}
					</label>
					<label htmlFor="settlement-message" className="block font-semibold">
						{t('office.formalMessage')}
					</label>
					<textarea id="settlement-message" name="message" rows={2} className={field} />
					<button type="submit" name="intent" value="settlement" className={button}>
						{t('office.record')}
					</button>
				</Form>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
