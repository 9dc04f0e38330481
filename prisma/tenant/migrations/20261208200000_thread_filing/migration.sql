-- Issue 15: a clerk files a conversation (or one message of it) into the town's records system as a
-- document. One row per document is the outbox: written when the clerk asks, delivered by the
-- deliver-submissions job through the town's connector like submissions (claimed with a lease,
-- retried with backoff for 48 h, resent by a clerk after a final failure). The unique document key
-- ("thread-<id>" or "message-<id>") is both the once-only guard when two clerks click at once and the
-- idempotency key the records system sees. States: app/modules/messages/thread-filing-states.ts.
CREATE TABLE "thread_filing" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "thread_id" UUID NOT NULL,
    "message_id" UUID,
    "document_key" TEXT NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "external_id" TEXT,
    "reference_number" TEXT,
    "requested_by_staff_id" UUID,
    "requested_by_name" TEXT NOT NULL,
    "filed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "thread_filing_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "thread_filing_filed" CHECK (("state" = 'delivered') = ("filed_at" IS NOT NULL AND "external_id" IS NOT NULL)),
    CONSTRAINT "thread_filing_failure" CHECK ("state" <> 'failed' OR "last_error" IS NOT NULL),
    CONSTRAINT "thread_filing_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "message_thread"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "thread_filing_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "thread_message"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "thread_filing_requested_by_staff_id_fkey" FOREIGN KEY ("requested_by_staff_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "thread_filing_document_key_key" ON "thread_filing"("document_key");
CREATE INDEX "thread_filing_state_next_attempt_at_idx" ON "thread_filing"("state", "next_attempt_at");
CREATE INDEX "thread_filing_thread_id_idx" ON "thread_filing"("thread_id");
