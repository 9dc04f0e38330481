import { PAGE_PARAM } from '../http/page-param'

/** The unmatched-movements filters' query parameters: Czech like the paths (docs/glossary.md). */
export const MOVEMENT_FILTER_PARAMS = { from: 'od', to: 'do', min: 'min', max: 'max', vs: 'vs', page: PAGE_PARAM } as const
