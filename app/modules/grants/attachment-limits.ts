/** What a grant application's attachments and a settlement's receipts may be: the shape of a form definition's limits. */
export const GRANT_ATTACHMENT_ACCEPT = ['application/pdf', 'image/jpeg', 'image/png']
export const GRANT_ATTACHMENT_LIMITS = { maxFileSizeMb: 10, maxFiles: 20, maxTotalSizeMb: 50 }
