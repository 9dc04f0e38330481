// The figures of the town statistics (issue 17). Kept as data so the office page, the public page,
// the CSV downloads and the open-data rows all name a figure the same way.

/** Rows of statistic_month, one `figure` per source (app/modules/statistics/refresh-statistics.server.ts). */
export const STORED_FIGURES = [
	'registrations',
	'active_users',
	'submissions',
	'resolution',
	'payments',
	'waste_fee',
	'discount',
	'overdue',
	'grant_applications',
	'messages',
	'first_response',
] as const
export type StoredFigure = (typeof STORED_FIGURES)[number]

/** What the pages show as a chart with its table and CSV. */
export const CHARTS = [
	'users',
	'active_users',
	'submissions',
	'resolution',
	'payments',
	'payments_amount',
	'payments_share',
	'waste_share',
	'discount',
	'overdue_share',
	'grant_applications',
	'messages',
	'first_response',
] as const
export type ChartKey = (typeof CHARTS)[number]

/** Breakdown tables beside the charts (each with its own CSV). */
export const TABLES = ['submissions_by_form', 'payments_by_method', 'grants_by_programme', 'messages_by_agenda'] as const
export type TableKey = (typeof TABLES)[number]

export type Unit = 'count' | 'czk' | 'percent' | 'days'

export const CHART_UNITS: Record<ChartKey, Unit> = {
	users: 'count',
	active_users: 'count',
	submissions: 'count',
	resolution: 'days',
	payments: 'count',
	payments_amount: 'czk',
	payments_share: 'percent',
	waste_share: 'percent',
	discount: 'czk',
	overdue_share: 'percent',
	grant_applications: 'count',
	messages: 'count',
	first_response: 'days',
}

/** Figures a town may publish on /statistiky: aggregates only, never a person. */
export const PUBLISHABLE = [
	'users',
	'active_users',
	'submissions',
	'resolution',
	'payments_share',
	'waste_share',
	'discount',
	'overdue_share',
] as const satisfies readonly ChartKey[]
export type PublishableKey = (typeof PUBLISHABLE)[number]
export const DEFAULT_PUBLISHED: PublishableKey[] = ['users', 'submissions', 'payments_share']

/** How a payment reached the town: QR (portal QR with its own VS), card (GoPay, Stripe), bank transfer with the claim's VS, cash at the office (manual). */
export const PAYMENT_CHANNELS = ['qr', 'card', 'bank_transfer', 'cash'] as const
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number]
export const PORTAL_CHANNELS: readonly PaymentChannel[] = ['qr', 'card']

export const SUBMISSION_CHANNELS = ['logged_in', 'anonymous'] as const
