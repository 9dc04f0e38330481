// The office inbox's state filters; shared with the page's component, so not in a .server module.
export const OFFICE_FILTERS = ['open', 'new', 'waiting_for_office', 'waiting_for_citizen', 'closed', 'all'] as const
