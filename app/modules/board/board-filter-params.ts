import { PAGE_PARAM } from '../http/page-param'

/** The public board's query parameters: Czech like the paths (docs/glossary.md), e.g. `?zalozka=archive&kategorie=…&od=…&do=…`. */
export const PUBLIC_BOARD_PARAMS = { tab: 'zalozka', q: 'q', category: 'kategorie', from: 'od', to: 'do', page: PAGE_PARAM } as const

/** The office board list's state filter: `?stav=`. */
export const OFFICE_BOARD_STATE_PARAM = 'stav'
