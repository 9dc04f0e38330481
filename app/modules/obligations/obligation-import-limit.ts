/** The largest obligations CSV the office may import. */
export const OBLIGATION_IMPORT_MAX_BYTES = 5 * 1024 * 1024
