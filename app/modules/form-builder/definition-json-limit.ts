/** The largest form definition (JSON) the builder accepts, as a file or typed into the editor. */
export const DEFINITION_JSON_MAX_BYTES = 512 * 1024
