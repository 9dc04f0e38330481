// The areas of "Můj přehled" (/muj-prehled). Each area is one loader: one round of queries, its own
// CASL filter, a small serialisable result. A new area (messages, notifications, grants) is one more
// loader here and one more section in the route; nothing else changes (load-my-overview.server.ts).
import type { AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

export type OverviewContext = { db: TenantDb; ability: AppAbility; personId: string; now: Date }

export const OVERVIEW_LIST_SIZE = 5

/** Submission states in which the office still has something to do (or waits for the citizen). */
export const SUBMISSION_OPEN_STATES = ['submitted', 'delivered', 'assigned', 'in_progress', 'needs_info', 'answered', 'failed'] as const
