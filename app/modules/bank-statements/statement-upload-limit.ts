/** The largest bank statement file the office may upload (MB): the upload page says so, the server holds to it. */
export const STATEMENT_UPLOAD_MAX_MB = 30
